import { describe, expect, it } from 'vitest';
import { convertPage, readPage } from './helpers.js';

describe('a wire story on a portal (JSON-LD NewsArticle, nav, related links, footer)', () => {
  it('reads the header fields from JSON-LD', async () => {
    const { article, failed } = await convertPage('wire-portal.html');
    expect(failed).toEqual([]);
    expect(article?.headline).toBe('Harbor city council approves ferry expansion after long debate');
    // Upper-case names in JSON-LD are normalised.
    expect(article?.authors).toEqual([{ name: 'Marta Quinlan' }, { name: 'Devon Achterberg' }]);
    expect(article?.published).toBe('2024-03-05T09:14:00-08:00');
    expect(article?.updated).toBe('2024-03-05T11:02:00-08:00');
    expect(article?.language).toBe('en-US');
    expect(article?.url).toBe('https://portal.example/news/harbor-ferry-expansion-approved');
    expect(article?.section).toBe('Local');
    expect(article?.tags).toEqual(['ferries', 'transit', 'city council']);
    expect(article?.dateline).toEqual({ place: 'SAN FRANCISCO', agency: 'AP' });
    expect(article?.source).toBe('The Associated Press');
    expect(article?.copyright).toMatch(/^Copyright 2024 The Associated Press\. All rights reserved\./);
  });

  it('gives the lead image its figure caption and agency credit', async () => {
    const { article } = await convertPage('wire-portal.html');
    expect(article?.images).toEqual([
      {
        src: 'https://img.portal.example/2024/03/ferry-terminal.jpg',
        alt: 'A ferry leaves the terminal',
        caption: 'A commuter ferry pulls away from the downtown terminal on Feb. 12, 2024.',
        credit: 'AP Photo/Renata Vossberg, File',
        width: 1200,
        height: 800,
        mediaType: 'image/jpeg',
      },
    ]);
  });

  it('keeps the story from its dateline paragraph to its last paragraph, and no chrome', async () => {
    const { article, blocks } = await convertPage('wire-portal.html');
    expect(blocks[0]).toMatch(/^SAN FRANCISCO \(AP\) — The harbor city council voted 6-3/);
    expect(blocks.at(-1)).toBe(
      'The board will hold public workshops on the timetable in April and expects to order two new boats this summer, a spokesperson said.',
    );
    expect(blocks).toHaveLength(7);
    expect(article?.body.children.every((node) => node.type === 'paragraph')).toBe(true);
    const text = blocks.join('\n');
    for (const chrome of [
      'Skip to content',
      'Sign In',
      'E-Paper',
      'MKT',
      'Advertisement',
      'Related stories',
      'Bridge tolls',
      'More from Bayview',
      'Privacy Policy',
      'Copyright 2024',
      'MARTA QUINLAN',
      'AP Photo',
    ]) {
      expect(text).not.toContain(chrome);
    }
  });

  it('explains its decisions, one line per kind', async () => {
    const { messages } = await convertPage('wire-portal.html');
    expect(messages).toContain(
      'wire-portal.html:1:1: info Headline from the page\'s <h1>, which JSON-LD headline repeats: "Harbor city council approves ferry expansion after long deb…" [page-headline]',
    );
    expect(messages).toContain('wire-portal.html:1:1: info Dropped 1 block as advertising: "Advertisement" [page-chrome-dropped]');
    expect(messages.some((line) => / info Story found by Readability \(\d+ words\) \[page-story-found\]$/.test(line))).toBe(true);
    expect(messages.filter((line) => / (warning|error) /.test(line))).toEqual([]);
  });
});

describe('a German dpa story (lang=de, Open Graph, `Foto:` credit, Schlagworte trailer)', () => {
  it('is German, with its image resolved against the page URL', async () => {
    const { article } = await convertPage('dpa-de.html');
    expect(article?.headline).toBe('Bahn testet neue Nachtzüge zwischen Frankfurt und Wien');
    // JSON-LD `inLanguage` is more precise than `<html lang="de">`.
    expect(article?.language).toBe('de-DE');
    expect(article?.authors).toEqual([{ name: 'Katrin Albrechtsen' }]);
    expect(article?.published).toBe('2024-02-20T14:35:00+01:00');
    expect(article?.images).toEqual([
      {
        src: 'https://rheintaler.example/bilder/nachtzug-bahnsteig.jpg',
        alt: 'Nachtzug am Bahnsteig',
        caption: 'Ein Nachtzug steht am Abend an einem Bahnsteig in Frankfurt.',
        credit: 'Jonas Weidenbach/dpa',
        mediaType: 'image/jpeg',
      },
    ]);
  });

  it('ends the story before the tags and recommendations', async () => {
    const { blocks } = await convertPage('dpa-de.html');
    expect(blocks[0]).toMatch(/^Frankfurt\/Main \(dpa\) - Die Bahn will von April an/);
    expect(blocks.at(-1)).toBe(
      'Für den Probebetrieb hat die Bahn nach eigenen Angaben zwölf Wagen umgebaut. Ob das Angebot dauerhaft bleibt, soll nach einem Jahr anhand der Auslastung entschieden werden.',
    );
    const text = blocks.join('\n');
    for (const chrome of ['Veröffentlicht', 'Schlagworte', 'Verkehr', 'Das könnte', 'Impressum', 'Startseite', 'Von Katrin'])
      expect(text).not.toContain(chrome);
  });
});

