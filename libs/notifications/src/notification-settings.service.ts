import { Inject, Injectable } from '@nestjs/common';
import {
  Database,
  decodeCursor,
  invalid,
  notFound,
  RUCHE_CONFIG,
  type RucheConfig,
  type Page,
  type PageQuery,
  rows,
  SqlParams,
  SubjectVisibility,
  toPage,
} from '@ruche/platform';
import type { MuteView, PreferenceDto, PreferencesView } from './dto.js';
import { EMAIL_BY_DEFAULT, type MutableType, NOTIFICATION_KINDS, type NotificationKind, PUSH_BY_DEFAULT } from './notification-kinds.js';

/** The row that holds the daily digest's email choice (not a notification kind: never listed as one). */
const DIGEST_ROW = 'digest';

/** What can be sent by email: a notification kind, or the daily digest. */
export type EmailTopic = NotificationKind | 'digest';

/**
 * What each person wants to hear about: kinds on or off in the app (all on by default), by email
 * (see EMAIL_BY_DEFAULT; the digest on by default), by push (PUSH_BY_DEFAULT), posts and groups muted.
 */
@Injectable()
export class NotificationSettingsService {
  constructor(
    private readonly db: Database,
    private readonly visibility: SubjectVisibility,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  async preferences(userId: string): Promise<PreferencesView> {
    const found = await rows<{ kind: string; enabled: boolean; email: boolean | null; push: boolean | null }>(
      this.db.manager,
      'SELECT kind, enabled, email, push FROM notification_preferences WHERE user_id = $1',
      [userId],
    );
    const set = new Map(found.map((r) => [r.kind, r]));
    return {
      items: NOTIFICATION_KINDS.map((kind) => ({
        kind,
        enabled: set.get(kind)?.enabled ?? true,
        email: set.get(kind)?.email ?? EMAIL_BY_DEFAULT.has(kind),
        push: set.get(kind)?.push ?? PUSH_BY_DEFAULT.has(kind),
      })),
      digestEmail: set.get(DIGEST_ROW)?.email ?? true,
      emailConfigured: !!this.config.mail.smtpUrl,
    };
  }

  /**
   * Sets what is given (the last wins if a kind is given twice; a field left out keeps its setting;
   * the kinds not given keep theirs), in one statement.
   */
  async setPreferences(userId: string, changes: PreferenceDto[] = [], digestEmail?: boolean): Promise<PreferencesView> {
    if (changes.length === 0 && digestEmail === undefined) throw invalid('give preferences or digestEmail');
    if (changes.some((c) => c.enabled === undefined && c.email === undefined && c.push === undefined))
      throw invalid('each preference must set enabled, email or push');
    const latest = new Map<string, { enabled: boolean | null; email: boolean | null; push: boolean | null }>();
    for (const c of changes) {
      const before = latest.get(c.kind);
      latest.set(c.kind, {
        enabled: c.enabled ?? before?.enabled ?? null,
        email: c.email ?? before?.email ?? null,
        push: c.push ?? before?.push ?? null,
      });
    }
    if (digestEmail !== undefined) latest.set(DIGEST_ROW, { enabled: null, email: digestEmail, push: null });
    const values = [...latest.values()];
    await this.db.query(
      `INSERT INTO notification_preferences (user_id, kind, enabled, email, push)
       SELECT $1, kind, coalesce(enabled, true), email, push
         FROM unnest($2::text[], $3::boolean[], $4::boolean[], $5::boolean[]) AS c (kind, enabled, email, push)
       ON CONFLICT ON CONSTRAINT notification_preferences_pkey DO UPDATE
          SET enabled = coalesce((SELECT c.enabled FROM unnest($2::text[], $3::boolean[]) AS c (kind, enabled) WHERE c.kind = excluded.kind), notification_preferences.enabled),
              email = coalesce(excluded.email, notification_preferences.email),
              push = coalesce(excluded.push, notification_preferences.push),
              updated_at = now()`,
      [userId, [...latest.keys()], values.map((v) => v.enabled), values.map((v) => v.email), values.map((v) => v.push)],
    );
    return this.preferences(userId);
  }

  /** Whether `userId` wants `topic` by email (their choice, else the default). */
  async wantsEmail(userId: string, topic: EmailTopic): Promise<boolean> {
    const [found] = await rows<{ email: boolean | null }>(
      this.db.manager,
      'SELECT email FROM notification_preferences WHERE user_id = $1 AND kind = $2',
      [userId, topic === 'digest' ? DIGEST_ROW : topic],
    );
    if (found?.email != null) return found.email;
    return topic === 'digest' || EMAIL_BY_DEFAULT.has(topic);
  }

  /** Whether `userId` wants `kind` pushed to their devices (their choice, else the default). */
  async wantsPush(userId: string, kind: NotificationKind): Promise<boolean> {
    const [found] = await rows<{ push: boolean | null }>(
      this.db.manager,
      'SELECT push FROM notification_preferences WHERE user_id = $1 AND kind = $2',
      [userId, kind],
    );
    return found?.push ?? PUSH_BY_DEFAULT.has(kind);
  }

  /** Turns one topic's email on or off (the unsubscribe link), leaving the in-app choice as it is. */
  async setEmail(userId: string, topic: EmailTopic, on: boolean): Promise<void> {
    await this.setPreferences(userId, topic === 'digest' ? [] : [{ kind: topic, email: on }], topic === 'digest' ? on : undefined);
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
