/**
 * Languages written right to left, by primary subtag. Hand-written:
 * `Intl.Locale#textInfo` is not in every Node.js 20 release.
 */
const rightToLeft = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** `rtl` or `ltr` for a BCP 47 tag (a `-Arab`/`-Hebr` script subtag wins). */
export function direction(language: string | undefined): 'rtl' | 'ltr' {
  if (!language) return 'ltr';
  const parts = language.toLowerCase().split('-');
  if (parts.includes('arab') || parts.includes('hebr') || parts.includes('thaa') || parts.includes('syrc')) return 'rtl';
  if (parts.includes('latn') || parts.includes('cyrl')) return 'ltr';
  return rightToLeft.has(parts[0] ?? '') ? 'rtl' : 'ltr';
}
