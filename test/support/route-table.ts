import { Permission } from '@ruche/platform';

/**
 * Who may call what: every route the api registers, with its authorization decision. `public`
 * needs nothing, `token` any signed-in person (finer rules, such as group roles or ownership, are
 * the services' and have their own matrices), a Permission a role that grants it. The route table
 * test fails on a route missing here, so a new endpoint cannot ship without this decision.
 */
export type Access = 'public' | 'token' | Permission;

export interface RouteEntry {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As registered (Fastify syntax: `:param`, `*`), with the `/api` prefix. */
  path: string;
  access: Access;
}

const { AssignRoles, ReadAudit, RunCampaigns, ReadAnalytics, ManageSkills } = Permission;

const route = (method: RouteEntry['method'], path: string, access: Access): RouteEntry => ({ method, path, access });

export const ROUTES: readonly RouteEntry[] = [
  // Operations
  route('GET', '/api/health', 'public'),
  route('GET', '/api/health/ready', 'public'),
  // Prometheus metrics: no person's token, its own (METRICS_TOKEN; unset, a 404).
  route('GET', '/metrics', 'public'),
  // OpenAPI documentation (Swagger UI and its assets): describes the API, holds no data.
  route('GET', '/api/docs', 'public'),
  route('GET', '/api/docs/', 'public'),
  route('GET', '/api/docs/*', 'public'),
  route('GET', '/api/docs/index.html', 'public'),
  route('GET', '/api/docs/LICENSE', 'public'),
  route('GET', '/api/docs/swagger-ui-init.js', 'public'),
  route('GET', '/api/docs/docs/swagger-ui-init.js', 'public'),
  route('GET', '/api/docs-json', 'public'),
  route('GET', '/api/docs-yaml', 'public'),
  // The web app: its files and the shell for client-side routes (the data comes from the API).
  route('GET', '/', 'public'),
  route('GET', '/index.html', 'public'),
  route('GET', '/*', 'public'),

  // Identity
  route('POST', '/api/auth/register', 'public'),
  route('POST', '/api/auth/login', 'public'),
  route('POST', '/api/auth/refresh', 'public'),
  route('POST', '/api/auth/logout', 'token'),
  route('GET', '/api/me', 'token'),
  route('PATCH', '/api/me', 'token'),
  route('PUT', '/api/admin/users/:id/roles', AssignRoles),
  route('PUT', '/api/admin/users/:id/suspension', AssignRoles),

  // People and expertise
  route('GET', '/api/users', 'token'),
  route('GET', '/api/users/:id', 'token'),
  route('PUT', '/api/users/:id/follow', 'token'),
  route('DELETE', '/api/users/:id/follow', 'token'),
  route('GET', '/api/users/:id/followers', 'token'),
  route('GET', '/api/users/:id/following', 'token'),
  route('PUT', '/api/users/:id/skills/:skill/endorsement', 'token'),
  route('DELETE', '/api/users/:id/skills/:skill/endorsement', 'token'),
  route('GET', '/api/users/:id/posts', 'token'),
  route('GET', '/api/experts', 'token'),
  route('GET', '/api/admin/skill-synonyms', ManageSkills),
  route('PUT', '/api/admin/skill-synonyms', ManageSkills),
  route('GET', '/api/me/mentoring', 'token'),
  route('PUT', '/api/me/mentoring', 'token'),
  route('GET', '/api/users/:id/mentoring', 'token'),
  route('POST', '/api/mentoring/requests', 'token'),
  route('GET', '/api/mentoring/requests', 'token'),
  route('POST', '/api/mentoring/requests/:id/close', 'token'),

  // Groups (roles inside a group: test/groups-authz.e2e-spec.ts)
  route('POST', '/api/groups', 'token'),
  route('GET', '/api/groups', 'token'),
  route('GET', '/api/groups/:id', 'token'),
  route('PATCH', '/api/groups/:id', 'token'),
  route('POST', '/api/groups/:id/join', 'token'),
  route('GET', '/api/groups/:id/requests', 'token'),
  route('POST', '/api/groups/:id/requests/:userId/approve', 'token'),
  route('POST', '/api/groups/:id/requests/:userId/reject', 'token'),
  route('GET', '/api/groups/:id/members', 'token'),
  route('PUT', '/api/groups/:id/members/:userId', 'token'),
  route('DELETE', '/api/groups/:id/members/:userId', 'token'),
  route('POST', '/api/groups/:id/bans', 'token'),
  route('GET', '/api/groups/:id/bans', 'token'),
  route('DELETE', '/api/groups/:id/bans/:userId', 'token'),
  route('GET', '/api/groups/:id/feed', 'token'),
  route('GET', '/api/groups/:id/health', 'token'),
  route('GET', '/api/me/group-requests', 'token'),

  // Feed
  route('POST', '/api/posts', 'token'),
  route('GET', '/api/posts/:id', 'token'),
  route('PATCH', '/api/posts/:id', 'token'),
  route('DELETE', '/api/posts/:id', 'token'),
  route('POST', '/api/posts/:id/comments', 'token'),
  route('GET', '/api/posts/:id/comments', 'token'),
  route('PUT', '/api/posts/:id/reactions/:kind', 'token'),
  route('DELETE', '/api/posts/:id/reactions/:kind', 'token'),
  route('GET', '/api/feed', 'token'),

  // Ideas (campaign roles: test/ideas-authz.e2e-spec.ts)
  route('POST', '/api/campaigns', RunCampaigns),
  route('GET', '/api/campaigns', 'token'),
  route('GET', '/api/campaigns/:id', 'token'),
  route('PATCH', '/api/campaigns/:id', RunCampaigns),
  route('POST', '/api/campaigns/:id/open', RunCampaigns),
  route('POST', '/api/campaigns/:id/advance', RunCampaigns),
  route('POST', '/api/campaigns/:id/close', RunCampaigns),
  route('POST', '/api/campaigns/:id/ideas', 'token'),
  route('GET', '/api/campaigns/:id/ideas', 'token'),
  route('GET', '/api/campaigns/:id/ideas/similar', 'token'),
  route('GET', '/api/campaigns/:id/summary', 'token'),
  route('GET', '/api/ideas/:id', 'token'),
  route('PATCH', '/api/ideas/:id', 'token'),
  route('PUT', '/api/ideas/:id/vote', 'token'),
  route('DELETE', '/api/ideas/:id/vote', 'token'),
  route('POST', '/api/ideas/:id/comments', 'token'),
  route('GET', '/api/ideas/:id/comments', 'token'),
  route('POST', '/api/ideas/:id/reviews', 'token'),
  route('POST', '/api/ideas/:id/decision', RunCampaigns),
  route('POST', '/api/ideas/:id/merge', RunCampaigns),
  route('PATCH', '/api/ideas/:id/implementation', RunCampaigns),

  // Questions
  route('POST', '/api/questions', 'token'),
  route('GET', '/api/questions', 'token'),
  route('GET', '/api/questions/similar', 'token'),
  route('GET', '/api/questions/:id', 'token'),
  route('POST', '/api/questions/:id/answers', 'token'),
  route('POST', '/api/questions/:id/accept', 'token'),
  route('POST', '/api/questions/:id/claim', 'token'),
  route('DELETE', '/api/questions/:id/claim', 'token'),
  route('PUT', '/api/answers/:id/vote', 'token'),
  route('DELETE', '/api/answers/:id/vote', 'token'),

  // Moderation (moderators and group admins: decided per item, test/moderation-authz.e2e-spec.ts)
  route('POST', '/api/reports', 'token'),
  route('GET', '/api/reports', 'token'),
  route('GET', '/api/moderation/queue', 'token'),
  route('POST', '/api/moderation/reports/:id/resolve', 'token'),
  route('GET', '/api/moderation/audit', ReadAudit),
  route('GET', '/api/moderation/settings', 'token'),
  route('PUT', '/api/moderation/settings', 'token'),
  route('GET', '/api/guidelines', 'token'),
  route('PUT', '/api/guidelines', AssignRoles),
  route('POST', '/api/guidelines/accept', 'token'),

  // Notifications
  route('GET', '/api/notifications', 'token'),
  route('GET', '/api/notifications/unread-count', 'token'),
  route('POST', '/api/notifications/read', 'token'),
  route('GET', '/api/notifications/preferences', 'token'),
  route('PUT', '/api/notifications/preferences', 'token'),
  route('GET', '/api/notifications/mutes', 'token'),
  route('PUT', '/api/notifications/mutes/:type/:id', 'token'),
  route('DELETE', '/api/notifications/mutes/:type/:id', 'token'),
  route('GET', '/api/digest', 'token'),

  // Analytics and search
  route('GET', '/api/analytics/overview', ReadAnalytics),
  route('GET', '/api/analytics/export.csv', ReadAnalytics),
  route('GET', '/api/search', 'token'),
];

/** Route parameters that hold ids: canonicalised at the edge, 400 in any other spelling. */
export const ID_PARAMS = new Set(['id', 'userId']);

/** A valid-looking value for each non-id route parameter. */
export const OTHER_PARAMS: Record<string, string> = { kind: 'like', type: 'post', skill: 'typescript', '*': 'x' };

export const routeKey = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/** `path` with its parameters filled: ids from `ids` (by name), the others valid-looking. */
export function fillPath(path: string, ids: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)|\*/g, (whole, name: string | undefined) => {
    const key = name ?? whole;
    const value = ID_PARAMS.has(key) ? ids[key] : OTHER_PARAMS[key];
    if (value === undefined) throw new Error(`no value for :${key} in ${path}`);
    return encodeURIComponent(value);
  });
}

export const idParamsOf = (path: string): string[] =>
  [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).filter((name) => ID_PARAMS.has(name));
