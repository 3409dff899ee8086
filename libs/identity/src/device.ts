import Bowser from 'bowser';

/**
 * What a person reads in their sessions list for a user agent: "Firefox 131 on Windows",
 * "Safari on iOS", or the agent's first words when no browser is recognised (a script, curl).
 * Bowser's tables rather than home-made regular expressions: browsers change their strings.
 */
export function deviceOf(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name
    ? [parsed.browser.name, parsed.browser.version?.split('.')[0]].filter(Boolean).join(' ')
    : null;
  const os = parsed.os.name ?? null;
  if (browser && os) return `${browser} on ${os}`;
  if (browser) return browser;
  return userAgent.split(/[\s;(]/)[0]?.slice(0, 60) || 'Unknown device';
}
