import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSignInConfig, type SignInConfig } from './sign-in-config.js';

/** Everything Ruche reads from its environment, validated once at boot. */
export interface RucheConfig {
  port: number;
  host: string;
  /** Unset: the embedded PostgreSQL in `dataDir` is started and this is filled in. */
  databaseUrl: string | undefined;
  /**
   * `DATABASE_DIRECT_URL`: a session connection to the primary for what a transaction-mode pooler
   * (PgBouncer) cannot carry, i.e. `LISTEN` (live delivery's wake-up, the job engine's). Unset:
   * `databaseUrl`.
   */
  databaseDirectUrl: string | undefined;
  redisUrl: string | undefined;
  /**
   * Names Ruche's keys and streams in that Redis (`<prefix>:socket.io`...), so deployments (or
   * test runs) sharing one Redis never hear each other's sockets. Every instance of a deployment
   * must use the same one.
   */
  redisPrefix: string;
  dataDir: string;
  demo: boolean;
  /**
   * `RUCHE_STRICT_UNIT_OF_WORK=1` (the tests): a query that asks the pool for a second connection
   * while a transaction is open fails instead of being logged (see unit-of-work.ts).
   */
  strictUnitOfWork: boolean;
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    /** Requests per minute per client on the auth endpoints; 0 turns the limit off. */
    rateLimitPerMinute: number;
  };
  /**
   * Every wait on the database is bounded, so a stuck database or an exhausted pool turns into
   * quick 503s and a failing readiness check instead of requests that hang until a restart.
   */
  database: {
    /** Connections in this instance's pool. */
    poolMax: number;
    /** How long a request waits for a free pool connection (or a new one to open) before a 503. */
    acquireTimeoutMs: number;
    /** The longest one SQL statement may run; 0 turns the limit off. */
    statementTimeoutMs: number;
    /** A session left idle inside an open transaction is ended after this long; 0 turns it off. */
    idleInTransactionTimeoutMs: number;
    /** The longest a statement queues for a row or table lock; 0 turns the limit off. */
    lockTimeoutMs: number;
  };
  /**
   * Streaming read replicas for the heavy read-only lists (see `Database.reader`). Reads that follow
   * a write and every permission check stay on the primary; a replica further behind than `maxLagMs`,
   * or down, is skipped until it catches up.
   */
  replicas: {
    /** `DATABASE_REPLICA_URLS`: comma-separated PostgreSQL URLs; empty: every read on the primary. */
    urls: string[];
    /** A replica whose replay is further behind the primary than this serves nothing. */
    maxLagMs: number;
  };
  http: {
    /** Trust `X-Forwarded-*` from a proxy in front: client address, and whether it came over https. */
    trustProxy: boolean;
    /**
     * Send `upgrade-insecure-requests` and HSTS even on requests that arrived over plain http (a TLS
     * terminator that does not set X-Forwarded-Proto). Off: only requests seen as https get them.
     */
    forceHttps: boolean;
    /** REST writes per minute per person, shared by every instance; 0 turns the limit off. */
    writeRateLimitPerMinute: number;
    /** After SIGTERM, how long readiness answers 503 while requests are still served. */
    shutdownDrainMs: number;
  };
  corsOrigins: string[] | boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Where the built web app lives; served at `/` when present. */
  webDir: string;
  mail: {
    /**
     * `smtp://user:pass@host:port` (STARTTLS when the server offers it) or `smtps://...` (TLS from
     * the start). Unset: no email at all (the daily digest stays in the app, at GET /api/digest).
     */
    smtpUrl: string | undefined;
    /** The From: of digest emails. */
    from: string;
    /**
     * `SMTP_INBOUND_DOMAIN`: the domain of reply addresses (`reply+<token>@<domain>`), which must
     * reach Ruche's inbound SMTP endpoint. Default: the domain of `SMTP_FROM`.
     */
    inboundDomain: string;
    /** `RUCHE_APP_URL`: the web app's address, for links in emails. Default `http://localhost:<PORT>`. */
    appUrl: string;
    /** `EMAIL_REPLY_TOKEN_TTL_DAYS`: how long a reply address stays valid. */
    replyTokenTtlDays: number;
    /** `SMTP_TIMEOUT_MS`: the longest one connection, greeting or message may take at the SMTP server. */
    timeoutMs: number;
    /**
     * Email in (libs/email/src/inbound): the SMTP endpoint for replies, group addresses and bounces,
     * on instances that run jobs (`worker`, `all`). Off without `SMTP_INBOUND_PORT`.
     */
    inbound: {
      /** `SMTP_INBOUND_PORT` (0: any free port, for tests); undefined: no inbound endpoint. */
      port: number | undefined;
      /** `SMTP_INBOUND_HOST`: the interface it listens on. */
      host: string;
      /** `SMTP_INBOUND_MAX_BYTES`: the largest message accepted (announced as SIZE, checked while reading). */
      maxBytes: number;
      /** `SMTP_INBOUND_SENDER_RATE_LIMIT`: messages per minute from one sender address (per instance). */
      senderRateLimit: number;
      /** `SMTP_INBOUND_IP_RATE_LIMIT`: connections per minute from one client address (per instance). */
      ipRateLimit: number;
    };
  };
  /**
   * `RUCHE_ROLE`: what this process does. `api` serves HTTP and sockets and stamps and delivers
   * live events, but runs no listeners and no timed jobs; `worker` runs the listeners and timed
   * jobs and answers only health, readiness and metrics; `all` (the default) does both.
   */
  role: 'api' | 'worker' | 'all';
  jobs: {
    /** Event jobs handled at once by this process (different subjects; one subject stays in order). */
    concurrency: number;
    /** Attempts after the first before an event's failed listener is recorded as a dead letter. */
    retryLimit: number;
    /** First pause before a retry, doubled (with jitter) at each attempt. */
    retryDelaySeconds: number;
  };
  /**
   * `RUCHE_ERASURE`: what erasing an account (#15) does to what they wrote: `anonymise` (the
   * default) keeps it under "Former employee", `delete` deletes it.
   */
  erasure: 'anonymise' | 'delete';
  outbox: {
    /** Events older than this are pruned (replay from before it answers `replayTruncated`). */
    retentionDays: number;
  };
  /** Bearer token for `GET /metrics`; unset: the endpoint is not served. */
  metricsToken: string | undefined;
  /** `SCIM_TOKEN`: the identity provider's bearer token for `/api/scim/v2`; unset: SCIM answers 404. */
  scimToken: string | undefined;
  /** Single sign-on, password rules and who may sign up (#15): see sign-in-config.ts. */
  signIn: SignInConfig;
  /** Home timelines written on fan-out (libs/feed's home-timelines.ts). */
  timelines: {
    /** `RUCHE_TIMELINE_MAX`: entries kept per reader; older pages are computed. */
    max: number;
    /** `RUCHE_TIMELINE_BIG_AUTHOR_FOLLOWERS`: from this many followers, an author's posts are merged at read time. */
    bigAuthorFollowers: number;
    /** `RUCHE_TIMELINE_ACTIVE_DAYS`: readers who read their home feed this recently get fan-out. */
    activeDays: number;
  };
  /** Uploaded files (libs/files). */
  files: FilesConfig;
  /** Link preview cards (libs/previews). */
  linkPreviews: LinkPreviewsConfig;
  /** Web Push to subscribed browsers (libs/push). */
  push: PushConfig;
  questions: {
    /** How long an "I'm on it" claim on a question lasts. */
    claimMinutes: number;
    /** How long a question may stay unanswered before it is routed to the next experts. */
    rerouteMinutes: number;
    /** After its last routing round, how long a question may stay unanswered before it joins the unanswered queue (#17). */
    unansweredMinutes: number;
  };
}

