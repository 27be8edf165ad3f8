import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const n = Number(process.argv[3]);
const cases = {
  quote: () => `${'>'.repeat(n)} hi\n`,
  emph: () => `${'*'.repeat(n)}a${'*'.repeat(n)}\n`,
  emph2: () => `${'*a '.repeat(n)}x${'*'.repeat(n)}`,
  emph3: () => `${'*_'.repeat(n)}x${'_*'.repeat(n)}`,
  list: () => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- a`).join('\n'),
  link: () => `${'['.repeat(n)}a${']'.repeat(n)}(x)`,
};
const v = cases[process.argv[2]]();
const t = performance.now();
try {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(v);
  let max = 0;
  const stack = [[tree, 0]];
  while (stack.length) {
    const [n, d] = stack.pop();
    if (d > max) max = d;
    for (const c of n.children ?? []) stack.push([c, d + 1]);
  }
  console.log(process.argv[2], n, 'ok depth', max, Math.round(performance.now() - t), 'ms');
} catch (e) {
  console.log(process.argv[2], n, 'ERR', e.constructor.name, e.message.slice(0, 80), Math.round(performance.now() - t), 'ms');
}
