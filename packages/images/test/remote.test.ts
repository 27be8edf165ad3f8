import { mkdtemp } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convert, formatMessage } from '@syndikit/core';
import { addressAllowed, fetchRemote, imagesAdapter, isPrivateAddress, type RemoteOptions, resolveImagesOptions } from '@syndikit/images';
import { markdownIngester } from '@syndikit/markdown';
import { fixtureSite } from '@syndikit/testkit';
import { generate } from 'selfsigned';
import sharp from 'sharp';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A real HTTPS server on the loopback interface, with a certificate made
 * for this run: the fetches below go through DNS, TLS and HTTP as they
 * would against a CDN. Loopback is reached only because each test allows
 * 127.0.0.1 explicitly and trusts this certificate; the default policy
 * refuses both (tested too).
 */
let server: Server;
let port: number;
let cert: string;
let photo: Buffer;
const routes = new Map<string, (request: IncomingMessage, response: ServerResponse) => void>();

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  cert = pems.cert;
  photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();
  server = createServer({ key: pems.private, cert: pems.cert }, (request, response) => {
    const route = routes.get(new URL(request.url ?? '/', 'https://localhost').pathname);
    if (route) route(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const url = (path: string, host = 'localhost') => new URL(`https://${host}:${port}${path}`);
/** Remote options that reach the test server: localhost allowed, 127.0.0.1 only, this run's certificate trusted. */
const testRemote = (extra: RemoteOptions = {}) =>
  resolveImagesOptions({ remote: { allow: true, hosts: ['localhost'], allowPrivateAddresses: ['127.0.0.1'], ca: [cert], ...extra } })
    .remote;

routes.set('/photo.jpg', (_request, response) => response.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo));
routes.set('/cdn/a1b2c3', (_request, response) => response.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo));
routes.set('/error-page.jpg', (_request, response) =>
  response.writeHead(200, { 'content-type': 'image/jpeg' }).end('<html>Not found</html>'),
);
routes.set('/big', (_request, response) => response.writeHead(200, { 'content-length': '5000' }).end(Buffer.alloc(5000)));
routes.set('/big-chunked', (_request, response) => {
  response.writeHead(200);
  for (let chunk = 0; chunk < 5; chunk++) response.write(Buffer.alloc(1000));
  response.end();
});
routes.set('/missing', (_request, response) => response.writeHead(404).end());
routes.set('/to-loopback', (_request, response) => response.writeHead(302, { location: `https://127.0.0.2:${port}/photo.jpg` }).end());
routes.set('/to-metadata', (_request, response) =>
  response.writeHead(302, { location: 'https://169.254.169.254/latest/meta-data/' }).end(),
);
routes.set('/to-http', (_request, response) => response.writeHead(302, { location: `http://localhost:${port}/photo.jpg` }).end());
routes.set('/to-photo', (_request, response) => response.writeHead(301, { location: '/photo.jpg' }).end());
routes.set('/loop', (_request, response) => response.writeHead(302, { location: '/loop' }).end());
/** 16 bytes every 100 ms, forever: never idle long enough for `timeoutMs`. */
routes.set('/trickle', (_request, response) => {
  response.writeHead(200, { 'content-type': 'image/jpeg' });
  response.write(photo.subarray(0, 16));
  const timer = setInterval(() => response.write(Buffer.alloc(16)), 100);
  response.on('close', () => clearInterval(timer));
});

describe('fetching from a real HTTPS server', () => {
  it('fetches an image (Node 20+ asks the lookup for a list of addresses)', async () => {
    const bytes = await fetchRemote(url('/photo.jpg'), testRemote());
    expect(Buffer.from(bytes).equals(photo)).toBe(true);
  });

  it('follows a redirect on the same host', async () => {
    const bytes = await fetchRemote(url('/to-photo'), testRemote());
    expect(Buffer.from(bytes).equals(photo)).toBe(true);
  });

  it('checks the certificate: an unknown one is refused', async () => {
    await expect(fetchRemote(url('/photo.jpg'), testRemote({ ca: [] }))).rejects.toThrow(/self[- ]signed certificate/);
  });

  it('makes renditions of a remote image whose URL has no extension, typed by its bytes', async () => {
    const root = await mkdtemp(join(tmpdir(), 'syndikit-images-remote-'));
    const reference = `https://localhost:${port}/cdn/a1b2c3`;
    const file = new VFile({ path: join(root, 'story.md'), value: `# Story\n\n![Photo](${reference})\n` });
    const result = await convert(file, {
      ingesters: [markdownIngester()],
      root,
      site: fixtureSite,
      formats: [
        imagesAdapter({
          widths: [200],
          formats: ['webp'],
          cacheDir: false,
          remote: { allow: true, hosts: ['localhost'], allowPrivateAddresses: ['127.0.0.1'], ca: [cert] },
        }),
      ],
    });
    expect(file.messages.map(String)).toEqual([]);
    expect(result.articles[0]?.images[0]).toMatchObject({ src: reference, width: 400, height: 300, mediaType: 'image/jpeg' });
    // A fetched lead photo is processed like a local one: its rendition, and its crops (400 px: the photo is narrower than 1,200).
    const paths = result.outputs.map((output) => output.path);
    expect(paths).toHaveLength(4);
    expect(paths).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^images\/a1b2c3-[0-9a-f]{10}-200\.webp$/),
        expect.stringMatching(/^images\/a1b2c3-[0-9a-f]{10}-16x9-400\.jpg$/),
        expect.stringMatching(/^images\/a1b2c3-[0-9a-f]{10}-4x3-400\.jpg$/),
        expect.stringMatching(/^images\/a1b2c3-[0-9a-f]{10}-1x1-300\.jpg$/),
      ]),
    );
    const rendition = result.outputs.find((output) => output.path.endsWith('.webp'));
    expect((await sharp(rendition?.contents as Uint8Array).metadata()).width).toBe(200);
  });

  it('refuses a response that is not an image, whatever the URL says', async () => {
    const root = await mkdtemp(join(tmpdir(), 'syndikit-images-remote-'));
    const reference = `https://localhost:${port}/error-page.jpg`;
    const file = new VFile({ path: join(root, 'story.md'), value: `# Story\n\n![Photo](${reference})\n` });
    await convert(file, {
      ingesters: [markdownIngester()],
      root,
      site: fixtureSite,
      formats: [
        imagesAdapter({
          cacheDir: false,
          remote: { allow: true, hosts: ['localhost'], allowPrivateAddresses: ['127.0.0.1'], ca: [cert] },
        }),
      ],
    });
    expect(file.messages.map((message) => formatMessage(message, 'story.md'))).toEqual([
      `story.md:3:1: error Image \`${reference}\`: is not an image: the server sent something else (not JPEG, PNG, GIF, WebP, AVIF or SVG) [image-remote-not-image]`,
    ]);
  });
});

