// Screenshot of `syndikit preview`'s index page for the fixtures, into docs/preview-index.png.
//
//   npm run build && node scripts/screenshot-preview.mjs [--out docs/preview-index.png]
//
// Uses the system's Chromium (apt-get install chromium; never a downloaded browser), driven by
// playwright-core. The preview builds the fixtures with their config into a temporary folder, on a free
// loopback port, and is stopped afterwards.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string', default: join(root, 'docs', 'preview-index.png') } } });
const executablePath = '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`screenshot-preview: ${executablePath} not found: apt-get update && apt-get install -y chromium`);
  process.exit(2);
}

const outDir = await mkdtemp(join(tmpdir(), 'syndikit-screenshot-'));
const preview = spawn(
  process.execPath,
  [join(root, 'packages/cli/bin/syndikit.mjs'), 'preview', '--config', 'fixtures/syndikit.config.yaml', '--out', outDir, '--port', '0'],
  { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
);
let stderr = '';
const url = await new Promise((resolve, reject) => {
  preview.stderr.setEncoding('utf8').on('data', (chunk) => {
    stderr += chunk;
    // Wait for the build's summary too: the index shows what the build said.
    const serving = /previewing .* at (http:\/\/\S+\/)/.exec(stderr);
    if (serving && /syndikit: built /.test(stderr)) resolve(serving[1]);
  });
  preview.once('exit', (code) => reject(new Error(`preview exited (${code}):\n${stderr}`)));
});

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1500 } });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response?.status() !== 200) throw new Error(`the index answered ${response?.status()}`);
  // The top of the page: the summary, the feeds and the first articles (the full page of 19 is 6,000 px).
  await page.screenshot({ path: values.out });
  console.log(`screenshot-preview: ${url} → ${values.out}`);
} finally {
  await browser.close();
  preview.kill('SIGTERM');
  await rm(outDir, { recursive: true, force: true });
}
