import { atomAdapter } from '@syndikit/atom';
import { convert, formatMessage } from '@syndikit/core';
import { markdownIngester } from '@syndikit/markdown';
import { fixtureSite, hostileArticles, manyArticles } from '@syndikit/testkit';
import { parseStrict, parseWithReaders } from '@syndikit/testkit/feeds';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

const hostile = hostileArticles();
const files = Object.entries(hostile).map(([name, value]) => new VFile({ path: `/hostile/${name}.md`, value }));
const result = await convert(files, { ingesters: [markdownIngester()], root: '/hostile', site: fixtureSite, formats: [atomAdapter()] });
const output = (path: string) => String(result.outputs.find((file) => file.path === path)?.contents ?? '');

describe('hostile input in the Atom feed', () => {
  it('still gives a well-formed feed', () => {
    expect(() => parseStrict(output('atom.xml'))).not.toThrow();
  });

  it('removes characters XML forbids, warning with the article and field', () => {
    const messages = files.flatMap((file) => file.messages.map((message) => formatMessage(message)));
    expect(messages).toContain(
      '/hostile/control-characters.md:1:1: warning Removed 3 characters not allowed in XML from entry/title in the atom feed [xml-invalid-character]',
    );
  });

  it('keeps markup characters in every field as text', async () => {
    const { rowan } = await parseWithReaders(output('atom.xml'));
    const item = rowan.items.find((entry) => entry.title?.startsWith('A <title>'));
    expect(item?.title).toBe('A <title> & "quotes" ]]> here');
    expect(item?.authors[0]?.name).toBe('Ann <&"> O\'Neil');
    expect(item?.categories.map((category) => category.term)).toEqual(['News & <Views>', 'a<b', 'c&d', '"e"']);
  });

  it('leaves undated articles out with a warning', () => {
    const undated = files.find((file) => file.path.includes('no-date'));
    expect(undated?.messages.map((message) => message.reason)).toContain('Article has no date, so it is left out of the atom feed');
  });

  it('carries 10,000 entries', async () => {
    const many = await convert(manyArticles(10_000), {
      ingesters: [markdownIngester()],
      root: '/generated',
      site: fixtureSite,
      formats: [atomAdapter({ limit: 10_000 })],
    });
    const xml = String(many.outputs.find((file) => file.path === 'atom.xml')?.contents);
    expect(parseStrict(xml).elements.filter((element) => element.name === 'entry')).toHaveLength(10_000);
  }, 120_000);
});
