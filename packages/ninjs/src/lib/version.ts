/** The ninjs generations syndikit reads. */
export type NinjsVersion = '1' | '2' | '3';

const camelCase = [
  'versionCreated',
  'firstCreated',
  'contentCreated',
  'copyrightNotice',
  'copyrightHolder',
  'pubStatus',
  'embargoedUntil',
  'representationType',
  'usageTerms',
  'edNote',
  'infoSources',
  'altIds',
  'charCount',
  'contentType',
];

/**
 * Tell ninjs 1.x, 2.x and 3.x apart by shape:
 * - 1.x has `headline`, `body_text`/`body_html`/`body_xhtml` or `byline`,
 *   and `associations`/`renditions` as objects keyed by name;
 * - 3.x spells properties in camelCase (`versionCreated`, `pubStatus`, …),
 *   or says so in `standard.version`;
 * - 2.x has arrays (`headlines`, `bodies`) with lowercase names.
 */
export function detectNinjsVersion(item: Record<string, unknown>): NinjsVersion {
  const standard = item.standard as { version?: unknown } | undefined;
  if (typeof standard?.version === 'string' && /^[123]/.test(standard.version)) return standard.version[0] as NinjsVersion;
  if (typeof item.$standard === 'object') return '1';
  const isMap = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (
    'headline' in item ||
    'body_text' in item ||
    'body_html' in item ||
    'body_xhtml' in item ||
    'byline' in item ||
    isMap(item.associations) ||
    isMap(item.renditions)
  ) {
    return '1';
  }
  const json = JSON.stringify(item);
  if (camelCase.some((name) => json.includes(`"${name}"`))) return '3';
  return '2';
}