/** Uploads: limits, storage (disk or S3-compatible), the virus scanner. */
export interface FilesConfig {
  /** `FILES_MAX_BYTES`: the largest one file may be (413 above it). */
  maxBytes: number;
  /** `FILES_QUOTA_BYTES`: what one person may store in all. */
  quotaBytes: number;
  /** `FILES_URL_TTL_SECONDS`: how long a signed file URL handed out with a view stays valid. */
  urlTtlSeconds: number;
  /** Set when `S3_BUCKET` is: files go to that S3-compatible bucket instead of `RUCHE_DATA_DIR/files`. */
  s3: S3Config | undefined;
  /** Set when `CLAMAV_HOST` is: every upload is scanned by that clamd before it is stored. */
  clamav: { host: string; port: number; timeoutMs: number } | undefined;
  /**
   * `FILES_ALLOW_ACTIVE_TYPES` (`svg`, `html`, comma-separated; default none): types that can run
   * script in a browser, accepted only when an admin lists them, and then always downloaded under a
   * sandboxing CSP, never shown inline.
   */
  activeTypes: ReadonlySet<'svg' | 'html'>;
}

/** Link previews (#14): the server fetches pages linked in posts, through libs/previews' safe fetch. */
export interface LinkPreviewsConfig {
  /** `LINK_PREVIEWS_ENABLED=0` turns previews off: nothing is fetched, no card is shown. */
  enabled: boolean;
  /** `LINK_PREVIEWS_TTL_HOURS`: a fetched preview is fetched again after this long. */
  ttlHours: number;
  /** `LINK_PREVIEWS_FAILURE_TTL_MINUTES`: a failed fetch is not retried before this long. */
  failureTtlMinutes: number;
  /** `LINK_PREVIEWS_TIMEOUT_MS`: the longest one fetch (redirects included) may take; connecting has a third of it. */
  timeoutMs: number;
  /** `LINK_PREVIEWS_MAX_HTML_BYTES`: a page is read up to this size, and refused above it. */
  maxHtmlBytes: number;
  /** `LINK_PREVIEWS_MAX_IMAGE_BYTES`: the largest preview image fetched. */
  maxImageBytes: number;
  /**
   * `RUCHE_LINK_PREVIEW_TEST_ALLOW_HOSTS`: host names (comma-separated) fetched whatever they resolve
   * to, loopback included, on any port. For tests only: refused when `NODE_ENV=production`.
   */
  testAllowHosts: string[];
}

