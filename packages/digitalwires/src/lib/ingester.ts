/**
 * The digitalwires ingester itself, light to load: its recognizer (a look
 * at the JSON's shape) and cache key. What reads an entry
 * (`ingestDigitalwires` in `digitalwires.js`) is imported on the first one.
 * The `syndikit` command imports this module (`@syndikit/digitalwires/ingester`),
 * so that a rebuild which converts nothing never loads the reader.
 */
import type { Ingester } from '@syndikit/core';
import { packageVersion as version } from '../generated/package.js';
import type { DigitalwiresOptions } from './digitalwires.js';

/** What a JSON news document is, by shape: digitalwires (`format`), ninjs (`uri` + `type`/`standard`), JSON Feed (`version`), or other. */
export function sniffNewsJson(text: string): 'digitalwires' | 'ninjs' | 'jsonfeed' | 'other' | undefined {
  const head = text.slice(0, 4096);
  if (!/^\uFEFF?\s*\{/.test(head)) return undefined;
  if (/"format"\s*:\s*"digitalwires@/.test(text.slice(0, 65536))) return 'digitalwires';
  if (/"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(head)) return 'jsonfeed';
  if (/"(uri|guid)"\s*:/.test(head) && /"(type|standard|headlines?|versioncreated|versionCreated)"\s*:/.test(head)) return 'ninjs';
  return 'other';
}

/** Whether `text` is a digitalwires entry. */
export function recognizeDigitalwires(text: string): boolean {
  return sniffNewsJson(text) === 'digitalwires';
}

/** The `.json` ingester for digitalwires entries. Register it before the ninjs ingester, or choose by {@link sniffNewsJson}. */
export function digitalwiresIngester(options?: Readonly<DigitalwiresOptions> | null): Ingester & { recognize(text: string): boolean } {
  const maxDepth = options?.maxJsonDepth ?? 64;
  return {
    name: 'digitalwires',
    // For content-based choice among the ingesters of one extension (`.xml`, `.json`), and for files without one.
    recognize: recognizeDigitalwires,
    extensions: ['.json'],
    cacheKey: `digitalwires@${version}:${maxDepth}`,
    // The reader (JSON with places, HTML bodies) loads on the first entry it is given.
    ingest: async (context) => {
      const result = (await import('./digitalwires.js')).ingestDigitalwires(context, maxDepth);
      if (!result) return undefined;
      // ednotes, the notepad and usage terms go to the model's editorNotes, which no published format prints.
      return { fields: result.fields, body: result.body, slugHint: result.slugHint, editorNotes: result.editorNotes };
    },
  };
}
