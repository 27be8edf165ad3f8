import type { Article, ArticleImage, Author } from '@syndikit/core';
import { formatDateline, parseDateline } from '@syndikit/core';
import { stringify } from 'yaml';
import { canonicalKey, type FieldName } from './fields.js';

/**
 * The front matter for an article, as a plain object with keys in a fixed
 * order so that output is deterministic. Each key is the canonical name of
 * its field in `fieldAliases`, the table the Markdown ingester reads with
 * (`title`, `published`, …); empty fields are left out.
 *
 * @param bodyImages image sources already in the body as figures; they are
 *   not repeated in `images`.
 */
export function frontMatterData(article: Readonly<Article>, bodyImages: ReadonlySet<string>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const set = (field: FieldName, value: unknown) => {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return;
    data[canonicalKey(field)] = value;
  };
  set('id', article.id);
  set('slug', article.slug);
  set('headline', article.headline);
  set('subheadline', article.subheadline);
  set('summary', article.summary);
  set('authors', article.authors.map(authorData));
  set(
    'contributors',
    article.contributors?.map((contributor) => ({ name: contributor.name, role: contributor.role })),
  );
  if (article.dateline) {
    const text = formatDateline(article.dateline);
    const reparsed = parseDateline(text);
    const exact = reparsed && reparsed.place === article.dateline.place && reparsed.agency === article.dateline.agency;
    set('dateline', exact ? text : { ...article.dateline });
  }
  set('published', article.published);
  set('updated', article.updated);
  set('language', article.language);
  set('url', article.url);
  set('section', article.section);
  set('tags', [...article.tags]);
  set(
    'subjects',
    article.subjects?.map((subject) => ({ ...subject })),
  );
  set('copyright', article.copyright);
  set('source', article.source);
  set('status', article.status);
  set('embargoed', article.embargoed);
  set('notes', article.notes ? [...article.notes] : undefined);
  set('editorNotes', article.editorNotes ? [...article.editorNotes] : undefined);
  set('images', article.images.filter((image) => !bodyImages.has(image.src)).map(imageData));
  return data;
}

function authorData(author: Readonly<Author>): string | Record<string, string> {
  if (!author.url && !author.email) return author.name;
  const data: Record<string, string> = { name: author.name };
  if (author.url) data.url = author.url;
  if (author.email) data.email = author.email;
  return data;
}

function imageData(image: Readonly<ArticleImage>): string | Record<string, unknown> {
  const data: Record<string, unknown> = { src: image.src };
  for (const key of ['alt', 'caption', 'credit', 'creator', 'width', 'height'] as const) {
    if (image[key] !== undefined && image[key] !== '') data[key] = image[key];
  }
  return Object.keys(data).length === 1 ? image.src : data;
}

/** Front matter as a YAML block between `---` fences, ending with a newline. */
export function frontMatterBlock(data: Record<string, unknown>): string {
  if (Object.keys(data).length === 0) return '';
  return `---\n${stringify(data, { lineWidth: 0, schema: 'core' })}---\n`;
}
