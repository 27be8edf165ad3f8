/**
 * The URL policy end to end: every URL field of every input format, and every
 * URL in the config and flags, fed the hostile set; every output format
 * checked for what got through.
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syndikit } from './helpers.js';

const hostile = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
  '/\\evil.example/x',
  'https://user:secret@evil.example/',
];

/** What must never appear in any output, whichever hostile value was fed. */
const leaked = /javascript:|vbscript:|data:text|evil\.example|secret@|alert\(1\)|msgbox/i;

const formats = 'markdown,rss,atom,jsonfeed,amp,ninjs';
const good = '---\ntitle: A good story\npublished: 2024-01-04T13:01:40Z\n---\n\nIt converts.\n';

/** Every output file's text, for the leak check. */
async function outputs(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name), await readFile(join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

async function buildWith(name: string, contents: string, extra: string[] = []) {
  const dir = await mkdtemp(join(tmpdir(), 'syndikit-url-'));
  await mkdir(join(dir, 'in'));
  await writeFile(join(dir, 'in', 'good.md'), good);
  await writeFile(join(dir, 'in', name), contents);
  const result = await syndikit(
    ['build', 'in', '--out', 'out', '--formats', formats, '--site-url', 'https://news.example', '--keep-going', '--no-cache', ...extra],
    dir,
  );
  return { ...result, files: await outputs(join(dir, 'out')) };
}

/** Where each hostile value goes, and where the error must point (line, column). */
const inputCases: Array<{ field: string; name: string; make: (value: string) => string; place: string | ((text: string) => string) }> = [
  {
    field: 'front matter url',
    name: 'story.md',
    make: (v) => `---\ntitle: Story\nurl: ${JSON.stringify(v)}\n---\n\nBody.\n`,
    place: '3:6',
  },
  {
    field: 'front matter canonical',
    name: 'story.md',
    make: (v) => `---\ntitle: Story\ncanonical: ${JSON.stringify(v)}\n---\n\nBody.\n`,
    place: '3:12',
  },
  {
    field: 'front matter authors[].url',
    name: 'story.md',
    make: (v) => `---\ntitle: Story\nauthors:\n  - name: Ana Ruiz\n    url: ${JSON.stringify(v)}\n---\n\nBody.\n`,
    place: '5:10',
  },
  {
    field: 'front matter image',
    name: 'story.md',
    make: (v) => `---\ntitle: Story\nimage: ${JSON.stringify(v)}\n---\n\nBody.\n`,
    place: '3:8',
  },
  {
    field: 'body image',
    name: 'story.md',
    make: (v) => `---\ntitle: Story\n---\n\n![Alt](<${v.replaceAll('<', '%3C').replaceAll('>', '%3E')}>)\n`,
    place: '5:1',
  },
  {
    field: 'ninjs rendition href',
    name: 'item.json',
    make: (v) =>
      JSON.stringify(
        {
          uri: 'urn:example:1',
          type: 'text',
          headlines: [{ value: 'Story' }],
          bodies: [{ contenttype: 'text/plain', value: 'Body.' }],
          associations: [{ type: 'picture', renditions: [{ name: 'web', href: v, contenttype: 'image/jpeg' }] }],
        },
        null,
        1,
      ),
    // The value of `href`, wherever the pretty-printer put it.
    place: (text) => {
      const lines = text.split('\n');
      const index = lines.findIndex((line) => line.includes('"href"'));
      return `${index + 1}:${(lines[index] ?? '').indexOf('"href"') + 9}`;
    },
  },
];

describe('the URL policy over every input format and every output format', () => {
  for (const testCase of inputCases) {
    // Images read `//cdn/x` as https (pages copy CDN images that way); every other field refuses it.
    const values = testCase.field.includes('image') ? hostile.filter((value) => !/^[/\\]{2}/.test(value)) : hostile;
    it.each(values)(`${testCase.field}: %j fails its article at its place; nothing leaks into any output`, async (value) => {
      const result = await buildWith(testCase.name, testCase.make(value));
      expect(result.code).toBe(1);
      const line = result.stderr.split('\n').find((text) => /\[(url-invalid|image-url-unsupported)\]/.test(text));
      expect(line).toBeDefined();
      const contents = testCase.make(value);
      const place = typeof testCase.place === 'string' ? testCase.place : testCase.place(contents);
      expect(line).toContain(`in/${testCase.name}:${place}`);
      // The good article was written in every format, and no output carries the hostile value.
      expect(result.files.size).toBeGreaterThanOrEqual(6);
      for (const [path, text] of result.files) expect(`${path}: ${leaked.exec(text)?.[0] ?? ''}`).toBe(`${path}: `);
    });
  }

  it('reads a scheme-relative image as https', async () => {
    const result = await buildWith(
      'story.md',
      '---\ntitle: Story\npublished: 2024-01-05T10:00:00Z\nimage: //cdn.example/photo.jpg\n---\n\nBody.\n',
    );
    expect(result.code).toBe(0);
    const feed = [...result.files].find(([path]) => path.endsWith('feed.json'))?.[1] ?? '';
    expect(feed).toContain('"image": "https://cdn.example/photo.jpg"');
  });

  it('resolves a relative front matter url against the site URL in every output', async () => {
    const result = await buildWith('story.md', '---\ntitle: Story\npublished: 2024-01-05T10:00:00Z\nurl: /news/story/\n---\n\nBody.\n');
    expect(result.code).toBe(0);
    const feed = [...result.files].find(([path]) => path.endsWith('feed.json'))?.[1] ?? '';
    expect(feed).toContain('"url": "https://news.example/news/story/"');
  });
});

describe('URLs in the config and flags', () => {
  const configCases: Array<{ field: string; make: (value: string) => string }> = [
    { field: 'site.url', make: (v) => `site:\n  url: ${JSON.stringify(v)}\n` },
    { field: 'site.logo', make: (v) => `site:\n  url: https://news.example\n  logo: ${JSON.stringify(v)}\n` },
    { field: 'site.icon', make: (v) => `site:\n  url: https://news.example\n  icon: ${JSON.stringify(v)}\n` },
    { field: 'permalink', make: (v) => `permalink: ${JSON.stringify(`${v}/{slug}`)}\n` },
    { field: 'adapters.rss.hub', make: (v) => `adapters:\n  rss:\n    hub: ${JSON.stringify(v)}\n` },
    { field: 'adapters.amp.logo', make: (v) => `adapters:\n  amp:\n    logo: ${JSON.stringify(v)}\n` },
    { field: 'wire.photoBaseUrl', make: (v) => `wire:\n  photoBaseUrl: ${JSON.stringify(v)}\n` },
  ];
  // Relative values are fine where a path is allowed (logos, icons); these are hostile everywhere.
  const alwaysHostile = hostile.filter((value) => !value.startsWith('/') || value.startsWith('//'));

  for (const testCase of configCases) {
    it.each(alwaysHostile)(`${testCase.field}: %j is a usage error naming the field, before any work`, async (value) => {
      const dir = await mkdtemp(join(tmpdir(), 'syndikit-url-config-'));
      await mkdir(join(dir, 'in'));
      await writeFile(join(dir, 'in', 'good.md'), good);
      await writeFile(join(dir, 'syndikit.config.yaml'), testCase.make(value));
      const result = await syndikit(['build', 'in', '--out', 'out', '--formats', formats, '--no-cache'], dir);
      expect(result.code).toBe(2);
      const field = testCase.field.split('.').at(-1) ?? testCase.field;
      expect(result.stderr).toContain(field);
      expect(await outputs(join(dir, 'out'))).toEqual(new Map());
    });
  }

  it.each(hostile)('--site-url %j is a usage error', async (value) => {
    const dir = await mkdtemp(join(tmpdir(), 'syndikit-url-flag-'));
    await mkdir(join(dir, 'in'));
    await writeFile(join(dir, 'in', 'good.md'), good);
    const result = await syndikit(['build', 'in', '--out', 'out', '--site-url', value], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--site-url');
  });
});
