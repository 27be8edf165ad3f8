import { mkdir, mkdtemp, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { convert, formatMessage } from '@syndikit/core';
import { imagesAdapter, isPrivateAddress, readPhotoMetadata, renditionWidths, resolveImagesOptions } from '@syndikit/images';
import { markdownIngester } from '@syndikit/markdown';
import { convertFixtures, fixtureSite } from '@syndikit/testkit';
import sharp from 'sharp';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

const small = { widths: [320, 640], formats: ['webp', 'jpeg'] as Array<'webp' | 'jpeg'> };
const temporary = (prefix: string) => mkdtemp(join(tmpdir(), `syndikit-images-${prefix}-`));

describe('renditions of the fixture photos', async () => {
  const cacheDir = await temporary('cache');
  const adapter = imagesAdapter({ ...small, cacheDir });
  const result = await convertFixtures({ formats: [adapter] });

  it('writes images/<name>-<hash>-<width>.<ext> for each width and format, never upscaled', () => {
    const paths = result.outputs.map((output) => output.path);
    expect(paths.filter((path) => /^images\/rail-picket-[0-9a-f]{10}-(320|640)\.(webp|jpg)$/.test(path))).toHaveLength(4);
    for (const path of paths) expect(path).toMatch(/^images\/[a-z0-9-]+-[0-9a-f]{10}-(\d+x\d+-)?\d+\.(webp|jpg)$/);
    // Two widths in two formats, and the lead photo's three crops.
    expect(paths.filter((path) => path.startsWith('images/harbor-bridge-'))).toHaveLength(7);
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([]);
  });

  it('renditions and crops have the sizes their names say (compared by dimensions, not bytes)', async () => {
    for (const output of result.outputs) {
      const width = Number(/-(\d+)\.\w+$/.exec(output.path)?.[1]);
      const metadata = await sharp(output.contents as Uint8Array).metadata();
      expect(metadata.width).toBe(width);
      expect(metadata.format).toBe(output.path.endsWith('.webp') ? 'webp' : 'jpeg');
      const ratio = /-(\d+)x(\d+)-\d+\.jpg$/.exec(output.path);
      if (ratio) expect(Math.abs((metadata.width ?? 0) / (metadata.height ?? 1) - Number(ratio[1]) / Number(ratio[2]))).toBeLessThan(0.005);
    }
  });

  it('exposes the facts on the article for other adapters', () => {
    const image = result.articles
      .find((article) => article.slug === '2024-10-14-rail-strike-update')
      ?.images.find((entry) => entry.src === '/images/rail-picket.jpg');
    expect(image).toMatchObject({
      width: 800,
      height: 1000,
      mediaType: 'image/jpeg',
      dominantColor: expect.stringMatching(/^#[0-9a-f]{6}$/),
      placeholder: expect.stringMatching(/^data:image\/webp;base64,/),
    });
    expect(image?.renditions?.map((rendition) => [rendition.width, rendition.height, rendition.mediaType])).toEqual([
      [320, 400, 'image/webp'],
      [320, 400, 'image/jpeg'],
      [640, 800, 'image/webp'],
      [640, 800, 'image/jpeg'],
    ]);
    expect(
      image?.renditions?.every((rendition) => (rendition.bytes ?? 0) > 0 && rendition.src.startsWith('https://news.example/images/')),
    ).toBe(true);
    expect(image?.srcset?.['image/webp']).toMatch(/^https:\/\/news\.example\/images\/rail-picket-\w+-320\.webp 320w, .+ 640w$/);
  });

  it('a second build does no image work: the cache is read, never written', async () => {
    const before = await cacheState(cacheDir);
    const again = imagesAdapter({ ...small, cacheDir });
    const second = await convertFixtures({ formats: [again] });
    expect(await cacheState(cacheDir)).toEqual(before);
    expect(second.outputs.map((output) => [output.path, Buffer.from(output.contents).length])).toEqual(
      result.outputs.map((output) => [output.path, Buffer.from(output.contents).length]),
    );
  });

  it('ignores a corrupt cache entry and makes it again', async () => {
    const [entry] = (await readdir(cacheDir)).filter((name) => !name.endsWith('.json'));
    const folder = join(cacheDir, entry as string);
    const file = (await readdir(folder)).find((name) => name.endsWith('.jpg')) as string;
    await writeFile(join(folder, file), 'garbage');
    const third = imagesAdapter({ ...small, cacheDir });
    const rebuilt = await convertFixtures({ formats: [third] });
    const remade = await readFile(join(folder, file));
    expect([remade[0], remade[1]]).toEqual([0xff, 0xd8]);
    expect(rebuilt.outputs.map((output) => [output.path, Buffer.from(output.contents).toString('base64')])).toEqual(
      result.outputs.map((output) => [output.path, Buffer.from(output.contents).toString('base64')]),
    );
  });
});

/** Every file in the image cache with its size and modification time. */
async function cacheState(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && !entry.name.endsWith('.json'));
  return Promise.all(
    files.map(async (entry) => {
      const stats = await stat(join(entry.parentPath, entry.name));
      return `${join(entry.parentPath, entry.name)} ${stats.size} ${stats.mtimeMs}`;
    }),
  ).then((lines) => lines.sort());
}

/** A folder with one article that references `reference`, and the image files given. */
async function site(reference: string, files: Record<string, Uint8Array | string> = {}) {
  const root = await temporary('site');
  for (const [name, contents] of Object.entries(files)) {
    await mkdir(join(root, name, '..'), { recursive: true });
    await writeFile(join(root, name), contents);
  }
  const article = new VFile({ path: join(root, 'story.md'), value: `# Story\n\nText.\n\n![Photo](${reference})\n` });
  const other = new VFile({ path: join(root, 'other.md'), value: '# Other\n\n![Fine](ok.jpg)\n' });
  const ok = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();
  await writeFile(join(root, 'ok.jpg'), ok);
  const result = await convert([article, other], {
    ingesters: [markdownIngester()],
    root,
    site: fixtureSite,
    formats: [imagesAdapter({ ...small, cacheDir: false })],
  });
  return { result, messages: article.messages.map((message) => formatMessage(message, 'story.md')) };
}

function pngHeader(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('bad images: an error naming the article, the reference and its line; the other article still builds', () => {
  const cases: Array<[string, string, Record<string, Uint8Array | string>, RegExp]> = [
    [
      'a PNG decompression bomb',
      'bomb.png',
      { 'bomb.png': pngHeader(17_000, 17_000) },
      /larger than the pixel limit|declares 17000×17000 pixels/,
    ],
    [
      'an SVG decompression bomb',
      'bomb.svg',
      { 'bomb.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"><rect width="10" height="10"/></svg>' },
      /pixel/,
    ],
    [
      'an SVG that references other files',
      'leak.svg',
      {
        'leak.svg':
          '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="file:///etc/passwd"/></svg>',
      },
      /refers to another file/,
    ],
    [
      'a file whose extension lies',
      'lies.jpg',
      { 'lies.jpg': pngHeader(10, 10) },
      /is png, not what its \.jpg extension says|could not be decoded|not an image/,
    ],
    ['an empty file', 'empty.jpg', { 'empty.jpg': '' }, /the file is empty/],
    [
      'a garbage file',
      'garbage.jpg',
      { 'garbage.jpg': 'this is not an image at all' },
      /not an image syndikit can read|could not be decoded/,
    ],
    ['a missing file', 'missing.jpg', {}, /was not found/],
  ];
  for (const [name, reference, files, reason] of cases) {
    it(name, async () => {
      const { result, messages } = await site(reference, files);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(
        new RegExp(`^story\\.md:5:1: error Image \`/${reference.replace('.', '\\.')}\`: .+ \\[image-[a-z-]+\\]$`),
      );
      expect(messages[0]).toMatch(reason);
      expect(result.articles.map((article) => article.headline)).toEqual(['Other']);
      expect(result.outputs.map((output) => output.path).every((path) => path.startsWith('images/ok-'))).toBe(true);
    });
  }

  it('a truncated JPEG (failOn stays strict)', async () => {
    const whole = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#884422' } })
      .jpeg()
      .toBuffer();
    const { messages } = await site('cut.jpg', { 'cut.jpg': whole.subarray(0, Math.floor(whole.length / 2)) });
    expect(messages[0]).toMatch(/^story\.md:5:1: error Image `\/cut\.jpg`: it could not be decoded .+ \[image-unreadable\]$/);
  });

  it('a symbolic link out of the content root', async () => {
    const outside = await temporary('outside');
    await writeFile(
      join(outside, 'secret.jpg'),
      await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
        .jpeg()
        .toBuffer(),
    );
    const root = await temporary('linked');
    await symlink(join(outside, 'secret.jpg'), join(root, 'link.jpg'));
    const article = new VFile({ path: join(root, 'story.md'), value: '# Story\n\n![x](link.jpg)\n' });
    await convert(article, {
      ingesters: [markdownIngester()],
      root,
      site: fixtureSite,
      formats: [imagesAdapter({ ...small, cacheDir: false })],
    });
    expect(article.messages.map((message) => formatMessage(message, 'story.md'))).toEqual([
      'story.md:3:1: error Image `/link.jpg`: leads outside the content root (through a symbolic link) [image-outside-root]',
    ]);
  });

  it('a link-local address is never fetched, and file:// is refused at ingest', async () => {
    const metadataUrl = await site('http://169.254.169.254/latest/meta-data/x.jpg');
    expect(metadataUrl.messages).toEqual([
      'story.md:5:1: error Image `http://169.254.169.254/latest/meta-data/x.jpg`: points at the private or link-local address 169.254.169.254; it is never fetched [image-remote-refused]',
    ]);
    const file = await site('file:///etc/passwd.jpg');
    expect(file.messages).toEqual([
      'story.md:5:1: error Image: URL "file:///etc/passwd.jpg" uses the scheme `file:`; only http and https URLs are published [image-url-unsupported]',
    ]);
  });

  it('remote images are not fetched unless allowed, and then not from hosts that resolve to private addresses', async () => {
    const off = await site('https://cdn.example/photo.jpg');
    expect(off.result.articles).toHaveLength(2);
    const root = await temporary('remote');
    const article = new VFile({ path: join(root, 'story.md'), value: '# Story\n\n![x](https://localhost/photo.jpg)\n' });
    await convert(article, {
      ingesters: [markdownIngester()],
      root,
      site: fixtureSite,
      formats: [imagesAdapter({ ...small, cacheDir: false, remote: { allow: true, hosts: ['localhost'] } })],
    });
    expect(article.messages.map(String)[0]).toMatch(/could not be fetched: localhost resolves only to private or loopback addresses/);
  });
});

describe('metadata', () => {
  it('applies EXIF orientation, keeps creator, copyright and credit, drops GPS', async () => {
    const root = await temporary('meta');
    const xmp =
      '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">Volunteers fill sandbags</rdf:li></rdf:Alt></dc:description><photoshop:Credit>Wire Photo/Ana Ruiz</photoshop:Credit></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
    const photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#224466' } })
      .withExif({
        IFD0: { Artist: 'Ana Ruiz', Copyright: '2024 Wire Photo' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' },
      })
      .withXmp(xmp)
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect((await sharp(photo).metadata()).orientation).toBe(6);
    await writeFile(join(root, 'photo.jpg'), photo);
    const file = new VFile({ path: join(root, 'story.md'), value: '# Story\n\n![Sandbags](photo.jpg)\n' });
    const result = await convert(file, {
      ingesters: [markdownIngester()],
      root,
      site: fixtureSite,
      formats: [imagesAdapter({ widths: [200], formats: ['jpeg'], cacheDir: false })],
    });
    const image = result.articles[0]?.images[0];
    expect(image).toMatchObject({ width: 400, height: 600, caption: 'Volunteers fill sandbags', credit: 'Wire Photo/Ana Ruiz' });
    expect(result.articles[0]?.body.children[0]).toMatchObject({
      type: 'figure',
      caption: 'Volunteers fill sandbags',
      credit: 'Wire Photo/Ana Ruiz',
      width: 400,
      height: 600,
    });
    expect(image?.creator).toBe('Ana Ruiz');
    const output = result.outputs.find((candidate) => /-200\.jpg$/.test(candidate.path));
    const rendition = await sharp(output?.contents as Uint8Array).metadata();
    expect([rendition.width, rendition.height]).toEqual([200, 300]);
    // Renditions and crops alike carry the kept metadata and never the GPS position.
    const crops = result.outputs.filter((candidate) => /-\d+x\d+-\d+\.jpg$/.test(candidate.path));
    expect(crops).toHaveLength(3);
    for (const file of [output, ...crops]) {
      const metadata = await sharp(file?.contents as Uint8Array).metadata();
      expect(readPhotoMetadata(metadata)).toMatchObject({
        creator: 'Ana Ruiz',
        copyright: '2024 Wire Photo',
        credit: 'Wire Photo/Ana Ruiz',
      });
      expect(String(metadata.exif ?? '')).not.toContain('GPS');
      expect(metadata.exif?.includes(Buffer.from('48/1'))).toBe(false);
    }
  });
});

describe('options and helpers', () => {
  it('chooses widths without upscaling, adding the original when smaller', () => {
    expect(renditionWidths(3000, [320, 640, 1024, 1600])).toEqual([320, 640, 1024, 1600]);
    expect(renditionWidths(800, [320, 640, 1024, 1600])).toEqual([320, 640, 800]);
    expect(renditionWidths(200, [320, 640])).toEqual([200]);
  });

  it('merges nested options key by key and rejects bad ones', () => {
    expect(resolveImagesOptions({ quality: { webp: 60 } }).quality).toEqual({ avif: 50, webp: 60, jpeg: 80, png: 90 });
    expect(() => resolveImagesOptions({ widths: [0] })).toThrow(
      new TypeError('Expected a list of positive integers for images option `widths` but received [0] of type object'),
    );
    expect(() => resolveImagesOptions({ formats: ['gif' as never] })).toThrow(/avif, webp, jpeg, png/);
  });

  it('knows private addresses', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '169.254.169.254', '192.168.0.1', '::1', 'fe80::1', '::ffff:127.0.0.1', 'not-an-ip'])
      expect(isPrivateAddress(address)).toBe(true);
    for (const address of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946']) expect(isPrivateAddress(address)).toBe(false);
  });
});

describe('crops of the lead photo for NewsArticle', async () => {
  const cacheDir = await temporary('crops');
  const result = await convertFixtures({ formats: [imagesAdapter({ ...small, cacheDir })] });
  const lead = (slug: string) => result.articles.find((article) => article.slug === slug)?.images[0];

  it('makes 16:9, 4:3 and 1:1 crops 1,200 px wide of a lead photo at least that wide, for the lead only', () => {
    expect(
      lead('2024-03-12-harbor-bridge-vote')?.crops?.map((crop) => [crop.aspectRatio, crop.width, crop.height, crop.mediaType]),
    ).toEqual([
      ['16:9', 1200, 675, 'image/jpeg'],
      ['4:3', 1200, 900, 'image/jpeg'],
      ['1:1', 1200, 1200, 'image/jpeg'],
    ]);
    for (const crop of lead('2024-03-12-harbor-bridge-vote')?.crops ?? [])
      expect(crop.src).toMatch(/^https:\/\/news\.example\/images\/harbor-bridge-[0-9a-f]{10}-(16x9|4x3|1x1)-1200\.jpg$/);
    // An inline photo gets renditions, no crops.
    const inline = result.articles.find((article) => article.slug === '2024-10-14-rail-strike-update')?.images[1];
    expect(inline?.src).toBe('/images/rail-picket.jpg');
    expect(inline?.crops).toBeUndefined();
  });

  it('never enlarges a photo narrower than 1,200 px: its crops keep the largest area of each ratio', () => {
    // The Bundestag photo is 1000 × 750 (AMP warns about it: amp-lead-image-small).
    expect(lead('2024-08-21-bundestag-haushalt')?.crops?.map((crop) => [crop.aspectRatio, crop.width, crop.height])).toEqual([
      ['16:9', 1000, 563],
      ['4:3', 1000, 750],
      ['1:1', 750, 750],
    ]);
  });

  it('keeps the subject: the attention crop of the silos holds both of them (measured in scripts/crop-strategy.mjs)', async () => {
    const square = result.outputs.find((output) => /^images\/grain-silo-[0-9a-f]{10}-1x1-1200\.jpg$/.test(output.path));
    // The silos stand at 30–45 % and 50–65 % of the 1200 × 800 photo: columns 360–540 and 600–780. In the square
    // (the photo's 800 px height scaled by 1.5) both must be whole, so each column of the crop's edges is background.
    const { data, info } = await sharp(square?.contents as Uint8Array)
      .raw()
      .toBuffer({ resolveWithObject: true });
    // A silo pixel: near the silos' colour, #c9a227 (the background there is a paler mix of #f3e6b3 and it).
    const darkAt = (x: number) => {
      const i = (Math.round(info.height * 0.5) * info.width + x) * info.channels;
      return Math.abs((data[i] ?? 0) - 0xc9) + Math.abs((data[i + 1] ?? 0) - 0xa2) + Math.abs((data[i + 2] ?? 0) - 0x27) < 40;
    };
    let dark = 0;
    for (let x = 0; x < info.width; x++) if (darkAt(x)) dark++;
    // Both silos (2 × 180 px of the photo, × 1.5) cross the middle row, and neither touches an edge.
    expect(dark).toBeGreaterThan(2 * 180 * 1.5 * 0.9);
    expect(darkAt(0) || darkAt(info.width - 1)).toBe(false);
  });

  it('is deterministic and cached like the renditions: the same bytes from a fresh build and from the cache', async () => {
    const crops = (outputs: typeof result.outputs) =>
      outputs
        .filter((output) => /-\d+x\d+-\d+\.jpg$/.test(output.path))
        .map((output) => [output.path, Buffer.from(output.contents).toString('base64')]);
    const fresh = await convertFixtures({ formats: [imagesAdapter({ ...small, cacheDir: false })] });
    expect(crops(fresh.outputs)).toEqual(crops(result.outputs));
    // Three for each article with a lead photo.
    expect(crops(result.outputs)).toHaveLength(3 * result.articles.filter((article) => article.images[0]).length);
    const before = await cacheState(cacheDir);
    const cached = await convertFixtures({ formats: [imagesAdapter({ ...small, cacheDir })] });
    expect(await cacheState(cacheDir)).toEqual(before);
    expect(crops(cached.outputs)).toEqual(crops(result.outputs));
  });

  it('makes none with crops: false, and another strategy names other files', async () => {
    const none = await convertFixtures({ formats: [imagesAdapter({ ...small, cacheDir: false, crops: false })] });
    expect(none.outputs.filter((output) => /-\d+x\d+-\d+\.jpg$/.test(output.path))).toEqual([]);
    expect(none.articles.every((article) => article.images.every((image) => image.crops === undefined))).toBe(true);
    const entropy = await convertFixtures({
      formats: [imagesAdapter({ ...small, cacheDir: false, crops: { position: 'entropy', ratios: ['1:1'], width: 600 } })],
    });
    const square = entropy.articles.find((article) => article.slug === '2024-03-12-harbor-bridge-vote')?.images[0]?.crops;
    expect(square?.map((crop) => [crop.aspectRatio, crop.width, crop.height])).toEqual([['1:1', 600, 600]]);
    expect(square?.[0]?.src).not.toBe(lead('2024-03-12-harbor-bridge-vote')?.crops?.[2]?.src);
  });

  it('rejects bad crop options, saying what was expected', () => {
    expect(() => imagesAdapter({ crops: { ratios: ['16/9'] } })).toThrow(
      'Expected a list of ratios such as "16:9" for images option `crops.ratios` but received ["16/9"] of type object',
    );
    expect(() => imagesAdapter({ crops: { position: 'north' as never } })).toThrow(
      'Expected attention, entropy or centre for images option `crops.position` but received "north" of type string',
    );
    expect(() => imagesAdapter({ crops: { width: 0 } })).toThrow(/Expected an integer from 16 to 8192 for images option `crops.width`/);
  });
});

describe('a photo known only by its caption and credit (no file)', () => {
  it('is skipped without a message; the photo with a file beside it still gets its renditions', async () => {
    const root = await temporary('caption');
    await writeFile(
      join(root, 'pier.jpg'),
      await sharp({ create: { width: 400, height: 300, channels: 3, background: '#446688' } })
        .jpeg()
        .toBuffer(),
    );
    const file = new VFile({
      path: join(root, 'story.md'),
      value:
        '# Story\n\n_Divers inspect the footings. (AP Photo/Ola Brandt)_\n\nText.\n\n![Pier](pier.jpg "The pier. (AP Photo/Ola Brandt)")\n',
    });
    const result = await convert(file, {
      ingesters: [markdownIngester()],
      root,
      site: fixtureSite,
      formats: [imagesAdapter({ ...small, cacheDir: false })],
    });
    expect(file.messages.map((message) => formatMessage(message, 'story.md'))).toEqual([]);
    const article = result.articles[0];
    expect(article?.images.map((image) => image.src)).toEqual(['/pier.jpg']);
    expect(article?.images[0]?.renditions?.length).toBeGreaterThan(0);
    expect(article?.body.children[0]).toEqual({
      type: 'figure',
      caption: 'Divers inspect the footings.',
      credit: 'AP Photo/Ola Brandt',
      position: expect.anything(),
    });
    expect(result.outputs.every((output) => !output.path.includes('undefined'))).toBe(true);
  });
});
