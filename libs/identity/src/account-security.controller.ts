import { Body, Delete, Get, HttpCode, Ip, Post, Query, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  ApiController,
  ApiErrors,
  type AuthUser,
  CurrentUser,
  NoContent,
  Permission,
  Public,
  RateLimitGuard,
  RequirePermission,
  UuidParam,
} from '@ruche/platform';
import {
  ConfirmTotpDto,
  DisableTotpDto,
  ForgotPasswordDto,
  LoginTotpDto,
  ResetPasswordWithTokenDto,
  VerifyEmailDto,
} from './account-security.dto.js';
import { AuthRoutes } from './auth-routes.js';
import { SessionView } from './dto.js';
import { EmailVerificationService } from './email-verification.service.js';
import { PasswordResetService } from './password-reset.service.js';
import { TwoFactorService } from './two-factor.service.js';
import { EmailVerifiedView, PasswordResetLinkView, RecoveryCodesView, TotpEnrolmentView, TwoFactorStatusView } from './views.js';

/** The second step of a password login with two-factor on, email verification links, and "forgot password" (#15). */
@AuthRoutes()
export class AccountRecoveryController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly verification: EmailVerificationService,
    private readonly resets: PasswordResetService,
  ) {}

  @Public()
  @Post('login/totp')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The second step of a password login with two-factor on: the challenge and a code (or a recovery code)',
  })
  @ApiOkResponse({ type: SessionView })
  @ApiErrors({ unauthenticated: 'Wrong or reused code (totp_invalid), or the challenge expired (challenge_invalid)' })
  loginTotp(@Body() body: LoginTotpDto, @Ip() address: string): Promise<SessionView> {
    return this.twoFactor.completeLogin(body.challenge, { code: body.code, recoveryCode: body.recoveryCode }, address);
  }

  /** The link in the email opens the web app's `/verify` page, which posts here; a GET works too (a mail client that only fetches). */
  @Public()
  @Get('verify')
  @ApiOperation({ summary: 'Verify the address with the token of the emailed link (what POST /api/auth/verify does)' })
  @ApiOkResponse({ type: EmailVerifiedView })
  @ApiErrors({ invalid: 'The link expired, was used, or a newer one was sent (token_invalid)' })
  verifyByLink(@Query() query: VerifyEmailDto): Promise<EmailVerifiedView> {
    return this.verification.verify(query.token);
  }

  @Public()
  @Post('verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify the address with the token of the emailed link (the web app’s /verify page)' })
  @ApiOkResponse({ type: EmailVerifiedView })
  @ApiErrors({ invalid: 'The link expired, was used, or a newer one was sent (token_invalid)' })
  verify(@Body() body: VerifyEmailDto): Promise<EmailVerifiedView> {
    return this.verification.verify(body.token);
  }

  /** Always 202 (an unknown address included): the answer never says whether an account exists. */
  @Public()
  @Post('password/forgot')
  @HttpCode(202)
  @ApiOperation({ summary: 'Email a one-hour password reset link to the address, if it has an account' })
  @ApiAcceptedResponse({ description: 'Always, whether or not the address has an account' })
  @ApiErrors({ forbidden: 'No email is sent from this server: an admin resets passwords (password_reset_unavailable)' })
  async forgot(@Body() body: ForgotPasswordDto): Promise<void> {
    await this.resets.forgot(body.email);
  }

  @Public()
  @Post('password/reset')
  @ApiOperation({ summary: 'Set a new password with the token of a reset link; every session of the account ends' })
  @NoContent('Password set')
  @ApiErrors({ invalid: 'The link expired, was used, or a newer one was sent (token_invalid); or a weak password' })
  async reset(@Body() body: ResetPasswordWithTokenDto): Promise<void> {
    await this.resets.reset(body.token, body.password);
  }
}

/** A person's own two-factor settings and verification email; an admin's resets (#15). */
@ApiController('identity')
export class AccountSecurityController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly verification: EmailVerificationService,
    private readonly resets: PasswordResetService,
  ) {}

  @Get('me/2fa')
  @ApiOperation({ summary: 'Whether two-factor is on for your account, and how many recovery codes are left' })
  @ApiOkResponse({ type: TwoFactorStatusView })
  status(@CurrentUser() user: AuthUser): Promise<TwoFactorStatusView> {
    return this.twoFactor.status(user.id);
  }

  /** Starts enrolment: the secret, its otpauth URI and QR code, shown this once. */
  @Post('me/2fa/totp')
  @ApiOperation({ summary: 'Start two-factor enrolment: the secret, its otpauth URI and QR code, shown this once' })
  @ApiCreatedResponse({ type: TotpEnrolmentView })
  @ApiErrors({
    forbidden: 'A single sign-on account (totp_not_applicable)',
    conflict: 'Two-factor is already on (totp_already_enabled)',
  })
  enrol(@CurrentUser() user: AuthUser): Promise<TotpEnrolmentView> {
    return this.twoFactor.enrol(user.id);
  }

  @Post('me/2fa/totp/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Turn two-factor on with a first code from the authenticator; answers the recovery codes' })
  @ApiOkResponse({ type: RecoveryCodesView })
  @ApiErrors({ forbidden: 'Wrong code (totp_invalid)', conflict: 'No enrolment started, or two-factor already on' })
  confirm(@CurrentUser() user: AuthUser, @Body() body: ConfirmTotpDto): Promise<RecoveryCodesView> {
    return this.twoFactor.confirm(user.id, body.code);
  }

  @Post('me/2fa/disable')
  @ApiOperation({ summary: 'Turn two-factor off with your password and a code (or a recovery code)' })
  @NoContent('Two-factor is off')
  @ApiErrors({
    forbidden: 'Wrong password (wrong_password) or code (totp_invalid)',
    conflict: 'Two-factor is not on (totp_not_enabled)',
  })
  @UseGuards(RateLimitGuard)
  async disable(@CurrentUser() user: AuthUser, @Body() body: DisableTotpDto, @Ip() address: string): Promise<void> {
    await this.twoFactor.disable(user.id, body.password, { code: body.code, recoveryCode: body.recoveryCode }, address);
  }

  /** A new verification link (the previous one stops working); at most one a minute. */
  @Post('me/email/verification')
  @HttpCode(202)
  @ApiOperation({ summary: 'Email a new verification link to your address (the previous one stops working)' })
  @ApiAcceptedResponse({ description: 'The link is on its way' })
  @ApiErrors({
    conflict: 'The address is already verified (email_already_verified)',
    rateLimited: 'A link was sent less than a minute ago',
  })
  @UseGuards(RateLimitGuard)
  async resend(@CurrentUser() user: AuthUser): Promise<void> {
    await this.verification.resend(user.id);
  }

  @Delete('admin/users/:id/2fa')
  @RequirePermission(Permission.AssignRoles)
  @ApiOperation({ summary: "Turn off a person's two-factor (admin), when they lost their device and recovery codes" })
  @NoContent('Two-factor is off for them')
  @ApiErrors({ notFound: 'No such person' })
  async resetTwoFactor(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.twoFactor.reset(user.id, id);
  }

  @Post('admin/users/:id/password-reset')
  @RequirePermission(Permission.AssignRoles)
  @ApiOperation({ summary: 'A password reset link for a person (admin), emailed to them too when SMTP is configured' })
  @ApiCreatedResponse({ type: PasswordResetLinkView })
  @ApiErrors({ notFound: 'No such person' })
  issueResetLink(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PasswordResetLinkView> {
    return this.resets.issueByAdmin(user.id, id);
  }
}
