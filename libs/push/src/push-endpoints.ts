/**
 * Where Ruche may send a push: the server POSTs to the endpoint a browser hands it, so an endpoint
 * is a URL an attacker chooses. Only https endpoints at the known browser push services are taken
 * (a host equal to, or under, one of `PUSH_SERVICE_HOSTS`), never an address of the company's own
 * network. Tests add a loopback receiver through a test-only setting refused in production.
 */

/** The push services of Chrome/Edge (FCM), Firefox (Mozilla autopush), Safari (Apple) and Windows (WNS). */
export const DEFAULT_PUSH_SERVICE_HOSTS = [
  'fcm.googleapis.com',
  'push.services.mozilla.com',
  'push.apple.com',
  'notify.windows.com',
] as const;

export function endpointAllowed(endpoint: string, serviceHosts: readonly string[], testAllowHosts: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (testAllowHosts.includes(url.host.toLowerCase())) return url.protocol === 'http:' || url.protocol === 'https:';
  if (url.protocol !== 'https:' || (url.port !== '' && url.port !== '443')) return false;
  const host = url.hostname.toLowerCase();
  return serviceHosts.some((service) => host === service || host.endsWith(`.${service}`));
}
