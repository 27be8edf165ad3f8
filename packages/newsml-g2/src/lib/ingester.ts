/**
 * The NewsML-G2 ingester itself, light to load: its recognizer and cache
 * key. What reads a document (`readNewsMlG2` in `read.js`) is imported on
 * the first one. The `syndikit` command imports this module
 * (`@syndikit/newsml-g2/ingester`).
 */
import type { Ingester, IngestResult } from '@syndikit/core';
import type { XmlSniff } from '@syndikit/xml';
import { sniffXml } from '@syndikit/xml/sniff';
import { packageVersion as version } from '../generated/package.js';
import type { G2Article } from './item.js';
import type { NewsMlG2ReadOptions } from './read.js';

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
 * An article of a NewsML-G2 document as an ingest result: its editor's
 * notes in `editorNotes` (the article's, never published), and, for an item of a
 * message, its place, so that messages about it name its line.
 */
export function g2IngestResult(article: G2Article, several: boolean): IngestResult {
  const result: IngestResult = { fields: article.fields, body: article.body, slugHint: article.slugHint, editorNotes: article.editorNotes };
  if (several) result.place = { line: article.line, column: article.column };
  return result;
}

/**
 * The `.xml` ingester for NewsML-G2 2.x: one article per news item, so a
 * `newsMessage` whose `itemSet` carries several text items gives several
 * articles, in document order, each with its own slug and outputs.
 */
export function newsmlG2Ingester(options?: Readonly<NewsMlG2IngestOptions> | null): Ingester & { recognize(text: string): boolean } {
  const maxDepth = options?.maxDepth ?? 256;
  return {
    name: 'newsml-g2',
    // For content-based choice among the ingesters of one extension (`.xml`, `.json`), and for files without one.
    recognize: recognizeNewsMlG2,
    extensions: ['.xml'],
    cacheKey: `newsml-g2@${version}:${maxDepth}:many`,
    // The encoding of the XML declaration (or a byte order mark), else UTF-8; shared by every XML ingester,
    // so that which of those of `.xml` the pipeline asks does not matter.
    sniffEncoding: async (bytes) => (await import('@syndikit/xml/encoding')).sniffXmlEncoding(bytes),
    // The reader (safe XML parsing, items, bodies) loads on the first document it is given.
    ingest: async (context): Promise<IngestResult[]> => {
      const articles = (await import('./read.js')).readNewsMlG2(context, { maxDepth });
      return articles.map((article) => g2IngestResult(article, articles.length > 1));
    },
  };
}
