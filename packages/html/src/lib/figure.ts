import type { Figure } from '@syndikit/core';
import type { Element, ElementContent } from 'hast';
import type { State } from 'mdast-util-to-hast';

/**
 * The mdast-util-to-hast handler for syndikit's `figure` node:
 * `<figure><img …><figcaption>caption <small>credit</small></figcaption></figure>`.
 */
export function figureHandler(state: State, node: Figure): Element {
  const image: Element = {
    type: 'element',
    tagName: 'img',
    properties: { src: node.url, alt: node.alt ?? '' },
    children: [],
  };
  if (node.width) image.properties.width = node.width;
  if (node.height) image.properties.height = node.height;
  const caption: ElementContent[] = [];
  if (node.caption) caption.push({ type: 'text', value: node.caption });
  if (node.credit) {
    if (caption.length > 0) caption.push({ type: 'text', value: ' ' });
    caption.push({
      type: 'element',
      tagName: 'small',
      properties: { className: ['credit'] },
      children: [{ type: 'text', value: node.credit }],
    });
  }
  const children: ElementContent[] = [image];
  if (caption.length > 0) children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: caption });
  const figure: Element = { type: 'element', tagName: 'figure', properties: {}, children };
  state.patch(node, figure);
  return figure;
}
