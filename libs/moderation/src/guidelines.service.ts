import { Injectable, OnModuleInit } from '@nestjs/common';
import { IdentityService } from '@ruche/identity';
import { conflict, Database, GuidelinesGate, lockKey, renderMarkdown, rows, Transactions } from '@ruche/platform';
import type { GuidelinesView } from './dto.js';

interface GuidelinesRow {
  version: number;
  body: string;
  /** NULL for versions published before #14: rendered on read. */
  body_html: string | null;
  created_by: string | null;
  created_at: Date;
}

const PUBLISH_LOCK = 'ruche.guidelines.publish';
const CURRENT = 'SELECT version, body, body_html, created_by, created_at FROM guidelines ORDER BY version DESC LIMIT 1';

/**
 * Company-wide community guidelines, versioned. Everyone accepts the current version before
 * posting (the platform's GuidelinesGate asks here); publishing a new version asks everyone again.
 * Before the first version is published nothing is required.
 */
@Injectable()
export class GuidelinesService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly identity: IdentityService,
    private readonly gate: GuidelinesGate,
  ) {}

  onModuleInit(): void {
    this.gate.register((userId) => this.hasAcceptedCurrent(userId));
  }

  /** True when there are no guidelines yet, or the user accepted the latest version. */
  async hasAcceptedCurrent(userId: string): Promise<boolean> {
    const [{ ok }] = await rows<{ ok: boolean }>(
      this.db.manager,
      `WITH current AS (SELECT max(version) AS version FROM guidelines)
       SELECT current.version IS NULL
              OR EXISTS (SELECT 1 FROM guideline_acceptances a WHERE a.user_id = $1 AND a.version = current.version) AS ok
         FROM current`,
      [userId],
    );
    return ok;
  }

  async current(viewerId: string): Promise<GuidelinesView> {
    const [row] = await rows<GuidelinesRow>(this.db.manager, CURRENT);
    const [accepted] = await rows<{ version: number }>(
      this.db.manager,
      'SELECT max(version) AS version FROM guideline_acceptances WHERE user_id = $1',
      [viewerId],
    );
    const publisher = row?.created_by ? ((await this.identity.summaries([row.created_by])).get(row.created_by) ?? null) : null;
    return this.toView(row ?? null, publisher, accepted?.version ?? null);
  }

  /**
   * Publishes `body` as the next version (admins). The same text as the current version is not a
   * new version: nothing changes. Versions are numbered under a lock, so they have no gaps. The
   * publisher accepts what they publish. The answer is read inside the transaction: after the
   * commit a concurrent publication could already have replaced the version this call wrote.
   */
  async publish(actorId: string, body: string): Promise<GuidelinesView> {
    return this.transactions.run(async (tx) => {
      await lockKey(tx.manager, PUBLISH_LOCK);
      const [current] = await rows<GuidelinesRow>(tx.manager, CURRENT);
      if (current && current.body === body) return this.current(actorId);
      const version = (current?.version ?? 0) + 1;
      await tx.manager.query('INSERT INTO guidelines (version, body, body_html, created_by) VALUES ($1, $2, $3, $4)', [
        version,
        body,
        renderMarkdown(body),
        actorId,
      ]);
      await tx.manager.query('INSERT INTO guideline_acceptances (user_id, version) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        actorId,
        version,
      ]);
      await tx.emit({ type: 'guidelines.published', payload: { version }, audience: [], actorId });
      return this.current(actorId);
    });
  }

  /** Accepts `version`, which must be the current one (409 otherwise). Idempotent. */
  async accept(userId: string, version: number): Promise<void> {
    await this.transactions.run(async (tx) => {
      // Shared lock: publishing waits, so an acceptance is always of the version current at commit.
      await lockKey(tx.manager, PUBLISH_LOCK, 'shared');
      const [current] = await rows<{ version: number | null }>(tx.manager, 'SELECT max(version) AS version FROM guidelines');
      if (current.version === null) throw conflict('There are no community guidelines to accept yet');
      if (current.version !== version) {
        throw conflict(`Version ${version} is not the current community guidelines; accept version ${current.version}`);
      }
      const accepted = await tx.manager.query(
        'INSERT INTO guideline_acceptances (user_id, version) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id',
        [userId, version],
      );
      if (accepted.length) {
        await tx.emit({ type: 'guidelines.accepted', payload: { userId, version }, audience: [], actorId: userId });
      }
    });
  }

  private toView(
    row: GuidelinesRow | null,
    publisher: GuidelinesView['publishedBy'],
    acceptedVersion: number | null,
  ): GuidelinesView {
    return {
      version: row?.version ?? null,
      body: row?.body ?? '',
      bodyHtml: row ? (row.body_html ?? renderMarkdown(row.body)) : '',
      publishedAt: row?.created_at.toISOString() ?? null,
      publishedBy: publisher,
      acceptedVersion,
      mustAccept: row !== null && acceptedVersion !== row.version,
    };
  }
}
