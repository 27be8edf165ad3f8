// A deterministic corpus of news-like articles for the benchmarks: about 800 words each, with front
// matter, links, a list, a quote, a subheading and an image reference. Same seed, same corpus.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const words =
  'the council voted on a plan to replace the bridge after years of debate officials said residents asked for answers while engineers warned that costs would rise and the state agreed to share the bill with federal money'.split(
    ' ',
  );

/** A small linear congruential generator: deterministic across runs and machines. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(next, length) {
  const picked = Array.from({ length }, () => words[Math.floor(next() * words.length)]);
  picked[0] = picked[0].charAt(0).toUpperCase() + picked[0].slice(1);
  return `${picked.join(' ')}.`;
}

function paragraph(next, index) {
  const parts = Array.from({ length: 5 }, () => sentence(next, 10 + Math.floor(next() * 8)));
  parts[2] = `${parts[2].slice(0, -1)} according to [the report](https://records.example/${index}/${Math.floor(next() * 1000)}).`;
  return parts.join(' ');
}

/**
 * Article `index` of the corpus as Markdown with front matter.
 * @param {number} index
 */
export function article(index) {
  const next = random(index + 1);
  const date = publishedAt(index).toISOString().replace('.000Z', 'Z');
  const body = [
    paragraph(next, index),
    paragraph(next, index),
    `> "${sentence(next, 14)}" said a spokesperson.`,
    paragraph(next, index),
    '## What happens next',
    paragraph(next, index),
    ['- first, a public hearing', '- then a vote of the full council', '- finally, a ruling on the budget'].join('\n'),
    paragraph(next, index),
    paragraph(next, index),
    `![A photo for story ${index}](images/photo-${index % 50}.jpg "Residents at a hearing. (Photo: Staff)")`,
    paragraph(next, index),
    paragraph(next, index),
    paragraph(next, index),
    paragraph(next, index),
    paragraph(next, index),
  ].join('\n\n');
  return `---\ntitle: "Story ${index}: ${sentence(next, 8).slice(0, -1)}"\nauthors: [Reporter ${index % 13}, Editor ${index % 5}]\npublished: ${date}\nsection: Section ${index % 6}\ntags: [tag-${index % 20}, tag-${index % 7}]\n---\n\n${body}\n`;
}

/** When article `index` was published: ten minutes after the one before it, from 2024-01-01. */
function publishedAt(index) {
  return new Date(Date.UTC(2024, 0, 1) + index * 600_000);
}

/**
 * The build's clock for a corpus of `count` articles: a day after its newest article. A fixed clock (it was
 * 2025-01-01) left every article from the 52,705th on as a future post, so "100,000 articles" built 52,705.
 */
export function corpusNow(count) {
  return new Date(publishedAt(count - 1).getTime() + 86_400_000).toISOString().replace('.000Z', 'Z');
}

/**
 * The `syndikit build` arguments every build benchmark runs on a corpus: its config, output and cache folders
 * under `work` (default the corpus's own folder), the formats, quiet. Node flags go before, in the caller.
 * @param {string} dir the corpus folder
 * @param {string} formats comma-separated format names
 * @param {{ work?: string, extra?: string[] }} [options] `extra`: more build flags (`--threads 0`)
 */
export function buildArgs(dir, formats, { work = dir, extra = [] } = {}) {
  const cli = fileURLToPath(new URL('../../packages/cli/dist/bin.js', import.meta.url));
  const folders = ['--out', join(work, 'out'), '--cache-dir', join(work, 'cache')];
  return [cli, 'build', '--config', join(dir, 'syndikit.config.yaml'), ...folders, ...extra, '--formats', formats, '--quiet'];
}

/** Word count of an article's body, to check the corpus is the size it claims. */
export function wordCount(text) {
  return text.split('\n---\n')[1].split(/\s+/).filter(Boolean).length;
}

/**
 * The corpus of `count` articles under `.cache/bench-corpus/<count>/` (made once, then reused), with a
 * config building the six text formats. Returns its folder.
 */
export function benchCorpus(count) {
  const dir = join(fileURLToPath(new URL('../..', import.meta.url)), '.cache/bench-corpus', String(count));
  if (!existsSync(join(dir, 'done'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'articles'), { recursive: true });
    for (let index = 0; index < count; index++)
      writeFileSync(join(dir, 'articles', `story-${String(index).padStart(6, '0')}.md`), article(index));
    writeFileSync(join(dir, 'done'), '');
  }
  // Written on every run, so that a corpus made before the clock was fixed builds every article too.
  writeFileSync(
    join(dir, 'syndikit.config.yaml'),
    `site: {title: Bench Gazette, url: "https://bench.example"}\ninputs: [articles]\nformats: [markdown, rss, atom, jsonfeed, amp, ninjs]\nnow: ${corpusNow(count)}\n`,
  );
  return dir;
}
