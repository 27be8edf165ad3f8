import { describe, expect, it } from 'vitest';
import { convertPage, ld, page, story } from './helpers.js';

// Invented pages, shaped like real news pages (where their metadata and markup put the author); no real article
// text and no real names.
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
    for (const name of ['parsely-author', 'sailthru.author']) {
      const analytics = page(
        `<title>Ferry fares rise again</title><meta name="${name}" content="Ana Ferrol">`,
        `<article><h1>Ferry fares rise again</h1>${story}</article>`,
      );
      expect(await authors(analytics)).toEqual(['Ana Ferrol']);
    }
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

describe('authors the markup marks', () => {
  it('are read from an author box outside the story when nothing else names anyone', async () => {
    const box = page(
      '<title>Ferry fares rise again</title>',
      `<main><article><h1>Ferry fares rise again</h1>${story}</article><footer class="entry-footer"><div class="about"><p>Über den Autor</p><h2><a href="/autor/ana-ferrol">Ana Ferrol</a></h2><p>Writes about harbours.</p></div></footer></main>`,
    );
    expect(await authors(box)).toEqual(['Ana Ferrol']);
    const two = page(
      '<title>Ferry fares rise again</title>',
      `<main><article><h1>Ferry fares rise again</h1>${story}</article><div class="contributors"><a href="/authors/jo-weiden">JO WEIDEN</a> &amp; <a href="/authors/ana-ferrol">ANA FERROL</a></div></main>`,
    );
    expect(await authors(two)).toEqual(['Jo Weiden', 'Ana Ferrol']);
  });

  it('are not the people a story links to, the authors of teasers, or the site', async () => {
    const html = page(
      '<title>Ferry fares rise again</title><meta property="og:site_name" content="Lowmoor Daily">',
      `<main><article><h1>Ferry fares rise again</h1>${story}<p>The ferry captain <a href="/profil/kit-brandt">Kit Brandt</a> told the council that the fares would rise again in May.</p></article><div class="teaser-list"><a href="/other-story">Harbour wall repaired</a> <a href="/autor/lena-holt">Lena Holt</a></div></main>`,
    );
    expect(await authors(html)).toEqual([]);
    const site = page(
      '<title>Ferry fares rise again</title><meta property="og:site_name" content="Lowmoor Daily">',
      `<main><article><h1>Ferry fares rise again</h1><p class="meta">par <a href="/auteur/lowmoor-daily">Lowmoor Daily</a></p>${story}</article><div class="list"><p><a href="/story-2">Harbour wall repaired</a> <small>(<a href="/auteur/lena-holt">Lena Holt</a>)</small></p></div></main>`,
    );
    expect(await authors(site)).toEqual([]);
  });
});

describe('a byline printed at the story’s end', () => {
  const last = 'Der Rat von Lowmoor entscheidet im Mai erneut über die Fähre, den Hafen und das Geld für beides.';

  it('is read from a name in parentheses or a labelled name after the last sentence', async () => {
    const parens = page(
      '<title>Fähre wird teurer</title>',
      `<main><article><h1>Fähre wird teurer</h1>${story}<p>${last} (Ana P. Ferrol) +++</p></article></main>`,
    );
    expect(await authors(parens)).toEqual(['Ana P. Ferrol']);
    const labelled = page(
      '<title>Fähre wird teurer</title>',
      `<main><article><h1>Fähre wird teurer</h1>${story}<p>(wird fortgesetzt)<br><strong>Text:</strong> Jo Friedmann</p><p><strong>Fotos:</strong> Kit Brandt, Lena Holt</p><p>Literatur: Holt, Lena: Fähren. Lowmoor 2001</p></article></main>`,
    );
    expect(await authors(labelled)).toEqual(['Jo Friedmann']);
  });

  it('is read from a block of the name and its agency, or of a labelled name, after a paragraph of the story', async () => {
    const agency = page(
      '<title>Fähre wird teurer</title>',
      `<main><article><h1>Fähre wird teurer</h1>${story}<p>${last}</p><p>Jo Weiden, dpa</p></article></main>`,
    );
    expect(await authors(agency)).toEqual(['Jo Weiden']);
    const von = page(
      '<title>Fähre wird teurer</title>',
      `<main><article><h1>Fähre wird teurer</h1>${story}<p>${last}</p><p>Von Jo Weiden</p></article></main>`,
    );
    expect(await authors(von)).toEqual(['Jo Weiden']);
  });

  it('is not a heading of capitalised nouns, nor a name in a list', async () => {
    const heading = page(
      '<title>Fähre wird teurer</title>',
      `<main><article><h1>Fähre wird teurer</h1>${story}<p>${last}</p><p>Zum Projekt</p></article></main>`,
    );
    expect(await authors(heading)).toEqual([]);
    const list = page(
      '<title>Fähre wird teurer</title>',
      `<main><article><h1>Fähre wird teurer</h1>${story}<p>Spieler im Feld:</p><p>Weiden Jo, dpa</p><p>Ferrol Ana, AFP</p></article></main>`,
    );
    expect(await authors(list)).toEqual([]);
  });
});

describe('a byline printed under the headline', () => {
  it('keeps a name that begins like a month or weekday (`Monroe`, `Friedmann`)', async () => {
    const html = page(
      '<title>Ferry fares rise again</title>',
      `<main><h1>Ferry fares rise again</h1><div class="by">By Ana Monroe July 11, 2011</div><article>${story}</article></main>`,
    );
    expect(await authors(html)).toEqual(['Ana Monroe']);
  });
});

describe('a site named with its tagline', () => {
  it('is no author, so the byline printed in the story is read', async () => {
    const html = page(
      '<title>Fähre wird teurer</title><meta name="author" content="SEGLER-POST – Das Magazin für Segler">',
      `<main><article><h1>Fähre wird teurer</h1><p>Von Jo Weiden</p>${story}</article></main>`,
    );
    expect(await authors(html)).toEqual(['Jo Weiden']);
  });
});
