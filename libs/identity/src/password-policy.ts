import { dictionary } from '@zxcvbn-ts/language-common';
import { invalid } from '@ruche/platform';

/** Password length bounds (#15), in characters as the DTOs count them. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * The breached-password list: the 49,000 most common passwords of public breach corpora, shipped by
 * `@zxcvbn-ts/language-common` (zxcvbn's "passwords" dictionary, MIT). Compared without case and
 * with surrounding spaces dropped, so "Password1234" and "password1234 " are caught as well.
 * Built once, on first use (a Set of ~49k short strings: about 3 MB).
 */
let breached: Set<string> | undefined;

const normalised = (password: string) => password.trim().toLowerCase();

export function isBreachedPassword(password: string): boolean {
  breached ??= new Set(dictionary['passwords-common'].map(normalised));
  return breached.has(normalised(password));
}

/**
 * The rules a new password must meet beyond its length (the DTO checks 12–256): not on the
 * breached list, not the person's own email address. Throws a 400 with a code the web app words.
 */
export function assertAcceptablePassword(password: string, email?: string): void {
  if (isBreachedPassword(password) || (email && normalised(password) === email.toLowerCase()))
    throw invalid('This password appears in lists of breached passwords; choose another', 'password_breached');
}
