import { type ArticleFields, type Ingester, normalizeDate } from '@syndikit/core';
import type { Paragraph } from 'mdast';

/**
 * A small real ingester for the pipeline tests, since core reads no format
 * itself (Markdown is `@syndikit/markdown`'s, which depends on core): a
 * `.txt` file's first line is the headline, an optional second line
 * `date: <ISO 8601>` the publication date, and every other non-blank line a
 * paragraph, placed at its line. The slug comes from the file name.
 */
export const textIngester: Ingester = {
  name: 'test-text',
  extensions: ['.txt'],
  ingest({ text, articlePath, timeZone }) {
    const lines = text.split('\n');
    const fields: ArticleFields = { authors: [], tags: [], images: [] };
    const headline = lines[0]?.trim();
    if (headline) fields.headline = headline;
    let first = 1;
    const date = /^date: (.+)$/.exec(lines[1] ?? '');
    if (date?.[1]) {
      const published = normalizeDate(date[1], timeZone);
      if (typeof published === 'string') fields.published = published;
      first = 2;
    }
    const children: Paragraph[] = [];
    for (let index = first; index < lines.length; index++) {
      const line = lines[index]?.trim();
      if (!line) continue;
      const start = { line: index + 1, column: 1 };
      const end = { line: index + 1, column: line.length + 1 };
      children.push({ type: 'paragraph', children: [{ type: 'text', value: line }], position: { start, end } });
    }
    const stem =
      articlePath
        .split('/')
        .pop()
        ?.replace(/\.[^.]*$/, '') ?? '';
    return { fields, body: { type: 'root', children }, slugHint: stem };
  },
};
