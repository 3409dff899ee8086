import { request } from './client';
import type { Body, Returns, Schema } from './schema';
import type { Session } from './types';

/** What a password login answers when the account has two-factor on: no tokens yet (#15). */
export type TotpChallenge = Schema<'TotpChallengeView'>;

export type TwoFactorStatus = Schema<'TwoFactorStatusView'>;

export type TotpEnrolment = Schema<'TotpEnrolmentView'>;

export const isTotpChallenge = (answer: Session | TotpChallenge): answer is TotpChallenge =>
  (answer as TotpChallenge).totpRequired === true;

/** Two-factor, email verification and password reset (#15). */
export const accountSecurityApi = {
  login: (body: Body<'/api/auth/login', 'post'>) =>
    request<Returns<'/api/auth/login', 'post'>>('POST', '/api/auth/login', body, { auth: false }),
  loginTotp: (body: Body<'/api/auth/login/totp', 'post'>) =>
    request<Session>('POST', '/api/auth/login/totp', body, { auth: false }),
  twoFactor: () => request<TwoFactorStatus>('GET', '/api/me/2fa'),
  enrol: () => request<TotpEnrolment>('POST', '/api/me/2fa/totp'),
  confirm: (code: string) => request<Schema<'RecoveryCodesView'>>('POST', '/api/me/2fa/totp/confirm', { code }),
  disable: (body: Body<'/api/me/2fa/disable', 'post'>) => request<void>('POST', '/api/me/2fa/disable', body),
  verifyEmail: (token: string) => request<Schema<'EmailVerifiedView'>>('POST', '/api/auth/verify', { token }, { auth: false }),
  resendVerification: () => request<void>('POST', '/api/me/email/verification'),
  forgotPassword: (email: string) => request<void>('POST', '/api/auth/password/forgot', { email }, { auth: false }),
  resetPassword: (body: Body<'/api/auth/password/reset', 'post'>) =>
    request<void>('POST', '/api/auth/password/reset', body, { auth: false }),
};
