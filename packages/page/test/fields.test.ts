import { describe, expect, it } from 'vitest';
import { convertPage, ld, page, story } from './helpers.js';

async function headline(html: string): Promise<string | undefined> {
  return (await convertPage('invented.html', html)).article?.headline;
}

// Invented pages, shaped like real news pages (their title metadata, headings and bylines); no real article text.
describe('headline', () => {
  it('is the printed <h1> when the title metadata adds the site name and symbols', async () => {
    const html = page(
      '<title>Ferry fares rise again » ★★★★ - Lowmoor Watch e.V. - Local News</title><meta property="og:title" content="Ferry fares rise again » ★★★★ - Lowmoor Watch e.V. - Local News">',
      `<header><a href="/">Lowmoor Watch</a></header><article><h1>Ferry fares rise again</h1>${story}</article>`,
    );
    const { article, messages } = await convertPage('invented.html', html);
    expect(article?.headline).toBe('Ferry fares rise again');
    expect(messages).toContain(
      'invented.html:1:1: info Headline from the page\'s <h1>, which og:title repeats: "Ferry fares rise again" [page-headline]',
    );
  });

  it('is the printed <h1> when JSON-LD gives the CMS a headline of its own', async () => {
    const html = page(
      `${ld({ '@type': 'NewsArticle', headline: 'Council votes on ferry budget' })}<meta property="og:title" content="As the vote nears, the council weighs the ferry budget">`,
      `<article><h1>As the vote nears, the council weighs the ferry budget</h1>${story}</article>`,
    );
    expect(await headline(html)).toBe('As the vote nears, the council weighs the ferry budget');
  });

  it('leaves out a date or kicker printed in the <h1> that the title does not carry', async () => {
    const html = page(
      '<meta property="og:title" content="Minister Vale: harbour works start in spring - Lowmoor Office">',
      `<article><h1><span class="supertitle"><time datetime="2022-02-01">1. Februar 2022</time></span> <span>Minister Vale: harbour works start in spring</span></h1>${story}</article>`,
    );
    expect(await headline(html)).toBe('Minister Vale: harbour works start in spring');
  });

  it('keeps a headline that the title cuts at a dash whole', async () => {
    const html = page(
      '<meta property="og:title" content="Paint a lighthouse - with a roller and bright colours">',
      `<article><h1>Paint a lighthouse – with a roller and bright colour</h1>${story}</article>`,
    );
    expect(await headline(html)).toBe('Paint a lighthouse – with a roller and bright colour');
  });

  it('is the title without the site name, a date or a section when no heading repeats it', async () => {
    const withSite = page(
      '<title>Ferry fares rise again | Lowmoor Daily</title><meta property="og:site_name" content="Lowmoor Daily">',
      `<article>${story}</article>`,
    );
    expect(await headline(withSite)).toBe('Ferry fares rise again');
    const withHost = page(
      '<title>23.01.2022 - Ferry fares rise again - Lowmoor-Harbour.example</title><link rel="canonical" href="https://www.lowmoor-harbour.example/news/1">',
      `<div class="logo"><h1>Lowmoor Harbour</h1></div><article>${story}</article>`,
    );
    expect(await headline(withHost)).toBe('Ferry fares rise again');
    const section = page(
      '<meta property="og:title" content="Announcements"><title>Ferry fares rise again</title>',
      `<article>${story}</article>`,
    );
    expect(await headline(section)).toBe('Ferry fares rise again');
  });

  it('leaves out a kicker the page marks by class, and a date before the headline in the <h1>', async () => {
    const kicker = page(
      '<meta property="og:title" content="Harbour works: Ferry fares rise again - Lowmoor Daily">',
      `<article><h1><span class="headline--topline">Harbour works</span><span>: </span><span>Ferry fares rise again</span></h1>${story}</article>`,
    );
    expect(await headline(kicker)).toBe('Ferry fares rise again');
    const dated = page(
      '<meta property="og:title" content="23.01.2022 - Ferry fares rise again - Lowmoor Daily">',
      `<article><h1>23.01.2022 - Ferry fares rise again</h1>${story}</article>`,
    );
    expect(await headline(dated)).toBe('Ferry fares rise again');
  });

  it('does not take a site name that holds the page title for the site', async () => {
    const html = page(
      '<meta property="og:title" content="Cup preview: the ferry derby draws a crowd - Lowmoor Sports"><meta name="application-name" content="Cup preview: the ferry derby draws a crowd - Lowmoor Sports">',
      `<article><h1>Cup preview: the ferry derby draws a crowd</h1>${story}</article>`,
    );
    expect(await headline(html)).toBe('Cup preview: the ferry derby draws a crowd');
  });

  it('keeps a headline that merely names the site', async () => {
    const html = page(
      '<meta property="og:title" content="lowmoor.example - Outdoor news - New snow maps on Lowmoor.example"><meta property="og:site_name" content="lowmoor.example">',
      `<article>${story}</article>`,
    );
    expect(await headline(html)).toBe('Outdoor news - New snow maps on Lowmoor.example');
  });

  it('is not an <h1> in the breadcrumb trail, but the heading printed over the story', async () => {
    const html = page(
      `${ld({ '@type': 'NewsArticle', headline: '“Never again”: the ferry line ends' })}<title>The ferry line ends: "Never again"</title>`,
      `<div class="breadcrumbs" typeof="BreadcrumbList"><span><a href="/">Lowmoor News</a></span> &gt; <span><h1>The ferry line ends: "Never again"</h1></span></div><div class="post--title"><h2>“Never again”: the ferry line ends</h2></div><article>${story}</article>`,
    );
    const { article, messages } = await convertPage('invented.html', html);
    expect(article?.headline).toBe('“Never again”: the ferry line ends');
    expect(messages).toContain(
      'invented.html:1:1: info Headline from the page\'s <h2>, which JSON-LD headline repeats: "“Never again”: the ferry line ends" [page-headline]',
    );
  });

  it('is a second-level heading the title repeats when no <h1> prints it (a site name in the <h1>, a kicker by class)', async () => {
    const section = page(
      '<meta property="og:title" content="lowmoor.example - Outdoornews - New snow maps on Lowmoor.example"><meta property="og:site_name" content="lowmoor.example">',
      `<h1>Outdoornews | Entry</h1><div class="box"><h2 class="bar">New snow maps on Lowmoor.example</h2>${story}<h2>Further reading</h2></div>`,
    );
    expect(await headline(section)).toBe('New snow maps on Lowmoor.example');
    const kicker = page(
      '<meta property="og:title" content="Harbour works: Ferry fares rise again"><meta name="twitter:title" content="Ferry fares rise again">',
      `<h1>Report from the harbour</h1><article><h2><span class="article-overline">Harbour works</span> <span>Ferry fares rise again</span></h2>${story}<h2>3 comments on "Harbour works: Ferry fares rise again"</h2></article>`,
    );
    expect(await headline(kicker)).toBe('Ferry fares rise again');
    const forum = page(
      '<title>What a ferry pass costs - Lowmoor Community Forum</title>',
      `<div id="page-body"><h2 class="topic-title">What a ferry pass costs</h2>${story}</div>`,
    );
    expect(await headline(forum)).toBe('What a ferry pass costs');
  });
});

