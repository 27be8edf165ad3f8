/**
 * Small readers over xast trees, by local name: news formats mix default
 * namespaces and prefixes (`nitf:body.content`, `xhtml:p`), and what a
 * reader means is the element's local name.
 */
import type { Element, Nodes, Parents, Root } from 'xast';

/** The local part of a qualified name: `nitf:p` → `p`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** The child elements of `parent`, optionally only those with local name `name`. */
export function elements(parent: Parents | undefined, name?: string): Element[] {
  if (!parent) return [];
  const found: Element[] = [];
  for (const child of parent.children)
    if (child.type === 'element' && (name === undefined || localName(child.name) === name)) found.push(child);
  return found;
}

/** The first child element with local name `name`. */
export function element(parent: Parents | undefined, name: string): Element | undefined {
  if (!parent) return undefined;
  for (const child of parent.children) if (child.type === 'element' && localName(child.name) === name) return child;
  return undefined;
}

/** The first element along a path of local names: `path(item, 'contentMeta', 'headline')`. */
export function path(parent: Parents | undefined, ...names: string[]): Element | undefined {
  let current: Parents | undefined = parent;
  for (const name of names) current = element(current, name);
  return current as Element | undefined;
}

/** Every descendant element with local name `name`, in document order (iterative: trees may be deep). */
export function descendants(parent: Parents, name: string): Element[] {
  const found: Element[] = [];
  const stack: Nodes[] = [...parent.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type !== 'element') continue;
    if (localName(node.name) === name) found.push(node);
    for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as Nodes);
  }
  return found;
}

/** An attribute by qualified name, else by local name (`xml:lang`, `lang`); trimmed, `undefined` when empty. */
export function attribute(node: Element | undefined, name: string): string | undefined {
  if (!node) return undefined;
  let value = node.attributes[name];
  if (value === undefined || value === null) {
    for (const [key, candidate] of Object.entries(node.attributes)) if (localName(key) === name) value = candidate;
  }
  const text = typeof value === 'string' ? value.trim() : undefined;
  return text ? text : undefined;
}

/** XHTML elements that stand apart from their neighbours: their text is separated by a space. */
const blocks = new Set([
  'p',
  'li',
  'ul',
  'ol',
  'div',
  'section',
  'header',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'td',
  'th',
  'br',
  'table',
  'blockquote',
  'article',
  'aside',
  'dt',
  'dd',
]);

/** The text of a node and its descendants, whitespace collapsed, blocks (`p`, `li`…) apart; `undefined` when empty. */
export function text(node: Nodes | undefined): string | undefined {
  if (!node) return undefined;
  let value = '';
  const stack: Array<Nodes | ' '> = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Nodes | ' ';
    if (current === ' ') value += ' ';
    else if (current.type === 'text' || current.type === 'cdata') value += current.value;
    else if (current.type === 'element' || current.type === 'root') {
      const block = current.type === 'element' && blocks.has(localName(current.name));
      if (block) stack.push(' ');
      for (let index = current.children.length - 1; index >= 0; index--) stack.push(current.children[index] as Nodes);
      if (block) value += ' ';
    }
  }
  const collapsed = value.replace(/\s+/g, ' ').trim();
  return collapsed === '' ? undefined : collapsed;
}

/** The text of a node and its descendants as written. */
export function rawText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'cdata') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  let value = '';
  const stack: Nodes[] = [...node.children].reverse();
  while (stack.length > 0) {
    const current = stack.pop() as Nodes;
    if (current.type === 'text' || current.type === 'cdata') value += current.value;
    else if (current.type === 'element')
      for (let index = current.children.length - 1; index >= 0; index--) stack.push(current.children[index] as Nodes);
  }
  return value;
}

/** The root element of a document. */
export function rootElement(tree: Root): Element | undefined {
  return tree.children.find((child): child is Element => child.type === 'element');
}

/** The in-scope value of `xml:lang` at an element, looking through its ancestors (given outermost first). */
export function languageOf(ancestors: readonly Element[]): string | undefined {
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const lang = ancestors[index]?.attributes['xml:lang'];
    if (typeof lang === 'string' && lang.trim()) return lang.trim();
  }
  return undefined;
}
