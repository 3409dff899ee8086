import { Body, Controller, Get, Header, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSeeOtherResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { Public, RateLimitGuard } from '@ruche/platform';
import { cookieValue } from '../oidc/login-cookie.js';
import { SsoAccounts } from '../oidc/sso-accounts.js';
import { SAML_COOKIE, SAML_LOGIN_TTL_MS } from './relay-state.js';
import { SamlAcsDto, SamlLoginQuery } from './saml.dto.js';
import { SamlServiceProvider } from './saml-provider.js';

const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/**
 * The browser binding cookie (see SamlRelayState.binding): SameSite=None because the provider's
 * POST to the ACS is cross-site, hence Secure, hence https only. Scoped to the SAML routes.
 */
const bindingCookie = (value: string, maxAgeSeconds: number) =>
  `${SAML_COOKIE}=${value}; Path=/api/auth/saml; HttpOnly; Secure; SameSite=None; Max-Age=${maxAgeSeconds}`;

/**
 * SAML 2.0 single sign-on (#15), beside OpenID Connect and ending the same way. `login` sends the
 * browser to the provider with an AuthnRequest (HTTP-Redirect binding) and a signed RelayState;
 * the provider posts the signed Response to `acs` (HTTP-POST binding, a form), which checks it,
 * links or creates the account through the same path as OIDC ({@link SsoAccounts}), and redirects
 * to the web app's `/sso?code=<one-time code>`, traded for tokens at `POST /api/auth/oidc/exchange`.
 * `metadata` is the document to give the provider.
 */
@ApiTags('identity')
@Controller('auth/saml')
@UseGuards(RateLimitGuard)
export class SamlController {
  constructor(
    private readonly saml: SamlServiceProvider,
    private readonly accounts: SsoAccounts,
  ) {}

  @Public()
  @Get('metadata')
  @Header('content-type', 'application/samlmetadata+xml; charset=utf-8')
  @ApiOperation({ summary: 'This service provider’s SAML metadata, to give the identity provider' })
  @ApiOkResponse({
    description: 'An EntityDescriptor',
    content: { 'application/samlmetadata+xml': { schema: { type: 'string' } } },
  })
  @ApiNotFoundResponse({ description: 'SAML is not configured (sso_not_configured)' })
  metadata(@Req() request: FastifyRequest): string {
    return this.saml.serviceProviderMetadata(originOf(request));
  }

  @Public()
  @Get('login')
  @ApiOperation({ summary: 'Start SAML sign-in: a redirect to the identity provider with an AuthnRequest' })
  @ApiFoundResponse({ description: 'To the identity provider (HTTP-Redirect binding)' })
  @ApiNotFoundResponse({ description: 'SAML is not configured (sso_not_configured)' })
  async login(@Query() query: SamlLoginQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const binding = request.protocol === 'https' ? randomBytes(18).toString('base64url') : null;
    const url = await this.saml.start(originOf(request), query.returnTo, binding);
    if (binding) reply.header('set-cookie', bindingCookie(binding, SAML_LOGIN_TTL_MS / 1000));
    await reply.status(302).header('location', url).send();
  }

  @Public()
  @Post('acs')
  @ApiOperation({
    summary: 'Assertion consumer service: the provider’s form posts the signed Response; redirects to /sso?code=…',
  })
  @ApiSeeOtherResponse({ description: 'To the web app’s /sso page with a one-time code for POST /api/auth/oidc/exchange' })
  @ApiBadRequestResponse({ description: 'The Response does not check out (signature, audience, time, replay) or the RelayState' })
  async acs(@Body() body: SamlAcsDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const cookie = cookieValue(request.headers.cookie, SAML_COOKIE);
    const { identity, returnTo } = await this.saml.finish(originOf(request), body.SAMLResponse, body.RelayState, cookie);
    const { code } = await this.accounts.link(identity);
    const next = returnTo === '/' ? '' : `&next=${encodeURIComponent(returnTo)}`;
    // The binding is spent with the sign-in.
    if (cookie) reply.header('set-cookie', bindingCookie('', 0));
    // 303: the browser follows a POST's redirect with a GET.
    await reply
      .status(303)
      .header('location', `/sso?code=${encodeURIComponent(code)}${next}`)
      .send();
  }
}
