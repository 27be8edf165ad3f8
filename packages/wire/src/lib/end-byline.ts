/**
 * How a story's end prints its byline, as data, shared by the scraped-text reader here and the saved-page ingester
 * (`@syndikit/page`, which depends on this package): one grammar for both.
 */

/** One word of a name: capitalised (`Jo`, `O'Neil`, `Führes`), initials (`J.R.`), or a particle (`de`, `von`, `van der`). */
export const nameWord = String.raw`(?:\p{Lu}[\p{L}'’-]*\.?|(?:\p{Lu}\.){1,3}|de|del|la|le|da|di|von|van|der|den|du|dos|ten|ter)`;
/** A name as a byline at the story's end prints it: two to four words, each capitalised or a particle. */
const endName = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+${nameWord}){1,3}`;
/** An agency or outlet after the name (`Jo Weiden, dpa`, `Jo Weiden/AFP`): one word, the source, not an author. */
const endSource = String.raw`\p{L}[\p{L}.-]*`;
/** Labels that open a byline at the story's end, with or without a colon (`Text: Jo Weiden`, `Von Jo Weiden`). */
const endLabel = String.raw`(?:[Tt]ext|TEXT|[Aa]utor(?:in)?|[Aa]uthor|[Aa]uteur|[Vv]on|[Bb]y|[Pp]ar|[Pp]or|[Dd]oor)\s?:?`;
/**
 * How a story's end prints its byline, as data: a block that is the labelled name or the name and its source alone
 * after the story's last paragraph (`Von Jo Weiden`, `Jo Weiden, Agentur`; a name alone is too often a heading of
 * capitalised nouns), or a paragraph ending in the name in parentheses after its
 * last sentence (`… zu. (Jo Weiden) +++`) or in a labelled name (`… (wird fortgesetzt) Text: Jo Weiden`). The name
 * is group 1; `alone` says the pattern needs a paragraph of prose before it.
 */
export const endBylinePatterns: ReadonlyArray<{ pattern: RegExp; alone: boolean }> = [
  { pattern: new RegExp(String.raw`^${endLabel}\s+(${endName})(?:\s*[,/]\s*${endSource})?\s*[.+*#]*$`, 'u'), alone: true },
  { pattern: new RegExp(String.raw`^(${endName})\s*[,/]\s*${endSource}\s*[.+*#]*$`, 'u'), alone: true },
  { pattern: new RegExp(String.raw`[.!?…"“”»«)]\s*\((?:${endLabel}\s+)?(${endName})\)\s*[.+*#]*$`, 'u'), alone: false },
  { pattern: new RegExp(String.raw`[.!?…"“”»«)]\s*(?:${endLabel}\s+)(${endName})\.?$`, 'u'), alone: false },
];

/**
 * The heading of an author box under the story, on a line of its own with the name on the next line (`Autor` /
 * `Jo Weiden,`, `Über die Autorin`, `Zur Person`, `About the author`, `von` / `Jo Weiden`).
 */
export const authorBoxLabel =
  /^(?:[Aa]utor(?:in|\*in|:in)?|AUTOR(?:IN)?|[Aa]uthor|AUTHOR|[Üü]ber (?:den Autor|die Autorin)|[Zz]ur Person|[Aa]bout the [Aa]uthor|[Vv]on|[Bb]y|[Tt]ext)\s?:?$/u;

/**
 * The name on the line under an author box's heading: the name alone, or followed by a comma or a description in
 * parentheses (`Jo Weiden (Redakteurin)`); group 1 is the name.
 */
export const authorBoxName = new RegExp(String.raw`^(${endName})\s*(?:,.*|\(.*\))?$`, 'u');
