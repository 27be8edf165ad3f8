/**
 * Photo credits as news sites print them in captions, as data. The core's
 * `splitCredit` reads the agency style in parentheses at the end
 * (`(AP Photo/Jeff Chiu, File)`, `(Photo: Name)`); pages add more:
 *
 * - a bare agency credit at the end: `… on Wall Street. REUTERS/Brendan McDermid`;
 * - a labelled credit at the end, often glued to the caption by the page's
 *   markup: `… a rabbitCredit: Getty - Contributor`, `… Photo: Hau Dinh, AP`,
 *   `… (Image: GETTY )`, `… Foto: dpa`;
 * - the credit first: `© Munir uz Zaman, AFP | Police stand guard …`.
 */
import { splitCredit } from '@syndikit/core';

/** One credit pattern; `credit` and `caption` name the groups of `pattern`. */
export interface CreditPattern {
  id: string;
  description: string;
  pattern: RegExp;
}

/** Agency names that stand alone as a credit after a slash (`REUTERS/Name`). */
const agencies =
  'AP|AFP|REUTERS|Reuters|dpa|DPA|EPA|EPA-EFE|UPI|Getty Images|ANSA|Xinhua|KEYSTONE|Keystone|ANP|SIPA|Bloomberg|IMAGO|picture alliance';

export const creditPatterns: readonly CreditPattern[] = Object.freeze([
  {
    id: 'credit-first',
    description: 'credit first, then a bar: `© Name, AFP | caption`',
    pattern: /^©\s*(?<credit>[^|]{2,80}?)\s*\|\s*(?<caption>.+)$/su,
  },
  {
    id: 'agency-slash',
    description: 'agency/photographer at the end, without parentheses: `REUTERS/Name`',
    pattern: new RegExp(`^(?<caption>.*?)\\s*(?<credit>(?:${agencies})(?: Photo)?\\s*/\\s*[^/()]{2,60})$`, 'su'),
  },
  {
    id: 'copyright-end',
    description: 'a copyright sign and the holder at the end: `… at the memorial © Jo Weiden`, `(© Agency/Name)`',
    pattern: /^(?<caption>.*?)\s*\(?\s*©\s*(?<credit>[^©()]{2,80}?)\s*\)?\s*$/su,
  },
  {
    id: 'labelled-end',
    description: 'a label at the end, glued or spaced: `…Credit: Getty`, `Photo: Hau Dinh, AP`, `(Image: GETTY )`',
    pattern:
      /^(?<caption>.*?)\s*\(?\s*(?:[Pp]hoto(?:graph)?|Picture|Image|Credit|Foto|Bild|Quelle|Source)s?\s*(?:credit)?\s*:\s*(?<credit>[^():]{2,80}?)\s*\)?\s*$/su,
  },
]);

/** A caption and credit read from a caption text. */
export interface SplitCaption {
  caption?: string;
  credit?: string;
}

/** Split a caption from its credit, trying the core's patterns first, then {@link creditPatterns}. */
export function splitCaption(text: string): SplitCaption {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (!trimmed) return {};
  const core = splitCredit(trimmed);
  if (core.credit) return core;
  for (const { pattern } of creditPatterns) {
    const match = pattern.exec(trimmed);
    const credit = match?.groups?.credit?.trim();
    if (!match || !credit) continue;
    // The separator printed before the credit (`caption - © Name`, `caption, photo: Name`) goes with it.
    const caption = match.groups?.caption?.replace(/[\s,;|·•–—-]+$/u, '').trim();
    return caption ? { caption, credit } : { credit };
  }
  return { caption: trimmed };
}

/** Whether a paragraph is a stray photo caption: short, and ends with a credit. */
export function looksLikeCaption(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (trimmed.length > 400) return false;
  const split = splitCaption(trimmed);
  if (!split.credit) return false;
  // A credit in parentheses or after a label; a sentence ending with "Source: …" in running prose is not enough on its own.
  if (/\((?:AP Photo|REUTERS|Image|Photo|Picture|Foto|Bild)\b|(?:REUTERS|AFP|AP Photo)\s*\/|Credit:|^\(?©/iu.test(trimmed)) return true;
  // A short caption ending in a short labelled credit (`… Foto: Andina`, `…, photo: Archives`) or a copyright
  // holder (`… © Jo Weiden`); prose that merely ends with a source is longer.
  return trimmed.length <= 250 && split.credit.split(/\s+/u).length <= 6 && /(?:\b(?:photo|foto|bild)\s*:|\s©)\s*[^:©]+$/iu.test(trimmed);
}