describe('a page without JSON-LD (Open Graph, meta author, <time>, two credit styles)', () => {
  it('takes the headline from the title, the author from meta and the date from <time>', async () => {
    const { article, messages } = await convertPage('no-json-ld.html');
    expect(article?.headline).toBe('Rice exporters brace for a dry season');
    expect(article?.authors).toEqual([{ name: 'Linh Tranh Vo' }]);
    expect(article?.published).toBe('2024-01-18T07:30:00+07:00');
    expect(article?.language).toBe('en');
    expect(article?.tags).toEqual(['rice', 'exports', 'drought']);
    expect(messages.some((line) => line.includes("Headline from the page's <h1>, which og:title repeats"))).toBe(true);
  });

  it('reads `Photo: Name, AP` and `REUTERS/Name` credits', async () => {
    const { article } = await convertPage('no-json-ld.html');
    expect(article?.images.map(({ src, caption, credit }) => ({ src, caption, credit }))).toEqual([
      {
        src: 'https://mekongdesk.example/media/paddy-field.jpg',
        caption: 'Farmers plant seedlings in a paddy field outside the delta city.',
        credit: 'Quan Mai Hoa, AP',
      },
      {
        src: 'https://mekongdesk.example/media/loading-dock.jpg',
        caption: 'Workers load sacks of rice onto a barge at a river port.',
        credit: 'REUTERS/Tomas Ekwueme',
      },
    ]);
  });

  it('keeps the story and drops the share bar and sidebar', async () => {
    const { blocks } = await convertPage('no-json-ld.html');
    expect(blocks[0]).toMatch(/^Rice exporters in the delta are signing fewer forward contracts/);
    expect(blocks.at(-1)).toMatch(/^Officials plan to release water from upstream reservoirs/);
    expect(blocks).toHaveLength(5);
    const text = blocks.join('\n');
    for (const chrome of ['Share', 'Most read', 'Port strike', 'Subscribe', 'REUTERS', 'Photo:']) expect(text).not.toContain(chrome);
  });

  it('warns when no date can be found, and leaves out images it cannot resolve', async () => {
    const page = readPage('no-json-ld.html')
      .replace(/<time[^>]*>[^<]*<\/time>/, '')
      .replace(/<meta property="og:url"[^>]*>/, '');
    const { article, messages } = await convertPage('no-json-ld.html', page);
    expect(article?.published).toBeUndefined();
    expect(article?.images).toEqual([]);
    expect(messages).toContain('no-json-ld.html:1:1: warning No publication date was found on the page [page-no-date]');
    expect(messages).toContain(
      'no-json-ld.html:1:1: warning Image "/media/paddy-field.jpg" is left out: it has a relative URL and the page has no URL to resolve it against [page-image-unresolved]',
    );
  });

  it('keeps the caption of a figure whose image has no usable source where it stood, as a figure without a file', async () => {
    // A lazy loader's page saved with scripts off: a placeholder in `src`, the real address only in script.
    const page = readPage('no-json-ld.html').replace(
      '<img src="/media/loading-dock.jpg" alt="Sacks on a dock">',
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Sacks on a dock">',
    );
    const { article, blocks, messages } = await convertPage('no-json-ld.html', page);
    expect(article?.images.map((image) => image.src)).toEqual(['https://mekongdesk.example/media/paddy-field.jpg']);
    expect(article?.body.children.map((node) => node.type)).toEqual([
      'paragraph',
      'paragraph',
      'figure',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(article?.body.children[2]).toEqual({
      type: 'figure',
      caption: 'Workers load sacks of rice onto a barge at a river port.',
      credit: 'REUTERS/Tomas Ekwueme',
    });
    expect(blocks.join('\n')).not.toContain('REUTERS');
    expect(messages).toContain(
      'no-json-ld.html:1:1: info Kept 1 photo caption whose image has no usable source as figure without a file, where it stood: "Workers load sacks of rice onto a barge at a river port." [page-caption-only]',
    );
  });

  it('reads the files a browser saved beside the page as local images', async () => {
    const page = readPage('no-json-ld.html').replace('/media/paddy-field.jpg', './Rice%20exporters_files/paddy-field.jpg');
    const { article } = await convertPage('no-json-ld.html', page);
    expect(article?.images[0]?.src).toBe('/Rice exporters_files/paddy-field.jpg');
    expect(article?.images[0]?.credit).toBe('Quan Mai Hoa, AP');
  });
});

describe('a hostile page', () => {
  it('keeps the story and nothing that runs, loads or points to a script', async () => {
    const { article, blocks, messages } = await convertPage('hostile.html');
    expect(article?.headline).toBe('Library reopens after roof repair');
    expect(article?.authors).toEqual([{ name: 'Pia Rautenberg' }]);
    expect(blocks[0]).toMatch(/^The central library reopened on Tuesday/);
    expect(blocks.at(-1)).toMatch(/^The repairs cost about 2\.1 million euros/);
    const body = JSON.stringify(article?.body);
    for (const bad of [
      'javascript',
      'alert',
      'evil.example',
      'onerror',
      'onclick',
      'onmouseover',
      'position:fixed',
      'steal',
      'password',
      'iframe',
      'deep sidebar',
    ]) {
      expect(body).not.toContain(bad);
    }
    // The safe link survives, the `javascript:` one is left as text.
    expect(body).toContain('https://city.example/library/report.pdf');
    expect(blocks[1]).toContain('Read the repair report');
    expect(messages).toContain(
      "hostile.html:1:1: warning JSON-LD block 1 is not valid JSON and is ignored: Expected ',' or '}' after property value in JSON at position 160 [page-json-ld-invalid]",
    );
  });

  it('refuses a page nested deeper than the limit, without overflowing the stack', async () => {
    const story = '<p>A sentence of the story, long enough, with a comma, to be read as prose by the extractor.</p>'.repeat(6);
    const page = `<!doctype html><html><body>${'<div>'.repeat(20_000)}<article><h1>Deep</h1>${story}</article>${'</div>'.repeat(20_000)}</body></html>`;
    const { article, messages } = await convertPage('deep.html', page);
    expect(article).toBeUndefined();
    expect(messages).toContain('deep.html:1:1: error The page nests more than 400 elements deep; it is not read [page-too-deep]');
    const shallow = await convertPage(
      'deep.html',
      page.replaceAll('<div>'.repeat(20_000), '<div>'.repeat(50)).replaceAll('</div>'.repeat(20_000), '</div>'.repeat(50)),
    );
    expect(shallow.blocks).toHaveLength(6);
  });

  it('reports a page without an article, and a file that is not HTML', async () => {
    const empty = await convertPage(
      'empty.html',
      '<!doctype html><html><head><title>Home</title></head><body><nav><a href="/">Home</a></nav></body></html>',
    );
    expect(empty.article).toBeUndefined();
    expect(empty.messages).toContain('empty.html:1:1: error No article body was found on the page [page-no-article]');
    const text = await convertPage('notes.html', '# Not a page\n\nJust Markdown.\n');
    expect(text.messages).toContain(
      'notes.html:1:1: error The file does not look like an HTML page (no `<html>`, `<head>`, `<body>` or `<!doctype html>`) [page-not-html]',
    );
  });
});

describe('language', () => {
  it('is detected from the text when the page declares none', async () => {
    const german = readPage('dpa-de.html').replace('<html lang="de">', '<html>').replace(',"inLanguage":"de-DE"', '');
    const { article, messages } = await convertPage('dpa-de.html', german);
    expect(article?.language).toBe('de');
    expect(messages).toContain(
      'dpa-de.html:1:1: info Language detected from the text: de (the page declares none) [page-language-detected]',
    );
    const english = await convertPage('no-json-ld.html', readPage('no-json-ld.html').replace('<html lang="en">', '<html>'));
    expect(english.article?.language).toBe('en');
  });

  it('is not guessed from a short text', async () => {
    const page =
      '<!doctype html><html><head><title>Short</title></head><body><article><h1>Short</h1><p>Only a few words here, but still a paragraph with a comma, read as the story body by the extractor.</p></article></body></html>';
    const { messages } = await convertPage('short.html', page);
    // The pipeline then gives the article the site's language.
    expect(messages).toContain(
      'short.html:1:1: warning The page declares no language and the text is too short to tell [page-no-language]',
    );
  });
});
