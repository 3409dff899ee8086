import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AccountMailPort, type AccountMessage, RUCHE_CONFIG, type RucheConfig } from '@ruche/platform';
import { Mailer } from './mailer.js';
import { escapeHtml, type RenderedMail } from './templates.js';

const WORDS: Record<AccountMessage['kind'], { subject: string; intro: string; action: string }> = {
  verify_email: {
    subject: 'Confirm your email address for Ruche',
    intro: 'Confirm that this address is yours, and you can start posting on Ruche.',
    action: 'Confirm my address',
  },
  password_reset: {
    subject: 'Reset your Ruche password',
    intro: 'Someone (hopefully you) asked to reset the password of your Ruche account. If it was not you, ignore this email: nothing changes.',
    action: 'Choose a new password',
  },
  invitation: {
    subject: 'You are invited to Ruche',
    intro: 'You are invited to join your colleagues on Ruche, the company’s social network.',
    action: 'Create my account',
  },
};

/** The words of an account email: one link, when it expires, and nothing else (pure; unit-tested). */
export function renderAccountMail(message: AccountMessage): RenderedMail {
  const words = WORDS[message.kind];
  const greeting = message.displayName ? `Hello ${message.displayName},` : 'Hello,';
  const expires = `This link works once, until ${message.expiresAt.toISOString().replace('T', ' ').slice(0, 16)} UTC.`;
  return {
    subject: words.subject,
    text: `${greeting}\n\n${words.intro}\n\n${words.action}: ${message.link}\n\n${expires}\n`,
    html:
      `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(words.intro)}</p>` +
      `<p><a href="${escapeHtml(message.link)}">${escapeHtml(words.action)}</a></p>` +
      `<p style="color:#666">${escapeHtml(expires)}</p>`,
  };
}

/**
 * Fills platform's AccountMailPort, through which identity (which cannot import this module)
 * sends verification, password-reset and invitation emails (#15). Only with SMTP_URL set: without
 * it the port stays empty, and identity offers links to hand over instead.
 */
@Injectable()
export class AccountEmails implements OnModuleInit {
  constructor(
    private readonly port: AccountMailPort,
    private readonly mailer: Mailer,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.mail.smtpUrl) return;
    this.port.provide({ send: async (message) => void (await this.mailer.sendNow(message.to, renderAccountMail(message))) });
  }
}
