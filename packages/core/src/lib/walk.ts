import type { Node, Parent } from 'unist';

/**
 * Walks of a unist tree (an article body) in unist-util-visit's order: depth first, a parent before its
 * children, the tree itself first. Written by hand because unist-util-visit-parents 6 makes a new function
 * for every node it visits and names it after the node (`Object.defineProperty`, for stack traces): for the
 * walks every article's body gets (the autolink check after parsing, links to other posts, inline images)
 * that cost more than the walks' own work, 1.5% of a cold build's profile (docs/performance.md).
 */

/** Every node of `tree` whose type is `type`, in unist-util-visit's order. */
export function nodesOfType<T extends Node>(tree: Node, type: T['type']): T[] {
  const found: T[] = [];
  const walk = (node: Node): void => {
    if (node.type === type) found.push(node as T);
    for (const child of (node as Partial<Parent>).children ?? []) walk(child);
  };
  walk(tree);
  return found;
}

/** Whether a node of `tree` passes `test`; the walk stops at the first one that does. */
export function someNode(tree: Node, test: (node: Node) => boolean): boolean {
  if (test(tree)) return true;
  for (const child of (tree as Partial<Parent>).children ?? []) if (someNode(child, test)) return true;
  return false;
}
