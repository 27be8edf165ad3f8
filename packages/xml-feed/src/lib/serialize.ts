import type { Element, Root } from 'xast';
import { toXml } from 'xast-util-to-xml';

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
  const xml = toXml(tree, { closeEmptyElements: true })
    .replaceAll(']]>', ']]&#x3E;')
    .replace(/<[A-Za-z][^\s/>]*(?:\s+[^\s=]+="[^"]*")*\s*\/?>/g, (tag) =>
      tag.replaceAll('&#x26;', '&amp;').replaceAll('&#x22;', '&quot;').replaceAll('&#x3C;', '&lt;'),
    );
  return `${xml}\n`;
}

/** Put each child of a container element (one holding only elements) on its own indented line. */
function indent(node: Root | Element, depth: number): void {
  const onlyElements = node.children.length > 0 && node.children.every((child) => child.type === 'element');
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
