import { createRequire } from 'node:module';
import type { IngestContext, Ingester, IngestResult } from '@syndikit/core';
import { report } from '@syndikit/core';
import { sniffXml, type XmlSniff } from '@syndikit/xml';
import type { G2Article } from './item.js';
import { type NewsMlG2ReadOptions, readNewsMlG2 } from './read.js';
import { newsmlG2Rules } from './rules.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Options for {@link newsmlG2Ingester}. */
export interface NewsMlG2IngestOptions extends NewsMlG2ReadOptions {}

/** Whether `text` is a NewsML-G2 document (root in the NewsML-G2 namespace). */
export function recognizeNewsMlG2(text: string): boolean {
  return sniffXml(text)?.kind === 'newsml-g2';
}

/** What an XML document is, by root and namespace: NewsML-G2, NITF, NewsML 1.x, RSS, Atom or other. */
export function sniffAgencyXml(text: string): XmlSniff | undefined {
  return sniffXml(text);
}

/**
 * Every article of a NewsML-G2 document, each as an ingest result with its
 * editor's notes (kept apart) and its place in the file. What an
 * `ingestMany` hook of the core would call.
 */
export function ingestNewsMlG2(context: IngestContext, options?: Readonly<NewsMlG2ReadOptions> | null): G2Article[] {
  return readNewsMlG2(context, options);
}

/**
 * The `.xml` ingester for NewsML-G2 2.x. The core's `Ingester` returns one
 * article per file: a message with several articles gives the first, and a
 * warning lists the others with their positions.
 */
export function newsmlG2Ingester(options?: Readonly<NewsMlG2IngestOptions> | null): Ingester & { recognize(text: string): boolean } {
  const maxDepth = options?.maxDepth ?? 256;
  return {
    name: 'newsml-g2',
    // For content-based choice among the ingesters of one extension (`.xml`, `.json`), and for files without one.
    recognize: recognizeNewsMlG2,
    extensions: ['.xml'],
    cacheKey: `newsml-g2@${version}:${maxDepth}`,
    ingest: (context): IngestResult | undefined => {
      const articles = readNewsMlG2(context, { maxDepth });
      const [first, ...rest] = articles;
      if (!first) return undefined;
      if (rest.length > 0) {
        report(
          context.file,
          'warning',
          `The message carries ${articles.length} articles; one is read per file, the first (${first.line}:${first.column}). Left out: ${rest
            .map((article) => `"${article.fields.headline ?? article.guid ?? '?'}" at ${article.line}:${article.column}`)
            .join(', ')}`,
          newsmlG2Rules.itemsLeftOut,
          { line: rest[0]?.line ?? 1, column: rest[0]?.column ?? 1 },
        );
      }
      return { fields: first.fields, body: first.body, slugHint: first.slugHint };
    },
  };
}
