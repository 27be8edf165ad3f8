import { atomAdapter, atomText } from '@syndikit/atom';
import { convert } from '@syndikit/core';
import { markdownIngester } from '@syndikit/markdown';
import { convertFixtures } from '@syndikit/testkit';
import { parseStrict } from '@syndikit/testkit/feeds';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

describe('Atom options', () => {
  it('writes per-section feeds holding only their articles, linking the stylesheet at the root', async () => {
    const result = await convertFixtures({ formats: [atomAdapter({ sections: true, limit: 2 })] });
    const politics = String(result.outputs.find((file) => file.path === 'sections/politics/atom.xml')?.contents);
    expect(politics).toContain('<?xml-stylesheet type="text/xsl" href="../../atom.xsl"?>');
    expect(parseStrict(politics).elements.filter((element) => element.name === 'entry')).toHaveLength(2);
  });

  it('advertises a WebSub hub, and links no stylesheet when asked for none', async () => {
    const result = await convertFixtures({ formats: [atomAdapter({ hub: 'https://hub.example/', stylesheet: false })] });
    expect(result.outputs.map((file) => file.path)).toEqual(['atom.xml']);
    const atom = String(result.outputs[0]?.contents);
    expect(atom).toContain('<link rel="hub" href="https://hub.example/" />');
    expect(atom).not.toContain('xml-stylesheet');
  });

  it('fails the feed with a clear error without a site URL', async () => {
    const result = await convert(new VFile({ path: '/a.md', value: '---\ntitle: T\ndate: 2024-01-01\n---\n\nB\n' }), {
      ingesters: [markdownIngester()],
      formats: [atomAdapter()],
    });
    expect(result.outputs).toEqual([]);
    expect(result.failed.map((file) => file.messages.map((message) => `${message.reason} [${message.ruleId}]`))).toEqual([
      ['Atom needs the site URL (`site.url` in the config, or --site-url): the feed id and links are made from it [feed-no-site-url]'],
    ]);
  });

  it('rejects bad options with what was expected and what arrived', () => {
    expect(() => atomAdapter({ hub: 'ftp://x' })).toThrow(
      new TypeError('Expected an absolute http(s) URL for atom option `hub` but received "ftp://x" of type string'),
    );
  });
});

describe('atomText', () => {
  it('writes plain text as text, and text that looks like markup as escaped HTML', () => {
    expect(atomText('summary', 'Rates rise')).toMatchObject({ attributes: { type: 'text' }, children: [{ value: 'Rates rise' }] });
    expect(atomText('summary', 'Use <b> & co')).toMatchObject({
      attributes: { type: 'html' },
      children: [{ value: 'Use &lt;b&gt; &amp; co' }],
    });
  });
});
