import { createHmac, timingSafeEqual } from 'node:crypto';

export type FileVariant = 'original' | 'thumbnail' | 'web';

/** Expiry times are rounded up to this step, so one page's repeated views share URLs (and the browser cache). */
const STEP_SECONDS = 60;

/**
 * Short-lived signed links to a file (`<img>` cannot send a bearer token): `exp` (Unix seconds)
 * and `sig`, the HMAC-SHA256 of the file id, the variant and `exp` under a key derived from the
 * server secret (JWT_SECRET, the same on every instance). Whoever holds the link may read that
 * file until `exp`; links are only handed out inside views of items the reader may see.
 */
export class FileUrls {
  private readonly key: Buffer;

  constructor(
    serverSecret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = createHmac('sha256', serverSecret).update('ruche file urls v1').digest();
  }

  private signature(id: string, variant: FileVariant, exp: number): string {
    return createHmac('sha256', this.key).update(`${id}\n${variant}\n${exp}`).digest('base64url');
  }

  /** `/api/files/<id>[/<variant>]?exp=…&sig=…`, valid for the configured time. */
  url(id: string, variant: FileVariant = 'original', now = Date.now()): string {
    const exp = Math.ceil((now / 1000 + this.ttlSeconds) / STEP_SECONDS) * STEP_SECONDS;
    const path = variant === 'original' ? `/api/files/${id}` : `/api/files/${id}/${variant}`;
    return `${path}?exp=${exp}&sig=${this.signature(id, variant, exp)}`;
  }

  /** Whether `sig` signs this id, variant and `exp`, and `exp` has not passed. */
  verify(id: string, variant: FileVariant, exp: unknown, sig: unknown, now = Date.now()): boolean {
    if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp)) return false;
    const expiry = Number(exp);
    if (expiry * 1000 <= now) return false;
    const expected = Buffer.from(this.signature(id, variant, expiry));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** Seconds left before `exp` (for Cache-Control). */
  static secondsLeft(exp: string, now = Date.now()): number {
    return Math.max(0, Math.floor(Number(exp) - now / 1000));
  }
}
