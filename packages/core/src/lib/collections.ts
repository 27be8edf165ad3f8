import pLimit from 'p-limit';
import { VFile } from 'vfile';
import type { ArticleSummary, CollectionAdapter, OutputFile } from './adapter.js';
import type { Article } from './article.js';
import { hasErrors, report } from './diagnostics.js';
import type { CollectionItemStore } from './items.js';
import { rules } from './rules.js';
import { claimPaths, hiddenFrom, type ResolvedPipeline, renderCollection, selectForCollection } from './steps.js';

/**
 * The one collection step, shared by `convert` (bodies in memory) and
 * `@syndikit/build` (bodies read back from its cache): every collection
 * adapter `select`s from the summaries of all articles, the bodies of what
 * they selected are loaded once, each adapter renders exactly what it
 * selected, and its outputs claim their paths. Two callers, one code path:
 * they cannot disagree about what an adapter gets.
 */

/** Where {@link renderCollections} finds the articles. */
export interface CollectionSources {
  /** Every article that converted, in input order, without bodies. */
  summaries: readonly Readonly<ArticleSummary>[];
  /** The file that messages about an article go to. */
  fileOf(summary: Readonly<ArticleSummary>): VFile | undefined;
  /**
   * The full article of a summary. Called once per article any adapter
   * selected, up to {@link loadConcurrency} at a time; a rejection ends the step.
   */
  load(summary: Readonly<ArticleSummary>): Promise<Article>;
}

/** Options for {@link renderCollections}. */
export interface CollectionStepOptions {
  /** Output paths claimed so far (by the articles), mapped to their producer; updated in place. */
  owners: Map<string, string>;
  /** Checked before each adapter renders; the step then rejects with its reason. */
  signal?: AbortSignal | undefined;
  /** Called before each adapter renders, for progress displays. */
  onCollection?: ((adapter: CollectionAdapter) => void) | undefined;
  /**
   * Where an adapter's rendered items are kept between builds (its context's
   * `items`, see `CollectionItemCache`), or `undefined` for none. Default: none.
   */
  items?: ((adapter: CollectionAdapter) => CollectionItemStore | undefined) | undefined;
}

/** What {@link renderCollections} produced. */
export interface CollectionStepResult {
  /** Each adapter's claimed outputs, in the order of the formats (an adapter with an error has none). */
  outputs: { adapter: CollectionAdapter; outputs: OutputFile[] }[];
  /** One file per collection adapter that reported something, named after it, in the order of the formats. */
  files: VFile[];
}

/** Bodies loaded at once: enough to keep a cache's reads busy, few enough to bound open files. */
export const loadConcurrency = 16;

/**
 * Render every collection adapter of `pipeline`: select → load the selected
 * bodies → render → claim paths. An adapter without `select` gets every
 * article it may see (unpublished articles are hidden from adapters that
 * did not opt in). Messages about an article go to its file, the others to a file
 * named after the adapter; a failed `select` skips that adapter's render.
 */
export async function renderCollections(
  pipeline: ResolvedPipeline,
  sources: CollectionSources,
  options: Readonly<CollectionStepOptions>,
): Promise<CollectionStepResult> {
  const adapters = pipeline.adapters.filter((adapter): adapter is CollectionAdapter => adapter.scope === 'collection');
  const result: CollectionStepResult = { outputs: [], files: [] };
  if (adapters.length === 0) return result;
  const own = new Map(adapters.map((adapter) => [adapter, new VFile({ path: adapter.name })]));
  const selections = new Map(
    adapters.map((adapter) => {
      const file = own.get(adapter) as VFile;
      // Unpublished articles are hidden from adapters that did not opt in: their `select` and `render` never see them.
      const visible = sources.summaries.filter((summary) => !hiddenFrom(adapter, summary, pipeline.now));
      const selected = selectForCollection(adapter, visible, file, sources.fileOf, pipeline);
      return [adapter, checkSelection(adapter, selected, new Set(visible), file)];
    }),
  );
  const full = await loadSelected([...new Set([...selections.values()].flat())], sources);
  const fileOfArticle = new Map<Readonly<Article>, VFile | undefined>(
    [...full].map(([summary, article]) => [article, sources.fileOf(summary)]),
  );

  for (const adapter of adapters) {
    options.signal?.throwIfAborted();
    options.onCollection?.(adapter);
    const file = own.get(adapter) as VFile;
    if (hasErrors(file)) continue;
    const articles = (selections.get(adapter) ?? []).map((summary) => full.get(summary) as Article);
    const store = options.items?.(adapter);
    const produced = await renderCollection(adapter, articles, file, (article) => fileOfArticle.get(article), pipeline, store);
    const claimed = hasErrors(file) ? undefined : claimPaths(produced, file, options.owners);
    if (claimed) result.outputs.push({ adapter, outputs: claimed });
  }
  result.files = [...own.values()].filter((file) => file.messages.length > 0);
  return result;
}

/**
 * A `select` must return some of the summaries it was given (their bodies
 * are looked up by identity): anything else is a `select-failed` error on
 * the adapter's file, and the adapter renders nothing.
 */
function checkSelection(
  adapter: CollectionAdapter,
  selected: readonly Readonly<ArticleSummary>[],
  given: ReadonlySet<Readonly<ArticleSummary>>,
  file: VFile,
): readonly Readonly<ArticleSummary>[] {
  if (Array.isArray(selected) && selected.every((summary) => given.has(summary))) return selected;
  const reason = Array.isArray(selected)
    ? 'returned an article that is not one of those it was given (return the objects from `articles`, not copies)'
    : `returned ${selected === null ? 'null' : typeof selected}, not an array of the articles it was given`;
  report(file, 'error', `Adapter \`${adapter.name}\` ${reason}`, rules.selectFailed);
  return [];
}

/** The bodies of the selected articles, each loaded once and shared by every adapter that selected it. */
async function loadSelected(
  needed: readonly Readonly<ArticleSummary>[],
  sources: CollectionSources,
): Promise<Map<Readonly<ArticleSummary>, Article>> {
  const full = new Map<Readonly<ArticleSummary>, Article>();
  const limit = pLimit(loadConcurrency);
  const loaded = await Promise.all(needed.map((summary) => limit(() => sources.load(summary))));
  for (const [index, summary] of needed.entries()) full.set(summary, loaded[index] as Article);
  return full;
}
