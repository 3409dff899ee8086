import type { FastifyInstance } from 'fastify';

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The headers that only make sense over https. `upgrade-insecure-requests` makes the browser fetch
 * every asset over https, and HSTS pins the host to https for a year: sent to a page served over
 * plain http (an intranet host name or address, behind the company's own network) they leave a
 * blank page, or a host nobody can reach again. So they are sent when the request arrived over
 * https (`X-Forwarded-Proto` counts with TRUST_PROXY=1), or when RUCHE_FORCE_HTTPS says every
 * client reaches Ruche over https whatever the proxy tells.
 */
export function useTransportSecurity(fastify: FastifyInstance, forceHttps: boolean): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (forceHttps || request.protocol === 'https') {
      // Helmet wrote its headers on the raw response just before this hook.
      const csp = reply.raw.getHeader('content-security-policy');
      if (typeof csp === 'string') reply.raw.setHeader('content-security-policy', `${csp};upgrade-insecure-requests`);
      reply.raw.setHeader('strict-transport-security', HSTS);
    }
    done();
  });
}
