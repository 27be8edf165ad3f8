import { describe, expect, it } from 'vitest';
import { convertPage } from './helpers.js';

// Invented pages, shaped like real news pages (where their metadata and markup put the author); no real article
// text and no real names.
const story = Array.from(
  { length: 6 },
  (_, index) =>
    `<p>Paragraph ${index} of the invented story says what the council of Lowmoor decided about the ferry, the harbour and the budget, in words of its own.</p>`,
).join('');

function page(head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

function ld(value: object): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

async function authors(html: string): Promise<string[] | undefined> {
  return (await convertPage('invented.html', html)).article?.authors.map((author) => author.name);
}

describe('authors from the metadata', () => {
  it('follow a JSON-LD author given by @id to its node in the @graph', async () => {
    const html = page(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          {
            '@type': 'NewsArticle',
            headline: 'Ferry fares rise again',
            author: { '@id': 'https://lowmoor.example/#/schema/person/ab12' },
          },
          { '@type': 'Person', '@id': 'https://lowmoor.example/#/schema/person/ab12', name: 'Jo Weiden' },
        ],
      }),
      `<article><h1>Ferry fares rise again</h1>${story}</article>`,
    );
    expect(await authors(html)).toEqual(['Jo Weiden']);
    // A one-person site types its owner as both a person and an organisation.
    const owner = page(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': ['Person', 'Organization'], '@id': 'https://weiden.example/#/schema/person/1', name: 'Jo Weiden' },
          {
            '@type': 'BlogPosting',
            headline: 'Ferry fares rise again',
            author: { '@id': 'https://weiden.example/#/schema/person/1' },
            publisher: { '@id': 'https://weiden.example/#/schema/person/1' },
          },
        ],
      }),
      `<article><h1>Ferry fares rise again</h1>${story}</article>`,
    );
    expect(await authors(owner)).toEqual(['Jo Weiden']);
  });

  it('are read from microdata <meta itemprop="author"> and from a Twitter card field labelled as the author', async () => {
    const microdata = page(
      '<title>Ferry fares rise again</title>',
      `<article><meta itemprop="author" content="Ana Ferrol"><h1>Ferry fares rise again</h1>${story}</article>`,
    );
    expect(await authors(microdata)).toEqual(['Ana Ferrol']);
    const twitter = page(
      '<title>Ferry fares rise again</title><meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Ana Ferrol"><meta name="twitter:label2" content="Geschätzte Lesezeit"><meta name="twitter:data2" content="3 Minuten">',
      `<article><h1>Ferry fares rise again</h1>${story}</article>`,
    );
    expect(await authors(twitter)).toEqual(['Ana Ferrol']);
  });

  it('are the meta tag’s longer list when it holds every name JSON-LD gives', async () => {
    const html = page(
      `${ld({ '@type': 'NewsArticle', headline: 'Ferry fares rise again', author: { '@type': 'Person', name: 'Jo Weiden' } })}<meta name="author" content="Jo Weiden, Ana Ferrol">`,
      `<article><h1>Ferry fares rise again</h1>${story}</article>`,
    );
    expect(await authors(html)).toEqual(['Jo Weiden', 'Ana Ferrol']);
    const other = page(
      `${ld({ '@type': 'NewsArticle', headline: 'Ferry fares rise again', author: { '@type': 'Person', name: 'Jo Weiden' } })}<meta name="author" content="Ana Ferrol, Kit Brandt">`,
      `<article><h1>Ferry fares rise again</h1>${story}</article>`,
    );
    expect(await authors(other)).toEqual(['Jo Weiden']);
    // The site's name in the list is the outlet.
    const outlet = page(
      `${ld({ '@type': 'NewsArticle', headline: 'Ferry fares rise again', author: { '@type': 'Person', name: 'Jo Weiden' } })}<meta property="og:site_name" content="Lowmoor Daily Online"><meta name="author" content="Jo Weiden, Lowmoor Daily">`,
      `<article><h1>Ferry fares rise again</h1>${story}</article>`,
    );
    expect(await authors(outlet)).toEqual(['Jo Weiden']);
  });
});
