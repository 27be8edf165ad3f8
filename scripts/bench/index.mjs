// `npm run bench`: every benchmark, one after another, each in its own process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

for (const name of ['amp.mjs', 'feeds.mjs', 'images.mjs', 'build.mjs', 'large-inputs.mjs', 'agency.mjs', 'pages.mjs']) {
  const { status } = spawnSync(process.execPath, [fileURLToPath(new URL(name, import.meta.url))], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
