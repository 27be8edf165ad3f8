import type { Node, Parent } from 'unist';
import type { VFile } from 'vfile';
import { report } from './diagnostics.js';
import { rules } from './rules.js';

/**
 * Check the depth of a parsed tree without recursion (the syntax-tree
 * utilities recurse, and overflow the stack on trees a few thousand deep).
 *
 * @returns whether the tree is within `maxDepth`; otherwise an error is
 *   reported at the first node past the limit.
 */
export function checkTreeDepth(file: VFile, tree: Node, maxDepth: number): boolean {
  const stack: Array<[Node, number]> = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Node, number];
    if (depth > maxDepth) {
      report(file, 'error', `Content is nested more than ${maxDepth} levels deep`, rules.nestingTooDeep, node);
      return false;
    }
    const children = (node as Partial<Parent>).children;
    if (children) for (const child of children) stack.push([child, depth + 1]);
  }
  return true;
}
