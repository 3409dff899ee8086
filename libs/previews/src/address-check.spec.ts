import { blockedRange } from './address-check.js';
import { checkedTarget, FetchRefused } from './safe-fetch.js';

/**
 * The address check, on its own: pure functions over address strings. Nothing here connects to
 * anything (the resolver is a stub that answers from a table), so the metadata address and
 * private ranges are only ever compared, never reached.
 */
describe('link previews: the address check', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.0.0.2', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'], // cloud metadata
    ['169.254.0.1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.255', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'reserved'], // TEST-NET-1
    ['198.51.100.1', 'reserved'],
    ['203.0.113.7', 'reserved'],
    ['198.18.0.1', 'reserved'], // benchmarking
    ['192.0.0.8', 'reserved'],
  ])('refuses IPv4 %s (%s)', (address, range) => {
    expect(blockedRange(address)).toBe(range);
  });

  it.each([
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456:789a::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['fec0::1', 'deprecatedSiteLocal'],
    ['2001:db8::1', 'reserved'],
    ['100::1', 'discard'],
    ['::ffff:127.0.0.1', 'ipv4Mapped(loopback)'],
    ['::ffff:7f00:1', 'ipv4Mapped(loopback)'],
    ['::ffff:169.254.169.254', 'ipv4Mapped(linkLocal)'],
    ['::ffff:10.1.2.3', 'ipv4Mapped(private)'],
    ['::ffff:0:127.0.0.1', 'rfc6145(loopback)'],
    ['::127.0.0.1', 'ipv4Mapped(loopback)'], // IPv4-compatible: ipaddr.js reads it as mapped; refused either way
    ['::7f00:1', 'unicast(loopback)'], // the same, written in hex
    ['64:ff9b::127.0.0.1', 'rfc6052(loopback)'], // NAT64
    ['64:ff9b::a9fe:a9fe', 'rfc6052(linkLocal)'],
    ['2002:7f00:1::1', '6to4(loopback)'],
    ['2002:c0a8:101::1', '6to4(private)'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo'],
  ])('refuses IPv6 %s (%s)', (address, range) => {
    expect(blockedRange(address)).toBe(range);
  });

  it.each(['93.184.216.34', '1.1.1.1', '8.8.8.8', '2606:4700:4700::1111', '::ffff:93.184.216.34', '64:ff9b::808:808', '2002:5db8:d822::1'])(
    'lets public unicast %s through',
    (address) => {
      expect(blockedRange(address)).toBeNull();
    },
  );

  it('refuses what is not an address', () => {
    expect(blockedRange('localhost')).toBe('invalid');
    expect(blockedRange('fe80::1%eth0')).not.toBeNull();
    expect(blockedRange('')).toBe('invalid');
  });

  describe('checkedTarget (parses and resolves, never connects)', () => {
    const table: Record<string, string[]> = {
      'public.test': ['93.184.216.34'],
      'rebinds.test': ['93.184.216.34', '127.0.0.1'],
      'metadata.test': ['169.254.169.254'],
      'v6-loopback.test': ['::1'],
    };
    const resolve = async (host: string) => {
      if (!(host in table)) throw new Error('NXDOMAIN');
      return table[host];
    };
    const refusal = async (url: string) => {
      try {
        await checkedTarget(url, { resolve });
      } catch (error) {
        if (error instanceof FetchRefused) return error.reason;
        throw error;
      }
      return 'allowed';
    };

    it('pins the checked address of a public name', async () => {
      const target = await checkedTarget('https://public.test/a?b=1', { resolve });
      expect(target).toMatchObject({ address: '93.184.216.34', family: 4 });
    });

    it('refuses a name when any of its addresses is refused', async () => {
      expect(await refusal('http://rebinds.test/')).toBe('blocked_address');
      expect(await refusal('http://metadata.test/latest/meta-data/')).toBe('blocked_address');
      expect(await refusal('http://v6-loopback.test/')).toBe('blocked_address');
    });

    it('refuses literals, odd IPv4 spellings and IPv6 forms of loopback', async () => {
      for (const url of [
        'http://127.0.0.1/',
        'http://2130706433/', // 127.0.0.1 as one number
        'http://0x7f.1/',
        'http://017700000001/',
        'http://[::1]/',
        'http://[::ffff:127.0.0.1]/',
        'http://0.0.0.0/',
        'http://169.254.169.254/',
      ]) {
        expect({ url, reason: await refusal(url) }).toEqual({ url, reason: 'blocked_address' });
      }
    });

    it('refuses other schemes, credentials, odd ports and names that do not resolve', async () => {
      expect(await refusal('file:///etc/passwd')).toBe('scheme');
      expect(await refusal('gopher://public.test/')).toBe('scheme');
      expect(await refusal('ftp://public.test/')).toBe('scheme');
      expect(await refusal('http://user:pw@public.test/')).toBe('credentials');
      expect(await refusal('http://public.test:22/')).toBe('port');
      expect(await refusal('http://nowhere.test/')).toBe('unresolvable');
      expect(await refusal('not a url')).toBe('bad_url');
    });

    it('lets the test allow-list through, and only the hosts it names', async () => {
      const target = await checkedTarget('http://127.0.0.1:4567/', { resolve, testAllowHosts: new Set(['127.0.0.1']) });
      expect(target.address).toBe('127.0.0.1');
      await expect(checkedTarget('http://127.0.0.2:4567/', { resolve, testAllowHosts: new Set(['127.0.0.1']) })).rejects.toThrow(FetchRefused);
    });
  });
});
