import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Article, convert } from '@syndikit/core';
import { articleToMarkdown, markdownAdapter, markdownIngester } from '@syndikit/markdown';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../fixtures/articles/', import.meta.url));
const fixtures = readdirSync(root)
  .filter((name) => name.endsWith('.md'))
  .sort();
const site = { url: 'https://news.example', title: 'The Syndikit Gazette' };
const ingesters = [markdownIngester()];

/** The article without source positions, which naturally differ between the input and its rewrite. */
function withoutPositions(article: Article | undefined): unknown {
  return JSON.parse(JSON.stringify(article, (key, value) => (key === 'position' ? undefined : value)));
}

async function ingest(path: string, value: string | Uint8Array): Promise<Article | undefined> {
  const file = new VFile({ path, value });
  const result = await convert(file, { root, site, ingesters });
  expect(file.messages.map(String)).toEqual([]);
  return result.articles[0];
}

describe('markdown adapter', () => {
  it('has fixtures to test', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of fixtures) {
    it(`round-trips ${name}: parsing the output gives an equal article`, async () => {
      const original = await ingest(`${root}${name}`, readFileSync(`${root}${name}`));
      expect(original).toBeDefined();
      const markdown = articleToMarkdown(original as Article);
      // Read the output back from another folder under the root: image paths are root-relative.
      const again = await ingest(`${root}rewritten/${name}`, markdown);
      expect(withoutPositions(again)).toEqual(withoutPositions(original));
      // And the output is stable: writing it again changes nothing.
      expect(articleToMarkdown(again as Article)).toBe(markdown);
    });
  }

  it('round-trips subjects (identifiers of section and tags) and a photo creator', async () => {
    const value = [
      '---',
      'title: Ferry returns',
      'section: Transport',
      'tags: [ferries]',
      'subjects:',
      '  - { name: Transport, uri: "https://cv.wire.example/desk/transport" }',
      '  - { name: ferries, literal: FER }',
      'image: { src: "https://cdn.example/ferry.jpg", credit: "Wire Photo/Sam Reyes", creator: Sam Reyes }',
      '---',
      '',
      'The ferry is back.',
    ].join('\n');
    const original = await ingest(`${root}ferry.md`, value);
    expect(original?.subjects).toEqual([
      { name: 'Transport', uri: 'https://cv.wire.example/desk/transport' },
      { name: 'ferries', literal: 'FER' },
    ]);
    expect(original?.images[0]).toMatchObject({ credit: 'Wire Photo/Sam Reyes', creator: 'Sam Reyes' });
    const again = await ingest(`${root}rewritten/ferry.md`, articleToMarkdown(original as Article));
    expect(withoutPositions(again)).toEqual(withoutPositions(original));
    const bad = new VFile({ path: `${root}bad.md`, value: '---\ntitle: T\nsubjects: [{ name: X, uri: "not a uri" }]\n---\n\nText.\n' });
    await convert(bad, { root, site, ingesters });
    expect(bad.messages.map((message) => message.ruleId)).toEqual(['front-matter-type']);
  });

  it('writes the expected clean Markdown for the rail strike story', async () => {
    const name = '2024-10-14-rail-strike-update.md';
    const article = await ingest(`${root}${name}`, readFileSync(`${root}${name}`));
    await expect(articleToMarkdown(article as Article)).toMatchFileSnapshot('./expected/2024-10-14-rail-strike-update.md');
  });

  it('writes one file per article under markdown/', async () => {
    const result = await convert(
      { path: `${root}x.md`, value: '# Hello\n\nWorld *here*.\n' },
      { formats: [markdownAdapter()], root, site, ingesters },
    );
    expect(result.outputs).toEqual([
      {
        path: 'markdown/x.md',
        mediaType: 'text/markdown; charset=utf-8',
        contents: expect.stringMatching(
          /^---\nid: urn:uuid:[0-9a-f-]+\nslug: x\ntitle: Hello\nlanguage: en\nurl: https:\/\/news\.example\/x\/\n---\n\nWorld _here_\.\n$/,
        ),
      },
    ]);
  });

  it('honours options: folder, no front matter, style', async () => {
    const adapter = markdownAdapter({ dir: 'clean', frontMatter: false, style: { emphasis: '*' } });
    const result = await convert({ path: `${root}x.md`, value: '# Hello\n\nWorld _here_.\n' }, { formats: [adapter], root, ingesters });
    expect(result.outputs).toEqual([{ path: 'clean/x.md', mediaType: 'text/markdown; charset=utf-8', contents: 'World *here*.\n' }]);
  });

  it('writes a photo known only by its caption and credit as the caption line where it stood, and reads it back', async () => {
    const source = '# T\n\nFirst paragraph.\n\n_Divers inspect the footings of the pier. (AP Photo/Ola Brandt)_\n\nSecond paragraph.\n';
    const article = await ingest(`${root}caption.md`, source);
    expect(article?.body.children[1]).toMatchObject({
      type: 'figure',
      caption: 'Divers inspect the footings of the pier.',
      credit: 'AP Photo/Ola Brandt',
    });
    expect(article?.body.children[1]).not.toHaveProperty('url');
    // No file, so no article image and nothing for the front matter to list.
    expect(article?.images).toEqual([]);
    const markdown = articleToMarkdown(article as Article, { frontMatter: false });
    expect(markdown).toBe('First paragraph.\n\n_Divers inspect the footings of the pier. (AP Photo/Ola Brandt)_\n\nSecond paragraph.\n');
    expect(withoutPositions(await ingest(`${root}caption.md`, articleToMarkdown(article as Article)))).toEqual(withoutPositions(article));
  });

  it('writes a labelled credit without a file so that it reads back; emphasis without a credit stays text', async () => {
    const article = await ingest(`${root}caption.md`, '# T\n\nText.\n\n_Seen from the ferry deck (Photo: Jane Doe)_\n\n_Just emphasis._\n');
    expect(article?.body.children.map((node) => node.type)).toEqual(['paragraph', 'figure', 'paragraph']);
    const markdown = articleToMarkdown(article as Article, { frontMatter: false });
    expect(markdown).toBe('Text.\n\n_Seen from the ferry deck (Photo: Jane Doe)_\n\n_Just emphasis._\n');
  });

  it('keeps a figure credit that is not agency style', async () => {
    const article = await ingest(`${root}fig.md`, '# T\n\n![Alt](images/a.jpg "A caption (Photo: Jane Doe)")\n');
    const markdown = articleToMarkdown(article as Article);
    expect(markdown).toContain('![Alt](/images/a.jpg "A caption (Photo: Jane Doe)")');
    expect(article?.body.children[0]).toMatchObject({ type: 'figure', caption: 'A caption', credit: 'Jane Doe' });
  });
});
