import { Inject, Injectable, Logger } from '@nestjs/common';
import * as client from 'openid-client';
import { DomainError, ErrorCode, invalid, type OidcConfig, RUCHE_CONFIG, type RucheConfig } from '@ruche/platform';

/** What the provider said about the person, from the verified ID token and the userinfo endpoint. */
export interface VerifiedClaims {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
  idToken: string | undefined;
}

/**
 * The relying party, on `openid-client` (certified OpenID Connect client): discovery of the
 * provider's metadata (once, then cached; retried after a failure), the authorization URL with
 * PKCE (S256), state and nonce, and the code exchange, whose ID token is checked by the library
 * (signature against the provider's JWKS, issuer, audience, expiry with `OIDC_CLOCK_TOLERANCE_SECONDS`
 * of skew, nonce) before any claim is read. Plain http is allowed only for a loopback issuer
 * (config refuses it otherwise), for development and the tests.
 */
@Injectable()
export class OidcClient {
  private readonly logger = new Logger('oidc');
  private discovered: Promise<client.Configuration> | undefined;

  constructor(@Inject(RUCHE_CONFIG) private readonly config: RucheConfig) {}

  get enabled(): boolean {
    return this.config.signIn.oidc !== undefined;
  }

  get settings(): OidcConfig {
    const oidc = this.config.signIn.oidc;
    if (!oidc) throw new DomainError(ErrorCode.NotFound, 'Single sign-on is not configured', 'sso_not_configured');
    return oidc;
  }

  private configuration(): Promise<client.Configuration> {
    const oidc = this.settings;
    this.discovered ??= client
      .discovery(
        new URL(oidc.issuer),
        oidc.clientId,
        { [client.clockTolerance]: oidc.clockToleranceSeconds },
        client.ClientSecretBasic(oidc.clientSecret),
        {
          execute: new URL(oidc.issuer).protocol === 'http:' ? [client.allowInsecureRequests] : [],
          timeout: Math.max(1, Math.ceil(oidc.timeoutMs / 1000)),
        },
      )
      .catch((error: unknown) => {
        this.discovered = undefined;
        this.logger.error({ msg: 'OIDC discovery failed', issuer: oidc.issuer, error: String(error) });
        throw invalid('The identity provider cannot be reached; try again later', 'sso_failed');
      });
    return this.discovered;
  }

  /** Where to send the browser, and the checks the callback must pass (kept in the signed cookie). */
  async start(redirectUri: string): Promise<{ url: string; state: string; nonce: string; codeVerifier: string }> {
    const configuration = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: this.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /**
   * The callback: exchanges the code (PKCE verifier, expected state and nonce), verifies the ID
   * token, then reads userinfo (when offered) for the claims the ID token leaves out. Any failed
   * check is a 400 `sso_failed`, nothing is written.
   */
  async finish(callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<VerifiedClaims> {
    const configuration = await this.configuration();
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no ID token');
      let userinfo: Record<string, unknown> = {};
      if (configuration.serverMetadata().userinfo_endpoint) {
        userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      }
      return {
        issuer: idClaims.iss,
        subject: idClaims.sub,
        claims: { ...userinfo, ...idClaims },
        idToken: tokens.id_token,
      };
    } catch (error) {
      if (error instanceof DomainError) throw error;
      // openid-client wraps the precise check that failed (the nonce claim, the state parameter...) as `cause`.
      const cause = (error as { cause?: unknown })?.cause;
      const detail = cause instanceof Error && cause.message !== (error as Error).message ? `: ${cause.message}` : '';
      const message = `${(error as Error)?.message ?? 'the provider answer was not valid'}${detail}`;
      this.logger.warn({ msg: 'OIDC callback refused', error: message });
      throw invalid(`Single sign-on failed: ${message}`, 'sso_failed');
    }
  }

  /** RP-initiated logout at the provider, when it offers an end_session_endpoint. */
  async endSessionUrl(idToken: string | null, postLogoutRedirectUri: string): Promise<string | null> {
    const configuration = await this.configuration().catch(() => null);
    if (!configuration?.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(configuration, {
      post_logout_redirect_uri: postLogoutRedirectUri,
      ...(idToken ? { id_token_hint: idToken } : {}),
    }).href;
  }
}
