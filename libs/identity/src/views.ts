import { ApiProperty } from '@nestjs/swagger';
import { type Role, ROLES } from '@ruche/platform';
import { SessionView } from './dto.js';

/**
 * What identity's routes answer, as classes so the OpenAPI document (and the web app's types
 * generated from it, #16) describes them; services build them as plain objects.
 */

/** One open session of the caller, as their sessions page shows it. */
export class ActiveSessionView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ description: '"Firefox 131 on Linux", from the user agent of the sign-in (or the latest refresh)' })
  device: string;
  @ApiProperty({ type: String, nullable: true })
  userAgent: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The client address of the sign-in (or the latest refresh)' })
  address: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time', description: 'When its access token was last refreshed (not every request)' })
  lastSeenAt: string;
  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
  @ApiProperty({ description: 'The session of the access token making this request' })
  current: boolean;
}

export class RevokedSessionsView {
  @ApiProperty({ description: 'How many other sessions were signed out' })
  revoked: number;
}

export const INVITATION_STATUSES = ['pending', 'redeemed', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export class InvitationView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  email: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];
  @ApiProperty({ enum: INVITATION_STATUSES })
  status: InvitationStatus;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  redeemedAt: string | null;
}

/** What creating an invitation answers: the link to hand over (it is shown once; only its hash is kept). */
export class CreatedInvitationView extends InvitationView {
  @ApiProperty({ description: 'The sign-up link with the invitation token, shown this once' })
  link: string;
  @ApiProperty({ description: 'The link was also emailed to the address (SMTP configured); otherwise the admin hands it over' })
  emailed: boolean;
}

/** What an admin's "reset link" answers: the link to hand over, and whether it was also emailed. */
export class PasswordResetLinkView {
  @ApiProperty()
  link: string;
  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
  @ApiProperty()
  emailed: boolean;
}

export class TwoFactorStatusView {
  @ApiProperty({
    description: 'A password account (SSO-only accounts sign in at their provider, which owns their second factor)',
  })
  applicable: boolean;
  @ApiProperty()
  enabled: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  enabledAt: string | null;
  @ApiProperty()
  recoveryCodesLeft: number;
}

export class TotpEnrolmentView {
  @ApiProperty({ description: 'Base32, for typing into an authenticator by hand. Shown now, never again' })
  secret: string;
  @ApiProperty({ description: '`otpauth://totp/...`' })
  uri: string;
  @ApiProperty({ description: 'The URI as a QR code, a `data:image/png;base64,...` URL' })
  qrCode: string;
}

/** What a password login answers instead of tokens when the account has two-factor on. */
export class TotpChallengeView {
  @ApiProperty({ enum: [true] })
  totpRequired: true;
  @ApiProperty({ description: 'Send it back with a code to `POST /api/auth/login/totp`; it works once, for five minutes' })
  challenge: string;
  @ApiProperty({ description: 'Seconds the challenge stays valid' })
  expiresIn: number;
}

export class RecoveryCodesView {
  @ApiProperty({ type: String, isArray: true, description: 'Each works once instead of a code; shown this once' })
  recoveryCodes: string[];
}

export class EmailVerifiedView {
  @ApiProperty({ enum: [true] })
  verified: true;
}

export const SIGNUP_MODES = ['open', 'domains', 'invite'] as const;
export type SignupMode = (typeof SIGNUP_MODES)[number];

/** How people sign in here: what the sign-in page offers. */
export class SignInProvidersView {
  @ApiProperty({ description: 'Password sign-in is on' })
  password: boolean;
  @ApiProperty({ description: 'OpenID Connect single sign-on is configured: the sign-in page offers `/api/auth/oidc/login`' })
  oidc: boolean;
  @ApiProperty({ description: 'SAML single sign-on is configured: the sign-in page offers `/api/auth/saml/login`' })
  saml: boolean;
  @ApiProperty({ enum: SIGNUP_MODES })
  signup: SignupMode;
  @ApiProperty({ type: String, isArray: true })
  signupDomains: string[];
}

/** The sign-up setting as admins see it, with the warning the admin pages show while anyone may sign up. */
export class SignupSettingsView {
  @ApiProperty({ enum: SIGNUP_MODES })
  mode: SignupMode;
  @ApiProperty({ type: String, isArray: true })
  domains: string[];
  @ApiProperty({ description: 'Passwords on and mode `open`: anyone who reaches the server can create an account' })
  open: boolean;
  @ApiProperty({ type: String, nullable: true })
  warning: string | null;
}

export class SsoSessionView extends SessionView {
  @ApiProperty({
    type: String,
    nullable: true,
    description: "Where to send the browser after signing out, to end the provider's session too (null: it offers none)",
  })
  endSessionUrl: string | null;
}