describe('subheadline', () => {
  const teaser = 'The harbour board raises ferry fares for the third time this year, and the islanders ask why.';
  it('is the standfirst printed under the headline, outside the story, that the description repeats', async () => {
    const html = page(
      `<meta property="og:description" content="${teaser}"><title>Ferry fares rise again</title>`,
      `<div class="page-header"><h1>Ferry fares rise again</h1><div class="intro"><p><strong>${teaser}</strong></p></div><p class="byline">By Jo Vale</p></div><div class="article-body">${story}</div>`,
    );
    const { article, messages } = await convertPage('invented.html', html);
    expect(article?.subheadline).toBe(teaser);
    expect(article?.body.children.map((node) => JSON.stringify(node)).join('')).not.toContain('third time');
    expect(messages).toContain(
      'invented.html:1:1: info Subheadline from the standfirst printed under the headline, outside the story\'s container, which the page\'s description repeats: "The harbour board raises ferry fares for the third time thi…" [page-story-found]',
    );
  });

  it('is none when the description is printed nowhere under the headline, or the story holds it', async () => {
    const unprinted = page(
      `<meta property="og:description" content="${teaser}"><title>Ferry fares rise again</title>`,
      `<header><h1>Ferry fares rise again</h1><p class="byline">By Jo Vale</p></header><div class="article-body">${story}</div>`,
    );
    expect((await convertPage('invented.html', unprinted)).article?.subheadline).toBeUndefined();
    const inStory = page(
      `<meta property="og:description" content="${teaser}"><title>Ferry fares rise again</title>`,
      `<article><h1>Ferry fares rise again</h1><p>${teaser}</p>${story}</article>`,
    );
    expect((await convertPage('invented.html', inStory)).article?.subheadline).toBeUndefined();
  });
});

