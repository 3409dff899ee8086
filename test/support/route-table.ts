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

const METHODS: readonly RouteEntry['method'][] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Reads the table below: one route a line, `METHOD path access` (access `public`, `token` or the
 * name of a Permission), `//` lines are comments. A typo in a method or an access fails at load,
 * so the route table test cannot pass on a row it misread.
 */
function routeTable(text: string): RouteEntry[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('//'))
    .map((line) => {
      const [method, path, access, ...rest] = line.split(/\s+/);
      const permission = Permission[access as keyof typeof Permission] as Permission | undefined;
      if (!METHODS.includes(method as RouteEntry['method']) || !path?.startsWith('/') || rest.length > 0)
        throw new Error(`route table: cannot read "${line}"`);
      if (access !== 'public' && access !== 'token' && permission === undefined)
        throw new Error(`route table: unknown access in "${line}"`);
      return {
        method: method as RouteEntry['method'],
        path,
        access: access === 'public' || access === 'token' ? access : permission!,
      };
    });
}

export const ROUTES: readonly RouteEntry[] = routeTable(`
  // Operations
  GET    /api/health                              public
  GET    /api/health/ready                        public
  // Prometheus metrics: no person's token, its own (METRICS_TOKEN; unset, a 404).
  GET    /metrics                                 public
  // OpenAPI documentation (Swagger UI and its assets): describes the API, holds no data.
  GET    /api/docs                                public
  GET    /api/docs/                               public
  GET    /api/docs/*                              public
  GET    /api/docs/index.html                     public
  GET    /api/docs/LICENSE                        public
  GET    /api/docs/swagger-ui-init.js             public
  GET    /api/docs/docs/swagger-ui-init.js        public
  GET    /api/docs-json                           public
  GET    /api/docs-yaml                           public
  // The web app: its files and the shell for client-side routes (the data comes from the API).
  GET    /                                        public
  GET    /index.html                              public
  GET    /*                                       public

  // Identity
  POST   /api/auth/register                       public
  POST   /api/auth/login                          public
  POST   /api/auth/refresh                        public
  POST   /api/auth/logout                         token
  // Sign-in (#15): how people sign in; OIDC single sign-on's redirect, callback and code exchange (test/oidc.e2e-spec.ts)
  GET    /api/auth/providers                      public
  GET    /api/auth/oidc/login                     public
  GET    /api/auth/oidc/callback                  public
  POST   /api/auth/oidc/exchange                  public
  // SAML single sign-on (#15: test/saml.e2e-spec.ts): SP metadata, the redirect to the provider, the ACS it posts to
  GET    /api/auth/saml/metadata                  public
  GET    /api/auth/saml/login                     public
  POST   /api/auth/saml/acs                       public
  // Passwords and invitations (#15: test/passwords.e2e-spec.ts, test/signup-invitations.e2e-spec.ts)
  POST   /api/me/password                         token
  PUT    /api/admin/users/:id/password            AssignRoles
  POST   /api/admin/invitations                   AssignRoles
  GET    /api/admin/invitations                   AssignRoles
  DELETE /api/admin/invitations/:id               AssignRoles
  GET    /api/admin/signup                        AssignRoles
  // Two-factor, email verification and password reset (#15: test/two-factor.e2e-spec.ts, test/account-email.e2e-spec.ts)
  POST   /api/auth/login/totp                     public
  GET    /api/auth/verify                         public
  POST   /api/auth/verify                         public
  POST   /api/auth/password/forgot                public
  POST   /api/auth/password/reset                 public
  GET    /api/me/2fa                              token
  POST   /api/me/2fa/totp                         token
  POST   /api/me/2fa/totp/confirm                 token
  POST   /api/me/2fa/disable                      token
  POST   /api/me/email/verification               token
  DELETE /api/admin/users/:id/2fa                 AssignRoles
  POST   /api/admin/users/:id/password-reset      AssignRoles
  GET    /api/me                                  token
  PATCH  /api/me                                  token
  PUT    /api/admin/users/:id/roles               AssignRoles
  PUT    /api/admin/users/:id/suspension          AssignRoles
  PUT    /api/admin/users/:id/deactivation        AssignRoles
  GET    /api/me/sessions                         token
  DELETE /api/me/sessions/:id                     token
  POST   /api/me/sessions/revoke-others           token
  // Personal data (#15): your archive and erasing an account
  POST   /api/me/export                           token
  GET    /api/me/exports                          token
  GET    /api/me/exports/:id                      token
  GET    /api/me/exports/:id/download             token
  POST   /api/me/erase                            token
  POST   /api/admin/users/:id/erase               AssignRoles
  // SCIM 2.0 for the identity provider: no person's token, its own (SCIM_TOKEN; unset, a 404).
  GET    /api/scim/v2/ServiceProviderConfig       public
  GET    /api/scim/v2/Users                       public
  POST   /api/scim/v2/Users                       public
  GET    /api/scim/v2/Users/:id                   public
  PUT    /api/scim/v2/Users/:id                   public
  PATCH  /api/scim/v2/Users/:id                   public
  DELETE /api/scim/v2/Users/:id                   public
  GET    /api/scim/v2/Groups                      public
  POST   /api/scim/v2/Groups                      public
  GET    /api/scim/v2/Groups/:id                  public
  PUT    /api/scim/v2/Groups/:id                  public
  PATCH  /api/scim/v2/Groups/:id                  public
  DELETE /api/scim/v2/Groups/:id                  public

  // People and expertise
  GET    /api/users                               token
  GET    /api/users/:id                           token
  PUT    /api/users/:id/follow                    token
  DELETE /api/users/:id/follow                    token
  GET    /api/users/:id/followers                 token
  GET    /api/users/:id/following                 token
  // Org directory (#15): managers and reports, the org chart; admins set managers and import people.
  GET    /api/users/:id/reports                   token
  GET    /api/users/:id/org                       token
  PUT    /api/admin/users/:id/manager             ManageDirectory
  POST   /api/admin/people/imports                ManageDirectory
  GET    /api/admin/people/imports/:id            ManageDirectory
  POST   /api/admin/people/imports/:id/apply      ManageDirectory
  GET    /api/admin/people/imports/:id/report.csv ManageDirectory
  PUT    /api/users/:id/skills/:skill/endorsement token
  DELETE /api/users/:id/skills/:skill/endorsement token
  GET    /api/users/:id/posts                     token
  GET    /api/experts                             token
  // Topics (#17): follow, volunteer as a helper, a topic's page.
  GET    /api/topics/trending                     token
  GET    /api/topics/:topic                       token
  PUT    /api/topics/:topic/follow                token
  DELETE /api/topics/:topic/follow                token
  PUT    /api/topics/:topic/helper                token
  DELETE /api/topics/:topic/helper                token
  GET    /api/me/topics                           token
  GET    /api/admin/skill-synonyms                ManageSkills
  PUT    /api/admin/skill-synonyms                ManageSkills
  GET    /api/me/mentoring                        token
  PUT    /api/me/mentoring                        token
  GET    /api/users/:id/mentoring                 token
  POST   /api/mentoring/requests                  token
  GET    /api/mentoring/requests                  token
  POST   /api/mentoring/requests/:id/close        token
  POST   /api/mentoring/requests/:id/confirm      token
  // Training paths: company paths are admins', a group's its owners' and admins' (checked by the service).
  POST   /api/training/paths                      token
  GET    /api/training/paths                      token
  GET    /api/me/training                         token
  GET    /api/training/paths/:id                  token
  PATCH  /api/training/paths/:id                  token
  DELETE /api/training/paths/:id                  token
  POST   /api/training/paths/:id/publish          token
  POST   /api/training/paths/:id/archive          token
  POST   /api/training/paths/:id/enroll           token
  POST   /api/training/paths/:id/steps/:stepId/complete token
  GET    /api/training/paths/:id/progress         token
  // First run (#16): the caller's own suggestions and first-run state.
  GET    /api/me/suggestions                      token
  GET    /api/me/first-run                        token
  PUT    /api/me/first-run                        token

  // Files (test/files*.e2e-spec.ts). Downloads are public to the guard because a signed link
  // (?exp=…&sig=…, for <img>) needs no token; without one the handler demands a bearer token (401).
  POST   /api/files                               token
  PATCH  /api/files/:id                           token
  GET    /api/files/:id                           public
  GET    /api/files/:id/:variant                  public
  // Avatars (test/avatars.e2e-spec.ts). The image is public to the guard: <img> sends no token, the
  // link's version (the photo's file id, unguessable) is what the handler checks (404 otherwise).
  PUT    /api/me/avatar                           token
  DELETE /api/me/avatar                           token
  GET    /api/users/:id/avatar                    public

  // Groups (roles inside a group: test/groups-authz.e2e-spec.ts)
  POST   /api/groups                              token
  GET    /api/groups                              token
  GET    /api/groups/:id                          token
  PATCH  /api/groups/:id                          token
  POST   /api/groups/:id/join                     token
  GET    /api/groups/:id/requests                 token
  POST   /api/groups/:id/requests/:userId/approve token
  POST   /api/groups/:id/requests/:userId/reject  token
  GET    /api/groups/:id/members                  token
  PUT    /api/groups/:id/members/:userId          token
  DELETE /api/groups/:id/members/:userId          token
  POST   /api/groups/:id/bans                     token
  GET    /api/groups/:id/bans                     token
  DELETE /api/groups/:id/bans/:userId             token
  GET    /api/groups/:id/feed                     token
  GET    /api/groups/:id/health                   token
  GET    /api/groups/:id/helpers                  token
  GET    /api/me/group-requests                   token

  // Feed
  POST   /api/posts                               token
  GET    /api/posts/:id                           token
  PATCH  /api/posts/:id                           token
  DELETE /api/posts/:id                           token
  POST   /api/posts/:id/comments                  token
  GET    /api/posts/:id/comments                  token
  PUT    /api/posts/:id/reactions/:kind           token
  DELETE /api/posts/:id/reactions/:kind           token
  // Polls (#14): whoever may see the post and interact in its group (test/polls.e2e-spec.ts)
  PUT    /api/posts/:id/poll/vote                 token
  DELETE /api/posts/:id/poll/vote                 token
  GET    /api/feed                                token
  // Comments by id (#14): author edits; author, group admin or moderator deletes (test/edits.e2e-spec.ts)
  PATCH  /api/comments/:id                        token
  DELETE /api/comments/:id                        token
  GET    /api/comments/:id/history                ModerateContent

  // Ideas (campaign roles: test/ideas-authz.e2e-spec.ts)
  POST   /api/campaigns                           RunCampaigns
  GET    /api/campaigns                           token
  GET    /api/campaigns/:id                       token
  PATCH  /api/campaigns/:id                       RunCampaigns
  POST   /api/campaigns/:id/open                  RunCampaigns
  POST   /api/campaigns/:id/advance               RunCampaigns
  POST   /api/campaigns/:id/close                 RunCampaigns
  POST   /api/campaigns/:id/ideas                 token
  GET    /api/campaigns/:id/ideas                 token
  GET    /api/campaigns/:id/ideas/similar         token
  GET    /api/campaigns/:id/summary               token
  GET    /api/ideas/:id                           token
  PATCH  /api/ideas/:id                           token
  PUT    /api/ideas/:id/vote                      token
  DELETE /api/ideas/:id/vote                      token
  POST   /api/ideas/:id/comments                  token
  GET    /api/ideas/:id/comments                  token
  POST   /api/ideas/:id/reviews                   token
  POST   /api/ideas/:id/decision                  RunCampaigns
  POST   /api/ideas/:id/merge                     RunCampaigns
  PATCH  /api/ideas/:id/implementation            RunCampaigns

  // Questions
  POST   /api/questions                           token
  GET    /api/questions                           token
  GET    /api/questions/similar                   token
  GET    /api/questions/:id                       token
  POST   /api/questions/:id/answers               token
  POST   /api/questions/:id/accept                token
  POST   /api/questions/:id/claim                 token
  DELETE /api/questions/:id/claim                 token
  PUT    /api/answers/:id/vote                    token
  DELETE /api/answers/:id/vote                    token
  // Edits (#14): author edits; author or moderator deletes (test/edits.e2e-spec.ts)
  PATCH  /api/questions/:id                       token
  DELETE /api/questions/:id                       token
  GET    /api/questions/:id/history               ModerateContent
  PATCH  /api/answers/:id                         token
  DELETE /api/answers/:id                         token
  GET    /api/answers/:id/history                 ModerateContent
  GET    /api/questions/unanswered                ReadUnansweredQuestions
  // Recognition (#17): kudos (giver only takes back, checked by the service), badges, the opt-out.
  POST   /api/kudos                               token
  DELETE /api/kudos/:id                           token
  GET    /api/users/:id/kudos                     token
  GET    /api/users/:id/badges                    token
  GET    /api/badges                              token
  GET    /api/me/recognition                      token
  PUT    /api/me/recognition                      token

  // Announcements (company-wide: admins; a group's: its owners and admins; decided per item,
  // test/announcements.e2e-spec.ts)
  POST   /api/announcements                       token
  GET    /api/announcements                       token
  GET    /api/announcements/:id                   token
  POST   /api/announcements/:id/ack               token
  GET    /api/announcements/:id/receipts          token
  POST   /api/announcements/:id/remind            token

  // Moderation (moderators and group admins: decided per item, test/moderation-authz.e2e-spec.ts)
  POST   /api/reports                             token
  GET    /api/reports                             token
  GET    /api/moderation/queue                    token
  POST   /api/moderation/reports/:id/resolve      token
  GET    /api/moderation/audit                    ReadAudit
  GET    /api/moderation/settings                 token
  PUT    /api/moderation/settings                 token
  GET    /api/guidelines                          token
  PUT    /api/guidelines                          AssignRoles
  POST   /api/guidelines/accept                   token

  // Notifications
  GET    /api/notifications                       token
  GET    /api/notifications/unread-count          token
  POST   /api/notifications/read                  token
  GET    /api/notifications/preferences           token
  PUT    /api/notifications/preferences           token
  GET    /api/notifications/mutes                 token
  PUT    /api/notifications/mutes/:type/:id       token
  DELETE /api/notifications/mutes/:type/:id       token
  GET    /api/digest                              token
  GET    /api/push                                token
  POST   /api/push/subscriptions                  token
  DELETE /api/push/subscriptions                  token
  PUT    /api/push/quiet-hours                    token
  POST   /api/push/test                           token

  // Email (#13): signed unsubscribe links work without signing in; the suppression list is the admins'
  GET    /api/email/unsubscribe                   public
  POST   /api/email/unsubscribe                   public
  GET    /api/admin/email/suppressions            ManageEmail
  DELETE /api/admin/email/suppressions/:address   ManageEmail

  // Link previews (#14): the admins' allow/deny list of hosts
  GET    /api/admin/link-previews/rules           ManageLinkPreviews
  PUT    /api/admin/link-previews/rules           ManageLinkPreviews

  // Analytics and search
  GET    /api/analytics/overview                  ReadAnalytics
  GET    /api/analytics/export.csv                ReadAnalytics
  GET    /api/analytics/departments               ReadAnalytics
  GET    /api/analytics/departments/:department   ReadAnalytics
  GET    /api/search                              token
`);

/** Route parameters that hold ids: canonicalised at the edge, 400 in any other spelling. */
export const ID_PARAMS = new Set(['id', 'userId', 'stepId']);

/** A valid-looking value for each non-id route parameter. */
export const OTHER_PARAMS: Record<string, string> = {
  kind: 'like',
  type: 'post',
  skill: 'typescript',
  '*': 'x',
  address: 'bounced@corp.example',
  department: 'Engineering',
  topic: 'kubernetes',
  variant: 'thumbnail',
};

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
