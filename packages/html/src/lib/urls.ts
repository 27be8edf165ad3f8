import type { Element, Root } from 'hast';

/** Properties that hold one URL. */
const urlProperties = ['href', 'src', 'cite', 'poster'] as const;

/**
 * Make every relative URL in the tree absolute against `base` (the
 * article's canonical URL), as feed readers and aggregators need.
 * Content-root paths such as `/images/a.jpg` resolve under the site's origin.
 * Fragment-only links (`#fn-1`) are left alone unless `fragments` is
 * true: a feed shows the article away from its page, so its footnote links
 * must point at the page. A URL that cannot be resolved is removed rather
 * than left relative.
 */
export function absolutizeUrls(tree: Root, base: string | undefined, fragments = false): void {
  if (!base) return;
  walkElements(tree, (element) => {
    for (const key of urlProperties) {
      const value = element.properties[key];
      if (typeof value !== 'string' || (value.startsWith('#') && !fragments)) continue;
      try {
        element.properties[key] = new URL(value, base).href;
      } catch {
        delete element.properties[key];
      }
    }
  });
}

/** Visit every element, iteratively (trees can be deep). */
export function walkElements(tree: Root | Element, visit: (element: Element, parent: Root | Element) => void): void {
  const stack: Array<Root | Element> = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Root | Element;
    for (const child of node.children) {
      if (child.type === 'element') {
        visit(child, node);
        stack.push(child);
      }
    }
  }
}
