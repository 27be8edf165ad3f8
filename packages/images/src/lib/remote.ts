import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request } from 'node:https';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { ResolvedImagesOptions } from './options.js';

/** The NAT64 well-known prefix (RFC 6052): the IPv4 address sits in the last 32 bits. */
const nat64 = ipaddr.IPv6.parse('64:ff9b::');

/** An IPv4 address given as two 16-bit IPv6 parts. */
function ipv4FromParts(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/**
 * Whether an address may not be fetched from: anything but a global unicast
 * address, as ipaddr.js classifies it (loopback, private, link-local with the
 * cloud metadata service, carrier-grade NAT, multicast, reserved and
 * documentation ranges, unique-local and site-local IPv6, Teredo, …). IPv6
 * addresses that carry an IPv4 address — IPv4-mapped `::ffff:a.b.c.d`,
 * NAT64 `64:ff9b::a.b.c.d` and 6to4 `2002:aabb:ccdd::` — are judged by that
 * IPv4 address, since that is where the packets end up; the deprecated
 * IPv4-compatible form `::a.b.c.d` is refused outright. Anything that is not
 * an IP address is refused too.
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 4) return ipaddr.IPv4.parse(address).range() !== 'unicast';
  const v6 = ipaddr.IPv6.parse(canonicalIPv6(address));
  const { parts } = v6;
  if (v6.isIPv4MappedAddress()) return isPrivateAddress(v6.toIPv4Address().toString());
  if (v6.match(nat64, 96)) return isPrivateAddress(ipv4FromParts(parts[6] as number, parts[7] as number).toString());
  const range = v6.range();
  if (range === '6to4') return isPrivateAddress(ipv4FromParts(parts[1] as number, parts[2] as number).toString());
  // ::/96: ipaddr.js calls the IPv4-compatible form unicast; it is deprecated (RFC 4291) and routes nowhere public.
  if (parts.slice(0, 6).every((part) => part === 0)) return true;
  return range !== 'unicast';
}

/**
 * An IPv6 address in the URL standard's form (hex groups, no zone): ipaddr.js
 * reads the dotted IPv4-compatible form `::a.b.c.d` as IPv4-mapped, and
 * system resolvers print IPv4-compatible addresses in that form.
 */
function canonicalIPv6(address: string): string {
  return new URL(`https://[${address.replace(/%.*$/, '')}]/`).hostname.slice(1, -1);
}

/** Whether `address` may be connected to: a public address, or a private one that `allowPrivateAddresses` lets through. */
export function addressAllowed(address: string, allowPrivate: boolean | readonly string[]): boolean {
  if (!isPrivateAddress(address)) return true;
  if (allowPrivate === true) return true;
  const family = isIP(address);
  if (allowPrivate === false || family === 0) return false;
  const parsed = family === 4 ? ipaddr.IPv4.parse(address) : ipaddr.process(canonicalIPv6(address));
  return allowPrivate.some((entry) => {
    const [network, bits] = entry.includes('/') ? ipaddr.parseCIDR(entry) : [ipaddr.process(entry), undefined];
    const base =
      network.kind() === 'ipv6' && (network as ipaddr.IPv6).isIPv4MappedAddress() ? (network as ipaddr.IPv6).toIPv4Address() : network;
    if (base.kind() !== parsed.kind()) return false;
    return parsed.match(base as never, bits ?? (base.kind() === 'ipv4' ? 32 : 128));
  });
}

/** Why a remote image URL may not be fetched, or `undefined`. Checks the URL, not yet the address. */
export function remoteRefusal(url: URL, options: ResolvedImagesOptions['remote']): string | undefined {
  if (!options.allow) return 'remote images are not fetched (set images.remote.allow and images.remote.hosts)';
  if (url.protocol !== 'https:') return `only https images are fetched, not ${url.protocol}`;
  if (url.username || url.password) return 'URLs with credentials are not fetched';
  if (!options.hosts.includes(url.hostname.toLowerCase())) return `host ${url.hostname} is not in images.remote.hosts`;
  return undefined;
}

/** Options of one {@link fetchRemote} call. */
export interface FetchOptions {
  /** Aborts the fetch at once (the build's signal: Ctrl-C). */
  signal?: AbortSignal | null;
}

/**
 * A DNS lookup for `https.request` that answers only with addresses that may
 * be fetched from, so the address checked is the address connected to (a
 * second DNS answer cannot slip in between). Node asks either for one
 * address or, with `all: true` (Node 20+ with happy eyeballs), for a list;
 * both forms are answered.
 */
function checkedLookup(hostname: string, allowPrivate: boolean | readonly string[]) {
  return (
    _hostname: string,
    options: { all?: boolean; family?: number | string },
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      // A family Node asks for (4 or 6) narrows the answer, as the system lookup would.
      const family = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
      const allowed = addresses.filter((entry) => (family === 0 || entry.family === family) && addressAllowed(entry.address, allowPrivate));
      if (allowed.length === 0) {
        const refused = Object.assign(new Error(`${hostname} resolves only to private or loopback addresses`), { code: 'EREFUSED' });
        return callback(refused, []);
      }
      if (options.all) return callback(null, allowed);
      const first = allowed[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
}

/**
 * Fetch a remote image within limits: https only, allowed hosts only, never
 * from a private address (checked on each address the name resolves to, and
 * only those are connected to), with byte, idle-time, total-time and
 * redirect limits. Each redirect is checked like the first URL. Rejects with
 * an error whose message says which limit was hit.
 */
export async function fetchRemote(
  url: URL,
  options: ResolvedImagesOptions['remote'],
  fetchOptions?: FetchOptions | null,
): Promise<Uint8Array> {
  const given = fetchOptions?.signal ?? undefined;
  given?.throwIfAborted();
  // One deadline for the whole fetch, redirects included: a server trickling bytes never trips an idle timeout.
  const deadline = AbortSignal.timeout(options.deadlineMs);
  const signal = given ? AbortSignal.any([given, deadline]) : deadline;
  try {
    return await fetchOnce(url, options, signal, 0);
  } catch (error) {
    if (deadline.aborted && !given?.aborted)
      throw new Error(`the download took longer than ${options.deadlineMs} ms in all (images.remote.deadlineMs)`);
    if (given?.aborted) throw new Error('the download was cancelled', { cause: given.reason });
    throw error;
  }
}

function fetchOnce(url: URL, options: ResolvedImagesOptions['remote'], signal: AbortSignal, redirects: number): Promise<Uint8Array> {
  const refusal = remoteRefusal(url, options);
  if (refusal) return Promise.reject(new Error(refusal));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // A literal address is never looked up, so it is checked here.
  if (isIP(host) && !addressAllowed(host, options.allowPrivateAddresses))
    return Promise.reject(new Error(`${host} is a private or loopback address`));
  return new Promise((resolve, reject) => {
    const call = request(
      url,
      {
        timeout: options.timeoutMs,
        signal,
        // A new connection for every fetch: a pooled socket would skip the address check of this request.
        agent: false,
        lookup: checkedLookup(host, options.allowPrivateAddresses) as never,
        ...(options.ca.length > 0 ? { ca: options.ca } : {}),
        headers: { accept: 'image/*', 'user-agent': 'syndikit' },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          if (redirects >= options.maxRedirects) return reject(new Error(`more than ${options.maxRedirects} redirects`));
          let next: URL;
          try {
            next = new URL(response.headers.location, url);
          } catch {
            return reject(new Error('the server redirected to an invalid URL'));
          }
          fetchOnce(next, options, signal, redirects + 1).then(resolve, reject);
          return;
        }
        if (status !== 200) {
          response.resume();
          return reject(new Error(`the server answered ${status}`));
        }
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > options.maxBytes)
          return fail(new Error(`the image is larger than ${options.maxBytes} bytes`));
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) return fail(new Error(`the image is larger than ${options.maxBytes} bytes`));
          chunks.push(chunk);
        });
        response.on('end', () => {
          if (response.complete) resolve(Buffer.concat(chunks));
          else reject(new Error('the connection closed before the image was complete'));
        });
        response.on('error', reject);
      },
    );
    // Rejected at once, then the connection closed: its own 'error' may never come once a response has begun.
    const fail = (error: Error) => {
      reject(error);
      call.destroy(error);
    };
    // The request's own abort handling may be silent once the body has begun; this rejects in every phase.
    const onAbort = () => fail(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    call.on('close', () => signal.removeEventListener('abort', onAbort));
    call.on('timeout', () => fail(new Error(`no data for ${options.timeoutMs} ms (images.remote.timeoutMs)`)));
    call.on('error', reject);
    call.end();
  });
}
