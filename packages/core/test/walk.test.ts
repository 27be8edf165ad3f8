import { nodesOfType, someNode } from '@syndikit/core';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';

/** A body with links at three depths, in the order unist-util-visit meets them: a, b, c, d. */
const body: Root = {
  type: 'root',
  children: [
    { type: 'paragraph', children: [{ type: 'link', url: 'a', children: [{ type: 'text', value: 'first' }] }] },
    {
      type: 'blockquote',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'emphasis', children: [{ type: 'link', url: 'b', children: [{ type: 'text', value: 'second' }] }] },
            { type: 'link', url: 'c', children: [] },
          ],
        },
      ],
    },
    {
      type: 'list',
      children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'link', url: 'd', children: [] }] }] }],
    },
  ],
};

describe('nodesOfType', () => {
  it('finds every node of the type, parents before children, in document order', () => {
    expect(nodesOfType<{ type: 'link'; url: string }>(body, 'link').map((node) => node.url)).toEqual(['a', 'b', 'c', 'd']);
    expect(nodesOfType(body, 'root')).toEqual([body]);
    expect(nodesOfType(body, 'heading')).toEqual([]);
  });
});

describe('someNode', () => {
  it('stops at the first node that passes', () => {
    const seen: string[] = [];
    const found = someNode(body, (node) => {
      seen.push(node.type);
      return node.type === 'text';
    });
    expect(found).toBe(true);
    expect(seen).toEqual(['root', 'paragraph', 'link', 'text']);
  });

  it('is false when no node passes', () => {
    expect(someNode(body, (node) => node.type === 'code')).toBe(false);
  });
});
