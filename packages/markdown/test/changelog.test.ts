import { defaultLimits } from '@syndikit/core';
import type { List, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { convertOne } from './helpers.js';

/**
 * Our own release-notes shape: a tight list (no blank line between items), each item with a
 * backticked commit, two links and emphasis. Ten emphasis or link delimiters an item, so 400
 * items are 4,000 in one blank-line-separated block: far over `maxDelimiters`, as real
 * changelogs are, though no single inline run comes near it.
 */
function changelog(items: number): string {
  const lines = Array.from(
    { length: items },
    (_, index) =>
      `* [\`c0ffee${index}\`](https://example.org/commit/${index}) - **parser**: keep _item ${index}_ apart ([#${index}](https://example.org/pull/${index}))`,
  );
  return `---\ntitle: Release 1.2.3\n---\n\n## Commits\n\n${lines.join('\n')}\n`;
}

const run = (count: number) => Array.from({ length: count / 2 }, () => '*a*').join(' ');

describe('changelogs: emphasis and link delimiters are counted per list item', () => {
  it('converts a 400-item changelog whose list has 4,000 delimiters', async () => {
    const { articles, messages } = await convertOne(changelog(400));
    expect(messages).toEqual([]);
    expect(articles).toHaveLength(1);
    const body = articles[0]?.body as Root;
    const list = body.children.find((node): node is List => node.type === 'list');
    expect(list?.children).toHaveLength(400);
    // The last item kept its two links, its code and its emphasis.
    expect(JSON.stringify(list?.children[399])).toContain('https://example.org/pull/399');
    expect(JSON.stringify(list?.children[399])).toContain('"value":"c0ffee399"');
    expect(JSON.stringify(list?.children[399])).toContain('"type":"emphasis"');
  });

  it('still refuses one list item over the limit, naming the item', async () => {
    const max = defaultLimits.maxDelimiters;
    const { articles, messages } = await convertOne(`# Items\n\n- ${run(max)}\n- ${run(max + 2)}\n`);
    expect(articles).toEqual([]);
    expect(messages).toEqual([
      `news/story.md:4:${2 * max + 3}: error Block starting on line 4 has more than ${max} emphasis or link delimiters [delimiters-too-many]`,
    ]);
  });

  it('still refuses one paragraph over the limit, and a lazy line continues its item', async () => {
    const limits = { maxDelimiters: 10 };
    const paragraph = await convertOne(`# P\n\n${run(6)}\n${run(6)}\n`, { limits });
    expect(paragraph.messages).toEqual([
      'news/story.md:4:9: error Block starting on line 3 has more than 10 emphasis or link delimiters [delimiters-too-many]',
    ]);
    const lazy = await convertOne(`# P\n\n- ${run(6)}\n${run(6)}\n`, { limits });
    expect(lazy.messages).toEqual([
      'news/story.md:4:9: error Block starting on line 3 has more than 10 emphasis or link delimiters [delimiters-too-many]',
    ]);
  });

  it('does not reset on a marker that continues a paragraph (`2.` outside a list, or indented 4 columns)', async () => {
    const limits = { maxDelimiters: 10 };
    // `2.` cannot interrupt a paragraph: both lines are one inline run.
    const ordered = await convertOne(`# P\n\n${run(6)}\n2. ${run(6)}\n`, { limits });
    expect(ordered.messages).toEqual([
      'news/story.md:4:12: error Block starting on line 3 has more than 10 emphasis or link delimiters [delimiters-too-many]',
    ]);
    // Four columns in, a marker is paragraph text, not an item.
    const indented = await convertOne(`# P\n\n${run(6)}\n    - ${run(6)}\n`, { limits });
    expect(indented.messages).toEqual([
      'news/story.md:4:15: error Block starting on line 3 has more than 10 emphasis or link delimiters [delimiters-too-many]',
    ]);
    // Inside a list, `2.` is the next item and counts alone.
    const items = await convertOne(`# P\n\n1. ${run(6)}\n2. ${run(6)}\n`, { limits });
    expect(items.messages).toEqual([]);
    expect(items.articles).toHaveLength(1);
  });
});
