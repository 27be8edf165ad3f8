#!/usr/bin/env node
// The `syndikit` bin. npm links a bin only when its file exists at install time, and `dist/` does not exist
// until the first build: so the bin is this committed launcher, which loads the built CLI, and says what to
// do when there is none yet instead of failing with a stack trace.
import { access } from 'node:fs/promises';

const built = new URL('../dist/bin.js', import.meta.url);
try {
  await access(built);
} catch {
  process.stderr.write('syndikit is not built yet: run npm run build (or npm start) first\n');
  process.exit(2);
}
await import(built.href);
