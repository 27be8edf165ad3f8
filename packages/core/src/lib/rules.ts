/**
 * The catalogue of diagnostics syndikit reports about content.
 *
 * Each rule has a permanent id (used in `[rule-id]` at the end of every
 * message, safe to grep for and to match in tests) and a hint saying what to
 * do. Ids never change meaning; retired ids are not reused: `render-failed`
 * (split into `ingester-failed`, `select-failed`, `adapter-failed`,
 * `output-path-unsafe` and `output-path-taken`, each with its own hint) and
 * `worker-crashed` (moved to `@syndikit/build`'s catalogue, unchanged).
 */
export interface Rule {
  /** Permanent id, kebab-case. */
  id: string;
  /** What the rule is about, in a few words. */
  title: string;
  /** What to do about it. */
  hint: string;
  /**
   * The severity it is reported with, for the rule list (`docs/rules.md`);
   * absent where the same problem is an error in one place and a warning in
   * another (the message then says which).
   */
  severity?: 'error' | 'warning' | 'info';
}

/**
 * Make a catalogue entry. Every package keeps its own catalogue of these
 * (`export const xxxRules = { … } as const satisfies Record<string, Rule>`),
 * and passes the entry, not its id, to `report`.
 *
 * @example
 * export const feedRules = {
 *   empty: rule('feed-empty', 'No dated articles for the feed', 'Give the articles a `published` date.', 'warning'),
 * } as const satisfies Record<string, Rule>
 */
export function rule(id: string, title: string, hint: string, severity?: Rule['severity']): Rule {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) throw new TypeError(`Expected a kebab-case rule id but received ${JSON.stringify(id)}`);
  return severity ? { id, title, hint, severity } : { id, title, hint };
}

