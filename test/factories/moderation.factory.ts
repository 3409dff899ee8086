import type { TestApp } from '../support/test-app.js';
import { expectBody } from './expect-status.js';
import { actingAs, registerUser, type TestUser } from './user.factory.js';

export type TargetType = 'post' | 'comment' | 'idea' | 'question' | 'answer';
export type Action = 'dismiss' | 'hide' | 'remove';

export interface ReportBody {
  id: string;
  targetType: TargetType;
  targetId: string;
  reason: string;
  status: 'open' | 'resolved';
  createdAt: string;
  resolvedAt: string | null;
}

export interface QueueItemBody {
  id: string;
  reportId: string;
  target: {
    type: TargetType;
    id: string;
    groupId: string | null;
    author: { id: string; handle: string; displayName: string } | null;
    excerpt: string | null;
    state: 'visible' | 'hidden' | 'removed' | 'held';
    available: boolean;
  };
  reportCount: number;
  reasons: string[];
  reports: { id: string; reporter: { id: string } | null; reason: string; automatic: boolean; createdAt: string }[];
  autoHidden: boolean;
  held: boolean;
  heldTerms: string[];
  openedAt: string;
  lastReportedAt: string;
}

export interface AuditEntryBody {
  id: string;
  action: string;
  actor: { id: string; handle: string; displayName: string } | null;
  targetType: string;
  targetId: string | null;
  targetPerson: { id: string; handle: string; displayName: string } | null;
  groupId: string | null;
  note: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

/** Files a report through the real API (201 new, 200 when the caller had already reported it). */
export async function report(
  t: TestApp,
  reporter: TestUser,
  targetId: string,
  targetType: TargetType = 'post',
  reason = 'Off-topic and rude',
): Promise<ReportBody> {
  return expectBody(
    actingAs(t, reporter).post('/api/reports', { targetType, targetId, reason }),
    [200, 201],
    'POST /api/reports',
  );
}

/** Reports `targetId` once by each of `reporters`; returns the reports. */
export async function reportBy(t: TestApp, reporters: TestUser[], targetId: string, targetType: TargetType = 'post') {
  const reports: ReportBody[] = [];
  for (const reporter of reporters)
    reports.push(await report(t, reporter, targetId, targetType, `Reported by ${reporter.handle}`));
  return reports;
}

export async function resolve(t: TestApp, reviewer: TestUser, reportId: string, action: Action, note?: string) {
  return expectBody<{ id: string; action: Action; state: string; note: string | null; reportCount: number }>(
    actingAs(t, reviewer).post(`/api/moderation/reports/${reportId}/resolve`, note === undefined ? { action } : { action, note }),
    [200],
    'resolve',
  );
}

export async function queueOf(t: TestApp, viewer: TestUser, query = ''): Promise<QueueItemBody[]> {
  return (
    await expectBody<{ items: QueueItemBody[] }>(
      actingAs(t, viewer).get(`/api/moderation/queue${query}`),
      [200],
      'GET /api/moderation/queue',
    )
  ).items;
}

export async function setSettings(t: TestApp, actor: TestUser, body: { autoHideThreshold?: number; blockedTerms?: string[] }) {
  return expectBody<{ autoHideThreshold: number; blockedTerms: string[] }>(
    actingAs(t, actor).put('/api/moderation/settings', body),
    [200],
    'PUT /api/moderation/settings',
  );
}

/** Publishes company guidelines (admin); returns the new version. */
export async function publishGuidelines(t: TestApp, admin: TestUser, body: string): Promise<number> {
  return (
    await expectBody<{ version: number }>(actingAs(t, admin).put('/api/guidelines', { body }), [200], 'PUT /api/guidelines')
  ).version;
}

export async function acceptGuidelines(t: TestApp, user: TestUser, version: number): Promise<void> {
  await expectBody(actingAs(t, user).post('/api/guidelines/accept', { version }), [204], 'POST /api/guidelines/accept');
}

/** Gives `user` site roles (the admin's API); returns the user with the roles set. */
export async function grantRoles(t: TestApp, admin: TestUser, user: TestUser, roles: string[]): Promise<TestUser> {
  const set = await expectBody<{ roles: string[] }>(
    actingAs(t, admin).put(`/api/admin/users/${user.id}/roles`, { roles }),
    [200],
    'PUT roles',
  );
  return { ...user, roles: set.roles };
}

export async function setSuspended(t: TestApp, admin: TestUser, userId: string, suspended: boolean, reason = 'Policy violation') {
  return expectBody<{ id: string; status: string }>(
    actingAs(t, admin).put(`/api/admin/users/${userId}/suspension`, { suspended, reason }),
    [200],
    'PUT suspension',
  );
}

/** Audit entries (newest first), optionally for one action, as a reader with Permission.ReadAudit. */
export async function auditOf(t: TestApp, reader: TestUser, query = ''): Promise<AuditEntryBody[]> {
  await t.settle();
  return (
    await expectBody<{ items: AuditEntryBody[] }>(
      actingAs(t, reader).get(`/api/moderation/audit${query}`),
      [200],
      'GET /api/moderation/audit',
    )
  ).items;
}

/** Row counts of the moderation tables, to prove a refused request wrote nothing. */
export async function moderationCounts(t: TestApp): Promise<Record<string, number>> {
  await t.settle();
  const tables = [
    'reports',
    'moderation_cases',
    'audit_log',
    'guidelines',
    'guideline_acceptances',
    'posts',
    'post_comments',
    'outbox',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const [settings] = await t.sql<{ updated_at: Date }>('SELECT updated_at FROM moderation_settings');
  counts.settingsUpdatedAt = settings.updated_at.getTime();
  const [users] = await t.sql<{ n: string }>(`SELECT count(*) AS n FROM users WHERE status <> 'active'`);
  counts.suspended = Number(users.n);
  return counts;
}

/** A new account made a moderator by `admin`, through the real API. */
export async function registerModerator(t: TestApp, admin: TestUser, displayName = 'Moderator'): Promise<TestUser> {
  return grantRoles(t, admin, await registerUser(t, { displayName }), ['moderator']);
}
