import { convert } from '@syndikit/core';
import { articleToMarkdown, markdownIngester } from '@syndikit/markdown';
import { describe, expect, it } from 'vitest';

const ingesters = [markdownIngester()];
const source = `---
title: Port reopens after the storm
authors: [Priya Raman]
contributors:
  - { name: Omar Said, role: additional-reporting }
  - { name: Claire Hoffmann, role: editor }
---

The port reopened on Friday.
`;

describe('front matter contributors', () => {
  it('reads contributors with their roles, apart from the authors', async () => {
    const result = await convert({ path: 'story.md', value: source }, { ingesters });
    expect(result.articles[0]).toMatchObject({
      authors: [{ name: 'Priya Raman' }],
      contributors: [
        { name: 'Omar Said', role: 'additional-reporting' },
        { name: 'Claire Hoffmann', role: 'editor' },
      ],
    });
  });

  it('writes them back, so that they survive a round trip', async () => {
    const first = (await convert({ path: 'story.md', value: source }, { ingesters })).articles[0];
    if (!first) throw new Error('no article');
    const again = (await convert({ path: 'again.md', value: articleToMarkdown(first) }, { ingesters })).articles[0];
    expect(again?.contributors).toEqual(first.contributors);
  });

  it('reports a contributor without a role', async () => {
    const result = await convert(
      { path: 'story.md', value: '---\ntitle: Story\ncontributors: [Claire Hoffmann]\n---\n\nBody.\n' },
      { ingesters },
    );
    expect(result.articles[0]?.contributors).toBeUndefined();
    expect(result.files[0]?.messages.map((message) => message.reason).join('\n')).toMatch(/\{ name, role \}/);
  });
});
