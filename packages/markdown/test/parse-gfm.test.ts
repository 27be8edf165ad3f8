import { defaultLimits } from '@syndikit/core';
import { ingestMarkdown, markdownParser } from '@syndikit/markdown';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

/** The body ingest gives, against remark-gfm's own parse of the same text (figures aside, none here). */
function bodies(text: string) {
  const file = new VFile({ path: 'story.md', value: text });
  const result = ingestMarkdown({ file, text, articlePath: 'story.md', timeZone: 'UTC', limits: defaultLimits });
  const reference = markdownParser().parse(text) as Root;
  const heading = reference.children[0]?.type === 'heading' ? reference.children.slice(1) : reference.children;
  return { ours: result?.body.children, reference: heading };
}

describe('GFM parsing without the autolink-literal extension when it cannot match', () => {
  it.each([
    [
      'no links at all',
      '# Title\n\nPlain copy, ~~struck~~, a table:\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done\n\nA note.[^1]\n\n[^1]: The note.\n',
    ],
    ['inline links only', '# Title\n\nSee [the report](https://example.org/report) and [www](https://www.example.org/).\n'],
    ['a bare URL', '# Title\n\nRead it at https://example.org/report today.\n'],
    ['a bare www', '# Title\n\nRead it at www.example.org today.\n'],
    ['an e-mail address', '# Title\n\nWrite to desk@example.org with tips.\n'],
    ['a URL after a `](` that is no link', '# Title\n\nText ](https://example.org/x and more.\n'],
    ['a URL in link text', '# Title\n\n[https://example.org](https://example.org) is the site.\n'],
    ['a URL in code', '# Title\n\n`https://example.org` in code, www in `www.example.org`.\n'],
  ])('gives the same tree as remark-gfm: %s', (_name, text) => {
    const { ours, reference } = bodies(text);
    expect(ours).toEqual(reference);
  });

  it('still makes links of bare URLs and e-mail addresses', () => {
    const { ours } = bodies('# T\n\nMail desk@example.org or see www.example.org and https://example.org/x.\n');
    const links = JSON.stringify(ours).match(/"url":"[^"]+"/g);
    expect(links).toEqual(['"url":"mailto:desk@example.org"', '"url":"http://www.example.org"', '"url":"https://example.org/x"']);
  });
});
