import { Body, Delete, Get, HttpCode, Inject, Post, Put, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiController,
  ApiErrors,
  ApiPageResponse,
  type AuthUser,
  CurrentUser,
  DomainError,
  ErrorCode,
  invalid,
  NoContent,
  type Page,
  PageQuery,
  Permission,
  Public,
  RateLimitGuard,
  RequirePermission,
  RUCHE_CONFIG,
  type RucheConfig,
  UuidParam,
} from '@ruche/platform';
import { AuthRoutes } from './auth-routes.js';
import { InvitationsService } from './invitations.service.js';
import { cookieValue, loginCookie, OIDC_COOKIE, OIDC_LOGIN_TTL_MS, readLoginState, signLoginState } from './oidc/login-cookie.js';
import { OidcClient } from './oidc/oidc-client.js';
import { SsoAccounts } from './oidc/sso-accounts.js';
import { PasswordsService } from './passwords.service.js';
import { ChangePasswordDto, CreateInvitationDto, ResetPasswordDto, SsoExchangeDto } from './sign-in.dto.js';
import { CreatedInvitationView, InvitationView, SignInProvidersView, SignupSettingsView, SsoSessionView } from './views.js';

/**
 * Single sign-on with OpenID Connect (#15). The browser goes to `login`, which redirects to the
 * provider with PKCE, state and nonce, kept in a signed http-only cookie; the provider sends it
 * back to `callback`, which checks everything, signs the person in (linking or creating the
 * account) and redirects to the web app's `/sso?code=<one-time code>`; the web app trades that
 * code for its tokens at `exchange`. Tokens never travel in a URL.
 */
@AuthRoutes()
export class SsoController {
  constructor(
    private readonly oidc: OidcClient,
    private readonly accounts: SsoAccounts,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  @Public()
  @Get('providers')
  @ApiOperation({
    summary: 'How people sign in here (password, OpenID Connect, SAML) and who may sign up: what the sign-in page offers',
  })
  @ApiOkResponse({ type: SignInProvidersView })
  providers(): SignInProvidersView {
    const { passwordLogin, oidc, saml, signup, signupDomains } = this.config.signIn;
    return { password: passwordLogin, oidc: oidc !== undefined, saml: saml !== undefined, signup, signupDomains };
  }

  @Public()
  @Get('oidc/login')
  @ApiOperation({
    summary: 'Start OpenID Connect sign-in: a redirect to the provider (PKCE, state and nonce in a signed cookie)',
  })
  @ApiFoundResponse({ description: 'To the provider’s authorization endpoint' })
  @ApiErrors({ notFound: 'Single sign-on is not configured (sso_not_configured)' })
  async login(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const redirectUri = this.oidc.settings.redirectUri ?? `${request.protocol}://${request.host}/api/auth/oidc/callback`;
    const { url, state, nonce, codeVerifier } = await this.oidc.start(redirectUri);
    const cookie = signLoginState(this.config.auth.jwtSecret, {
      state,
      nonce,
      codeVerifier,
      redirectUri,
      expiresAt: Date.now() + OIDC_LOGIN_TTL_MS,
    });
    await reply
      .status(302)
      .header('set-cookie', loginCookie(cookie, request.protocol === 'https'))
      .header('location', url)
      .send();
  }

  @Public()
  @Get('oidc/callback')
  @ApiOperation({ summary: 'Where the provider sends the browser back: signs the person in and redirects to /sso?code=…' })
  @ApiFoundResponse({ description: 'To the web app’s /sso page with a one-time code for POST /api/auth/oidc/exchange' })
  @ApiErrors({ invalid: 'Not started here, too late, or the provider’s answer does not check out (sso_failed)' })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    void this.oidc.settings; // 404 sso_not_configured when single sign-on is off
    const saved = readLoginState(this.config.auth.jwtSecret, cookieValue(request.headers.cookie, OIDC_COOKIE));
    if (!saved) throw invalid('This sign-in was not started here or took too long; start again', 'sso_failed');
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const callbackUrl = new URL(saved.redirectUri + query);
    const verified = await this.oidc.finish(callbackUrl, saved);
    const { code } = await this.accounts.signIn(verified);
    await reply
      .status(302)
      // The login state is spent: the cookie goes.
      .header('set-cookie', loginCookie('', request.protocol === 'https', 0))
      .header('location', `/sso?code=${encodeURIComponent(code)}`)
      .send();
  }

