/**
 * Captions in news copy end with the photo credit in parentheses:
 * `… in Kharkiv, Ukraine. (AP Photo/Andrii Marienko)`. These helpers split
 * and join the two so that a caption and credit survive a trip through a
 * Markdown image title.
 *
 * Recognised credits (the whole text in parentheses at the very end):
 * - agency style, with a slash: `(AP Photo/Name)`, `(REUTERS/Name)`,
 *   `(Photo by Name / AFP)`: the credit is the whole parenthesis;
 * - labelled: `(Photo: Name)`, `(Credit: Name)`, `(Foto: Name)`,
 *   `(Bild: Name)`, `(Image: Name)`: the credit is what follows the label.
 */

const slashCredit = /\s*\((\p{Lu}[^()]*\/\s*[^()]+)\)\s*$/u;
const labelledCredit = /\s*\((?:Photo|Photograph|Picture|Image|Credit|Foto|Bild|Photo credit)s?:\s*([^()]+)\)\s*$/iu;

/** A caption split from its credit. */
export interface CaptionCredit {
  caption?: string;
  credit?: string;
}

/** Split a trailing credit off a caption. */
export function splitCredit(text: string): CaptionCredit {
  const trimmed = text.trim();
  for (const pattern of [slashCredit, labelledCredit]) {
    const match = pattern.exec(trimmed);
    if (match?.[1]) {
      const caption = trimmed.slice(0, match.index).trim();
      return caption ? { caption, credit: match[1].trim() } : { credit: match[1].trim() };
    }
  }
  return trimmed ? { caption: trimmed } : {};
}

/** Join a caption and credit so that {@link splitCredit} gives them back. */
export function joinCredit(caption: string | undefined, credit: string | undefined): string {
  if (!credit) return caption ?? '';
  const trailer = slashCredit.test(`(${credit})`) && !/[()]/.test(credit) ? `(${credit})` : `(Photo: ${credit})`;
  return caption ? `${caption} ${trailer}` : trailer;
}
