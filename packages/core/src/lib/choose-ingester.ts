import type { Ingester } from './ingester.js';

/** What {@link chooseIngester} decided: an ingester, or why none reads the input. */
export type IngesterChoice = { ingester: Ingester } | { problem: string };

/**
 * The extension of a file name when it looks like one (`.md`, `.xml`):
 * agencies deliver files named by URN or GUID (`tag:reuters.com,2014:newsml_KBN0FL0NM`)
 * whose last dot is not an extension at all.
 */
export function fileExtension(name: string): string {
  const extension = /\.([a-z0-9]{1,10})$/i.exec(name)?.[1];
  return extension ? `.${extension.toLowerCase()}` : '';
}

/**
 * Choose the ingester for an input, by extension and then by content:
 *
 * - the ingesters that claim the extension are the candidates; a file with
 *   no extension (or one no ingester claims) has every ingester that can
 *   `recognize` content as candidates;
 * - among the candidates, the first whose `recognize(text)` says yes wins;
 *   otherwise the first candidate without `recognize` (it reads anything
 *   with its extension, as Markdown does `.md`);
 * - otherwise no ingester reads the input, and the problem names what the
 *   content looked like.
 */
export function chooseIngester(name: string, text: string, ingesters: readonly Ingester[]): IngesterChoice {
  const extension = fileExtension(name);
  const byExtension = extension ? ingesters.filter((ingester) => ingester.extensions.includes(extension)) : [];
  const candidates = byExtension.length > 0 ? byExtension : ingesters.filter((ingester) => ingester.recognize);
  for (const candidate of candidates) {
    if (candidate.recognize?.(text)) return { ingester: candidate };
  }
  const fallback = candidates.find((candidate) => !candidate.recognize);
  if (fallback) return { ingester: fallback };
  const known = [...new Set(ingesters.flatMap((ingester) => ingester.extensions))].join(', ');
  const found = describeContent(text);
  if (byExtension.length > 0) {
    return {
      problem: `No ${byExtension.map((ingester) => ingester.name).join(' or ')} ingester recognises this ${extension} file (${found})`,
    };
  }
  return { problem: `No ingester reads \`${extension || '(no extension)'}\` files (${found}); known: ${known}` };
}

/** A few words on what a text looks like, for the message when nothing reads it. */
function describeContent(text: string): string {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '') return 'it is empty';
  if (start.startsWith('<')) {
    const root = /<(?![?!])([A-Za-z_][\w.:-]*)/.exec(start.slice(0, 4096))?.[1];
    const namespace = /\sxmlns(?::\w+)?="([^"]{1,200})"/.exec(start.slice(0, 4096))?.[1];
    return root ? `XML or HTML with root element <${root}>${namespace ? ` in ${namespace}` : ''}` : 'it starts like XML';
  }
  if (start.startsWith('{') || start.startsWith('[')) return 'JSON of a shape no ingester knows';
  return 'plain text';
}