describe('date printed on the page', () => {
  it('is read beside the headline when the metadata gives none', async () => {
    const html = page(
      '<title>Ferry fares rise again | Lowmoor Daily</title>',
      `<header><p>Lowmoor Daily</p></header><main><h1>Ferry fares rise again</h1><p class="kicker">Harbour desk • 02.02.2022</p><article>${story}</article></main>`,
    );
    const { article, messages } = await convertPage('invented.html', html);
    expect(article?.published).toBe('2022-02-02T00:00:00Z');
    expect(
      messages.some((line) =>
        line.startsWith('invented.html:1:1: info Date from the text under the headline: "Harbour desk • 02.02.2022 '),
      ),
    ).toBe(true);
    expect(messages.some((line) => line.includes('page-no-date'))).toBe(false);
  });

  it('is read under a headline printed with soft hyphens, or in an <h2>', async () => {
    const hyphens = page(
      '<meta name="twitter:title" content="Ferry fares rise again"><title>Ferry fares rise again | Lowmoor Office</title>',
      `<main><h1>Fer&shy;ry fa&shy;res rise again</h1><p>Datum:26. Januar 2022</p><article>${story}</article></main>`,
    );
    expect((await convertPage('invented.html', hyphens)).article?.published).toBe('2022-01-26T00:00:00Z');
    const second = page(
      '<meta property="og:title" content="Ferry fares rise again"><title>Ferry fares rise again</title>',
      `<header><h1>Lowmoor Daily</h1></header><main><h2>Ferry fares rise again</h2><p>Jo Vale / 22.04.2020 / 06:15</p><article>${story}</article></main>`,
    );
    expect((await convertPage('invented.html', second)).article?.published).toBe('2020-04-22T00:00:00Z');
    const inSecond = page(
      '<meta property="og:title" content="Ferry fares rise again"><title>Ferry fares rise again</title>',
      `<header><h1>Lowmoor Daily</h1></header><main><h2>Ferry fares rise again <small>02.02.2022</small></h2><article>${story}</article></main>`,
    );
    expect((await convertPage('invented.html', inSecond)).messages).toContain(
      'invented.html:1:1: info Date from the headline\'s <h2>: "Ferry fares rise again 02.02.2022" [page-date-from-text]',
    );
  });

  it("is read above the headline however deeply the page's markup is indented", async () => {
    // Runs of tabs between the elements are no printed text: the 150 characters above count what the page shows.
    const indent = `\n${'\t'.repeat(200)}`;
    const html = page(
      '<meta property="og:title" content="Ferry fares rise again"><title>Ferry fares rise again</title>',
      `<main><div class="box">${indent}<div class="boxHeader">${indent}<span>14. Februar 2012</span>${indent}<ul><li><a href="/print">Print</a></li></ul>${indent}</div>${indent}<div class="images">${indent}<span>Photo: Lowmoor Office</span>${indent}</div>${indent}<h1>Ferry fares rise again</h1><article>${story}</article></div></main>`,
    );
    expect((await convertPage('invented.html', html)).article?.published).toBe('2012-02-14T00:00:00Z');
  });

  it('passes over a date labelled as an update for another printed one, and takes it only when there is none', async () => {
    const both = page(
      '<meta property="og:title" content="Ferry fares rise again"><title>Ferry fares rise again</title>',
      `<main><p>Par Jo Vale | 30 septembre 2018</p><h1>Ferry fares rise again</h1><p>Article mis à jour le 7 janvier 2020.</p><article>${story}</article></main>`,
    );
    expect((await convertPage('invented.html', both)).article?.published).toBe('2018-09-30T00:00:00Z');
    const alone = page(
      '<meta property="og:title" content="Ferry fares rise again"><title>Ferry fares rise again</title>',
      `<main><h1>Ferry fares rise again</h1><p>Zuletzt aktualisiert am 7. Januar 2020</p><article>${story}</article></main>`,
    );
    const { article, messages } = await convertPage('invented.html', alone);
    expect(article?.published).toBe('2020-01-07T00:00:00Z');
    expect(messages).toContain(
      'invented.html:1:1: info Date from the text under the headline, labelled as an update (the page prints no other): "Zuletzt aktualisiert am 7. Januar 2020 Paragraph 0 of the i…" [page-date-from-text]',
    );
  });

  it('is read last beside a publication label anywhere on the page, never beside an update label', async () => {
    const credits = (label: string) =>
      page(
        '<meta property="og:title" content="Ferry fares rise again"><title>Ferry fares rise again</title>',
        `<main><h1>Ferry fares rise again</h1><article>${story}</article><ul class="credits"><li><p class="title">Voix</p><p class="content">Jo Vale</p></li><li><p class="title">${label}</p><p class="content">23 mai 2019</p></li></ul></main>`,
      );
    const { article, messages } = await convertPage('invented.html', credits('Mise en ligne'));
    expect(article?.published).toBe('2019-05-23T00:00:00Z');
    expect(messages).toContain(
      'invented.html:1:1: info Date from a publication label on the page (<p>): "Mise en ligne 23 mai 2019" [page-date-from-text]',
    );
    expect((await convertPage('invented.html', credits('Mis à jour'))).article?.published).toBeUndefined();
  });

  it('is read from an element marked as a date, not from the comments', async () => {
    const html = page(
      '<title>Ferry fares rise again</title>',
      `<main><article><div class="article-info"><span class="entry-date">Dienstag, 1. Februar 2022</span></div>${story}</article><section class="comments"><div class="comment-date">3. März 2023</div></section></main>`,
    );
    expect((await convertPage('invented.html', html)).article?.published).toBe('2022-02-01T00:00:00Z');
  });

  it("is read from metadata that holds the date as printed, and from the headline's own <h1>", async () => {
    const printed = page(
      '<meta property="article:published_time" content="Di., 25.01.2022 - 14:45"><title>Ferry fares rise again</title>',
      `<main><h1>Ferry fares rise again</h1><article>${story}</article></main>`,
    );
    const { article, messages } = await convertPage('invented.html', printed);
    expect(article?.published).toBe('2022-01-25T00:00:00Z');
    expect(messages.some((line) => line.includes('page-date-invalid'))).toBe(false);
    const inHeading = page(
      '<meta property="og:title" content="Ferry fares rise again"><title>Ferry fares rise again</title>',
      `<main><h1>Ferry fares rise again <small>02.02.2022 • Harbour desk</small></h1><p>Paragraph written on 28.01.2022 about the ferry.</p><article>${story}</article></main>`,
    );
    expect((await convertPage('invented.html', inHeading)).article?.published).toBe('2022-02-02T00:00:00Z');
  });

  it("is the metadata's update when that is the date the page prints under the headline", async () => {
    const dates = (published: string, modified: string) =>
      `<meta property="article:published_time" content="${published}"><meta property="article:modified_time" content="${modified}">`;
    const revised = page(
      `${dates('2021-11-22T18:42:22+01:00', '2023-01-01T10:00:00+01:00')}<title>Ferry fares rise again</title>`,
      `<main><h1>Ferry fares rise again</h1><p>The harbour board explains the new fares.</p><p>By Jo Vale · 1. Januar 2023</p><article>${story}</article></main>`,
    );
    const { article, messages } = await convertPage('invented.html', revised);
    expect(article?.published).toBe('2023-01-01T10:00:00+01:00');
    expect(messages).toContain(
      'invented.html:1:1: info Date from the text under the headline, which prints the page\'s update (article:modified_time) and not its first publication (article:published_time): "The harbour board explains the new fares. By Jo Vale · 1. J…" [page-date-from-text]',
    );
    // The first publication printed, or a date of neither: the metadata's publication date stands.
    for (const printed of ['22.11.2021', '5. März 2022']) {
      const html = page(
        `${dates('2021-11-22T18:42:22+01:00', '2023-01-01T10:00:00+01:00')}<title>Ferry fares rise again</title>`,
        `<main><h1>Ferry fares rise again</h1><p>By Jo Vale · ${printed}</p><article>${story}</article></main>`,
      );
      expect((await convertPage('invented.html', html)).article?.published).toBe('2021-11-22T18:42:22+01:00');
    }
  });

  it('is never taken from the text when the metadata gives one', async () => {
    const html = page(
      '<meta property="article:published_time" content="2021-05-04T08:00:00Z"><title>Ferry fares rise again</title>',
      `<main><h1>Ferry fares rise again</h1><p>02.02.2022</p><article>${story}</article></main>`,
    );
    expect((await convertPage('invented.html', html)).article?.published).toBe('2021-05-04T08:00:00Z');
  });

  it('is the printed one when a bare <meta name="date"> or the first <time datetime> gives another day', async () => {
    const metaDate = page(
      '<meta name="date" content="2021-12-20T11:02:44+01:00"><title>Ferry fares rise again</title>',
      `<main><h1>Ferry fares rise again</h1><p><span class="date">27.01.2022</span></p><article>${story}</article></main>`,
    );
    const { article, messages } = await convertPage('invented.html', metaDate);
    expect(article?.published).toBe('2022-01-27T00:00:00Z');
    expect(messages).toContain(
      'invented.html:1:1: info Date from the text under the headline, which prints another day than the meta date (2021-12-20T11:02:44+01:00): "27.01.2022 Paragraph 0 of the invented story says what the …" [page-date-from-text]',
    );
    // A sidebar's post comes first in the document; the article's date is printed under the headline.
    const sidebarTime = page(
      '<title>Ferry fares rise again</title>',
      `<aside><time datetime="2009-04-11 18:06:36">Old post</time></aside><main><h1>Ferry fares rise again</h1><p>Jo Vale, <span class="published">22. Oktober 2019</span></p><article>${story}</article></main>`,
    );
    expect((await convertPage('invented.html', sidebarTime)).article?.published).toBe('2019-10-22T00:00:00Z');
    // The same day printed: the metadata's time stands.
    const sameDay = page(
      '<meta name="date" content="2022-01-27T11:02:44+01:00"><title>Ferry fares rise again</title>',
      `<main><h1>Ferry fares rise again</h1><p>27.01.2022</p><article>${story}</article></main>`,
    );
    expect((await convertPage('invented.html', sameDay)).article?.published).toBe('2022-01-27T11:02:44+01:00');
  });
});

