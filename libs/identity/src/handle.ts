/**
 * The @handle derived from an email's local part: lower case, accents dropped, only [a-z0-9_],
 * 2..30 characters. Uniqueness is added by the caller with a numeric suffix.
 */
export function handleFromEmail(email: string): string {
  const local = email.split('@')[0] ?? '';
  const base = local
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 30);
  return base.length >= 2 ? base : `user${base}`;
}

export function withSuffix(handle: string, n: number): string {
  if (n <= 1) return handle;
  const suffix = String(n);
  return handle.slice(0, 30 - suffix.length) + suffix;
}
