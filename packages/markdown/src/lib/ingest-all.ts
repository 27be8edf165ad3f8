import type { IngestContext, IngestResult } from '@syndikit/core';
import { ingestMarkdown as ingestWith } from './ingest.js';
// Dates that are not ISO 8601 read too: the main entry loads everything.
import './lenient-date.js';
import type { MarkdownIngestOptions } from './ingester.js';
import { parseMdx } from './mdx.js';

/**
 * {@link ingestWith | ingestMarkdown} with the MDX parser, for `.md` and `.mdx` alike: what the package's
 * main entry exports (it exports `parseMdx` too, so it loads the MDX parser anyway). The ingester calls
 * `ingest.js` itself and imports the MDX parser only for an `.mdx` file.
 */
export function ingestMarkdown(context: IngestContext, options: Readonly<MarkdownIngestOptions> = {}): IngestResult | undefined {
  return ingestWith(context, options, parseMdx);
}
