import { Injectable } from '@nestjs/common';
import {
  Database,
  decodeCursor,
  notFound,
  type Page,
  type PageQuery,
  rows,
  SqlParams,
  SubjectVisibility,
  toPage,
} from '@ruche/platform';
import type { MuteView, PreferenceDto, PreferencesView } from './dto.js';
import { type MutableType, NOTIFICATION_KINDS, type NotificationKind } from './notification-kinds.js';

/** What each person wants to hear about: kinds on or off (all on by default), posts and groups muted. */
@Injectable()
export class NotificationSettingsService {
  constructor(
    private readonly db: Database,
    private readonly visibility: SubjectVisibility,
  ) {}

  async preferences(userId: string): Promise<PreferencesView> {
    const found = await rows<{ kind: NotificationKind; enabled: boolean }>(
      this.db.manager,
      'SELECT kind, enabled FROM notification_preferences WHERE user_id = $1',
      [userId],
    );
    const set = new Map(found.map((r) => [r.kind, r.enabled]));
    return { items: NOTIFICATION_KINDS.map((kind) => ({ kind, enabled: set.get(kind) ?? true })) };
  }

  /** Sets the kinds given (the last wins if one is given twice); the others keep their setting. */
  async setPreferences(userId: string, changes: PreferenceDto[]): Promise<PreferencesView> {
    const latest = new Map(changes.map((c) => [c.kind, c.enabled]));
    await this.db.query(
      `INSERT INTO notification_preferences (user_id, kind, enabled)
       SELECT $1, kind, enabled FROM unnest($2::text[], $3::boolean[]) AS c (kind, enabled)
       ON CONFLICT ON CONSTRAINT notification_preferences_pkey DO UPDATE SET enabled = excluded.enabled, updated_at = now()`,
      [userId, [...latest.keys()], [...latest.values()]],
    );
    return this.preferences(userId);
  }

  /** Mutes a post or a group the caller may see (404 otherwise, like any read). Idempotent. */
  async mute(userId: string, type: MutableType, id: string): Promise<void> {
    if (!(await this.visibility.canSee(userId, type, id))) throw notFound(type === 'post' ? 'Post' : 'Group');
    await this.db.query(
      `INSERT INTO notification_mutes (user_id, subject_type, subject_id) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT notification_mutes_pkey DO NOTHING`,
      [userId, type, id],
    );
  }

  /** Idempotent. */
  async unmute(userId: string, type: MutableType, id: string): Promise<void> {
    await this.db.query('DELETE FROM notification_mutes WHERE user_id = $1 AND subject_type = $2 AND subject_id = $3', [
      userId,
      type,
      id,
    ]);
  }

  /** The caller's mutes, newest first. */
  async mutes(userId: string, page: PageQuery): Promise<Page<MuteView>> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    const params = new SqlParams();
    const [user, take] = [params.add(userId), params.add(page.limit + 1)];
    const found = await rows<{ subject_type: MutableType; subject_id: string; created_at: Date }>(
      this.db.manager,
      `SELECT subject_type, subject_id, created_at FROM notification_mutes
        WHERE user_id = ${user} ${after ? `AND ${params.keyset('created_at, subject_id', '<', after)}` : ''}
        ORDER BY created_at DESC, subject_id DESC
        LIMIT ${take}`,
      params.values,
    );
    return toPage(
      found,
      page.limit,
      (r) => [r.created_at, r.subject_id],
      (r) => ({ type: r.subject_type, id: r.subject_id, createdAt: r.created_at.toISOString() }),
    );
  }
}
