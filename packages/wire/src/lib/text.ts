import type { ArticleFields, ArticleImage, Figure, IngestContext, Ingester, IngestResult } from '@syndikit/core';
import { checkUrl, imageMediaType, report, resolveImageRef, splitCredit } from '@syndikit/core';
import type { Paragraph, Root, RootContent } from 'mdast';
import { parseByline } from './byline.js';
import { agencyName, matchDateline } from './dateline.js';
import { dateFromFileName, findDate } from './dates.js';
import { findFragments } from './fragments.js';
import { type CompiledRule, compileRules, type WireRule } from './rules.js';

/** Options for {@link wireTextIngester}. */
export interface WireTextOptions {
  /** Rules of your own, tried before the defaults. Default `[]`. */
  rules?: readonly WireRule[] | null;
  /** Use {@link defaultRules}. Default `true`. */
  defaultRules?: boolean | null;
  /**
   * Where photos named in the copy (`20240104…jpeg`) live, e.g.
   * `https://photos.example/`. Default: none; the name is kept as a path
   * next to the article, and a warning says the photo has no URL.
   */
  photoBaseUrl?: string | null;
}

interface Line {
  text: string;
  line: number;
  column: number;
}

/** Lines of the form `20240104130140-6596fbc4ab0e128c0986ac9fjpeg` or `photo-name.jpg`. */
const photoLine = /^(?<name>[\w-]{6,}?)\.?(?<extension>jpe?g|png|gif|webp)$/iu;

/** The `.txt` ingester for scraped wire copy. */
export function wireTextIngester(options?: Readonly<WireTextOptions> | null): Ingester {
  const rules = compileRules(options?.rules ?? [], options?.defaultRules ?? true);
  if (options?.photoBaseUrl !== undefined && options.photoBaseUrl !== null) {
    const checked = typeof options.photoBaseUrl === 'string' ? checkUrl(options.photoBaseUrl) : undefined;
    if (!checked || 'error' in checked) {
      throw new TypeError(
        `Expected an absolute http(s) URL for wire option \`photoBaseUrl\` but received ${JSON.stringify(options.photoBaseUrl)}${checked && 'error' in checked ? `: ${checked.error}` : ''}`,
      );
    }
  }
  return { name: 'wire-text', extensions: ['.txt'], ingest: (context) => ingestWireText(context, rules, options ?? {}) };
}

/**
 * Read wire copy as scraped from a news site or delivered as text:
 * headline, deck, byline, date line, photos with caption and credit,
 * dateline, body, end byline, contributor notes and copyright. Site chrome
 * and trailers are removed by `rules`; each removal and each guess is
 * reported (as info, warning or error) with its line.
 */
