import { readFileSync } from 'node:fs';
import { extractPage } from '@syndikit/page';

const norm = (t) => (t.match(/[\p{L}\p{N}_]+/gu) ?? []).join(' ');
for (const id of process.argv.slice(2)) {
  const html = readFileSync(`/tmp/pg/out/${id}.html`, 'utf8');
  const truthRaw = readFileSync(`/tmp/pg/out/${id}.truth.txt`, 'utf8');
  const truth = norm(truthRaw);
  const x = extractPage(html);
  const got = norm(x.text);
  console.log('=====', id);
  for (const b of x.text.split('\n\n')) {
    const t = norm(b);
    if (t && !truth.includes(t)) console.log(`  EXTRA ${b.slice(0, 150)}`);
  }
  for (const b of truthRaw.split(/\n+/)) {
    const t = norm(b);
    if (t && !got.includes(t)) console.log(`  MISSING ${b.slice(0, 150)}`);
  }
  for (const d of x.decisions.filter((d) => d.kind !== 'dropped' || !truth.includes(norm(d.text)) === false))
    console.log('  DROPPED-BUT-TRUE', d.rule, d.text.slice(0, 100));
}
