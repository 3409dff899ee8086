import { Body, Get, HttpCode, Ip, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, getSchemaPath } from '@nestjs/swagger';
import {
  ApiController,
  ApiErrors,
  type AuthUser,
  CurrentUser,
  NoContent,
  Permission,
  Public,
  RequirePermission,
  UuidParam,
} from '@ruche/platform';
import { AuthRoutes } from './auth-routes.js';
import { LoginDto, RefreshDto, RegisterDto, SessionView, SetRolesDto, UserView } from './dto.js';
import { IdentityService } from './identity.service.js';
import { LoginThrottle } from './login-throttle.js';
import { SignupPolicy } from './signup-policy.js';
import { TwoFactorService } from './two-factor.service.js';
import { TotpChallengeView } from './views.js';

@AuthRoutes()
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    private readonly signup: SignupPolicy,
    private readonly throttle: LoginThrottle,
    private readonly twoFactor: TwoFactorService,
  ) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Create an account and sign in (the first account is an admin); who may is RUCHE_SIGNUP' })
  @ApiCreatedResponse({ type: SessionView })
  @ApiErrors({
    forbidden: 'Sign-up closed to this address (domains, invitation), or passwords off',
    conflict: 'The email is taken',
  })
  register(@Body() body: RegisterDto): Promise<SessionView> {
    return this.identity.register(body);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with email and password; with two-factor on, a challenge for POST /api/auth/login/totp instead',
  })
  @ApiExtraModels(SessionView, TotpChallengeView)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(SessionView) }, { $ref: getSchemaPath(TotpChallengeView) }] } })
  @ApiErrors({
    unauthenticated: 'Wrong email or password, or the account is not active',
    rateLimited: 'Too many failed logins for this account or address (login_throttled)',
  })
  async login(@Body() body: LoginDto, @Ip() address: string): Promise<SessionView | TotpChallengeView> {
    // Passwords off (single sign-on only), then the per-account and per-address throttle (#15).
    this.signup.assertPasswordsOn();
    await this.throttle.attempt(body.email, address);
    const user = await this.identity.checkPassword(body.email, body.password);
    // Two-factor on: no tokens yet, and the throttle keeps counting until the code step completes
    // (clearing it here would let a stolen password reset the count between code guesses).
    if (await this.twoFactor.isEnabled(user.id)) return this.twoFactor.challenge(user.id);
    const session = await this.identity.signIn(user);
    await this.throttle.succeeded(body.email, address);
    return session;
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token for a new session (it rotates: a reused one revokes its family)' })
  @ApiOkResponse({ type: SessionView })
  @ApiErrors({ unauthenticated: 'Unknown, expired, revoked or reused refresh token' })
  refresh(@Body() body: RefreshDto): Promise<SessionView> {
    return this.identity.refresh(body.refreshToken);
  }

  @ApiBearerAuth()
  @Post('logout')
  @ApiOperation({ summary: 'Sign out: the refresh token and its session end' })
  @NoContent('Signed out')
  async logout(@CurrentUser() user: AuthUser, @Body() body: RefreshDto): Promise<void> {
    await this.identity.logout(body.refreshToken, user.id);
  }
}

@ApiController('identity')
export class AccountController {
  constructor(private readonly identity: IdentityService) {}

  @Get('me')
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ type: UserView })
  me(@CurrentUser() user: AuthUser): Promise<UserView> {
    return this.identity.getUser(user.id);
  }

  @Put('admin/users/:id/roles')
  @RequirePermission(Permission.AssignRoles)
  @ApiOperation({ summary: "Replace a person's roles (admin); employee is always kept" })
  @ApiOkResponse({ type: UserView })
  @ApiErrors({ notFound: 'No such person' })
  setRoles(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: SetRolesDto): Promise<UserView> {
    return this.identity.setRoles(user.id, id, body.roles);
  }
}
