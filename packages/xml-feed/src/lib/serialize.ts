import { type CollectionRenderContext, renderItem } from '@syndikit/core';
import type { FeedItem } from '@syndikit/syndication';
import type { Element, Root } from 'xast';
import { type Raw, toXml } from 'xast-util-to-xml';

/**
 * Serialise with every text and attribute escaped, empty elements
 * self-closed, and elements that hold only elements indented.
 *
 * Escapes are chosen for the validators and readers we test against:
 * - in text, hexadecimal references (`&#x26;`, `&#x3C;`), which the RSS
 *   Best Practices Profile (and the W3C validator) ask for in plain text;
 *   xast-util-to-xml writes those already. It leaves `>` alone, but `]]>`
 *   is not allowed in character data, so `>` after `]]` becomes `&#x3E;`;
 * - in attributes, named references (`&amp;`, `&quot;`, `&lt;`), because
 *   some feed readers decode only those there, and URLs with `&` in their
 *   query would break. Start tags are found safely: escaped text never
 *   holds a raw `<`, and attribute values never hold a raw `"`.
 */
export function serialize(tree: Root): string {
  indent(tree, 0);
  return `${escapeForReaders(toXml(tree, options))}\n`;
}

/**
 * One element serialised exactly as {@link serialize} writes it at `depth`
 * in a document (the root's element at 0, its children at 1, …): what a
 * feed's item cache keeps, put back into a document as a `raw` node.
 */
export function serializeElement(element: Element, depth: number): string {
  indent(element, depth);
  return escapeForReaders(toXml(element, options));
}

/**
 * An item of a feed, through the build's item cache when it has one (see
 * `renderItem` in `@syndikit/core`): `render` makes the element, which is
 * kept serialised as at `depth` and goes into the document as a `raw` node
 * (written as it is, laid out like an element). Without a cache, the
 * element itself.
 */
export function itemNode(
  context: Pick<CollectionRenderContext, 'items'>,
  item: Pick<FeedItem, 'article' | 'id'>,
  depth: number,
  render: () => Element,
): Element | Raw {
  if (!context.items) return render();
  return { type: 'raw', value: renderItem(context, item.article, item.id, () => serializeElement(render(), depth)) };
}

/** Raw nodes are this package's own serialised items (see {@link itemNode}); nothing else makes them. */
const options = { closeEmptyElements: true, allowDangerousXml: true } as const;

/**
 * Text escaped for the validators and readers (see {@link serialize}).
 * Running it again changes nothing: after it, no `]]>` is left and no
 * start tag holds `&#x26;`, `&#x22;` or `&#x3C;`, so an item serialised by
 * it keeps its bytes inside a document serialised by it.
 */
function escapeForReaders(xml: string): string {
  return xml
    .replaceAll(']]>', ']]&#x3E;')
    .replace(/<[A-Za-z][^\s/>]*(?:\s+[^\s=]+="[^"]*")*\s*\/?>/g, (tag) =>
      tag.replaceAll('&#x26;', '&amp;').replaceAll('&#x22;', '&quot;').replaceAll('&#x3C;', '&lt;'),
    );
}

/** Put each child of a container element (one holding only elements, or items kept as raw XML) on its own indented line. */
function indent(node: Root | Element, depth: number): void {
  const onlyElements = node.children.length > 0 && node.children.every((child) => child.type === 'element' || child.type === 'raw');
  for (const child of node.children) if (child.type === 'element') indent(child, node.type === 'root' ? depth : depth + 1);
  if (node.type === 'root') {
    node.children = node.children.flatMap((child, index) => (index === 0 ? [child] : [{ type: 'text', value: '\n' } as const, child]));
    return;
  }
  if (!onlyElements) return;
  const inner = `\n${'  '.repeat(depth + 1)}`;
  node.children = [
    ...node.children.flatMap((child) => [{ type: 'text', value: inner } as const, child]),
    { type: 'text', value: `\n${'  '.repeat(depth)}` },
  ];
}
