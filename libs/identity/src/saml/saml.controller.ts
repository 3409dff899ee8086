import { Body, Controller, Get, Header, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public, RateLimitGuard } from '@ruche/platform';
import { SsoAccounts } from '../oidc/sso-accounts.js';
import { SamlAcsDto, SamlLoginQuery } from './saml.dto.js';
import { SamlServiceProvider } from './saml-provider.js';

const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

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
  metadata(@Req() request: FastifyRequest): string {
    return this.saml.serviceProviderMetadata(originOf(request));
  }

  @Public()
  @Get('login')
  async login(@Query() query: SamlLoginQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const url = await this.saml.start(originOf(request), query.returnTo);
    await reply.status(302).header('location', url).send();
  }

  @Public()
  @Post('acs')
  async acs(@Body() body: SamlAcsDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { identity, returnTo } = await this.saml.finish(originOf(request), body.SAMLResponse, body.RelayState);
    const { code } = await this.accounts.link(identity);
    const next = returnTo === '/' ? '' : `&next=${encodeURIComponent(returnTo)}`;
    // 303: the browser follows a POST's redirect with a GET.
    await reply
      .status(303)
      .header('location', `/sso?code=${encodeURIComponent(code)}${next}`)
      .send();
  }
}
