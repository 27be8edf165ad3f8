import type { ElementContent as HastContent, Element as HastElement } from 'hast';
import { h } from 'hastscript';
import type { Element, Nodes } from 'xast';
import { localName } from './tree.js';

/** Maps an XML element to the HTML element(s) it stands for; `undefined` to use the default (same local name). */
export type XastToHastHandler = (element: Element, children: () => HastContent[]) => HastContent | HastContent[] | undefined;

/**
 * Turn an XML element (XHTML carried in `inlineXML`, or NITF) into hast:
 * elements by local name, attributes by local name (`xml:lang` → `lang`),
 * text and CDATA as text; comments and processing instructions dropped.
 * `handlers`, keyed by local name, rename or restructure elements (NITF's
 * `hl2` → `h2`). Positions are kept, so messages about the body point into
 * the XML file. The result is not yet safe: sanitise it before use.
 *
 * Recursive; the caller has bounded the depth (`parseSafeXml`'s `maxDepth`).
 */
export function xastToHast(node: Element, handlers?: Readonly<Record<string, XastToHastHandler>> | null): HastContent[] {
  const convert = (current: Nodes): HastContent[] => {
    if (current.type === 'text' || current.type === 'cdata') return [{ type: 'text', value: current.value }];
    if (current.type !== 'element') return [];
    const children = () => current.children.flatMap(convert);
    const name = localName(current.name);
    const handled = handlers?.[name]?.(current, children);
    const result = handled === undefined ? defaultElement(current, name, children()) : handled;
    const list = Array.isArray(result) ? result : [result];
    for (const item of list) if (item.type === 'element' && !item.position && current.position) item.position = current.position;
    return list;
  };
  return convert(node);
}

function defaultElement(node: Element, name: string, children: HastContent[]): HastElement {
  const properties: Record<string, string> = {};
  for (const [key, value] of Object.entries(node.attributes)) {
    if (key === 'xmlns' || key.startsWith('xmlns:') || typeof value !== 'string') continue;
    properties[localName(key)] = value;
  }
  const element = h(name, properties, children);
  if (node.position) element.position = node.position;
  return element;
}
