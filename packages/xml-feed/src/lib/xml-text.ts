import type { CollectionRenderContext } from '@syndikit/core';
import type { FeedItem } from '@syndikit/syndication';
import type { Element, Nodes, Root } from 'xast';
import { xmlFeedRules } from './rules.js';

/**
 * Characters XML 1.0 forbids: everything outside
 * `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`
 * (C0 controls, lone surrogates, U+FFFE and U+FFFF). One of them anywhere
 * makes the whole feed unparseable. Also DEL and the C1 controls
 * (U+007F–U+009F), which XML 1.0 allows but discourages (section 2.2) and
 * XML 1.1 requires escaped: they are mojibake from a mis-decoded Windows-1252
 * input, never text, and feed validators flag them.
 */
const forbidden = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Remove characters XML 1.0 forbids; returns the clean text and how many were removed. */
export function cleanXmlText(value: string): { value: string; removed: number } {
  let removed = 0;
  const clean = value.replace(forbidden, () => {
    removed++;
    return '';
  });
  return { value: clean, removed };
}

/**
 * Remove forbidden characters from every text node and attribute value in
 * a tree, calling `onRemoved(field, count)` for each element that lost
 * some, with the element's path (`item/title`, `item/enclosure@url`).
 * Escaping of `<`, `&`, quotes and `]]>` is left to xast-util-to-xml, which
 * escapes every text and attribute (we never write CDATA).
 */
export function cleanXmlTree(tree: Root | Element, onRemoved: (field: string, count: number) => void): void {
  const stack: Array<[Nodes, string]> = [[tree, tree.type === 'element' ? tree.name : '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop() as [Nodes, string];
    if (node.type === 'element') {
      for (const [key, raw] of Object.entries(node.attributes ?? {})) {
        if (typeof raw !== 'string') continue;
        const { value, removed } = cleanXmlText(raw);
        if (removed > 0) {
          node.attributes[key] = value;
          onRemoved(`${path}@${key}`, removed);
        }
      }
    }
    if (node.type === 'text') {
      const { value, removed } = cleanXmlText(node.value);
      if (removed > 0) {
        node.value = value;
        onRemoved(path, removed);
      }
    }
    if ('children' in node) {
      for (const child of node.children)
        stack.push([child, child.type === 'element' ? (path ? `${path}/${child.name}` : child.name) : path]);
    }
  }
}

/** Escape text for an HTML-bearing field (RSS `description`): plain text stays plain when a reader renders it as HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Clean an item's tree of characters XML forbids, warning on the article
 * with the field that lost them.
 */
export function cleanItem(element: Element, item: FeedItem, context: CollectionRenderContext, format: string): void {
  cleanXmlTree(element, (field, count) =>
    context.report(
      item.article,
      `Removed ${count} character${count === 1 ? '' : 's'} not allowed in XML from ${field} in the ${format} feed`,
      {
        ruleId: xmlFeedRules.invalidCharacter.id,
      },
    ),
  );
}

/** Clean the channel-level parts (site metadata) the same way, reporting on the collection. */
export function cleanChannel(tree: Root, context: CollectionRenderContext, format: string): void {
  cleanXmlTree(tree, (field, count) =>
    context.report(
      undefined,
      `Removed ${count} character${count === 1 ? '' : 's'} not allowed in XML from ${field} in the ${format} feed`,
      {
        ruleId: xmlFeedRules.invalidCharacter.id,
      },
    ),
  );
}
