import { describe, expect, it } from 'vitest';
import { convertOne } from './helpers.js';

describe('Markdown ingest', () => {
  it('accepts the shapes people write', async () => {
    const { articles, messages } = await convertOne(
      [
        '---',
        'headline: Council approves bridge',
        'deck: A 7-2 vote',
        'date: 2024-03-12T23:41:00-04:00',
        'modified: 2024-03-13',
        'author:',
        '  - Dana Whitcomb',
        '  - name: Luis Ferreira',
        '    url: https://news.example/staff/luis',
        '    email: luis@news.example',
        'dateline: PORTLAND, Maine (AP) —',
        'keywords: bridges, council; transport',
        'category: Politics',
        'lang: en-us',
        'image: ../images/bridge.jpg',
        '---',
        '',
        'Body.',
      ].join('\n'),
    );
    expect(messages).toEqual([]);
    const [article] = articles;
    expect(article).toMatchObject({
      slug: 'story',
      headline: 'Council approves bridge',
      subheadline: 'A 7-2 vote',
      published: '2024-03-12T23:41:00-04:00',
      updated: '2024-03-13T00:00:00Z',
      authors: [{ name: 'Dana Whitcomb' }, { name: 'Luis Ferreira', url: 'https://news.example/staff/luis', email: 'luis@news.example' }],
      dateline: { place: 'PORTLAND, Maine', agency: 'AP' },
      tags: ['bridges', 'council', 'transport'],
      section: 'Politics',
      language: 'en-US',
      images: [{ src: '/images/bridge.jpg', mediaType: 'image/jpeg' }],
    });
    expect(article?.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('takes the headline from a leading # heading and removes it from the body', async () => {
    const { articles } = await convertOne('# The headline\n\nFirst paragraph.\n');
    expect(articles[0]?.headline).toBe('The headline');
    expect(articles[0]?.body.children.map((node) => node.type)).toEqual(['paragraph']);
  });

  it('makes figures of image-only paragraphs, with caption and credit', async () => {
    const { articles } = await convertOne(
      '# T\n\n![Pickets](img/picket.jpg "Pickets outside the station. (AP Photo/Sam Whitfield)")\n\nText ![inline](a.png) here.\n',
    );
    const [article] = articles;
    expect(article?.body.children[0]).toMatchObject({
      type: 'figure',
      url: '/news/img/picket.jpg',
      alt: 'Pickets',
      caption: 'Pickets outside the station.',
      credit: 'AP Photo/Sam Whitfield',
    });
    expect(article?.images).toEqual([
      {
        src: '/news/img/picket.jpg',
        alt: 'Pickets',
        caption: 'Pickets outside the station.',
        credit: 'AP Photo/Sam Whitfield',
        mediaType: 'image/jpeg',
      },
    ]);
    const inline = article?.body.children[1];
    expect(inline?.type === 'paragraph' && inline.children[1]).toMatchObject({ type: 'image', url: '/news/a.png' });
  });

  it('keeps remote images and lists the lead image first', async () => {
    const { articles } = await convertOne(
      '---\ntitle: T\nimage: {src: "https://cdn.example/lead.jpg", credit: Jane Doe}\n---\n\n![b](b.webp)\n',
    );
    expect(articles[0]?.images.map((image) => image.src)).toEqual(['https://cdn.example/lead.jpg', '/news/b.webp']);
    expect(articles[0]?.images[0]?.credit).toBe('Jane Doe');
  });

  it('warns about unknown front matter fields but keeps the article', async () => {
    const { articles, messages } = await convertOne('---\ntitle: T\ncolour: red\n---\n\nB\n');
    expect(articles).toHaveLength(1);
    expect(messages).toEqual(['news/story.md:3:9: warning Unknown front matter field `colour` is ignored [front-matter-unknown-key]']);
  });

  it('makes the canonical URL from the site URL and permalink', async () => {
    const { articles } = await convertOne('# T\n\nB\n', { site: { url: 'https://news.example/' }, permalink: '/stories/{slug}.html' });
    expect(articles[0]?.url).toBe('https://news.example/stories/story.html');
  });

  it('is JSON-serialisable', async () => {
    const { articles } = await convertOne('---\ntitle: T\ntags: [a]\n---\n\n| a |\n| - |\n| 1 |\n');
    expect(JSON.parse(JSON.stringify(articles[0]))).toEqual(articles[0]);
  });

  it('gives the same id for the same input every time', async () => {
    const a = await convertOne('---\ntitle: T\ndate: 2024-01-01\n---\n\nB\n');
    const b = await convertOne('---\ntitle: T changed\ndate: 2024-01-01\n---\n\nB changed\n');
    expect(a.articles[0]?.id).toBe(b.articles[0]?.id);
  });
});
