import type { Article } from '@syndikit/core';
import { canonicalKey, type FieldName, fieldAliases, frontMatterData, readFields } from '@syndikit/markdown';
import { describe, expect, it } from 'vitest';

const article: Article = {
  id: 'urn:uuid:1',
  slug: 'bridge',
  headline: 'Council approves bridge',
  subheadline: 'A 7-2 vote',
  summary: 'The council voted.',
  authors: [{ name: 'Ana Ruiz', url: 'https://news.example/ana/' }, { name: 'Ben Okafor' }],
  dateline: { place: 'SPRINGFIELD', agency: 'AP' },
  published: '2024-03-12T23:41:00-04:00',
  updated: '2024-03-13T08:00:00-04:00',
  language: 'en',
  url: 'https://news.example/bridge/',
  section: 'Local',
  tags: ['council', 'bridges'],
  copyright: '© The Gazette',
  source: 'AP',
  status: 'usable',
  embargoed: '2024-03-12T20:00:00-04:00',
  notes: ['Check the vote count'],
  images: [{ src: 'bridge.jpg', alt: 'The bridge', caption: 'The old bridge', credit: 'Ana Ruiz' }],
  body: { type: 'root', children: [] },
};

describe('one field-alias table for reader and writer', () => {
  it('writes every field under the first name the reader knows it by', () => {
    const written = Object.keys(frontMatterData(article, new Set()));
    const canonical = (Object.keys(fieldAliases) as FieldName[]).map((field) => canonicalKey(field));
    expect(written.length).toBeGreaterThan(15);
    for (const key of written) expect(canonical).toContain(key);
    expect(canonicalKey('headline')).toBe('title');
    expect(canonicalKey('published')).toBe('published');
  });

  it('reads back what it writes, field for field', () => {
    const { fields, problems } = readFields(frontMatterData(article, new Set()), { timeZone: 'UTC', articlePath: 'news/bridge.md' });
    expect(problems).toEqual([]);
    const { body: _body, images, ...rest } = article;
    expect(fields).toMatchObject(rest);
    expect(fields.images).toEqual([{ ...images[0], src: '/news/bridge.jpg', mediaType: 'image/jpeg' }]);
  });

  it('reports problems in field order: unknown keys, then each field family', () => {
    const { problems } = readFields(
      { tags: { a: 1 }, title: 42, colour: true, date: 'soon', status: 'maybe', notes: [1], dateline: 3, author: [7], image: 5 },
      { timeZone: 'UTC', articlePath: 'story.md' },
    );
    expect(problems.map((problem) => `${problem.key}:${problem.rule.id}`)).toEqual([
      'colour:front-matter-unknown-key',
      'title:front-matter-type',
      'date:date-invalid',
      'status:front-matter-type',
      'notes:front-matter-type',
      'dateline:front-matter-type',
      'author:front-matter-type',
      'tags:front-matter-type',
      'image:front-matter-type',
    ]);
  });
});