describe('refusals', () => {
  it('refuses loopback by default, even for an allowed host', async () => {
    const remote = resolveImagesOptions({ remote: { allow: true, hosts: ['localhost'], ca: [cert] } }).remote;
    await expect(fetchRemote(url('/photo.jpg'), remote)).rejects.toThrow('localhost resolves only to private or loopback addresses');
  });

  const literal: Array<[string, string]> = [
    ['private', '10.0.0.1'],
    ['loopback', '127.0.0.1'],
    ['link-local (cloud metadata)', '169.254.169.254'],
    ['IPv6 loopback', '[::1]'],
    ['IPv6 link-local', '[fe80::1]'],
    ['IPv6 unique-local', '[fd00::1]'],
    ['NAT64 of loopback', '[64:ff9b::7f00:1]'],
    ['6to4 of loopback', '[2002:7f00:1::1]'],
    ['IPv4-compatible loopback', '[::127.0.0.1]'],
    ['IPv4-mapped loopback', '[::ffff:127.0.0.1]'],
    ['IPv6 site-local', '[fec0::1]'],
  ];
  for (const [name, host] of literal) {
    it(`refuses a literal ${name} address (${host})`, async () => {
      const target = new URL(`https://${host}:${port}/photo.jpg`);
      const remote = resolveImagesOptions({ remote: { allow: true, hosts: [target.hostname], ca: [cert] } }).remote;
      await expect(fetchRemote(target, remote)).rejects.toThrow(/is a private or loopback address$/);
    });
  }

  it('refuses http', async () => {
    await expect(fetchRemote(new URL(`http://localhost:${port}/photo.jpg`), testRemote())).rejects.toThrow(
      'only https images are fetched, not http:',
    );
  });

  it('refuses hosts not listed, and anything when remote images are off', async () => {
    await expect(fetchRemote(url('/photo.jpg', '127.0.0.1'), testRemote())).rejects.toThrow('host 127.0.0.1 is not in images.remote.hosts');
    await expect(fetchRemote(url('/photo.jpg'), resolveImagesOptions({}).remote)).rejects.toThrow(/remote images are not fetched/);
  });

  it('refuses responses over maxBytes, declared or not', async () => {
    await expect(fetchRemote(url('/big'), testRemote({ maxBytes: 1000 }))).rejects.toThrow('the image is larger than 1000 bytes');
    await expect(fetchRemote(url('/big-chunked'), testRemote({ maxBytes: 1000 }))).rejects.toThrow('the image is larger than 1000 bytes');
  });

  it('refuses an error status', async () => {
    await expect(fetchRemote(url('/missing'), testRemote())).rejects.toThrow('the server answered 404');
  });

  it('checks every redirect like the first URL', async () => {
    // 127.0.0.2 is loopback too, but only 127.0.0.1 is allowed: the redirect may not reach it.
    await expect(fetchRemote(url('/to-loopback'), testRemote({ hosts: ['localhost', '127.0.0.2'] }))).rejects.toThrow(
      '127.0.0.2 is a private or loopback address',
    );
    await expect(fetchRemote(url('/to-metadata'), testRemote({ hosts: ['localhost', '169.254.169.254'] }))).rejects.toThrow(
      '169.254.169.254 is a private or loopback address',
    );
    await expect(fetchRemote(url('/to-http'), testRemote())).rejects.toThrow('only https images are fetched, not http:');
    await expect(fetchRemote(url('/loop'), testRemote({ maxRedirects: 2 }))).rejects.toThrow('more than 2 redirects');
  });
});

