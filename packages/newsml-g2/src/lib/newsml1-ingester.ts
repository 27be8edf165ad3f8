/**
 * The NewsML 1.x ingester itself, light to load: its recognizer and cache
 * key. What reads a document (`readNewsMl1` in `newsml1.js`) is imported on
 * the first one. The `syndikit` command imports this module
 * (`@syndikit/newsml-g2/newsml1-ingester`).
 */
import type { Ingester, IngestResult } from '@syndikit/core';
import { sniffXml } from '@syndikit/xml/sniff';
import { packageVersion as version } from '../generated/package.js';

/** Whether `text` is a NewsML 1.x document (root `NewsML`, no namespace). */
export function recognizeNewsMl1(text: string): boolean {
  return sniffXml(text)?.kind === 'newsml-1';
}

/**
 * The `.xml` ingester for NewsML 1.x: one article per `NewsItem`, so a
 * document with several gives several, in document order, each with its place.
 */
export function newsml1Ingester(options?: Readonly<{ maxDepth?: number | null }> | null): Ingester & { recognize(text: string): boolean } {
  const maxDepth = options?.maxDepth ?? 256;
  return {
    name: 'newsml-1',
    // For content-based choice among the ingesters of one extension (`.xml`, `.json`), and for files without one.
    recognize: recognizeNewsMl1,
    extensions: ['.xml'],
    cacheKey: `newsml-1@${version}:${maxDepth}:many`,
    // The encoding of the XML declaration (or a byte order mark), else UTF-8; shared by every XML ingester,
    // so that which of those of `.xml` the pipeline asks does not matter.
    sniffEncoding: async (bytes) => (await import('@syndikit/xml/encoding')).sniffXmlEncoding(bytes),
    // The reader loads on the first document it is given.
    ingest: async (context): Promise<IngestResult[]> => {
      const items = (await import('./newsml1.js')).readNewsMl1(context, maxDepth);
      return items.map(({ fields, body, slugHint, line, column }) => ({
        fields,
        body,
        slugHint,
        ...(items.length > 1 ? { place: { line, column } } : {}),
      }));
    },
  };
}
