import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { blockedRange } from './address-check.js';

/** Why a fetch was refused or failed; cached with the preview as its failure. */
export class FetchRefused extends Error {
  constructor(
    readonly reason:
      | 'bad_url'
      | 'scheme'
      | 'port'
      | 'credentials'
      | 'blocked_address'
      | 'unresolvable'
      | 'too_many_redirects'
      | 'status'
      | 'content_type'
      | 'too_large'
      | 'timeout'
      | 'network'
      | 'denied',
    message: string,
  ) {
    super(message);
  }
}

export interface SafeFetchOptions {
  /** The most bytes of body read; a longer body (or a larger Content-Length) is refused. */
  maxBytes: number;
  /** From the start of a connection attempt to the TCP (or TLS) connection being up. */
  connectTimeoutMs: number;
  /** The whole fetch, redirects included. */
  totalTimeoutMs: number;
  maxRedirects: number;
  userAgent: string;
  /** The `Accept` header, and the response types taken (by their media type, before any `;`). */
  accept: string;
  acceptTypes: (mediaType: string) => boolean;
  /**
   * Host names (lower case, as the URL spells them, IP literals included) whose addresses are not
   * range-checked and whose port is free. For tests against loopback only: the config refuses it in
   * production (README "Link previews").
   */
  testAllowHosts?: ReadonlySet<string>;
  /** Resolves a name to its addresses (default: the system resolver). A hook for tests. */
  resolve?: (host: string) => Promise<string[]>;
  /** Asked before each hop's URL is fetched (the admins' host rules); throws to refuse it. */
  beforeHop?: (url: string) => Promise<void>;
}

export interface FetchedBody {
  /** The URL that answered, after redirects. */
  url: string;
  contentType: string;
  body: Buffer;
}

/** Ports a preview may be fetched from: the web's. */
const WEB_PORTS = new Set([80, 443, 8080, 8443]);

const systemResolve = async (host: string) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * The one way the server fetches a URL somebody else gave it (link previews and their images),
 * built against SSRF:
 *
 * - http and https only, no credentials in the URL, web ports only;
 * - the host name is resolved **once**, every address it resolves to is checked
 *   ({@link blockedRange}: loopback, private, link-local and metadata, multicast, reserved,
 *   unspecified, CGNAT, IPv6 ULA, IPv4 carried inside IPv6), and if any is refused the fetch is;
 * - the connection goes to the checked address itself: the request's `lookup` hands Node that
 *   address, so nothing resolves the name again between the check and the connect (no DNS
 *   rebinding); TLS still verifies the certificate against the name (SNI);
 * - redirects are not followed by the client: each `Location` is a new URL, checked from the start,
 *   at most `maxRedirects` times;
 * - a connect timeout per hop and a total timeout; the body is streamed and cut at `maxBytes`;
 * - no cookies are kept or sent, no credentials, no compression (what is counted is what is read),
 *   a fresh connection per request (no agent pool), and a User-Agent that says who is asking.
 */
export async function safeFetch(url: string, options: SafeFetchOptions): Promise<FetchedBody> {
  const signal = AbortSignal.timeout(options.totalTimeoutMs);
  let current = url;
  for (let hop = 0; ; hop++) {
    await options.beforeHop?.(current);
    const target = await bounded(checkedTarget(current, options), signal);
    const response = await connect(target, options, signal);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.destroy();
      if (hop >= options.maxRedirects) throw new FetchRefused('too_many_redirects', `More than ${options.maxRedirects} redirects`);
      try {
        current = new URL(response.headers.location, target.url).toString();
      } catch {
        throw new FetchRefused('bad_url', 'The redirect location is not a URL');
      }
      continue;
    }
    if (status < 200 || status >= 300) {
      response.destroy();
      throw new FetchRefused('status', `The server answered ${status}`);
    }
    const contentType = String(response.headers['content-type'] ?? '').toLowerCase();
    const mediaType = contentType.split(';')[0].trim();
    if (!options.acceptTypes(mediaType)) {
      response.destroy();
      throw new FetchRefused('content_type', `Unexpected content type "${mediaType}"`);
    }
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      response.destroy();
      throw new FetchRefused('too_large', `The body is larger than ${options.maxBytes} bytes`);
    }
    const body = await readCapped(response, options.maxBytes, signal);
    return { url: target.url.toString(), contentType, body };
  }
}

interface Target {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** Parses, checks the scheme and port, resolves once and checks every address. Never connects. */
export async function checkedTarget(raw: string, options: Pick<SafeFetchOptions, 'testAllowHosts' | 'resolve'>): Promise<Target> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefused('bad_url', 'Not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefused('scheme', 'Only http and https URLs are fetched');
  if (url.username || url.password) throw new FetchRefused('credentials', 'URLs with credentials are not fetched');
  const host = url.hostname.toLowerCase();
  const testAllowed = options.testAllowHosts?.has(host) ?? false;
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const literal = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  let addresses: string[];
  if (isIP(literal)) {
    addresses = [literal];
  } else {
    try {
      addresses = await (options.resolve ?? systemResolve)(host);
    } catch {
      throw new FetchRefused('unresolvable', `${host} does not resolve`);
    }
    if (addresses.length === 0) throw new FetchRefused('unresolvable', `${host} does not resolve`);
  }
  if (!testAllowed) {
    for (const address of addresses) {
      const range = blockedRange(address);
      if (range) throw new FetchRefused('blocked_address', `${host} resolves to a ${range} address`);
    }
  }
  // After the address check, so a refused address reads as such whatever its port.
  if (!testAllowed && !WEB_PORTS.has(port)) throw new FetchRefused('port', `Port ${port} is not fetched`);
  const address = addresses[0];
  return { url, address, family: isIP(address) === 6 ? 6 : 4 };
}

function connect(target: Target, options: SafeFetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    // The checked address, whatever name the request carries: Node never resolves the name itself.
    const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
      if ((lookupOptions as { all?: boolean }).all) callback(null, [{ address: target.address, family: target.family }]);
      else callback(null, target.address, target.family);
    };
    const request = (target.url.protocol === 'https:' ? httpsRequest : httpRequest)(target.url, {
      method: 'GET',
      agent: false,
      lookup: pinned,
      signal,
      headers: {
        'User-Agent': options.userAgent,
        Accept: options.accept,
        'Accept-Encoding': 'identity',
      },
    });
    const connectTimer = setTimeout(
      () => request.destroy(new FetchRefused('timeout', `No connection within ${options.connectTimeoutMs} ms`)),
      options.connectTimeoutMs,
    );
    request.on('socket', (socket) => {
      const connected = () => clearTimeout(connectTimer);
      if (!socket.connecting) connected();
      socket.once(target.url.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
    });
    request.on('response', (response) => {
      clearTimeout(connectTimer);
      resolve(response);
    });
    request.on('error', (error) => {
      clearTimeout(connectTimer);
      reject(asRefusal(error, signal));
    });
    request.end();
  });
}

async function readCapped(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        response.destroy();
        throw new FetchRefused('too_large', `The body is larger than ${maxBytes} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    response.destroy();
    throw asRefusal(error, signal);
  }
  return Buffer.concat(chunks);
}

/** A resolver that hangs still ends with the total timeout. */
function bounded<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new FetchRefused('timeout', 'The fetch took too long'));
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new FetchRefused('timeout', 'The fetch took too long'));
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function asRefusal(error: unknown, signal: AbortSignal): FetchRefused {
  if (error instanceof FetchRefused) return error;
  if (signal.aborted) return new FetchRefused('timeout', 'The fetch took too long');
  return new FetchRefused('network', (error as Error)?.message ?? 'network error');
}
