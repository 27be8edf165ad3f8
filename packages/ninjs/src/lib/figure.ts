import type { Figure } from '@syndikit/core';
import { hastToText } from '@syndikit/html';
import type { Element, ElementContent } from 'hast';
import type { Handle } from 'hast-util-to-mdast';

/**
 * A `<figure>` with an image, as syndikit's writers give one (`<img>` and a
 * `<figcaption>` whose `<small class="credit">` is the credit line), read
 * back as a figure node with its caption and credit, so that a ninjs body
 * syndikit wrote reads back as the figure it was. A figure without an image,
 * or with more than an image and a caption, is read as its content, as
 * hast-util-to-mdast would, so that none of its text is lost.
 */
export const figureHandle: Handle = (state, node) => {
  const image = find(node, (element) => element.tagName === 'img');
  const source = image?.properties.src;
  // Only a figure of an image and a caption: anything else in it (TT's `<div class="byline">`) would be lost.
  const plain = node.children.every(
    (child) =>
      (child.type === 'text' && child.value.trim() === '') ||
      (child.type === 'element' && (child.tagName === 'figcaption' || child.tagName === 'img' || child.tagName === 'picture')),
  );
  if (!image || typeof source !== 'string' || !source || !plain) return state.all(node);
  const figure: Figure = { type: 'figure', url: source };
  if (typeof image.properties.alt === 'string' && image.properties.alt) figure.alt = image.properties.alt;
  const caption = find(node, (element) => element.tagName === 'figcaption');
  if (caption) {
    const credit = find(caption, (element) => element.tagName === 'small');
    const creditText = credit ? text(credit) : '';
    const captionText = text({ ...caption, children: caption.children.filter((child) => child !== credit) });
    if (captionText) figure.caption = captionText;
    if (creditText) figure.credit = creditText;
  }
  for (const key of ['width', 'height'] as const) {
    const value = Number(image.properties[key]);
    if (Number.isInteger(value) && value > 0) figure[key] = value;
  }
  state.patch(node, figure);
  return figure;
};

/** The first element under `node` (depth first) that `test` accepts. */
function find(node: Element, test: (element: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

function text(node: Element): string {
  return hastToText({ type: 'root', children: [node as ElementContent] })
    .replace(/\s+/g, ' ')
    .trim();
}