describe('time limits', () => {
  it('a server trickling bytes fails at the total deadline, though it is never idle', async () => {
    const started = Date.now();
    await expect(fetchRemote(url('/trickle'), testRemote({ timeoutMs: 1000, deadlineMs: 1500 }))).rejects.toThrow(
      'the download took longer than 1500 ms in all (images.remote.deadlineMs)',
    );
    // A generous bound: the point is that it ends at all (it used to run until the server stopped).
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('an abort signal stops a fetch at once', async () => {
    const controller = new AbortController();
    const fetching = fetchRemote(url('/trickle'), testRemote({ deadlineMs: 600_000 }), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('interrupted')), 300);
    await expect(fetching).rejects.toThrow('the download was cancelled');
  }, 30_000);

  it('cancelling a conversion reaches the download in prepare', async () => {
    const root = await mkdtemp(join(tmpdir(), 'syndikit-images-remote-'));
    const file = new VFile({ path: join(root, 'story.md'), value: `# Story\n\n![Photo](https://localhost:${port}/trickle)\n` });
    const controller = new AbortController();
    const started = Date.now();
    const converting = convert(file, {
      ingesters: [markdownIngester()],
      root,
      site: fixtureSite,
      signal: controller.signal,
      formats: [
        imagesAdapter({
          cacheDir: false,
          remote: { allow: true, hosts: ['localhost'], allowPrivateAddresses: ['127.0.0.1'], ca: [cert], deadlineMs: 600_000 },
        }),
      ],
    });
    setTimeout(() => controller.abort(new Error('interrupted')), 300);
    await expect(converting).rejects.toThrow('interrupted');
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('rejects a deadline that is not a positive integer', () => {
    expect(() => resolveImagesOptions({ remote: { deadlineMs: 0 } })).toThrow(
      new TypeError('Expected a positive integer for images option `remote.deadlineMs` but received 0 of type number'),
    );
  });
});

describe('address ranges', () => {
  const refused = [
    '0.0.0.0',
    '10.1.2.3',
    '100.64.0.1',
    '127.0.0.1',
    '169.254.169.254',
    '172.16.0.1',
    '192.0.0.1',
    '192.0.2.1',
    '192.168.0.1',
    '198.18.0.1',
    '224.0.0.1',
    '240.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    'fec0::1',
    'feff::1',
    '64:ff9b::7f00:1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b::10.0.0.1',
    '2002:7f00:1::1',
    '2002:a9fe:a9fe::',
    '2002:c0a8:1::1',
    '::127.0.0.1',
    '::7f00:1',
    '::8.8.8.8',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '2001:db8::1',
    '2001::1',
    'not-an-ip',
    '',
  ];
  const allowed = [
    '93.184.216.34',
    '8.8.8.8',
    '2606:2800:220:1:248:1893:25c8:1946',
    '64:ff9b::808:808',
    '2002:808:808::1',
    '::ffff:8.8.8.8',
  ];
  it.each(refused)('refuses %s', (address) => expect(isPrivateAddress(address)).toBe(true));
  it.each(allowed)('allows %s', (address) => expect(isPrivateAddress(address)).toBe(false));

  it('lets through only the private addresses and ranges listed', () => {
    expect(addressAllowed('10.20.3.4', ['10.20.0.0/16'])).toBe(true);
    expect(addressAllowed('10.21.3.4', ['10.20.0.0/16'])).toBe(false);
    expect(addressAllowed('127.0.0.1', ['127.0.0.1'])).toBe(true);
    expect(addressAllowed('127.0.0.2', ['127.0.0.1'])).toBe(false);
    expect(addressAllowed('::1', ['127.0.0.1'])).toBe(false);
    expect(addressAllowed('169.254.169.254', false)).toBe(false);
    expect(addressAllowed('8.8.8.8', false)).toBe(true);
    expect(() => resolveImagesOptions({ remote: { allowPrivateAddresses: ['intranet'] } })).toThrow(
      /Expected true, false or a list of IP addresses and CIDR ranges for images option `remote.allowPrivateAddresses`/,
    );
  });
});
