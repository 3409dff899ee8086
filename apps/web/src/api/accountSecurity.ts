import { request } from './client';
import type { Session } from './types';

/** What a password login answers when the account has two-factor on: no tokens yet (#15). */
export interface TotpChallenge {
  totpRequired: true;
  challenge: string;
  expiresIn: number;
}

export interface TwoFactorStatus {
  applicable: boolean;
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
}

export interface TotpEnrolment {
  secret: string;
  uri: string;
  /** A `data:image/png;base64,...` QR code of `uri`. */
  qrCode: string;
}

export const isTotpChallenge = (answer: Session | TotpChallenge): answer is TotpChallenge =>
  (answer as TotpChallenge).totpRequired === true;

/** Two-factor, email verification and password reset (#15). */
export const accountSecurityApi = {
  login: (body: { email: string; password: string }) =>
    request<Session | TotpChallenge>('POST', '/api/auth/login', body, { auth: false }),
  loginTotp: (body: { challenge: string; code?: string; recoveryCode?: string }) =>
    request<Session>('POST', '/api/auth/login/totp', body, { auth: false }),
  twoFactor: () => request<TwoFactorStatus>('GET', '/api/me/2fa'),
  enrol: () => request<TotpEnrolment>('POST', '/api/me/2fa/totp'),
  confirm: (code: string) => request<{ recoveryCodes: string[] }>('POST', '/api/me/2fa/totp/confirm', { code }),
  disable: (body: { password: string; code?: string; recoveryCode?: string }) => request<void>('POST', '/api/me/2fa/disable', body),
  verifyEmail: (token: string) => request<{ verified: true }>('POST', '/api/auth/verify', { token }, { auth: false }),
  resendVerification: () => request<void>('POST', '/api/me/email/verification'),
  forgotPassword: (email: string) => request<void>('POST', '/api/auth/password/forgot', { email }, { auth: false }),
  resetPassword: (body: { token: string; password: string }) =>
    request<void>('POST', '/api/auth/password/reset', body, { auth: false }),
};