export function ingestWireText(
  context: IngestContext,
  rules: readonly CompiledRule[],
  options: Readonly<WireTextOptions>,
): IngestResult | undefined {
  const { file } = context;
  const info = (reason: string, ruleId: string, line: Line) =>
    report(file, 'info', reason, ruleId, { line: line.line, column: line.column });
  const fields: ArticleFields = { authors: [], tags: [], images: [] };
  const notes: string[] = [];

  // 1. Rules: chrome, trailers, notes, copyright, credits.
  const kept: Line[] = [];
  const all = context.text.split(/\r\n|\r|\n/);
  outer: for (let index = 0; index < all.length; index++) {
    const raw = all[index] ?? '';
    const text = raw.trim();
    if (text === '') continue;
    const line: Line = { text, line: index + 1, column: raw.length - raw.trimStart().length + 1 };
    for (const rule of rules) {
      if (!rule.pattern.test(text)) continue;
      switch (rule.action) {
        case 'drop':
          info(`Removed ${rule.description}: "${shorten(text)}"`, rule.id, line);
          break;
        case 'drop-rest': {
          const rest = all.slice(index + 1).filter((other) => other.trim() !== '').length;
          info(`Removed ${rule.description}: "${shorten(text)}" and the ${rest} line${rest === 1 ? '' : 's'} after it`, rule.id, line);
          break outer;
        }
        case 'copyright':
          fields.copyright = text;
          info(`Read the copyright notice: "${shorten(text)}"`, rule.id, line);
          break;
        case 'note':
          notes.push(text);
          info(`Kept as an editorial note, not body: "${shorten(text)}"`, rule.id, line);
          break;
        case 'credits':
          for (const part of text.split(/\s*;\s*/)) {
            const reporting = /^(?:additional )?(?:reporting|writing) by (.+?)\.?$/i.exec(part);
            const names = reporting?.[1] ? parseByline(reporting[1]) : undefined;
            if (names)
              fields.authors.push(...names.authors.filter((author) => !fields.authors.some((known) => known.name === author.name)));
            else notes.push(part.replace(/\.$/, ''));
          }
          info(`Read reporting and editing credits: "${shorten(text)}"`, rule.id, line);
          break;
      }
      continue outer;
    }
    kept.push(line);
  }

  // 2. Structure: the head (headline, deck, byline, date, lead photo), then the body.
  const body: RootContent[] = [];
  let bodyStarted = false;
  let published: string | undefined;
  let photoDate: { value: string; name: string; line: Line } | undefined;
  let firstParagraphLine: Line | undefined;

  for (let index = 0; index < kept.length; index++) {
    const line = kept[index] as Line;
    const photo = photoLine.exec(line.text);
    if (photo?.groups) {
      const caption = kept[index + 1];
      const hasCaption =
        caption !== undefined && !photoLine.test(caption.text) && !matchDateline(caption.text) && looksLikeCaption(caption.text);
      const image = photoImage(
        photo.groups.name ?? '',
        photo.groups.extension ?? 'jpg',
        hasCaption ? caption.text : undefined,
        context,
        options,
        line,
      );
      if (hasCaption) index++;
      if (!image) continue;
      const cue = dateFromFileName(photo.groups.name ?? '', context.timeZone);
      if (cue && !photoDate) photoDate = { value: cue, name: `${photo.groups.name}`, line };
      if (bodyStarted) body.push(figureOf(image, line));
      else fields.images.push(image);
      info(`Read a photo${hasCaption ? ' and its caption' : ''}: ${image.src}`, 'wire-photo', line);
      continue;
    }

    if (!bodyStarted) {
      const dateline = matchDateline(line.text);
      if (dateline) {
        if (kept.slice(index + 1).some((later) => startsWithText(later.text, line.text))) {
          info(`Removed a teaser that repeats the start of the story: "${shorten(line.text)}"`, 'wire-teaser', line);
          continue;
        }
        fields.dateline = { place: dateline.place, agency: dateline.agency };
        if (!dateline.rest) {
          const next = kept[index + 1];
          if (!next) {
            report(file, 'error', `Dateline "${shorten(line.text)}" has no story after it`, 'wire-no-body', {
              line: line.line,
              column: line.column,
            });
            return undefined;
          }
          bodyStarted = true;
          continue;
        }
        bodyStarted = true;
        const column = line.column + line.text.length - dateline.rest.length;
        firstParagraphLine = { text: dateline.rest, line: line.line, column };
        body.push(paragraph(firstParagraphLine));
        info(`Read the dateline ${dateline.place} (${dateline.agency})`, 'wire-dateline', line);
        continue;
      }
      const date = line.text.length < 120 ? findDate(line.text, context.timeZone) : undefined;
      if (date && fields.headline && /^(updated|published|posted|\w+day,|[\p{Lu}][\p{Ll}]+\.? \d|\d)/iu.test(line.text)) {
        published ??= date.value;
        info(
          `Read the publication date ${date.value}${date.zoned ? '' : ` (no time zone given; ${context.timeZone} assumed)`}`,
          'wire-date',
          line,
        );
        continue;
      }
      const byline = /^(by|von|par|por)\s/i.test(line.text) ? parseByline(line.text) : undefined;
      if (byline && fields.headline) {
        fields.authors.push(...byline.authors.filter((author) => !fields.authors.some((known) => known.name === author.name)));
        if (byline.source) fields.source ??= byline.source;
        info(`Read the byline: ${byline.authors.map((author) => author.name).join(', ')}`, 'wire-byline', line);
        continue;
      }
      if (!fields.headline) {
        fields.headline = line.text;
        info(`Read the headline: "${shorten(line.text)}"`, 'wire-headline', line);
        continue;
      }
      if (
        !fields.subheadline &&
        fields.images.length === 0 &&
        line.text.length < 250 &&
        !/[.!?]["”]?$/.test(line.text) &&
        index + 1 < kept.length
      ) {
        fields.subheadline = line.text;
        info(`Read the deck: "${shorten(line.text)}"`, 'wire-deck', line);
        continue;
      }
      bodyStarted = true;
      firstParagraphLine = line;
      body.push(paragraph(line));
      continue;
    }

    // In the body: a byline near the end is metadata, not text.
    const near = kept.length - index <= 3;
    const endByline = near && line.text.length < 200 ? parseByline(line.text) : undefined;
    if (endByline && (endByline.source || /^by\s/i.test(line.text))) {
      if (fields.authors.length === 0) fields.authors.push(...endByline.authors);
      if (endByline.source) fields.source ??= endByline.source;
      info(
        `Read the byline: ${endByline.authors.map((author) => author.name).join(', ')}${endByline.source ? `, ${endByline.source}` : ''}`,
        'wire-byline',
        line,
      );
      continue;
    }
    // A short line without closing punctuation inside the story is a subheading ("About Harborlight").
    const next = kept[index + 1];
    if (
      line.text.length <= 80 &&
      !/[.!?:;,"”’)]$/u.test(line.text) &&
      /^[\p{Lu}\p{N}]/u.test(line.text) &&
      next &&
      !photoLine.test(next.text)
    ) {
      body.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: line.text }], position: paragraph(line).position });
      info(`Read a subheading: "${shorten(line.text)}"`, 'wire-subheading', line);
      continue;
    }
    body.push(paragraph(line));
  }

  if (!fields.headline || body.length === 0) {
    report(
      file,
      'error',
      'No article found: after removing site chrome, nothing is left that reads as a headline and a story',
      'wire-no-article',
      { line: 1, column: 1 },
    );
    return undefined;
  }

  // 3. Guesses, each explained.
  if (published) fields.published = published;
  else if (photoDate) {
    fields.published = photoDate.value;
    report(
      file,
      'warning',
      `Publication date guessed from the photo file name ${photoDate.name} (${photoDate.value}; time zone assumed ${context.timeZone})`,
      'wire-date-guessed',
      {
        line: photoDate.line.line,
        column: photoDate.line.column,
      },
    );
  } else report(file, 'warning', 'No publication date found in the copy', 'wire-no-date', { line: 1, column: 1 });
  if (fields.dateline?.agency && !fields.source) fields.source = agencyName(fields.dateline.agency);
  if (notes.length > 0) fields.notes = notes;

  // 4. Fragments left where link text was stripped.
  for (const node of body) {
    if (node.type !== 'paragraph') continue;
    const start = node.position?.start;
    const text = (node.children[0] as { value: string }).value;
    for (const fragment of findFragments(text, node === body[0])) {
      report(file, 'warning', fragment.reason, 'wire-stripped-link', {
        line: start?.line ?? 1,
        column: (start?.column ?? 1) + fragment.offset,
      });
    }
  }

  const tree: Root = { type: 'root', children: body };
  return { fields, body: tree, slugHint: fields.headline };
}

