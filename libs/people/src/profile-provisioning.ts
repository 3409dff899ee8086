import { Injectable, OnModuleInit } from '@nestjs/common';
import { Database, EventBus } from '@ruche/platform';

/**
 * An account made by single sign-on (#15) arrives with the department and title its identity
 * provider holds (`user.registered`'s `profile`): they become its profile in the registering
 * transaction, so the person's first page already shows them. Later edits are the person's own.
 */
@Injectable()
export class ProfileProvisioning implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly bus: EventBus,
  ) {}

  onModuleInit(): void {
    this.bus.subscribeWithin('user.registered', async (event) => {
      const profile = event.payload.profile;
      if (!profile || (!profile.title && !profile.department)) return;
      await this.db.manager.query(
        `INSERT INTO profiles (user_id, title, department) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET title = EXCLUDED.title, department = EXCLUDED.department`,
        [event.payload.user.id, profile.title ?? '', profile.department ?? ''],
      );
    });
  }
}
