/**
 * parse5 (through hast-util-raw) is loaded only for a body with raw HTML: a one-article rebuild converts an
 * article without any and must not pay for importing it (docs/performance.md, Rebuilds). Run in a child
 * process of the built package with a module hook listing every ES module loaded, and `require.cache`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'syndikit-html-modules-'));
const list = join(dir, 'loaded.txt');
writeFileSync(
  join(dir, 'hooks.mjs'),
  `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(list)}, url + '\\n');
  return next(url, context);
}
`,
);
writeFileSync(
  join(dir, 'register.mjs'),
  `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`,
);

/** `bodyToHast` of a paragraph, then of the same with raw HTML, in a child: the trees and the modules loaded after each. */
function convert(): { plain: unknown; raw: unknown; before: string[]; after: string[] } {
  writeFileSync(list, '');
  const script = `
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { bodyToHast } from '@syndikit/html';
const loaded = () => [...readFileSync(${JSON.stringify(list)}, 'utf8').split('\\n').filter(Boolean), ...Object.keys(createRequire(import.meta.url).cache)];
const text = { type: 'paragraph', children: [{ type: 'text', value: 'Plain copy.' }] };
const plain = bodyToHast({ type: 'root', children: [text] });
const before = loaded();
const raw = bodyToHast({ type: 'root', children: [text, { type: 'html', value: '<p>Raw <em>HTML</em></p>' }] });
console.log(JSON.stringify({ plain, raw, before, after: loaded() }));
`;
  const child = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(join(dir, 'register.mjs')).href, '--input-type=module', '-e', script],
    {
      cwd: here,
      encoding: 'utf8',
    },
  );
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout) as { plain: unknown; raw: unknown; before: string[]; after: string[] };
}

const loads = (loaded: string[], name: string) => loaded.some((url) => url.includes(`/node_modules/${name}/`));

describe('modules loaded to convert a body', () => {
  it('parse5 only once a body has raw HTML', () => {
    const { plain, raw, before, after } = convert();
    expect(loads(before, 'mdast-util-to-hast')).toBe(true);
    expect(loads(before, 'hast-util-raw')).toBe(false);
    expect(loads(before, 'parse5')).toBe(false);
    expect(plain).toMatchObject({ children: [{ type: 'element', tagName: 'p', children: [{ type: 'text', value: 'Plain copy.' }] }] });
    // Required, so in require.cache; what it imports is not listed (a required ES module's imports pass no hook).
    expect(loads(after, 'hast-util-raw')).toBe(true);
    expect(raw).toMatchObject({
      children: [
        { tagName: 'p' },
        { type: 'text', value: '\n' },
        { tagName: 'p', children: [{ value: 'Raw ' }, { tagName: 'em', children: [{ value: 'HTML' }] }] },
      ],
    });
  });
});