  /**
   * The web app's `/sso` page trades the one-time code for its tokens, whichever protocol signed the
   * person in (SAML's ACS hands off the same way). Only an OIDC sign-in (it left an ID token) has
   * a provider logout to offer.
   */
  @Public()
  @Post('oidc/exchange')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade the one-time code of a single sign-on (OpenID Connect or SAML) for a session' })
  @ApiOkResponse({ type: SsoSessionView })
  @ApiErrors({
    unauthenticated: 'Unknown, used or expired code',
    notFound: 'Single sign-on is not configured (sso_not_configured)',
  })
  async exchange(@Body() body: SsoExchangeDto, @Req() request: FastifyRequest): Promise<SsoSessionView> {
    const { oidc, saml } = this.config.signIn;
    if (!oidc && !saml) throw new DomainError(ErrorCode.NotFound, 'Single sign-on is not configured', 'sso_not_configured');
    const { session, idToken } = await this.accounts.exchange(body.code);
    let endSessionUrl: string | null = null;
    if (oidc && idToken) {
      const after = oidc.postLogoutRedirectUri ?? `${request.protocol}://${request.host}/signin`;
      endSessionUrl = await this.oidc.endSessionUrl(idToken, after);
    }
    return { ...session, endSessionUrl };
  }
}

/** Invitations and the sign-up setting, for admins (#15). */
@ApiController('identity', 'admin')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  @Post('invitations')
  @RequirePermission(Permission.AssignRoles)
  @ApiOperation({ summary: 'Invite someone by email (admin): a sign-up link, shown once and emailed when SMTP is configured' })
  @ApiCreatedResponse({ type: CreatedInvitationView })
  @ApiErrors({ conflict: 'An account with this email already exists (email_taken)' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateInvitationDto): Promise<CreatedInvitationView> {
    return this.invitations.create(user.id, body.email, body.roles);
  }

  @Get('invitations')
  @RequirePermission(Permission.AssignRoles)
  @ApiOperation({ summary: 'Invitations, newest first, with their status (admin)' })
  @ApiPageResponse(InvitationView)
  list(@Query() query: PageQuery): Promise<Page<InvitationView>> {
    return this.invitations.list(query.limit, query.cursor);
  }

  @Delete('invitations/:id')
  @RequirePermission(Permission.AssignRoles)
  @ApiOperation({ summary: 'Revoke an invitation: its link stops working (admin)' })
  @NoContent('Revoked')
  @ApiErrors({ notFound: 'No such invitation', conflict: 'The invitation was already used' })
  async revoke(@UuidParam('id') id: string): Promise<void> {
    await this.invitations.revoke(id);
  }

  @Get('signup')
  @RequirePermission(Permission.AssignRoles)
  @ApiOperation({ summary: 'The sign-up setting (RUCHE_SIGNUP), with a warning while anyone may sign up (admin)' })
  @ApiOkResponse({ type: SignupSettingsView })
  signup(): SignupSettingsView {
    const { passwordLogin, signup, signupDomains } = this.config.signIn;
    const open = passwordLogin && signup === 'open';
    return {
      mode: signup,
      domains: signupDomains,
      open,
      warning: open
        ? 'Sign-up is open: anyone who can reach this server can create an account. Set RUCHE_SIGNUP=domains or invite.'
        : null,
    };
  }
}

/** Changing one's password, and an admin's reset (#15). */
@ApiController('identity')
export class PasswordsController {
  constructor(private readonly passwords: PasswordsService) {}

  @Post('me/password')
  @ApiOperation({ summary: 'Change your password; your other sessions end' })
  @NoContent('Changed')
  @ApiErrors({ forbidden: 'The current password is wrong (wrong_password), or passwords are off' })
  @UseGuards(RateLimitGuard)
  async change(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto): Promise<void> {
    await this.passwords.change(user.id, user.sessionId, body.currentPassword, body.newPassword);
  }

  @Put('admin/users/:id/password')
  @RequirePermission(Permission.AssignRoles)
  @ApiOperation({ summary: 'Set a temporary password for a person (admin); they are asked to choose their own' })
  @NoContent('Set')
  @ApiErrors({ notFound: 'No such person' })
  async reset(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: ResetPasswordDto): Promise<void> {
    await this.passwords.reset(user.id, id, body.newPassword);
  }
}