describe('authors', () => {
  it('are never the site itself, named as the author by a meta tag or the CMS', async () => {
    const metaAuthor = page(
      '<title>Ferry fares rise again | Lowmoor Daily</title><meta property="og:site_name" content="Lowmoor Daily"><meta name="author" content="Lowmoor Daily">',
      `<article><h1>Ferry fares rise again</h1>${story}</article>`,
    );
    const { article, messages } = await convertPage('invented.html', metaAuthor);
    expect(article?.authors).toEqual([]);
    expect(messages.some((line) => line.includes('[page-no-byline]'))).toBe(true);
    const jsonLd = page(
      `${ld({
        '@type': 'NewsArticle',
        headline: 'Ferry fares rise again',
        author: [
          { '@type': 'Person', name: 'lowmoor-daily.example' },
          { '@type': 'Person', name: 'Jo Weiden' },
        ],
      })}<link rel="canonical" href="https://lowmoor-daily.example/ferry">`,
      `<article><h1>Ferry fares rise again</h1>${story}</article>`,
    );
    expect((await convertPage('invented.html', jsonLd)).article?.authors).toEqual([{ name: 'Jo Weiden' }]);
  });
});

describe('a byline printed on the page', () => {
  it('is read under the headline when the metadata names no author', async () => {
    const labelled = page(
      '<title>Ferry fares rise again</title>',
      `<main><h1>Ferry fares rise again</h1><div class="by">By J.R. Weiden Thursday, November 9, 2023 7:35AM</div><article>${story}</article></main>`,
    );
    expect((await convertPage('invented.html', labelled)).article?.authors).toEqual([{ name: 'J.R. Weiden' }]);
    const beforeDate = page(
      '<title>Ferry fares rise again</title>',
      `<main><h1>Ferry fares rise again</h1><p>Ana Ferrol 15 Mai 2019 à 06h00</p><article>${story}</article></main>`,
    );
    expect((await convertPage('invented.html', beforeDate)).article?.authors).toEqual([{ name: 'Ana Ferrol' }]);
    const label = page(
      '<title>Ferry fares rise again</title>',
      `<main><h1>Ferry fares rise again</h1><p>Von Ana Ferrol Post date 12.03.2021</p><article>${story}</article></main>`,
    );
    expect((await convertPage('invented.html', label)).article?.authors).toEqual([{ name: 'Ana Ferrol' }]);
  });

  it('is read from a byline line at the top of the story, which leaves the body', async () => {
    const html = page('<title>Ferry fares rise again</title>', `<main><article><p>Written by: Ana Ferrol</p>${story}</article></main>`);
    const { article, blocks } = await convertPage('invented.html', html);
    expect(article?.authors).toEqual([{ name: 'Ana Ferrol' }]);
    expect(blocks.join('\n')).not.toContain('Written by');
  });

  it('is not a word of a sentence after `von`', async () => {
    const html = page(
      '<title>Getränke per Schiff</title>',
      `<main><h1>Getränke per Schiff</h1><p>Die Lieferung von Getränken Per Schiff beginnt im Mai.</p><article>${story}</article></main>`,
    );
    expect((await convertPage('invented.html', html)).article?.authors).toEqual([]);
  });
});

