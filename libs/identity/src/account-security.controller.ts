import { Body, Controller, Delete, Get, HttpCode, Ip, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Permission, Public, RateLimitGuard, RequirePermission, UuidParam } from '@ruche/platform';
import {
  ConfirmTotpDto,
  DisableTotpDto,
  ForgotPasswordDto,
  LoginTotpDto,
  ResetPasswordWithTokenDto,
  VerifyEmailDto,
} from './account-security.dto.js';
import type { SessionView } from './dto.js';
import { EmailVerificationService } from './email-verification.service.js';
import { type PasswordResetLinkView, PasswordResetService } from './password-reset.service.js';
import { type TotpEnrolmentView, type TwoFactorStatusView, TwoFactorService } from './two-factor.service.js';

/** The second step of a password login with two-factor on, email verification links, and "forgot password" (#15). */
@ApiTags('identity')
@Controller('auth')
@UseGuards(RateLimitGuard)
export class AccountRecoveryController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly verification: EmailVerificationService,
    private readonly resets: PasswordResetService,
  ) {}

  @Public()
  @Post('login/totp')
  @HttpCode(200)
  loginTotp(@Body() body: LoginTotpDto, @Ip() address: string): Promise<SessionView> {
    return this.twoFactor.completeLogin(body.challenge, { code: body.code, recoveryCode: body.recoveryCode }, address);
  }

  /** The link in the email opens the web app's `/verify` page, which posts here; a GET works too (a mail client that only fetches). */
  @Public()
  @Get('verify')
  verifyByLink(@Query() query: VerifyEmailDto): Promise<{ verified: true }> {
    return this.verification.verify(query.token);
  }

  @Public()
  @Post('verify')
  @HttpCode(200)
  verify(@Body() body: VerifyEmailDto): Promise<{ verified: true }> {
    return this.verification.verify(body.token);
  }

  /** Always 202 (an unknown address included): the answer never says whether an account exists. */
  @Public()
  @Post('password/forgot')
  @HttpCode(202)
  async forgot(@Body() body: ForgotPasswordDto): Promise<void> {
    await this.resets.forgot(body.email);
  }

  @Public()
  @Post('password/reset')
  @HttpCode(204)
  async reset(@Body() body: ResetPasswordWithTokenDto): Promise<void> {
    await this.resets.reset(body.token, body.password);
  }
}

/** A person's own two-factor settings and verification email; an admin's resets (#15). */
@ApiTags('identity')
@ApiBearerAuth()
@Controller()
export class AccountSecurityController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly verification: EmailVerificationService,
    private readonly resets: PasswordResetService,
  ) {}

  @Get('me/2fa')
  status(@CurrentUser() user: AuthUser): Promise<TwoFactorStatusView> {
    return this.twoFactor.status(user.id);
  }

  /** Starts enrolment: the secret, its otpauth URI and QR code, shown this once. */
  @Post('me/2fa/totp')
  enrol(@CurrentUser() user: AuthUser): Promise<TotpEnrolmentView> {
    return this.twoFactor.enrol(user.id);
  }

  @Post('me/2fa/totp/confirm')
  @HttpCode(200)
  confirm(@CurrentUser() user: AuthUser, @Body() body: ConfirmTotpDto): Promise<{ recoveryCodes: string[] }> {
    return this.twoFactor.confirm(user.id, body.code);
  }

  @Post('me/2fa/disable')
  @HttpCode(204)
  @UseGuards(RateLimitGuard)
  async disable(@CurrentUser() user: AuthUser, @Body() body: DisableTotpDto, @Ip() address: string): Promise<void> {
    await this.twoFactor.disable(user.id, body.password, { code: body.code, recoveryCode: body.recoveryCode }, address);
  }

  /** A new verification link (the previous one stops working); at most one a minute. */
  @Post('me/email/verification')
  @HttpCode(202)
  @UseGuards(RateLimitGuard)
  async resend(@CurrentUser() user: AuthUser): Promise<void> {
    await this.verification.resend(user.id);
  }

  @Delete('admin/users/:id/2fa')
  @RequirePermission(Permission.AssignRoles)
  @HttpCode(204)
  async resetTwoFactor(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.twoFactor.reset(user.id, id);
  }

  @Post('admin/users/:id/password-reset')
  @RequirePermission(Permission.AssignRoles)
  issueResetLink(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PasswordResetLinkView> {
    return this.resets.issueByAdmin(user.id, id);
  }
}
