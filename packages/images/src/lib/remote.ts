import { lookup } from 'node:dns/promises';
import { request } from 'node:https';
import { BlockList, isIP } from 'node:net';
import type { ResolvedImagesOptions } from './options.js';

/** Addresses a build must never fetch from: loopback, private, link-local (cloud metadata), and the like. */
const blocked = new BlockList();
for (const [network, prefix, type] of [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
] as const) {
  blocked.addSubnet(network, prefix, type);
}

/** Whether an address is loopback, private, link-local or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a remote image URL may not be fetched, or `undefined`. Checks the URL, not yet the address. */
export function remoteRefusal(url: URL, options: ResolvedImagesOptions['remote']): string | undefined {
  if (!options.allow) return 'remote images are not fetched (set images.remote.allow and images.remote.hosts)';
  if (url.protocol !== 'https:') return `only https images are fetched, not ${url.protocol}`;
  if (url.username || url.password) return 'URLs with credentials are not fetched';
  if (!options.hosts.includes(url.hostname.toLowerCase())) return `host ${url.hostname} is not in images.remote.hosts`;
  return undefined;
}

/**
 * Fetch a remote image within limits: https only, allowed hosts only,
 * never to a private address (checked on the address the name resolves to,
 * and that address is the one connected to, so a DNS answer cannot change
 * in between), with byte, time and redirect limits. Each redirect is
 * checked like the first URL.
 */
export async function fetchRemote(url: URL, options: ResolvedImagesOptions['remote'], redirects = 0): Promise<Uint8Array> {
  const refusal = remoteRefusal(url, options);
  if (refusal) throw new Error(refusal);
  const addresses = await lookup(url.hostname, { all: true });
  const address = addresses.find((entry) => options.allowPrivateAddresses || !isPrivateAddress(entry.address));
  if (!address) throw new Error(`${url.hostname} resolves only to private or loopback addresses`);
  return new Promise((resolve, reject) => {
    const call = request(
      url,
      {
        timeout: options.timeoutMs,
        lookup: (_hostname, _options, callback) => callback(null, address.address, address.family),
        headers: { accept: 'image/*', 'user-agent': 'syndikit' },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          if (redirects >= options.maxRedirects) return reject(new Error(`more than ${options.maxRedirects} redirects`));
          fetchRemote(new URL(response.headers.location, url), options, redirects + 1).then(resolve, reject);
          return;
        }
        if (status !== 200) {
          response.resume();
          return reject(new Error(`the server answered ${status}`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            call.destroy(new Error(`the image is larger than ${options.maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve(Buffer.concat(chunks)));
        response.on('error', reject);
      },
    );
    call.on('timeout', () => call.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    call.on('error', reject);
    call.end();
  });
}