export interface PushConfig {
  /**
   * `VAPID_PUBLIC_KEY` / `VAPID_PRIVATE_KEY` (base64url, as `web-push generate-vapid-keys` prints
   * them); unset: a pair generated once and kept in the database, shared by every instance.
   */
  vapid: { publicKey: string; privateKey: string } | undefined;
  /** `VAPID_SUBJECT`: how a push service reaches the operator (`mailto:` or `https:`). Default: the app's https address, else a mailto of SMTP_FROM's domain. */
  subject: string;
  /** `PUSH_SERVICE_HOSTS`: the push services endpoints may be at (a host and its subdomains, comma-separated). */
  serviceHosts: string[];
  /** `PUSH_TIMEOUT_MS`: the longest one delivery to a push service may take. */
  timeoutMs: number;
  /**
   * `RUCHE_PUSH_TEST_ALLOW_HOSTS`: `host:port` pairs taken as push endpoints over http, loopback
   * included. For tests only: refused when `NODE_ENV=production`.
   */
  testAllowHosts: string[];
}

export interface S3Config {
  bucket: string;
  /** `S3_ENDPOINT`: a non-AWS server (Garage, SeaweedFS, ...); unset: AWS. */
  endpoint: string | undefined;
  region: string;
  /** `S3_ACCESS_KEY_ID` / `S3_SECRET_ACCESS_KEY`; unset: the SDK's default credential chain. */
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** `S3_FORCE_PATH_STYLE=1`: `endpoint/bucket/key` URLs (most self-hosted servers want it). */
  forcePathStyle: boolean;
  /** `S3_PREFIX`: keys are written under it (several deployments in one bucket). */
  prefix: string;
  /** `S3_TIMEOUT_MS`: the longest one request to the store may take. */
  timeoutMs: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0, got "${raw}"`);
}

function redisPrefix(env: Env): string {
  const prefix = env.REDIS_PREFIX || 'ruche';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix))
    throw new ConfigError('REDIS_PREFIX must be 1-64 letters, digits, dots, dashes or underscores');
  return prefix;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  return checkedUrl(name, raw, protocols);
}

function checkedUrl(name: string, raw: string, protocols: string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}`);
  }
  return raw;
}

function urlList(env: Env, name: string, protocols: string[]): string[] {
  const raw = env[name];
  if (!raw) return [];
  return raw.split(',').map((item, i) => {
    if (!item.trim()) throw new ConfigError(`${name} has an empty entry (#${i + 1})`);
    return checkedUrl(name, item.trim(), protocols);
  });
}

function erasure(env: Env): RucheConfig['erasure'] {
  const raw = env.RUCHE_ERASURE || 'anonymise';
  if (raw !== 'anonymise' && raw !== 'delete') throw new ConfigError(`RUCHE_ERASURE must be anonymise or delete, got "${raw}"`);
  return raw;
}

function role(env: Env): RucheConfig['role'] {
  const raw = env.RUCHE_ROLE || 'all';
  if (raw !== 'api' && raw !== 'worker' && raw !== 'all') throw new ConfigError(`RUCHE_ROLE must be api, worker or all, got "${raw}"`);
  return raw;
}

