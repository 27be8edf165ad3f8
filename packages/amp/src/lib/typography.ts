import type { Root } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { type Processor, unified } from 'unified';

/**
 * Double quotation marks by language, as that language's newspapers print
 * them. Single quotes stay ‘ ’: smartypants writes the closing single quote
 * for apostrophes too, and ’ is the apostrophe in all of these languages.
 * Languages not listed get English “ ”. One character each: remark-smartypants
 * maps the text back to the tree by length (French spacing inside « » is not added).
 */
const doubleQuotes: Record<string, [string, string]> = {
  ar: ['«', '»'],
  cs: ['„', '“'],
  de: ['„', '“'],
  es: ['«', '»'],
  fi: ['”', '”'],
  fr: ['«', '»'],
  it: ['«', '»'],
  nb: ['«', '»'],
  nn: ['«', '»'],
  no: ['«', '»'],
  pl: ['„', '”'],
  pt: ['«', '»'],
  ru: ['«', '»'],
  sv: ['”', '”'],
  uk: ['«', '»'],
};

/** One transform per language: each builds two retext processors. */
const transforms = new Map<string, Processor<Root, Root, Root>>();

/**
 * The body with straight quotes made typographic for `language` (remark-smartypants,
 * quotes only: dashes, ellipses and backticks stay as written). Code, inline
 * code and raw HTML are left alone. Returns a copy; the article is not changed.
 */
export function smartQuotes(body: Readonly<Root>, language: string): Root {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  let transform = transforms.get(primary);
  if (!transform) {
    const [open, close] = doubleQuotes[primary] ?? ['“', '”'];
    transform = unified().use(remarkSmartypants, {
      dashes: false,
      ellipses: false,
      backticks: false,
      openingQuotes: { double: open, single: '‘' },
      closingQuotes: { double: close, single: '’' },
    }) as unknown as Processor<Root, Root, Root>;
    transforms.set(primary, transform);
  }
  return transform.runSync(structuredClone(body) as Root) as Root;
}
