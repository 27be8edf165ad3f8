/**
 * What converting one file loads. A one-article rebuild converts one Markdown file, so every module the
 * parser loads is paid for by it (docs/performance.md, Rebuilds): Markdown must not load the MDX parser
 * (remark-mdx, acorn) nor TeX math (micromark-extension-math, whose entry loads KaTeX); MDX loads them. Each case runs in a child process of the built package, with a module hook that lists every
 * ES module loaded; CommonJS ones are read from `require.cache`.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadsPackage as loads, runListingModules } from '../../../scripts/modules-loaded.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));

/** Ingest `text` as `path` through the ingester (as the build does) in a child process: the body's nodes and the modules loaded. */
function convert(
  path: string,
  text: string,
  allowMessages = false,
): { body: unknown[]; loaded: string[]; messages: string[]; fields: Record<string, unknown> } {
  const script = `
import { defaultLimits } from '@syndikit/core';
import { markdownIngester } from '@syndikit/markdown/ingester';
import { VFile } from 'vfile';
const text = ${JSON.stringify(text)};
const file = new VFile({ path: ${JSON.stringify(path)}, value: text });
const result = await markdownIngester().ingest({ file, text, articlePath: ${JSON.stringify(path)}, timeZone: 'UTC', limits: defaultLimits });
if (!${allowMessages} && file.messages.length > 0) throw new Error(String(file.messages[0]));
const loaded = globalThis.loadedModules();
console.log(JSON.stringify({ body: result.body.children, loaded, messages: file.messages.map((message) => message.ruleId), fields: result.fields }));
`;
  const child = runListingModules(script, here);
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout) as { body: unknown[]; loaded: string[]; messages: string[]; fields: Record<string, unknown> };
}

describe('modules loaded to convert one file', () => {
  it('the hook sees the packages a conversion loads', () => {
    const { loaded } = convert('story.md', '---\ntitle: T\n---\nSome *text*.\n');
    expect(loads(loaded, 'micromark')).toBe(true);
    expect(loads(loaded, 'mdast-util-from-markdown')).toBe(true);
  });

  it('Markdown does not load the MDX parser nor KaTeX', () => {
    const { body, loaded } = convert('story.md', '---\ntitle: T\n---\nThe estimator $\\hat{\\beta}$ costs $5.\n');
    expect(body).toMatchObject([{ type: 'paragraph', children: [{ type: 'text', value: 'The estimator $\\hat{\\beta}$ costs $5.' }] }]);
    for (const name of ['remark-mdx', 'acorn', 'micromark-extension-math', 'katex']) expect(loads(loaded, name), name).toBe(false);
  });

  it('MDX with TeX math loads the MDX parser and parses the math', () => {
    const { body, loaded } = convert('post.mdx', '---\ntitle: T\n---\nThe estimator $\\hat{\\beta}$ is:\n\n$$\nx^{2}\n$$\n');
    expect(body).toMatchObject([
      { type: 'paragraph', children: [{ type: 'text' }, { type: 'inlineCode', value: '\\hat{\\beta}' }, { type: 'text' }] },
      { type: 'code', lang: 'math', value: 'x^{2}' },
    ]);
    expect(loads(loaded, 'remark-mdx')).toBe(true);
    expect(loads(loaded, 'micromark-extension-math')).toBe(true);
  });

  it('an ISO 8601 date does not load chrono; the first date that is not loads it, and the file reports as if read once', () => {
    const iso = convert('story.md', '---\ntitle: T\ndate: 2024-07-08T10:00:00Z\n---\nText.\n');
    expect(loads(iso.loaded, 'chrono-node')).toBe(false);
    // Front matter that is not strict YAML is reported before the date is read: once, not once per reading.
    const lenient = convert('story.md', '---\ntitle: T\ndate: July 8, 2024\nsummary: "A summary\ncontinued."\n---\nText.\n', true);
    expect(loads(lenient.loaded, 'chrono-node')).toBe(true);
    expect(lenient.fields.published).toBe('2024-07-08T00:00:00Z');
    expect(lenient.messages).toEqual(['front-matter-lenient', 'date-lenient']);
  });
});
