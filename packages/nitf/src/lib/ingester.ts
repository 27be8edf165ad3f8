/**
 * The NITF ingester itself, light to load: its recognizer (a look at the
 * root element) and cache key. What reads a document (`ingestNitf` in
 * `nitf.js`) is imported on the first one. The `syndikit` command imports
 * this module (`@syndikit/nitf/ingester`), so that a rebuild which converts
 * nothing never loads the reader.
 */
import type { Ingester } from '@syndikit/core';
import { sniffXml } from '@syndikit/xml/sniff';
import { packageVersion as version } from '../generated/package.js';
import type { NitfIngestOptions } from './nitf.js';

/** Whether `text` is a NITF document (root `nitf`, with or without the NITF namespace). */
export function recognizeNitf(text: string): boolean {
  return sniffXml(text)?.kind === 'nitf';
}

/** The `.nitf` / `.xml` ingester for NITF 3.x news documents. */
export function nitfIngester(options?: Readonly<NitfIngestOptions> | null): Ingester & { recognize(text: string): boolean } {
  const maxDepth = options?.maxDepth ?? 256;
  return {
    name: 'nitf',
    // For content-based choice among the ingesters of one extension (`.xml`, `.json`), and for files without one.
    recognize: recognizeNitf,
    extensions: ['.nitf', '.xml'],
    cacheKey: `nitf@${version}:${maxDepth}`,
    // The encoding of the XML declaration (or a byte order mark), else UTF-8; shared by every XML ingester,
    // so that which of those of `.xml` the pipeline asks does not matter.
    sniffEncoding: async (bytes) => (await import('@syndikit/xml/encoding')).sniffXmlEncoding(bytes),
    // The reader (safe XML parsing, the body's handlers) loads on the first document it is given.
    ingest: async (context) => {
      const result = (await import('./nitf.js')).ingestNitf(context, maxDepth);
      if (!result) return undefined;
      // ed-msg goes to the model's editorNotes, which no published format prints.
      return { fields: result.fields, body: result.body, slugHint: result.slugHint, editorNotes: result.editorNotes };
    },
  };
}
