import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventBus, Transactions } from '@ruche/platform';

/**
 * Keeps mentoring offers on canonical topics: when an alias becomes a synonym ("k8s" →
 * "kubernetes"), offers stored under it move to its topic, as expertise moves its own rows on the
 * same event. Idempotent (a redelivery finds nothing left under the alias).
 */
@Injectable()
export class MentoringListeners implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly transactions: Transactions,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('skill_synonyms.updated', async ({ payload }) => {
      for (const { alias, canonical } of payload.added) {
        await this.transactions.run(async (tx) => {
          // A person offering both spellings keeps one.
          await tx.manager.query(
            `INSERT INTO mentoring_offers (user_id, topic, label, created_at)
             SELECT user_id, $2, label, created_at FROM mentoring_offers WHERE topic = $1
             ON CONFLICT (user_id, topic) DO NOTHING`,
            [alias, canonical],
          );
          await tx.manager.query('DELETE FROM mentoring_offers WHERE topic = $1', [alias]);
        });
      }
    });
  }
}
