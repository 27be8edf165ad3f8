/**
 * Whether a byline names a person or an organisation: formats tell them
 * apart (schema.org `Person`/`Organization`, ninjs `people`/`organisations`).
 */

/**
 * Legal-form and institution words that end an organisation's name: "Northwind Quantum, Inc.",
 * "Harborlight Analytics Ltd". Two-letter forms that are also name parts (SA, SE, AS, Co) are left out.
 */
const legalForm =
  /(?:^|[\s,])(?:inc|incorporated|corp|corporation|company|ltd|limited|llc|llp|plc|gmbh|ag|s\.a|s\.p\.a|asa|ohg|e\.v|foundation|association|agency|ministry|university|institute|news|press|media|group)\.?$/i;

/** News agencies and wire services that appear as bylines. */
const agencies = new Set(
  [
    'ap',
    'associated press',
    'the associated press',
    'reuters',
    'thomson reuters',
    'afp',
    'agence france-presse',
    'dpa',
    'deutsche presse-agentur',
    'ntb',
    'norsk telegrambyrå',
    'tt',
    'ritzau',
    'stt',
    'anp',
    'ansa',
    'efe',
    'apa',
    'sda',
    'keystone-sda',
    'belga',
    'pap',
    'ctk',
    'mti',
    'kyodo',
    'kyodo news',
    'xinhua',
    'yonhap',
    'aap',
    'pa',
    'pa media',
    'upi',
    'bloomberg',
    'epd',
    'kna',
    'staff',
    'wire services',
  ].map((name) => name.normalize('NFC')),
);

/**
 * Whether a byline names an organisation rather than a person: a news agency
 * (AP, Reuters, AFP, dpa, NTB, …) or a name ending in a legal form (Inc.,
 * Ltd, GmbH, AG, …). Google's article guidance types these `Organization`
 * (typing them `Person` misleads search and social cards), and ninjs lists
 * them under `organisations`, not `people`. A heuristic: a
 * person named like an agency would be typed as one.
 */
export function isOrganization(name: string): boolean {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  return agencies.has(trimmed.toLowerCase()) || legalForm.test(trimmed);
}