describe('language', () => {
  const german = Array.from(
    { length: 8 },
    (_, index) =>
      `<p>Der Rat der Stadt Lowmoor hat am Abend über die neue Fähre beraten, und die Mitglieder waren sich in der Sache nicht einig, weil die Kosten für den Hafen noch nicht feststehen (Absatz ${index}).</p>`,
  ).join('');

  it('is the language of the words when a template declares another', async () => {
    const html = `<!doctype html><html lang="en-US"><head><title>Neue Fähre für Lowmoor</title></head><body><article><h1>Neue Fähre für Lowmoor</h1>${german}</article></body></html>`;
    const { article, messages } = await convertPage('invented.html', html);
    expect(article?.language).toBe('de');
    expect(messages).toContain(
      'invented.html:1:1: info Language de read from the text: the page declares en-US (from <html lang>), but its words are de [page-language-detected]',
    );
  });

  it('is the declared one when the words agree, or the text is short', async () => {
    const english = page('<title>Ferry fares rise again</title>', `<article><h1>Ferry fares rise again</h1>${story}</article>`);
    expect((await convertPage('invented.html', english)).article?.language).toBe('en');
    const short = `<!doctype html><html lang="en"><head><title>Neue Fähre</title></head><body><article><h1>Neue Fähre</h1>${german.slice(0, 600)}</p>${story}</article></body></html>`;
    expect((await convertPage('invented.html', short)).article?.language).toBe('en');
  });
});

