import ipaddr from 'ipaddr.js';

/**
 * Whether the server may connect to an address on a link preview's behalf: only public unicast.
 * Answers null when it may, else the name of the range that refuses it (for logs and the cached
 * failure), e.g. `loopback`, `private`, `linkLocal` (169.254.169.254, the cloud metadata service).
 *
 * IPv6 forms that carry an IPv4 address inside are judged by that address: IPv4-mapped
 * (::ffff:127.0.0.1), IPv4-translated (RFC 6145), IPv4-compatible (::127.0.0.1, deprecated),
 * NAT64 (64:ff9b::/96 and 64:ff9b:1::/48) and 6to4 (2002::/16). Teredo (2001::/32) is refused
 * outright: its client address is obfuscated and no public web server needs it. Anything that is
 * not an IP literal (a name, a zone id) is refused: names are resolved first, then each address
 * is checked here.
 */
export function blockedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  const ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv4') return ipv4Range(ip as ipaddr.IPv4);
  const v6 = ip as ipaddr.IPv6;
  const range = v6.range();
  const embedded = embeddedIpv4(v6, range);
  if (embedded) {
    const inner = ipv4Range(embedded);
    return inner === null ? null : `${range}(${inner})`;
  }
  if (range === 'teredo') return 'teredo';
  return range === 'unicast' ? null : range;
}

function ipv4Range(ip: ipaddr.IPv4): string | null {
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

/** The IPv4 address an IPv6 one carries, for the forms that carry one. */
function embeddedIpv4(ip: ipaddr.IPv6, range: string): ipaddr.IPv4 | undefined {
  const p = ip.parts;
  const fromWords = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  switch (range) {
    case 'ipv4Mapped':
    case 'rfc6145':
    case 'rfc6052':
      return fromWords(p[6], p[7]);
    case '6to4':
      return fromWords(p[1], p[2]);
    default:
      // IPv4-compatible (::a.b.c.d, RFC 4291 deprecated): ipaddr.js calls it unicast.
      if (p.slice(0, 6).every((word) => word === 0) && (p[6] !== 0 || p[7] > 1)) return fromWords(p[6], p[7]);
      return undefined;
  }
}
