import { convert, formatMessage } from '@syndikit/core';
import { markdownIngester } from '@syndikit/markdown';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { convertOne } from './helpers.js';

const good = '---\ntitle: A good story\n---\n\nBody text.\n';

describe('bad input: each gets a located error, and nothing crashes', () => {
  it('malformed front matter', async () => {
    const { articles, messages } = await convertOne('---\ntitle: [unclosed\nslug: x\n---\n\nBody\n');
    expect(articles).toEqual([]);
    expect(messages[0]).toMatch(/^news\/story\.md:\d+:\d+: error Front matter: .+ \[front-matter-syntax\]$/);
  });

  it('unclosed front matter', async () => {
    const { articles, messages } = await convertOne('---\ntitle: Never closed\n\nBody\n');
    expect(articles).toEqual([]);
    expect(messages).toEqual([
      'news/story.md:1:1: error Front matter starts with `---` but has no closing `---` line [front-matter-unclosed]',
    ]);
  });

  it('a billion-laughs YAML document', async () => {
    const lol = [
      '---',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'title: [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      '---',
      '',
      'Body',
    ].join('\n');
    const { articles, messages } = await convertOne(lol);
    expect(articles).toEqual([]);
    expect(messages).toEqual(['news/story.md:2:1: error Front matter expands more than 50 aliases [front-matter-alias]']);
  });

  it('wrong types', async () => {
    const title = await convertOne('---\ntitle: 42\n---\n\nBody\n');
    expect(title.messages).toEqual([
      'news/story.md:2:8: error Expected a string for `title` but received 42 of type number [front-matter-type]',
    ]);
    const tags = await convertOne('---\ntitle: Fine\ntags: {a: 1}\n---\n\nBody\n');
    expect(tags.messages).toEqual([
      'news/story.md:3:7: error Expected a list of strings for `tags` but received a mapping [front-matter-type]',
    ]);
    expect(tags.articles).toEqual([]);
  });

  it('impossible dates', async () => {
    const { articles, messages } = await convertOne('---\ntitle: Leap\ndate: 2024-02-30\n---\n\nBody\n');
    expect(articles).toEqual([]);
    expect(messages).toEqual(['news/story.md:3:7: error `2024-02-30` is not a calendar date: 2024-02 has no day 30 [date-invalid]']);
  });

  it('an empty file', async () => {
    const { messages } = await convertOne('  \n\n');
    expect(messages).toEqual(['news/story.md:1:1: error File is empty [empty-file]']);
  });

  it('a binary file', async () => {
    const { messages } = await convertOne(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(messages).toEqual(['news/story.md:1:1: error File looks binary: it has a NUL byte at offset 8 [binary-file]']);
  });

  it('invalid UTF-8, located', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('---\ntitle: Caf'), 0xe9, ...new TextEncoder().encode('\n---\n')]);
    const { messages } = await convertOne(bytes);
    expect(messages).toEqual(['news/story.md:2:11: error File is not valid UTF-8: bad byte 0xE9 at offset 14 [invalid-utf8]']);
  });

  it('duplicate slugs are made unique with a warning', async () => {
    const a = new VFile({ path: '/site/a.md', value: '---\ntitle: One\nslug: same\n---\n\nA\n' });
    const b = new VFile({ path: '/site/b.md', value: '---\ntitle: Two\nslug: same\n---\n\nB\n' });
    const result = await convert([a, b], { root: '/site', ingesters: [markdownIngester()] });
    expect(result.articles.map((article) => article.slug)).toEqual(['same', 'same-2']);
    expect(b.messages.map((message) => formatMessage(message, 'b.md'))).toEqual([
      'b.md:1:1: warning Slug `same` is already used by /site/a.md; using `same-2` [slug-duplicate]',
    ]);
  });

  it('unsafe slugs', async () => {
    const traversal = await convertOne('---\ntitle: T\nslug: ../../x\n---\n\nB\n');
    expect(traversal.articles[0]?.slug).toBe('x');
    expect(traversal.messages).toEqual([
      'news/story.md:1:1: warning Slug `../../x` is unsafe (it contains a path separator); using `x` [slug-unsafe]',
    ]);
    const device = await convertOne('---\ntitle: T\nslug: CON\n---\n\nB\n');
    expect(device.articles[0]?.slug).toBe('con-article');
    expect(device.messages[0]).toContain('[slug-unsafe]');
  });

  it('a 100,000-deep blockquote', async () => {
    const { articles, messages } = await convertOne(`# Deep\n\n${'>'.repeat(100_000)} hi\n`);
    expect(articles).toEqual([]);
    expect(messages).toEqual(['news/story.md:3:65: error Blockquotes are nested more than 64 deep [nesting-too-deep]']);
  });

  it('a 100,000-long emphasis run', async () => {
    const { articles, messages } = await convertOne(`# Deep\n\n${'*'.repeat(100_000)}a${'*'.repeat(100_000)}\n`);
    expect(articles).toEqual([]);
    expect(messages).toEqual([
      'news/story.md:3:1001: error Block starting on line 3 has more than 1000 emphasis or link delimiters [delimiters-too-many]',
    ]);
  });

  it('markup is bounded over the whole document, outside front matter', async () => {
    // 10,001 table rows of two cells: 30,003 pipes, far under the byte limit, over 15,000 marks.
    const rows = Array.from({ length: 10_001 }, (_, index) => `| ${index} | x |`).join('\n');
    const table = await convertOne(`# Table\n\n| a | b |\n|---|---|\n${rows}\n`);
    expect(table.articles).toEqual([]);
    // Six pipes in the head and delimiter rows, then three a row: the 15,001st is the first pipe of row 4,999 (line 5,003).
    expect(table.messages).toEqual([
      'news/story.md:5003:1: error Document has more than 15000 Markdown markup characters [markup-too-much]',
    ]);

    // List markers count (here the only markup), as do blockquote markers.
    const list = await convertOne(`# List\n\n${Array.from({ length: 20_001 }, () => '- x').join('\n')}\n`, {
      limits: { maxContainers: 100_000 },
    });
    expect(list.messages).toEqual([
      'news/story.md:15003:1: error Document has more than 15000 Markdown markup characters [markup-too-much]',
    ]);
    const quotes = await convertOne(`# Quotes\n\n${'> x\n'.repeat(101)}`, { limits: { maxMarkup: 100 } });
    expect(quotes.messages).toEqual(['news/story.md:103:1: error Document has more than 100 Markdown markup characters [markup-too-much]']);
    // Bare URLs and e-mail addresses become links without a mark: each counts.
    const bare = await convertOne(`# Bare\n\n${'See https://a.example or www.b.example, or mail c@d.example.\n'.repeat(34)}`, {
      limits: { maxMarkup: 100 },
    });
    expect(bare.messages).toEqual(['news/story.md:36:26: error Document has more than 100 Markdown markup characters [markup-too-much]']);

    // Front matter is YAML, not markup: 30,000 tags in it are not counted.
    const tags = Array.from({ length: 30_000 }, (_, index) => `  - t${index}`).join('\n');
    const front = await convertOne(`---\ntitle: Tags\ntags:\n${tags}\n---\n\n- one\n- two\n`);
    expect(front.messages).toEqual([]);
    expect(front.articles[0]?.tags).toHaveLength(30_000);

    // Exactly at the limit is accepted.
    const atLimit = await convertOne(`# Ok\n\n${'- x\n'.repeat(100)}`, { limits: { maxMarkup: 100 } });
    expect(atLimit.messages).toEqual([]);
  });

  it('blockquote markers and list items are bounded over the whole document', async () => {
    // Two thousand flat items pass; the 2,001st is refused, at its marker.
    const items = (count: number) => Array.from({ length: count }, (_, index) => `- item ${index}`).join('\n');
    expect((await convertOne(`# List\n\n${items(2000)}\n`)).messages).toEqual([]);
    const over = await convertOne(`# List\n\n${items(2001)}\n`);
    expect(over.articles).toEqual([]);
    expect(over.messages).toEqual([
      'news/story.md:2003:1: error Document has more than 2000 blockquote markers and list items [markup-too-much]',
    ]);
    // Several markers on one line open several containers, and each counts.
    const stacked = await convertOne(`# Stacked\n\n${'> - > 1. x\n'.repeat(3)}`, { limits: { maxContainers: 10 } });
    expect(stacked.messages).toEqual([
      'news/story.md:5:5: error Document has more than 10 blockquote markers and list items [markup-too-much]',
    ]);
  });

  it('the size check comes first, and names size and limit', async () => {
    const { articles, messages } = await convertOne(Buffer.from(`# Big\n\n${'word '.repeat(30)}\n`), { limits: { maxBytes: 100 } });
    expect(articles).toEqual([]);
    expect(messages).toEqual(['news/story.md:1:1: error File is 158 bytes, over the limit of 100 [file-too-large]']);
  });

  it('deeply nested lists are bounded', async () => {
    const list = Array.from({ length: 200 }, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n');
    const { articles, messages } = await convertOne(`# Deep\n\n${list}\n`);
    expect(articles).toEqual([]);
    expect(messages[0]).toMatch(/\[nesting-too-deep\]$/);
  });

  it('image references outside the content root', async () => {
    const front = await convertOne('---\ntitle: T\nimage: ../../etc/passwd.jpg\n---\n\nB\n');
    expect(front.messages).toEqual([
      'news/story.md:3:8: error Image `../../etc/passwd.jpg` points outside the content root [image-outside-root]',
    ]);
    const body = await convertOne('# T\n\nText\n\n![x](../../../secret.png)\n');
    expect(body.messages).toEqual([
      'news/story.md:5:1: error Image `../../../secret.png` points outside the content root [image-outside-root]',
    ]);
    const scheme = await convertOne('# T\n\n![x](file:///etc/passwd)\n');
    expect(scheme.messages).toEqual([
      'news/story.md:3:1: error Image: URL "file:///etc/passwd" uses the scheme `file:`; only http and https URLs are published [image-url-unsupported]',
    ]);
  });

  it('a missing headline', async () => {
    const { messages } = await convertOne('Just a paragraph.\n');
    expect(messages).toEqual([
      'news/story.md:1:1: error Article has no headline: add `title:` to the front matter or start with `# Heading` [missing-headline]',
    ]);
  });

  it('one bad article does not take the others down', async () => {
    const inputs = [
      new VFile({ path: '/site/1.md', value: good }),
      new VFile({ path: '/site/2.md', value: '---\ntitle: 42\n---\n' }),
      new VFile({ path: '/site/3.md', value: new Uint8Array([0xff, 0xfe, 0]) }),
      new VFile({ path: '/site/4.md', value: good.replace('A good', 'Another good') }),
    ];
    const result = await convert(inputs, { root: '/site', ingesters: [markdownIngester()] });
    expect(result.articles.map((article) => article.headline)).toEqual(['A good story', 'Another good story']);
    expect(result.failed.map((file) => file.path)).toEqual(['/site/2.md', '/site/3.md']);
  });
});
