import { cleanXmlText, escapeHtml, relativeToRoot, serialize, stylesheetInstruction } from '@syndikit/xml-feed';
import { describe, expect, it } from 'vitest';
import { x } from 'xastscript';

describe('cleanXmlText', () => {
  it('removes exactly what XML 1.0 forbids', () => {
    expect(cleanXmlText('a\u0000b\u0007c\u0009d\u000Ae\u000Df\uFFFEg\uFFFFh\uD800i\u{1F600}j\uE000k')).toEqual({
      value: 'abc\u0009d\u000Ae\u000Dfghi\u{1F600}j\uE000k',
      removed: 5,
    });
  });

  it('also removes DEL and the C1 controls, and keeps what follows them (NBSP, é)', () => {
    expect(cleanXmlText('a\u007Fb\u0080c\u0085d\u009Fe\u00A0f\u00E9')).toEqual({ value: 'abcde\u00A0f\u00E9', removed: 4 });
  });
});

describe('serialize', () => {
  it('indents containers, self-closes empty elements, and escapes for feed readers', () => {
    const tree = {
      type: 'root' as const,
      children: [
        { type: 'instruction' as const, name: 'xml', value: 'version="1.0" encoding="utf-8"' },
        ...stylesheetInstruction('a.xsl?x=1&y="2"'),
        x('feed', [x('title', 'A & B <c> ]]> d'), x('link', { href: 'https://a.example/?x=1&y=2' })]),
      ],
    };
    expect(serialize(tree)).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<?xml-stylesheet type="text/xsl" href="a.xsl?x=1&amp;y=&quot;2&quot;"?>',
        '<feed>',
        '  <title>A &#x26; B &#x3C;c> ]]&#x3E; d</title>',
        '  <link href="https://a.example/?x=1&amp;y=2" />',
        '</feed>',
        '',
      ].join('\n'),
    );
  });

  it('escapes HTML-bearing text', () => {
    expect(escapeHtml('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
  });
});

describe('relativeToRoot', () => {
  it('climbs out of the feed folder to the output root', () => {
    expect(relativeToRoot('feed.xml', 'rss.xsl')).toBe('rss.xsl');
    expect(relativeToRoot('sections/politics/atom.xml', 'atom.xsl')).toBe('../../atom.xsl');
  });
});
