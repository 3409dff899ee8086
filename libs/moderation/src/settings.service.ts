import { Injectable, OnModuleInit } from '@nestjs/common';
import { ContentScreening, Database, rows, Transactions } from '@ruche/platform';
import { findBlockedTerms, normalizeTerms } from './blocked-terms.js';
import type { SettingsView, UpdateSettingsDto } from './dto.js';

interface SettingsRow {
  auto_hide_threshold: number;
  blocked_terms: string[];
  updated_by: string | null;
  updated_at: Date;
}

const COLUMNS = 'auto_hide_threshold, blocked_terms, updated_by, updated_at';

const toView = (row: SettingsRow): SettingsView => ({
  autoHideThreshold: row.auto_hide_threshold,
  blockedTerms: row.blocked_terms,
  updatedBy: row.updated_by,
  updatedAt: row.updated_at.toISOString(),
});

/**
 * The moderation settings (one row): how many different reporters hide content automatically, and
 * the blocked terms that hold content for review. Read from the database on each use, so every api
 * instance applies a change at once. Registers the blocked-terms screener with the platform.
 */
@Injectable()
export class ModerationSettingsService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly screening: ContentScreening,
  ) {}

  onModuleInit(): void {
    this.screening.register(async (text) => {
      const terms = findBlockedTerms(text, (await this.current()).blockedTerms);
      return { held: terms.length > 0, terms };
    });
  }

  async current(): Promise<SettingsView> {
    const [row] = await rows<SettingsRow>(this.db.manager, `SELECT ${COLUMNS} FROM moderation_settings WHERE id = 1`);
    return toView(row);
  }

  /** Partial update; the term list is replaced as a whole. Changing nothing emits nothing. */
  async update(actorId: string, input: UpdateSettingsDto): Promise<SettingsView> {
    return this.transactions.run(async (tx) => {
      const [before] = await rows<SettingsRow>(tx.manager, `SELECT ${COLUMNS} FROM moderation_settings WHERE id = 1 FOR UPDATE`);
      const autoHideThreshold = input.autoHideThreshold ?? before.auto_hide_threshold;
      const blockedTerms = input.blockedTerms ? normalizeTerms(input.blockedTerms) : before.blocked_terms;
      const same =
        autoHideThreshold === before.auto_hide_threshold &&
        blockedTerms.length === before.blocked_terms.length &&
        blockedTerms.every((term, i) => term === before.blocked_terms[i]);
      if (same) return toView(before);
      const [after] = await rows<SettingsRow>(
        tx.manager,
        `UPDATE moderation_settings SET auto_hide_threshold = $1, blocked_terms = $2, updated_by = $3, updated_at = now()
          WHERE id = 1 RETURNING ${COLUMNS}`,
        [autoHideThreshold, blockedTerms, actorId],
      );
      await tx.emit({
        type: 'moderation.settings_changed',
        payload: {
          autoHideThreshold,
          blockedTerms,
          previous: { autoHideThreshold: before.auto_hide_threshold, blockedTerms: before.blocked_terms },
        },
        audience: [],
        actorId,
      });
      return toView(after);
    });
  }
}
