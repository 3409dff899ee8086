import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person the test identity provider knows: its claims (sub is the account id). */
export interface TestIdentity {
  email?: string;
  email_verified?: boolean;
  name?: string;
  department?: string;
  job_title?: string;
}

export const TEST_CLIENT_ID = 'ruche';
export const TEST_CLIENT_SECRET = 'ruche-test-client-secret-0123456789';

export interface TestOidcProvider {
  issuer: string;
  /** Accounts by id (what the login form's "Username" takes); tests add people as they go. */
  accounts: Map<string, TestIdentity>;
  /** Registers the relying party (Ruche at `appUrl`): its callback and post-logout addresses. */
  register(appUrl: string): void;
  close(): Promise<void>;
}

const page = (
  uid: string,
  message = '',
) => `<!doctype html><html lang="en"><head><title>Test identity provider</title></head><body>
<h1>Test identity provider</h1>${message ? `<p role="alert">${message}</p>` : ''}
<form method="post" action="/interaction/${uid}">
<label>Username <input name="login" autocomplete="username" autofocus></label>
<button type="submit">Sign in</button>
</form></body></html>`;

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A real OpenID Connect provider (`oidc-provider`, the certified Node implementation) on loopback,
 * for the tests: discovery, authorization code with PKCE, signed ID tokens (its generated keys),
 * userinfo, end_session. Its login page is a plain form asking for a username from `accounts`
 * (no password: the provider's own authentication is not what is tested); consent is given at
 * once for the scopes asked.
 */
export async function startTestOidcProvider(): Promise<TestOidcProvider> {
  const accounts = new Map<string, TestIdentity>();
  let provider: Provider | undefined;
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;

  const server: Server = createServer((req, res) => {
    void (async () => {
      if (!provider || !handler) {
        res.statusCode = 503;
        res.end('not ready');
        return;
      }
      const match = /^\/interaction\/([^/?]+)/.exec(req.url ?? '');
      if (!match) return handler(req, res);
      const details = await provider.interactionDetails(req, res);
      if (req.method === 'GET') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(page(details.uid));
        return;
      }
      const accountId = (await formBody(req)).get('login') ?? '';
      if (!accounts.has(accountId)) {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(page(details.uid, 'Unknown user'));
        return;
      }
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    accounts,
    register(appUrl: string) {
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: TEST_CLIENT_ID,
            client_secret: TEST_CLIENT_SECRET,
            redirect_uris: [`${appUrl}/api/auth/oidc/callback`],
            post_logout_redirect_uris: [`${appUrl}/signin`],
            token_endpoint_auth_method: 'client_secret_basic',
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        findAccount: (_ctx, id) => {
          const identity = accounts.get(id);
          return identity ? { accountId: id, claims: () => ({ sub: id, ...identity }) } : undefined;
        },
        claims: {
          openid: ['sub'],
          email: ['email', 'email_verified'],
          profile: ['name', 'department', 'job_title'],
        },
        interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
        features: { devInteractions: { enabled: false } },
        cookies: { keys: ['test-provider-cookie-key-0123456789'] },
      });
      const callback = provider.callback();
      handler = (req, res) => void callback(req, res);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