describe('chrome inside the story', () => {
  it('drops labels, prompts and stray captions an editor would not keep', async () => {
    const chrome = [
      '4 Min Read',
      'Advertisement:',
      'ANZEIGE - Heute mal ausgehen? Wie wäre es mit:',
      'Neueste Artikel',
      'Veröffentlichung: 2. Februar 2022',
      'Dieses Skript als PDF herunterladen',
      'Hier können Sie den Artikel bewerten',
      'Den Artikel mit anderen teilen/diskutieren:',
      'Verraten Sie gerne in den Kommentaren: Was bedeutet der Preis für Sie?',
      'Harbour master Jo Weiden, photo: Lowmoor Archive',
      'Der neue Anleger im Hafen. Foto: Lowmoor',
      'Vertreter der Stadt am Anleger © Lowmoor Presseamt | Ana Ferrol',
      '(© Lowmoor/Ana Ferrol)',
    ];
    const body = story.split('</p>').filter(Boolean);
    const mixed = body.flatMap((paragraph, index) => [
      `${paragraph}</p>`,
      ...chrome.slice(index * 3, index * 3 + 3).map((text) => `<p>${text}</p>`),
    ]);
    const html = page(
      '<title>Ferry fares rise again</title>',
      `<article><h1>Ferry fares rise again</h1>${mixed.join('')}<p>Pour lire la suite, créez votre compte</p><p>Related offer of the week for subscribers only.</p></article>`,
    );
    const { blocks } = await convertPage('invented.html', html);
    expect(blocks).toEqual(body.map((paragraph) => paragraph.replace('<p>', '')));
  });
});

