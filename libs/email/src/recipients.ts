import { Injectable } from '@nestjs/common';
import { IdentityService } from '@ruche/identity';
import { PeopleService } from '@ruche/people';
import type { MailLocale } from './templates.js';

export interface MailRecipient {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  locale: MailLocale;
  timeZone: string;
}

/** Who an email goes to, as identity and people know them now: active accounts only, in their language and zone. */
@Injectable()
export class MailRecipients {
  constructor(
    private readonly identity: IdentityService,
    private readonly people: PeopleService,
  ) {}

  async get(userId: string): Promise<MailRecipient | null> {
    const user = await this.identity.getUser(userId).catch(() => null);
    if (!user || user.status !== 'active') return null;
    const settings = (await this.people.localeSettings([userId])).get(userId);
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      locale: settings?.locale ?? 'en',
      timeZone: settings?.timeZone ?? 'UTC',
    };
  }
}
