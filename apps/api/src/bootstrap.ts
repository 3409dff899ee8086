import multipart from '@fastify/multipart';
import helmet from 'helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import '@fastify/static';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { existsSync } from 'node:fs';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { JsonLogger, Metrics, requestIdOf, type RucheConfig, serveOperationsOnly, useRequestContext } from '@ruche/platform';
import { BODY_LIMIT_BYTES, jsonBodyParser, RucheValidationPipe } from '@ruche/platform';
import { RealtimeIoAdapter } from '@ruche/realtime';
import { AppModule } from './app.module.js';
import { useTransportSecurity } from './transport-security.js';

/** The largest HTML form post accepted when SAML is on (a signed SAML Response with its certificate). */
const SAML_FORM_LIMIT_BYTES = 256 * 1024;

/** Builds the configured api (HTTP, validation, security headers, docs, Socket.IO, web app). */
export async function createApp(config: RucheConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.http.trustProxy,
    // One id per request, the caller's X-Request-Id when sane: echoed, logged, in error bodies.
    requestIdHeader: false,
    genReqId: requestIdOf,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new JsonLogger(config.logLevel),
    // Throw instead of exiting the process, so callers (main, tests, the CLI) report the cause.
    abortOnError: false,
  });
  useRequestContext(adapter.getInstance());
  app.get(Metrics).register(adapter.getInstance());
  if (config.role === 'worker') serveOperationsOnly(adapter.getInstance());
  app.setGlobalPrefix('api');
  // Hostile JSON is refused by the parser, before it costs anything and before authentication:
  // nesting deeper than any Ruche body, and any top-level value that is not an object. The
  // framework's own parser then runs as before (prototype poisoning refused; over the body
  // limit, a 413).
  const jsonParser = jsonBodyParser(adapter.getInstance().getDefaultJsonParser('error', 'error'));
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT_BYTES }, jsonParser);
  // What identity providers send to SCIM (RFC 7644 §3.1): JSON under its own media type.
  app.useBodyParser('application/scim+json', { bodyLimit: BODY_LIMIT_BYTES }, jsonParser);
  // SAML's HTTP-POST binding (#15): the provider's self-submitting form carries the signed Response,
  // often tens of KB, past the 4 KB the email module's own form parser allows for one-click
  // unsubscribe. Registered first, only with SAML on, so that module then keeps this one.
  if (config.signIn.saml)
    app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit: SAML_FORM_LIMIT_BYTES }, (_request, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body.toString('utf8')))),
    );
  app.useGlobalPipes(new RucheValidationPipe());
  // Uploads (POST /api/files): streamed by the files module, which sets its own limits per request.
  await app.register(multipart, {
    limits: { files: 1, fields: 0, parts: 1, fileSize: config.files.maxBytes },
    throwFileSizeLimit: true,
  });
  // Helmet's headers, worked out once: @fastify/helmet rebuilt its middleware (parsing the policy)
  // on every request, 2% of the api's CPU under the feed load, and running the built middleware
  // (a dozen functions) was 2.5% more (bench/README.md). Same headers on every response.
  const securityHeaders = fixedHeaders(helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        imgSrc: ["'self'", 'data:'],
        // Swagger UI styles itself inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        // Added per request, over https only (transport-security.ts).
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
  }));
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    for (const [name, value] of securityHeaders) reply.raw.setHeader(name, value);
    done();
  });
  useTransportSecurity(adapter.getInstance(), config.http.forceHttps);
  if (config.corsOrigins) app.enableCors({ origin: config.corsOrigins, credentials: true });

  const docs = new DocumentBuilder()
    .setTitle('Ruche API')
    .setDescription('The enterprise internal social network: posts, people, groups, ideas, questions.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, docs));

  const io = new RealtimeIoAdapter(app, config);
  await io.connect();
  app.useWebSocketAdapter(io);

  if (existsSync(join(config.webDir, 'index.html'))) {
    app.useStaticAssets({ root: config.webDir, prefix: '/', wildcard: false });
    // Client-side routes: any non-API GET that is not a file gets the app shell. A catch-all route,
    // not a not-found handler: Nest installs its own at init and Fastify allows one per prefix.
    // (Socket.IO answers /socket.io/ on the HTTP server before Fastify sees the request.)
    adapter.getInstance().get('/*', (request, reply) => {
      const api = request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?');
      return api ? reply.callNotFound() : reply.type('text/html').sendFile('index.html');
    });
  }

  return app;
}

/**
 * The headers a helmet middleware sets, found by running it once on a response that is never sent.
 * Its policy here is fixed (no nonce, nothing read from the request), so every response gets the
 * same ones; X-Powered-By, the one header it removes, is never set by Fastify.
 */
function fixedHeaders(middleware: ReturnType<typeof helmet>): [string, string][] {
  const request = new IncomingMessage(new Socket());
  const response = new ServerResponse(request);
  let ran = false;
  middleware(request, response, (error?: unknown) => {
    if (error) throw error;
    ran = true;
  });
  if (!ran) throw new Error('helmet did not set its headers synchronously');
  return Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]);
}