function looksLikeCaption(text: string): boolean {
  return Boolean(splitCredit(text).credit) || (text.length > 40 && /[.)]$/.test(text));
}

/** Whether `later` starts with the text of `teaser`, ignoring spacing and case. */
function startsWithText(later: string, teaser: string): boolean {
  const normalize = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();
  const a = normalize(later);
  const b = normalize(teaser);
  return a.length > b.length && a.startsWith(b);
}

function paragraph(line: Line): Paragraph {
  const end = { line: line.line, column: line.column + line.text.length };
  return {
    type: 'paragraph',
    children: [{ type: 'text', value: line.text }],
    position: { start: { line: line.line, column: line.column }, end },
  };
}

function photoImage(
  name: string,
  extension: string,
  caption: string | undefined,
  context: IngestContext,
  options: Readonly<WireTextOptions>,
  line: Line,
): ArticleImage | undefined {
  const fileName = `${name}.${extension.toLowerCase()}`;
  let src: string;
  if (options.photoBaseUrl) src = new URL(fileName, options.photoBaseUrl).href;
  else {
    const resolved = resolveImageRef(fileName, context.articlePath);
    if ('error' in resolved) return undefined;
    src = resolved.src;
    report(
      context.file,
      'warning',
      `Photo ${fileName} is named in the copy but has no URL; set the wire option photoBaseUrl`,
      'wire-photo-no-url',
      {
        line: line.line,
        column: line.column,
      },
    );
  }
  const image: ArticleImage = { src };
  const mediaType = imageMediaType(fileName);
  if (mediaType) image.mediaType = mediaType;
  if (caption) {
    const split = splitCredit(caption);
    if (split.caption) image.caption = split.caption;
    if (split.credit) image.credit = split.credit;
  }
  return image;
}

function figureOf(image: ArticleImage, line: Line): Figure {
  const figure: Figure = {
    type: 'figure',
    url: image.src,
    position: { start: { line: line.line, column: line.column }, end: { line: line.line, column: line.column + line.text.length } },
  };
  if (image.caption) figure.caption = image.caption;
  if (image.credit) figure.credit = image.credit;
  return figure;
}

function shorten(text: string): string {
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}
