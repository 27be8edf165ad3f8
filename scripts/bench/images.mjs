// Images benchmark: `npm run bench:images [photos]`. In one run, on the same generated photos
// (default 50 of 3000×2000), widths 320/640/1024/1600, JPEG + WebP:
//   - syndikit's images adapter, cold (empty cache) and warm (the cache from the cold run);
//   - @11ty/eleventy-img on the same photos and outputs (in memory: dryRun, no cache);
//   - a naive sharp loop that decodes the source again for every output;
//   - syndikit with AVIF added, reported separately;
//   - whole builds (`@syndikit/build`, the engine of `syndikit build`), cold and warm: the warm build takes
//     unchanged articles from its cache, so it reads no photo and writes nothing.
// Each contestant runs in its own process, so peak memory (max RSS) is its own.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const photos = join(root, '.cache/bench-photos');
const cacheDir = join(root, '.cache/bench-images-cache');
const buildDir = join(root, '.cache/bench-images-build');
const widths = [320, 640, 1024, 1600];
const formats = ['jpeg', 'webp'];
const count = Number(process.argv[3] ?? process.argv[2] ?? 50);
const mode = process.argv[2] && Number.isNaN(Number(process.argv[2])) ? process.argv[2] : undefined;

/** Generate `count` deterministic 3000×2000 photos: gradients, shapes and seeded noise, so encoders have real work. */
async function generate() {
  const { default: sharp } = await import('sharp');
  mkdirSync(photos, { recursive: true });
  for (let index = 0; index < count; index++) {
    const path = join(photos, `photo-${String(index).padStart(3, '0')}.jpg`);
    if (existsSync(path)) continue;
    const hue = (index * 47) % 360;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="2000"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 120) % 360},50%,25%)"/></linearGradient></defs><rect width="3000" height="2000" fill="url(#g)"/>${Array.from({ length: 40 }, (_, shape) => `<circle cx="${(shape * 733 + index * 97) % 3000}" cy="${(shape * 419 + index * 53) % 2000}" r="${60 + ((shape * 31) % 240)}" fill="hsl(${(hue + shape * 17) % 360},70%,50%)" fill-opacity="0.6"/>`).join('')}</svg>`;
    const noise = await sharp({ create: { width: 3000, height: 2000, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 20 } } })
      .png()
      .toBuffer();
    await sharp(Buffer.from(svg))
      .composite([{ input: noise, blend: 'overlay' }])
      .jpeg({ quality: 88 })
      .toFile(path);
  }
}

const files = () => Array.from({ length: count }, (_, index) => join(photos, `photo-${String(index).padStart(3, '0')}.jpg`));

/** One contestant, in this process; prints its seconds. */
async function contestant(name) {
  const start = performance.now();
  if (name === 'syndikit' || name === 'syndikit-warm' || name === 'syndikit-avif') {
    const { convert } = await import('@syndikit/core');
    const { imagesAdapter } = await import('@syndikit/images');
    const { markdownIngester } = await import('@syndikit/markdown');
    const inputs = files().map((path, index) => ({
      path: join(photos, `story-${index}.md`),
      value: `# Story ${index}\n\n![Photo](${path.split('/').pop()})\n`,
    }));
    const adapter = imagesAdapter({
      widths,
      formats: name === 'syndikit-avif' ? [...formats, 'avif'] : formats,
      cacheDir: name === 'syndikit-avif' ? false : cacheDir,
    });
    const result = await convert(inputs, {
      root: photos,
      site: { url: 'https://bench.example' },
      ingesters: [markdownIngester()],
      formats: [adapter],
    });
    if (result.failed.length > 0) throw new Error(String(result.failed[0].messages[0]));
  } else if (name === 'build-cold' || name === 'build-warm') {
    const { build } = await import('@syndikit/build');
    const { readImageFacts } = await import('@syndikit/disk');
    const { imagesAdapter } = await import('@syndikit/images');
    const { markdownIngester } = await import('@syndikit/markdown');
    const inputs = files().map((path, index) => {
      const story = join(photos, `story-${index}.md`);
      if (!existsSync(story)) writeFileSync(story, `# Story ${index}\n\n![Photo](${path.split('/').pop()})\n`);
      return story;
    });
    const result = await build(inputs, {
      outDir: join(buildDir, 'out'),
      cacheDir: join(buildDir, 'cache'),
      threads: 0,
      pipeline: {
        ingesters: [markdownIngester()],
        formats: [imagesAdapter({ widths, formats, cacheDir: join(buildDir, 'images') })],
        root: photos,
        site: { url: 'https://bench.example' },
        imageFacts: readImageFacts,
      },
    });
    if (result.failed.length > 0) throw new Error(String(result.failed[0].messages[0]));
  } else if (name === 'eleventy-img') {
    const { default: Image } = await import('@11ty/eleventy-img');
    const { default: pLimit } = await import('p-limit');
    const limit = pLimit(availableParallelism());
    await Promise.all(files().map((path) => limit(() => Image(path, { widths, formats, dryRun: true, useCache: false }))));
  } else if (name === 'naive') {
    const { default: sharp } = await import('sharp');
    const { default: pLimit } = await import('p-limit');
    const limit = pLimit(availableParallelism());
    const jobs = files().flatMap((path) => widths.flatMap((width) => formats.map((format) => [path, width, format])));
    await Promise.all(jobs.map(([path, width, format]) => limit(() => sharp(path).rotate().resize(width).toFormat(format).toBuffer())));
  } else throw new Error(`unknown contestant ${name}`);
  const seconds = (performance.now() - start) / 1000;
  process.stdout.write(JSON.stringify({ seconds, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

function run(name) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), name, String(count)], {
    encoding: 'utf8',
    cwd: root,
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`${name} failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

if (mode) await contestant(mode);
else {
  await generate();
  rmSync(cacheDir, { recursive: true, force: true });
  const cold = run('syndikit');
  const warm = run('syndikit-warm');
  const eleventy = run('eleventy-img');
  const naive = run('naive');
  const avif = run('syndikit-avif');
  rmSync(buildDir, { recursive: true, force: true });
  const buildCold = run('build-cold');
  const buildWarm = run('build-warm');
  const line = (label, result, extra = '') =>
    console.log(`  ${label.padEnd(38)} ${result.seconds.toFixed(2).padStart(7)} s  peak ${String(result.peakMb).padStart(5)} MB${extra}`);
  console.log(`images: ${count} photos of 3000×2000, widths ${widths.join('/')}, JPEG + WebP, ${availableParallelism()} cores`);
  line('syndikit, cold (decode once)', cold);
  line('syndikit, warm (nothing changed)', warm, `  (${((warm.seconds / cold.seconds) * 100).toFixed(1)}% of cold)`);
  line('@11ty/eleventy-img', eleventy, `  (syndikit is ${(eleventy.seconds / cold.seconds).toFixed(2)}× faster)`);
  line('naive sharp loop (decode per output)', naive, `  (syndikit is ${(naive.seconds / cold.seconds).toFixed(2)}× faster)`);
  line('syndikit, cold, with AVIF too', avif);
  line('syndikit build, cold', buildCold);
  line('syndikit build, warm (article cache)', buildWarm, `  (${((buildWarm.seconds / buildCold.seconds) * 100).toFixed(1)}% of cold)`);
  writeFileSync(
    join(root, '.cache/bench-images.json'),
    JSON.stringify({ count, cold, warm, eleventy, naive, avif, buildCold, buildWarm }, null, 2),
  );
}
