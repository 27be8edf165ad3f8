/**
 * Slugs become file names (`markdown/<slug>.md`) and URL segments, so they
 * must be safe on every file system: no path separators or dot segments, no
 * control or bidirectional-override characters, not a Windows device name,
 * NFC-normalised, and short enough for any file system.
 *
 * Hand-written: `github-slugger` keeps dots and would need the same checks on
 * top, and `@sindresorhus/slugify` transliterates non-Latin headlines away.
 */

/** Longest slug, in code points. */
export const maxSlugLength = 80;

const windowsReserved = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// Control (Cc), format (Cf: bidi overrides, zero-width joiners), and unassigned/surrogates.
const invisible = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu;

/**
 * Turn any text into a safe slug: lowercase letters, marks and digits of any
 * script joined by single dashes.
 *
 * @example
 * slugify('US says Russia has used North Korean missiles') // 'us-says-russia-has-used-north-korean-missiles'
 * slugify('../../x') // 'x'
 * slugify('CON') // 'con-article'
 * @returns the slug, or `''` when the text has no letters or digits.
 */
export function slugify(text: string): string {
  let slug = text
    .normalize('NFC')
    .replace(invisible, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const codePoints = Array.from(slug);
  if (codePoints.length > maxSlugLength) {
    // Cut at the last word boundary that keeps most of the length, else mid-word.
    const cut = codePoints.slice(0, maxSlugLength + 1).join('');
    const boundary = cut.lastIndexOf('-');
    slug = (boundary > maxSlugLength / 2 ? cut.slice(0, boundary) : codePoints.slice(0, maxSlugLength).join('')).replace(/-+$/, '');
  }
  if (windowsReserved.test(slug)) slug = `${slug}-article`;
  return slug;
}

/**
 * Why a slug given by the user is unsafe as it stands, or `undefined` if it
 * is safe. A safe slug may still be changed by {@link slugify} (case, spaces).
 */
export function unsafeSlugReason(slug: string): string | undefined {
  if (/[/\\]/.test(slug)) return 'it contains a path separator';
  if (/(^|[/\\])\.\.?($|[/\\])/.test(slug) || slug.startsWith('.')) return 'it is or starts with a dot segment';
  if (new RegExp(invisible.source, 'u').test(slug)) return 'it contains control or bidirectional formatting characters';
  if (windowsReserved.test(slug.replace(/\..*$/, ''))) return 'it is a reserved device name on Windows';
  return undefined;
}