/** `SMTP_INBOUND_DOMAIN`, or the domain of `SMTP_FROM`'s address. */
function inboundDomain(env: Env): string {
  const raw = env.SMTP_INBOUND_DOMAIN || /@([^>\s]+)>?\s*$/.exec(env.SMTP_FROM || '')?.[1] || 'ruche.invalid';
  const domain = raw.toLowerCase();
  if (!/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/.test(domain))
    throw new ConfigError(`SMTP_INBOUND_DOMAIN must be a domain name, got "${raw}"`);
  return domain;
}

/** `FILES_ALLOW_ACTIVE_TYPES`: a comma-separated subset of `svg`, `html`; anything else is refused at boot. */
function activeFileTypes(raw: string | undefined): ReadonlySet<'svg' | 'html'> {
  const types = (raw ?? '')
    .split(',')
    .map((type) => type.trim().toLowerCase())
    .filter(Boolean);
  for (const type of types) {
    if (type !== 'svg' && type !== 'html')
      throw new ConfigError(`FILES_ALLOW_ACTIVE_TYPES takes svg and/or html, comma-separated; got "${type}"`);
  }
  return new Set(types as ('svg' | 'html')[]);
}

function filesConfig(env: Env): FilesConfig {
  const bucket = env.S3_BUCKET;
  if (bucket !== undefined && bucket !== '' && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new ConfigError(`S3_BUCKET must be a bucket name (3-63 lower-case letters, digits, dots, dashes), got "${bucket}"`);
  const prefix = env.S3_PREFIX ?? '';
  if (!/^[A-Za-z0-9_./-]{0,200}$/.test(prefix)) throw new ConfigError('S3_PREFIX must be letters, digits, dots, dashes, underscores or slashes');
  const clamHost = env.CLAMAV_HOST;
  return {
    maxBytes: integer(env, 'FILES_MAX_BYTES', 25 * 1024 * 1024, 1, 5 * 1024 * 1024 * 1024),
    quotaBytes: integer(env, 'FILES_QUOTA_BYTES', 1024 * 1024 * 1024, 1, Number.MAX_SAFE_INTEGER),
    urlTtlSeconds: integer(env, 'FILES_URL_TTL_SECONDS', 600, 10, 86_400),
    activeTypes: activeFileTypes(env.FILES_ALLOW_ACTIVE_TYPES),
    s3: bucket
      ? {
          bucket,
          endpoint: url(env, 'S3_ENDPOINT', ['http:', 'https:']),
          region: env.S3_REGION || 'us-east-1',
          accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
          forcePathStyle: flag(env, 'S3_FORCE_PATH_STYLE', false),
          prefix: prefix.replace(/^\/+|\/+$/g, ''),
          timeoutMs: integer(env, 'S3_TIMEOUT_MS', 30_000, 100, 3_600_000),
        }
      : undefined,
    clamav: clamHost
      ? {
          host: clamHost,
          port: integer(env, 'CLAMAV_PORT', 3310, 1, 65535),
          timeoutMs: integer(env, 'CLAMAV_TIMEOUT_MS', 30_000, 100, 600_000),
        }
      : undefined,
  };
}

function linkPreviewsConfig(env: Env): LinkPreviewsConfig {
  const testAllowHosts = (env.RUCHE_LINK_PREVIEW_TEST_ALLOW_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  // Production never fetches loopback or reserved addresses: this escape hatch is for test suites.
  if (testAllowHosts.length > 0 && env.NODE_ENV === 'production')
    throw new ConfigError('RUCHE_LINK_PREVIEW_TEST_ALLOW_HOSTS is for tests only and cannot be set when NODE_ENV=production');
  for (const host of testAllowHosts) {
    if (!/^[a-z0-9.:[\]-]{1,253}$/.test(host)) throw new ConfigError(`RUCHE_LINK_PREVIEW_TEST_ALLOW_HOSTS has an invalid host "${host}"`);
  }
  return {
    enabled: flag(env, 'LINK_PREVIEWS_ENABLED', true),
    ttlHours: integer(env, 'LINK_PREVIEWS_TTL_HOURS', 24, 1, 24 * 365),
    failureTtlMinutes: integer(env, 'LINK_PREVIEWS_FAILURE_TTL_MINUTES', 30, 1, 7 * 24 * 60),
    timeoutMs: integer(env, 'LINK_PREVIEWS_TIMEOUT_MS', 8000, 100, 60_000),
    maxHtmlBytes: integer(env, 'LINK_PREVIEWS_MAX_HTML_BYTES', 1024 * 1024, 1024, 16 * 1024 * 1024),
    maxImageBytes: integer(env, 'LINK_PREVIEWS_MAX_IMAGE_BYTES', 5 * 1024 * 1024, 1024, 25 * 1024 * 1024),
    testAllowHosts,
  };
}

const DEFAULT_PUSH_SERVICE_HOSTS = 'fcm.googleapis.com,push.services.mozilla.com,push.apple.com,notify.windows.com';

function pushConfig(env: Env, appUrl: string, from: string): PushConfig {
  const publicKey = env.VAPID_PUBLIC_KEY;
  const privateKey = env.VAPID_PRIVATE_KEY;
  if (!!publicKey !== !!privateKey) throw new ConfigError('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are set together or not at all');
  const base64url = /^[A-Za-z0-9_-]+$/;
  if (publicKey && (!base64url.test(publicKey) || Buffer.from(publicKey, 'base64url').length !== 65))
    throw new ConfigError('VAPID_PUBLIC_KEY must be an uncompressed P-256 public key in base64url (65 bytes)');
  if (privateKey && (!base64url.test(privateKey) || Buffer.from(privateKey, 'base64url').length !== 32))
    throw new ConfigError('VAPID_PRIVATE_KEY must be a P-256 private key in base64url (32 bytes)');
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'ruche.invalid';
  const subject = env.VAPID_SUBJECT || (appUrl.startsWith('https:') ? appUrl : `mailto:push@${domain}`);
  if (!/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/.test(subject)) throw new ConfigError('VAPID_SUBJECT must be a mailto: address or an https: URL');
  const hosts = (value: string) =>
    value
      .split(',')
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean);
  const serviceHosts = hosts(env.PUSH_SERVICE_HOSTS ?? DEFAULT_PUSH_SERVICE_HOSTS);
  for (const host of serviceHosts)
    if (!/^[a-z0-9.-]{1,253}$/.test(host)) throw new ConfigError(`PUSH_SERVICE_HOSTS has an invalid host "${host}"`);
  const testAllowHosts = hosts(env.RUCHE_PUSH_TEST_ALLOW_HOSTS ?? '');
  if (testAllowHosts.length > 0 && env.NODE_ENV === 'production')
    throw new ConfigError('RUCHE_PUSH_TEST_ALLOW_HOSTS is for tests only and cannot be set when NODE_ENV=production');
  return {
    vapid: publicKey && privateKey ? { publicKey, privateKey } : undefined,
    subject,
    serviceHosts,
    timeoutMs: integer(env, 'PUSH_TIMEOUT_MS', 10_000, 100, 120_000),
    testAllowHosts,
  };
}

function scimToken(env: Env): string | undefined {
  const raw = env.SCIM_TOKEN;
  if (!raw) return undefined;
  // Identity providers paste a generated secret; a short one could be guessed.
  if (raw.length < 32) throw new ConfigError('SCIM_TOKEN must be at least 32 characters');
  return raw;
}

function metricsToken(env: Env): string | undefined {
  const raw = env.METRICS_TOKEN;
  if (!raw) return undefined;
  if (raw.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters');
  return raw;
}

/** Secrets generated on first start and kept in the data directory, so restarts keep sessions valid. */
export interface LocalSecrets {
  jwtSecret: string;
  databasePassword: string;
}

export function loadLocalSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const secrets: LocalSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    databasePassword: randomBytes(24).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function loadConfig(env: Env = process.env): RucheConfig {
  const dataDir = resolve(env.RUCHE_DATA_DIR || '.ruche');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const jwtSecret = env.JWT_SECRET || loadLocalSecrets(dataDir).jwtSecret;
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters');
  const logLevel = (env.LOG_LEVEL || 'info') as RucheConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL must be debug, info, warn or error');
  }
  const cors = env.CORS_ORIGINS;
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    databaseDirectUrl: url(env, 'DATABASE_DIRECT_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisPrefix: redisPrefix(env),
    dataDir,
    demo: flag(env, 'RUCHE_DEMO', !databaseUrl),
    strictUnitOfWork: flag(env, 'RUCHE_STRICT_UNIT_OF_WORK', false),
    auth: {
      jwtSecret,
      accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 10, 86_400),
      refreshTokenTtlDays: integer(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
      rateLimitPerMinute: integer(env, 'RUCHE_RATE_LIMIT', 30, 0, 1_000_000),
    },
    database: {
      poolMax: integer(env, 'DATABASE_POOL_MAX', 20, 1, 1000),
      acquireTimeoutMs: integer(env, 'DATABASE_ACQUIRE_TIMEOUT_MS', 5000, 50, 600_000),
      statementTimeoutMs: integer(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 15_000, 0, 86_400_000),
      idleInTransactionTimeoutMs: integer(env, 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 30_000, 0, 86_400_000),
      lockTimeoutMs: integer(env, 'DATABASE_LOCK_TIMEOUT_MS', 5000, 0, 86_400_000),
    },
    replicas: {
      urls: urlList(env, 'DATABASE_REPLICA_URLS', ['postgres:', 'postgresql:']),
      maxLagMs: integer(env, 'DATABASE_REPLICA_MAX_LAG_MS', 2000, 100, 600_000),
    },
    http: {
      trustProxy: flag(env, 'TRUST_PROXY', false),
      forceHttps: flag(env, 'RUCHE_FORCE_HTTPS', false),
      writeRateLimitPerMinute: integer(env, 'RUCHE_WRITE_RATE_LIMIT', 600, 0, 1_000_000),
      shutdownDrainMs: integer(env, 'RUCHE_SHUTDOWN_DRAIN_MS', 5000, 0, 600_000),
    },
    corsOrigins: !cors ? false : cors === '*' ? true : cors.split(',').map((o) => o.trim()),
    logLevel,
    webDir: resolve(env.RUCHE_WEB_DIR || 'dist/web'),
    mail: {
      smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
      from: env.SMTP_FROM || 'Ruche <no-reply@ruche.invalid>',
      inboundDomain: inboundDomain(env),
      appUrl: (url(env, 'RUCHE_APP_URL', ['http:', 'https:']) ?? `http://localhost:${integer(env, 'PORT', 3000, 0, 65535)}`).replace(/\/+$/, ''),
      replyTokenTtlDays: integer(env, 'EMAIL_REPLY_TOKEN_TTL_DAYS', 30, 1, 365),
      timeoutMs: integer(env, 'SMTP_TIMEOUT_MS', 10_000, 100, 600_000),
      inbound: {
        port: env.SMTP_INBOUND_PORT ? integer(env, 'SMTP_INBOUND_PORT', 0, 0, 65535) : undefined,
        host: env.SMTP_INBOUND_HOST || '0.0.0.0',
        maxBytes: integer(env, 'SMTP_INBOUND_MAX_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
        senderRateLimit: integer(env, 'SMTP_INBOUND_SENDER_RATE_LIMIT', 20, 1, 100_000),
        ipRateLimit: integer(env, 'SMTP_INBOUND_IP_RATE_LIMIT', 120, 1, 100_000),
      },
    },
    role: role(env),
    erasure: erasure(env),
    jobs: {
      concurrency: integer(env, 'RUCHE_JOB_CONCURRENCY', 8, 1, 256),
      retryLimit: integer(env, 'RUCHE_JOB_RETRY_LIMIT', 5, 0, 100),
      retryDelaySeconds: integer(env, 'RUCHE_JOB_RETRY_DELAY_SECONDS', 2, 1, 3600),
    },
    outbox: {
      retentionDays: integer(env, 'RUCHE_OUTBOX_RETENTION_DAYS', 7, 1, 3650),
    },
    metricsToken: metricsToken(env),
    scimToken: scimToken(env),
    signIn: loadSignInConfig(env),
    timelines: {
      max: integer(env, 'RUCHE_TIMELINE_MAX', 800, 1, 100_000),
      bigAuthorFollowers: integer(env, 'RUCHE_TIMELINE_BIG_AUTHOR_FOLLOWERS', 1000, 1, 10_000_000),
      activeDays: integer(env, 'RUCHE_TIMELINE_ACTIVE_DAYS', 30, 1, 3650),
    },
    files: filesConfig(env),
    linkPreviews: linkPreviewsConfig(env),
    push: pushConfig(env, env.RUCHE_APP_URL ?? '', env.SMTP_FROM ?? ''),
    questions: {
      claimMinutes: integer(env, 'RUCHE_CLAIM_MINUTES', 30, 1, 1440),
      rerouteMinutes: integer(env, 'RUCHE_REROUTE_MINUTES', 60, 1, 10_080),
      unansweredMinutes: integer(env, 'RUCHE_UNANSWERED_MINUTES', 1440, 1, 43_200),
    },
  };
}

/** Injection token for the validated {@link RucheConfig}. */
export const RUCHE_CONFIG = Symbol('RUCHE_CONFIG');
