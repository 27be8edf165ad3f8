import { type Figure, hasFile } from '@syndikit/core';
import type { Element, ElementContent } from 'hast';
import type { State } from 'mdast-util-to-hast';

/**
 * The mdast-util-to-hast handler for syndikit's `figure` node:
 * `<figure><img …><figcaption>caption <small>credit</small></figcaption></figure>`.
 * A figure without a file (its caption and credit are all that is known) is
 * `<figure><figcaption>…</figcaption></figure>`, valid HTML and AMP: no
 * `<img>` without a source, so no AMP `amp-img` and no feed image for it.
 */
export function figureHandler(state: State, node: Figure): Element {
  const children: ElementContent[] = [];
  if (hasFile(node)) {
    const image: Element = {
      type: 'element',
      tagName: 'img',
      properties: { src: node.url, alt: node.alt ?? '' },
      children: [],
    };
    if (node.width) image.properties.width = node.width;
    if (node.height) image.properties.height = node.height;
    children.push(image);
  }
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
  if (caption.length > 0) children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: caption });
  const figure: Element = { type: 'element', tagName: 'figure', properties: {}, children };
  state.patch(node, figure);
  return figure;
}