describe('chrome the page marks by its markup', () => {
  const body = story.split('</p>').filter(Boolean);
  /** The invented story with `inserts` after its second and fourth paragraphs; the blocks kept must be the story's alone. */
  async function keptBlocks(...inserts: string[]): Promise<string[]> {
    const mixed = body.flatMap((paragraph, index) => [
      `${paragraph}</p>`,
      ...(index % 2 === 1 ? inserts.slice(index >> 1, (index >> 1) + 1) : []),
    ]);
    const html = page('<title>Ferry fares rise again</title>', `<article><h1>Ferry fares rise again</h1>${mixed.join('')}</article>`);
    return (await convertPage('invented.html', html)).blocks;
  }

  it('drops a teaser of another page whose whole text lies inside its link', async () => {
    const teaser =
      '<section class="teaser"><a href="/winter-engines"><p><span>Engines in the cold: tips for skippers</span> <span>How the ferry engine comes through a hard winter</span></p></a></section>';
    const related =
      '<ul><li><strong><a href="/pier"><p><span>New pier opens</span> <span>The harbour of Lowmoor gets a second landing stage.</span></p></a></strong></li></ul>';
    expect(await keptBlocks(teaser, related)).toEqual(body.map((paragraph) => paragraph.replace('<p>', '')));
  });

  it('drops a caption the page marks by the class of its credit or caption', async () => {
    const creditFirst =
      '<p><strong class="caption"><span class="copyright"> Ana Ferrol </span><span>The harbour master (l.) and the mayor of Lowmoor at the new pier</span></strong></p>';
    const gallery =
      '<p><em class="caption">The mayor holds up the first ticket</em> <em class="copyright">© Lowmoor | Ana Ferrol</em> <em class="download"><a href="/ticket.jpg">Large image <em>(jpeg, 1MB)</em></a></em></p>';
    expect(await keptBlocks(creditFirst, gallery)).toEqual(body.map((paragraph) => paragraph.replace('<p>', '')));
  });

  it('drops a caption opened by its figure label', async () => {
    const german = '<p><span>Abbildung: Vergleich der Fahrgastzahlen am Anleger von Lowmoor (links) mit dem Vorjahr (rechts).</span></p>';
    const english = '<p>Figure 2: Ferry crossings per month, 2019 to 2024.</p>';
    expect(await keptBlocks(german, english)).toEqual(body.map((paragraph) => paragraph.replace('<p>', '')));
  });

  it('drops a label left alone once its list of links went', async () => {
    const related =
      '<section class="box"><span class="headline">Mehr zum Thema</span><ul><li><a href="/fahrplan">» Der Fahrplan im Winter</a></li><li><a href="/gebuehren">» Hafengebühren</a></li></ul></section>';
    const more = '<div class="related"><span>Lesen Sie auch</span><p><a href="/anleger">Der neue Anleger ist fertig</a></p></div>';
    expect(await keptBlocks(related, more)).toEqual(body.map((paragraph) => paragraph.replace('<p>', '')));
  });

  it('drops a notice that the text was reviewed by physicians', async () => {
    const german =
      '<div class="reviewed"><p>Dieser Text entspricht den Vorgaben der ärztlichen Fachliteratur und wurde von Medizinern geprüft.</p></div>';
    const english = '<p>Medically reviewed by Dr. Ana Ferrol, MD — Written by Jo Weiden on March 3, 2024</p>';
    expect(await keptBlocks(german, english)).toEqual(body.map((paragraph) => paragraph.replace('<p>', '')));
  });
});

describe('links inside the story', () => {
  it('keeps a sentence of the story built around one link, and drops a related link after a label', async () => {
    const sentence =
      'One reader asks this: <a href="/faq/ferry">What does the harbour master of Lowmoor say about the new ferry fares this spring?</a>';
    const related = 'PUEDES VER: <a href="/otra-nota">¿Qué pasa con el ferry del puerto de Lowmoor?</a>';
    const html = page(
      '<title>Ferry fares rise again</title>',
      `<article><h1>Ferry fares rise again</h1>${story}<p>${sentence}</p><p>${related}</p>${story}</article>`,
    );
    const text = (await convertPage('invented.html', html)).blocks.join('\n');
    expect(text).toContain('One reader asks this: What does the harbour master of Lowmoor say about the new ferry fares this spring?');
    expect(text).not.toContain('PUEDES VER');
  });
});