export const rules = {
  emptyFile: rule('empty-file', 'The file is empty', 'Remove the file or give it content.', 'error'),
  binaryFile: rule('binary-file', 'The file is binary', 'Only text articles can be read; check the inputs glob.', 'error'),
  invalidUtf8: rule('invalid-utf8', 'The file is not valid UTF-8', 'Save the file as UTF-8.', 'error'),
  invalidBytes: rule(
    'invalid-bytes',
    'The file has bytes its declared encoding does not encode',
    "Correct the declared encoding (a page's `<meta charset>`) to the one the file is in, or save the file as UTF-8.",
    'error',
  ),
  unknownEncoding: rule(
    'unknown-encoding',
    'The file declares an encoding that cannot be read',
    'Declare a label of the WHATWG Encoding Standard (`utf-8`, `windows-1252`, `iso-8859-2`, `shift_jis`, …), or save the file as UTF-8 and declare that.',
    'error',
  ),
  encodingDeclared: rule(
    'encoding-declared',
    'The file was read in the encoding it declares, not UTF-8',
    "Informational: which encoding, and what declared it (a byte order mark, a page's `<meta charset>`).",
    'info',
  ),
  fileTooLarge: rule('file-too-large', 'The file is larger than the limit', 'Split the file or raise `limits.maxBytes`.', 'error'),
  readFailed: rule('read-failed', 'The file could not be read', 'Check that the file exists and is readable.', 'error'),
  noIngester: rule('no-ingester', 'No ingester reads this kind of file', 'Use a supported extension or add an ingester.', 'error'),
  missingHeadline: rule('missing-headline', 'The article has no headline', 'Add `title:` to the front matter or a `# Heading`.', 'error'),
  dateInvalid: rule(
    'date-invalid',
    'A date is not a valid calendar date-time',
    'Write dates as ISO 8601, e.g. 2024-01-04T13:01:40-05:00.',
    'error',
  ),
  slugUnsafe: rule('slug-unsafe', 'The slug was not safe as a file name', 'Give a slug of letters, digits and dashes.', 'warning'),
  slugEmpty: rule('slug-empty', 'No slug could be derived', 'Add `slug:` to the front matter.', 'error'),
  slugDuplicate: rule('slug-duplicate', 'Two articles have the same slug', 'Give one of them its own `slug:`.', 'warning'),
  languageInvalid: rule('language-invalid', 'A language is not a BCP 47 tag', 'Write a tag such as `en`, `de-CH` or `ar`.', 'warning'),
  // The image rules are shared by every package that looks at image files (the facts reader in
  // @syndikit/disk, the renditions of @syndikit/images): one entry each, here. A problem is an
  // error where renditions must be made of the file, a warning where the image is only described.
  imageOutsideRoot: rule(
    'image-outside-root',
    'An image reference leads outside the content root',
    'Move the image under the content root (a symbolic link out of it counts), or reference it by https URL.',
    'error',
  ),
  imageMissing: rule(
    'image-missing',
    'An image file was not found',
    "Check the path: it is relative to the article, or to the content root (or the site's static folder) with a leading `/`. A warning, and the image is left out of the article (its figure too) while the article is kept; an error that fails the article with `--strict` (`strict: true`), and where the images format must make renditions of a file it is given.",
  ),
  imageTypeMismatch: rule(
    'image-type-mismatch',
    'An image file is not the type its extension says',
    'Rename the file to its real type, or convert it to JPEG, PNG, GIF, WebP or AVIF. An error where the images format must make renditions of the file; a warning where the image is only described (its size read).',
  ),
  imageUnreadable: rule(
    'image-unreadable',
    'An image file could not be read as an image',
    'Check that the file is complete, and a JPEG, PNG, GIF, WebP or AVIF. An error where the images format must make renditions of the file; a warning where the image is only described (its size read).',
  ),
  urlInvalid: rule(
    'url-invalid',
    'A URL is not an absolute http(s) URL',
    'Write an absolute https:// URL, or a path such as /news/story/ with the site URL set; other schemes and //host URLs are never published.',
    'error',
  ),
  imageUrlUnsupported: rule(
    'image-url-unsupported',
    'An image URL has an unsupported scheme',
    'Use a relative path or an https URL.',
    'error',
  ),
  nestingTooDeep: rule(
    'nesting-too-deep',
    'Content is nested deeper than the limit',
    'Flatten the nesting or raise `limits.maxDepth`.',
    'error',
  ),
  notPublished: rule(
    'not-published',
    'The article may not be published, so formats that did not opt in leave it out',
    'It is withheld, canceled or under embargo (judged at `--now`), so those formats never see it; it appears once its status or embargo allows.',
    'warning',
  ),
  transformFailed: rule('transform-failed', 'A body plugin failed', 'Check the plugin named in the message.', 'error'),
  ingesterFailed: rule(
    'ingester-failed',
    'An ingester crashed on this file',
    'The article is left out; report the bug to the ingester named in the message, with this file.',
    'error',
  ),
  selectFailed: rule(
    'select-failed',
    'A collection adapter failed to pick its articles',
    'The collection is not written; fix or report the `select` of the adapter named in the message.',
    'error',
  ),
  adapterFailed: rule(
    'adapter-failed',
    'An adapter failed on this article or collection',
    'That output is not written; report the bug to the adapter named in the message, with this input.',
    'error',
  ),
  outputPathUnsafe: rule(
    'output-path-unsafe',
    'An adapter asked for an output path that would leave the output folder',
    'Output paths must be relative POSIX paths without `..`; fix the adapter, or the slug or option it built the path from.',
    'error',
  ),
  outputPathTaken: rule(
    'output-path-taken',
    'Two inputs or adapters produce the same output path',
    'Give one of the articles its own `slug:`, or set the formats’ paths apart in the config.',
    'error',
  ),
  inputUnreadable: rule('input-unreadable', 'The input could not be read', 'Check that the file exists and is readable.', 'error'),
} as const satisfies Record<string, Rule>;

/** All rule ids syndikit core can report. */
export type CoreRuleId = (typeof rules)[keyof typeof rules]['id'];
