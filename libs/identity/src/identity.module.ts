import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RUCHE_CONFIG, type RucheConfig } from '@ruche/platform';
import { AccountStatesController } from './account-states.controller.js';
import { AccountStatesService } from './account-states.service.js';
import { AccountRecoveryController, AccountSecurityController } from './account-security.controller.js';
import { EmailVerificationService } from './email-verification.service.js';
import { PasswordResetService } from './password-reset.service.js';
import { TwoFactorService } from './two-factor.service.js';
import { AccountController, AuthController } from './identity.controller.js';
import { IdentityService } from './identity.service.js';
import { InvitationsService } from './invitations.service.js';
import { JwtStrategy } from './jwt.strategy.js';
import { LoginThrottle } from './login-throttle.js';
import { OidcClient } from './oidc/oidc-client.js';
import { SsoAccounts } from './oidc/sso-accounts.js';
import { PasswordsService } from './passwords.service.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { ProvisioningService } from './provisioning.service.js';
import { SamlController } from './saml/saml.controller.js';
import { SamlLedger } from './saml/saml-ledger.js';
import { SamlServiceProvider } from './saml/saml-provider.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';
import { InvitationsController, PasswordsController, SsoController } from './sign-in.controller.js';
import { SignupPolicy } from './signup-policy.js';
import { SocketIdentity } from './socket-identity.js';
import { UserEntity } from './user.entity.js';
import { IdentityPersonalData } from './identity-personal-data.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [RUCHE_CONFIG],
      useFactory: (config: RucheConfig) => ({ secret: config.auth.jwtSecret, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [
    AuthController,
    AccountController,
    SessionsController,
    AccountStatesController,
    SsoController,
    SamlController,
    InvitationsController,
    PasswordsController,
    AccountRecoveryController,
    AccountSecurityController,
  ],
  providers: [
    IdentityPersonalData,
    IdentityService,
    JwtStrategy,
    SocketIdentity,
    SessionsService,
    AccountStatesService,
    ProvisioningService,
    SignupPolicy,
    LoginThrottle,
    InvitationsService,
    PasswordsService,
    OidcClient,
    SsoAccounts,
    EmailVerificationService,
    PasswordResetService,
    TwoFactorService,
    SamlLedger,
    SamlServiceProvider,
  ],
  exports: [IdentityService, SessionsService, AccountStatesService, ProvisioningService],
})
export class IdentityModule {}
