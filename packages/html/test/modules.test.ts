/**
 * parse5 (through hast-util-raw) is loaded only for a body with raw HTML: a one-article rebuild converts an
 * article without any and must not pay for importing it (docs/performance.md, Rebuilds). Run in a child
 * process of the built package with a module hook listing every ES module loaded, and `require.cache`.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadsPackage as loads, runListingModules } from '../../../scripts/modules-loaded.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));

/** `bodyToHast` of a paragraph, then of the same with raw HTML, in a child: the trees and the modules loaded after each. */
function convert(): { plain: unknown; raw: unknown; before: string[]; after: string[] } {
  const script = `
import { bodyToHast } from '@syndikit/html';
const loaded = () => globalThis.loadedModules();
const text = { type: 'paragraph', children: [{ type: 'text', value: 'Plain copy.' }] };
const plain = bodyToHast({ type: 'root', children: [text] });
const before = loaded();
const raw = bodyToHast({ type: 'root', children: [text, { type: 'html', value: '<p>Raw <em>HTML</em></p>' }] });
console.log(JSON.stringify({ plain, raw, before, after: loaded() }));
`;
  const child = runListingModules(script, here);
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout) as { plain: unknown; raw: unknown; before: string[]; after: string[] };
}

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
