// Screenshots of AMP pages as readers see them, at a phone width (412 px) and a desktop width (1366 px):
// a photo page, the right-to-left page, an embed page and the table page, into docs/screenshots/.
//
//   npm start && node scripts/screenshots.mjs [out]
//
// Chromium comes from the system (Debian: apt-get install chromium), driven by playwright-core; no browser
// is ever downloaded. Nothing reaches the network: requests for the site (https://news.example/…) are
// answered from the output folder, and every other request, the AMP runtime's included, is blocked.
// Without the runtime (and with JavaScript off, as for a reader without it) a page shows what AMP's
// <noscript> fallbacks give: the body, the photos' <img>, a link for each video. That is the rendering
// these screenshots record; the photos must be there.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(root, process.argv[2] ?? 'out');
const target = join(root, 'docs/screenshots');
const site = 'https://news.example/';
// Debian's Chromium; the brief for this script is never to download a browser.
const executablePath = '/usr/bin/chromium';

/** The pages, by what they show. */
const pages = [
  { name: 'photo', slug: '2024-03-12-harbor-bridge-vote' },
  { name: 'rtl', slug: '2024-12-01-cairo-book-fair' },
  { name: 'embed', slug: '2024-07-09-orchestra-video' },
  { name: 'table', slug: '2024-05-02-grain-exports-table' },
];
const widths = [412, 1366];
const types = { '.html': 'text/html; charset=utf-8', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.png': 'image/png' };

mkdirSync(target, { recursive: true });
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
let failures = 0;
try {
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false, deviceScaleFactor: 1 });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (!url.startsWith(site)) return route.abort('blockedbyclient');
      const path = join(out, decodeURIComponent(new URL(url).pathname));
      try {
        if (!path.startsWith(out) || !statSync(path).isFile()) throw new Error('not a file');
        return route.fulfill({ status: 200, contentType: types[extname(path)] ?? 'application/octet-stream', body: readFileSync(path) });
      } catch {
        return route.fulfill({ status: 404, body: 'not written by the build' });
      }
    });
    for (const { name, slug } of pages) {
      const page = await context.newPage();
      await page.goto(`${site}amp/${slug}.html`, { waitUntil: 'load' });
      // Every photo the page shows must have loaded: a broken <img> has no natural width.
      const images = await page.$$eval('img', (list) =>
        list.map((image) => ({ src: image.currentSrc || image.src, loaded: image.naturalWidth > 0 })),
      );
      for (const image of images.filter((entry) => !entry.loaded)) {
        failures++;
        console.error(`screenshots: ${slug} at ${width} px: ${image.src} did not load`);
      }
      const file = join(target, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`screenshots: ${file.slice(root.length)} (${images.length} photo${images.length === 1 ? '' : 's'})`);
      await page.close();
    }
    await context.close();
  }
} finally {
  await browser.close();
}
process.exit(failures === 0 ? 0 : 1);
