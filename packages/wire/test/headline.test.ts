import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blocks, convertWire } from './helpers.js';

/** Our own fixtures in the shape of story headers on pages copied with select-all (issue 14, held-out pages). */
function convertPage(name: string) {
  return convertWire(readFileSync(new URL(`fixtures/${name}`, import.meta.url)), name);
}

describe('skip links in other languages', () => {
  it('drops German skip links (`Springe zum Inhalt`, `Zur Suche springen`): neither is the headline', async () => {
    const result = await convertPage('media-column-skip-links.txt');
    expect(result.articles[0]?.headline).toBe('Warum die Talkshows am Sonntag immer dieselben Gäste einladen');
    expect(result.messages).toContain(
      'media-column-skip-links.txt:1:1: info Removed accessibility skip link: "Springe zum Inhalt" [skip-link]',
    );
  });
});

/** Three paragraphs of an invented story, so that the story finder finds the story below the given header lines. */
const story = [
  'The harbour board voted on Tuesday to rebuild the old fish market on the east pier, a project that has been discussed for more than a decade and was twice put off for lack of money.',
  'Work is to begin in the spring, and the board said the stalls would stay open in a temporary hall on the quay while the new building goes up, so that the fishermen lose no trading days.',
  'Traders welcomed the decision but asked the board to keep the rents at their present level for the first two years, since many of them had lost customers during the long closure of the road.',
];

/** A page copied with select-all: the given header lines, a blank line, and the story. */
function page(...header: string[]) {
  return [...header, '', ...story.flatMap((paragraph) => [paragraph, ''])].join('\n');
}

describe('lines that are never a headline (notHeadlineRules)', () => {
  const headline = 'Harbour board votes to rebuild the old fish market on the east pier';

  it('takes no date written out in another language above the headline (date-in-words)', async () => {
    const result = await convertWire(page('Miércoles 4 de Mayo de 2022', headline, 'By Jane Roe'), 'date-in-words.txt');
    expect(result.articles[0]?.headline).toBe(headline);
  });

  it('takes no account line above the headline (page-furniture)', async () => {
    // A headline of two sentences scores lower than a one-line title: the account line must not score at all.
    const twoSentences = 'Harbour board doubles down on ‘Fish. We’re on it.’ They just might be.';
    const result = await convertWire(
      page(
        'Sign In',
        'Close',
        'You are signed in as',
        'Edit ProfileSign Out',
        'Search',
        'Harbour',
        twoSentences,
        'Updated Nov 19, 9:41 AM;Posted Nov 18, 2024 8:19 PM',
      ),
      'signed-in.txt',
    );
    expect(result.articles[0]?.headline).toBe(twoSentences);
  });

  it('takes no reading time above the headline (reading-time)', async () => {
    const result = await convertWire(page('Tempo di lettura: 3 minuti', headline, 'By Jane Roe'), 'reading-time.txt');
    expect(result.articles[0]?.headline).toBe(headline);
  });

  it('takes no sign-in prompt above the headline (call-to-action)', async () => {
    const result = await convertWire(page('Click here to sign in with your account or', headline, 'By Jane Roe'), 'sign-in.txt');
    expect(result.articles[0]?.headline).toBe(headline);
    const { isNavigationWord } = await import('../src/lib/header.js');
    expect(isNavigationWord('Forgot your password?')).toBe(true);
    expect(isNavigationWord('Continue reading the main story Share This Page')).toBe(true);
  });

  it('takes no membership prompt as a headline (call-to-action)', async () => {
    const { isNavigationWord } = await import('../src/lib/header.js');
    expect(isNavigationWord('Not a member? Sign up')).toBe(true);
    expect(isNavigationWord('Noch kein Konto? Jetzt registrieren')).toBe(true);
  });

  it('takes no credit line opening with its label as a headline (caption-label)', async () => {
    const { isNavigationWord } = await import('../src/lib/header.js');
    expect(isNavigationWord('Foto: Example Archive / Jane Roe, CC BY 4.0 und 2021 example.org (CC BY 4.0)')).toBe(true);
    expect(isNavigationWord('Photo: Jane Roe')).toBe(true);
  });

  it('takes no caption with its credit label glued inside above the headline (caption-label)', async () => {
    for (const caption of [
      'The skipper waves from the deck of the old trawler in the harbourPhoto: Example Agency/Jane Roe',
      'The skipper waves from the deck of the old trawler in the harbour - Fotos: Jane Roe',
    ]) {
      const result = await convertWire(page(caption, headline, 'By Jane Roe'), 'caption-label.txt');
      expect(result.articles[0]?.headline).toBe(headline);
    }
  });

  it('takes no breadcrumb with double or slash separators above the headline (breadcrumb-separated)', async () => {
    for (const trail of ['Home ›› Harbour ›› Markets', 'Home / Harbour / Markets / Fish']) {
      const result = await convertWire(page(trail, headline, 'By Jane Roe'), 'breadcrumb.txt');
      expect(result.articles[0]?.headline).toBe(headline);
    }
  });
});

describe('a date above the headline, under a menu', () => {
  it('takes the title under the date when the line above the date sits inside a run of menu links', async () => {
    const result = await convertPage('association-menu-date-title.txt');
    expect(result.articles[0]?.headline).toBe('Warm durch den Winter: So sparen Sie beim Heizen in den Ferien');
    expect(result.articles[0]?.published).toBe('2024-12-12T00:00:00Z');
    expect(result.messages).toContain(
      'association-menu-date-title.txt:14:1: info Read the headline: "Warm durch den Winter: So sparen Sie beim Heizen in den Ferien", the title-like line right under the byline and date (the line above them sits in a menu) [wire-headline]',
    );
  });
});

describe('a headline between the date and the byline', () => {
  const headline = 'Harbour board votes to rebuild the old fish market on the east pier';

  it('takes the title printed under the date and above the byline, not a line above the date', async () => {
    // A science site prints its date (with the kind of piece) above the headline and the byline under it; its sign-in
    // box and slogan stand above, its menu between.
    const result = await convertWire(
      page(
        'The latest research news from the labs of the world',
        'Sign In',
        'Not a member? Sign up',
        'Learn more',
        'Physics',
        'Earth',
        'Home',
        'Other Sciences',
        'Archaeology & Fossils',
        'March 4, 2025 report',
        headline,
        'by Jane Roe , Example.org',
      ),
      'date-title-byline.txt',
    );
    expect(result.articles[0]?.headline).toBe(headline);
    expect(result.articles[0]?.authors).toEqual([{ name: 'Jane Roe' }]);
    expect(result.articles[0]?.published).toBe('2025-03-04T00:00:00Z');
  });

  it('reads a line between the date and a credit under a title as a caption, not the headline', async () => {
    const result = await convertWire(
      page(
        headline,
        'Example News wire services',
        'Published 11:11 PM EST Nov 19, 2024',
        'Harbour master Jane Roe III',
        'Jon Doe, Associated Press',
      ),
      'title-date-caption-credit.txt',
    );
    expect(result.articles[0]?.headline).toBe(headline);
  });
});

describe('a headline glued to a kicker or a breadcrumb', () => {
  const title = 'Harbour board votes to rebuild the old fish market on the east pier';

  it('leaves out the words glued before the title when the page prints the title alone below the story', async () => {
    const copy = [page('Home', 'Sections', `Home Issues ${title}`, 'By Jane Roe'), 'Share this story', title, 'Facebook'].join('\n');
    const result = await convertWire(copy, 'glued-breadcrumb.txt');
    expect(result.articles[0]?.headline).toBe(title);
  });

  it('leaves out a kicker the page prints apart from the title after a separator', async () => {
    const copy = [page('Home', 'Sections', `Fischmarkt ${title}`, 'By Jane Roe'), `More on: Fischmarkt - ${title}`].join('\n');
    const result = await convertWire(copy, 'glued-kicker.txt');
    expect(result.articles[0]?.headline).toBe(title);
  });

  it('keeps a headline whose last words another line repeats after more than four words', async () => {
    const long = `Tourists and traders of the islands agree: ${title}`;
    const copy = [page('Home', 'Sections', long, 'By Jane Roe'), title].join('\n');
    const result = await convertWire(copy, 'long-prefix.txt');
    expect(result.articles[0]?.headline).toBe(long);
  });
});

describe('a teaser printed twice', () => {
  it('gives no repeat bonus to a teaser printed in two menus, each time after menu links', async () => {
    const result = await convertPage('club-teaser-in-two-menus.txt');
    expect(result.articles[0]?.headline).toBe('Hallen dürfen wieder mehr Zuschauer einlassen');
    expect(result.articles[0]?.published).toBe('2025-02-02T00:00:00Z');
  });
});

describe('notices about an old browser or cookies', () => {
  const headline = 'Harbour board votes to rebuild the old fish market on the east pier';

  it('neither starts the story nor heads it with a notice that the browser is too old, printed twice', async () => {
    const notice =
      'Thank you for visiting example.org. You are using a browser version with limited support for CSS. To obtain the best experience, we recommend you use a more up to date browser (or turn off compatibility mode in your browser). In the meantime, to keep the site working, we are showing it without styles and JavaScript.';
    const header = ['Skip to main content', notice, 'Skip to main content', notice, 'Menu', 'NEWS', '24 September 2025', headline];
    const result = await convertWire(page(...header, 'Jane Roe'), 'old-browser.txt');
    expect(result.articles[0]?.headline).toBe(headline);
    expect(blocks(result)[0]).toMatch(/^The harbour board voted on Tuesday/);
  });

  it('reads German notices about cookies and an old browser as notices', async () => {
    const { isNotice } = await import('../src/lib/header.js');
    expect(isNotice('Hinweis zur Verwendung von Cookies')).toBe(true);
    expect(isNotice('Die auf dieser Website verwendeten Cookies dienen der technischen Bereitstellung und Optimierung des Angebots.')).toBe(
      true,
    );
    expect(isNotice('Dein Browser ist leider veraltet.')).toBe(true);
    expect(isNotice('The bakery on the corner still sells cookies by the pound, as it did in 1950.')).toBe(false);
  });
});

describe('a byline behind a theme’s label', () => {
  it('reads `Post author  By Jane Roe` as a byline, so that it is no headline', async () => {
    const headline = 'Harbour board votes to rebuild the old fish market on the east pier';
    const result = await convertWire(page(headline, 'Post author  By Jane Roe', 'Post date  March 5, 2025'), 'post-author.txt');
    expect(result.articles[0]?.headline).toBe(headline);
    expect(result.articles[0]?.authors).toEqual([{ name: 'Jane Roe' }]);
    const { bylineCandidate } = await import('../src/lib/header.js');
    expect(bylineCandidate('Autor: Jana Rosen')?.authors).toEqual([{ name: 'Jana Rosen' }]);
  });
});

describe('soft hyphens in a title (U+00AD)', () => {
  // A press office prints its title twice, the second time with soft hyphens for narrow columns, under a breadcrumb
  // and over a one-line summary and a labelled date.
  const title = 'Hafenamt richtet neue Stelle gegen Schmuggel ein';
  const hyphenated = 'Ha\u00adfen\u00adamt rich\u00adtet neue Stel\u00adle ge\u00adgen Schmug\u00adgel ein';

  it('reads the two printings as one repeated title, and the headline without soft hyphens', async () => {
    const result = await convertWire(
      page(
        'Startseite',
        'Presse',
        'Pressemitteilungen',
        '2024',
        title,
        hyphenated,
        'Neue Stelle des Hafenamts nimmt die Arbeit auf',
        '',
        'Datum: 12. März 2024',
      ),
      'soft-hyphens.txt',
    );
    expect(result.articles[0]?.headline).toBe(title);
  });

  it('reads the two printings as one title between a short label and a short deck (not a menu printed twice)', async () => {
    const short = 'Hafenamt richtet Stelle gegen Schmuggel';
    const result = await convertWire(
      page(
        'Startseite',
        'Presse',
        '2024',
        short,
        'Ha\u00adfen\u00adamt rich\u00adtet Stel\u00adle ge\u00adgen Schmug\u00adgel',
        'Neue Stelle des Hafenamts nimmt die Arbeit auf',
        '',
        'Datum: 12. März 2024',
      ),
      'soft-hyphens-short.txt',
    );
    expect(result.articles[0]?.headline).toBe(short);
  });

  it('takes a headline printed only with soft hyphens without them', async () => {
    const result = await convertWire(page(hyphenated, 'By Jane Roe'), 'soft-hyphens-only.txt');
    expect(result.articles[0]?.headline).toBe(title);
  });
});

describe('the headline under the date when no line above the date reads as a title', () => {
  // A portal prints a breadcrumb, the date, a print link, the section label and then the headline; above them only
  // a menu (whose one title-like entry sits between two links).
  it('takes the title-like line between the date and the story, not the breadcrumb', async () => {
    const copy = [
      'Nachrichten',
      'Wetter und Verkehr',
      'Service',
      '',
      'Home ›› Politik ›› Ausland',
      '12. März 2024',
      'Drucken',
      '© 2024 Beispielagentur',
      'Politik',
      'Hafenamt: Neue Stelle gegen den Schmuggel nimmt die Arbeit auf',
      '',
      'Das Hafenamt hat am Dienstag eine neue Stelle gegen den Schmuggel eingerichtet, die ab sofort alle Frachtschiffe im Osthafen kontrollieren soll, wie ein Sprecher der Behörde am Morgen mitteilte.',
      '',
      'Die neue Stelle soll eng mit dem Zoll zusammenarbeiten und vor allem Container aus Übersee prüfen, bei denen es in den vergangenen Jahren immer wieder Hinweise auf geschmuggelte Waren gegeben hatte.',
      '',
      'Die Reeder begrüßten die Einrichtung der Stelle, baten aber darum, die Kontrollen so zu planen, dass die Schiffe nicht länger als nötig im Hafen liegen müssen und keine Fahrpläne durcheinandergeraten.',
    ].join('\n');
    const result = await convertWire(copy, 'date-above-headline.txt');
    expect(result.articles[0]?.headline).toBe('Hafenamt: Neue Stelle gegen den Schmuggel nimmt die Arbeit auf');
    expect(result.messages).toContain(
      'date-above-headline.txt:10:1: info Read the headline: "Hafenamt: Neue Stelle gegen den Schmuggel nimmt die Arbeit auf", the title-like line under the byline and date (none above them) [wire-headline]',
    );
  });
});

describe('a stock photo credit above the headline and its deck', () => {
  // A church portal prints the photo's credit (`Foto von Jane Roe von Example`), the headline, a long deck and the
  // date: the credit is a caption's, so the headline is not the last of a list of titles, and the deck stays a deck;
  // a title of four words with a topic and a colon is no label over the deck.
  const title = 'Hafenamt: Kontrollen flächendeckend ausbauen';
  const deck =
    '"Verband der Hafenbetriebe" zum Tag der offenen Tür: Kontrollen auch außerhalb der Geschäftszeiten sind für die Betriebe wichtig';

  it('reads the credit as a caption and the upper title as the headline', async () => {
    for (const credit of ['Foto von Jana Roth von Bildarchiv', 'Photo by Jana Roth on Bildarchiv', 'Photo de Jana Roth sur Bildarchiv']) {
      const result = await convertWire(page('Inhalt:', credit, title, deck, '', '19.11.2021'), 'stock-credit.txt');
      expect(result.articles[0]?.headline).toBe(title);
      expect(result.articles[0]?.subheadline).toBe(deck);
    }
  });
});

describe('a run of menu links closed by a short label right above the date', () => {
  // A broadcaster's page: its show menu ends with a label of three words right above the date line; the headline is
  // under the date, over the share links.
  it('takes the full title under the date, not the last menu label', async () => {
    const title = 'Harbour traders are crucial for the vote on the new fish market';
    const result = await convertWire(
      page(
        'Podcasts',
        'Morning Desk',
        'Eye on Harbour',
        'Example News March 12, 2024, 7:57 AM',
        title,
        'Share',
        'Email',
        '',
        'Traders on the quay',
      ),
      'menu-label-over-date.txt',
    );
    expect(result.articles[0]?.headline).toBe(title);
  });
});

describe('titles opening with a German quotation mark or an episode number', () => {
  it('reads a title opening with „ (or ») as the headline, not the line above', async () => {
    for (const title of [
      '„Kleiner“ Vorverkauf für die Heimspiele der Hafenmannschaft gestartet',
      '»Wir fahren erst, wenn der Hafen frei ist«',
    ]) {
      const result = await convertWire(page('Besucht uns auf Example', title, '', '12.03.2024'), 'german-quote-title.txt');
      expect(result.articles[0]?.headline).toBe(title);
    }
  });

  it('reads a podcast title opening with its episode number in brackets', async () => {
    const title = '(16) Hafen-Update: Brauchen wir Abkürzungen bei den Kontrollen';
    const result = await convertWire(page('Sendungen', 'Die Redaktion', 'App', '', title, '', 'Bild vergrößern'), 'episode-title.txt');
    expect(result.articles[0]?.headline).toBe(title);
  });
});

describe('a caption with an agency and photographer in parentheses above the headline and its deck', () => {
  it('reads the caption by its credit; the upper of the two title-like lines is the headline', async () => {
    const title = 'Despite the storms, harbour traffic rose in 2024';
    const deck = 'Container ships have been calling at the east pier more often over the past ten years';
    const result = await convertWire(
      page(
        'The east pier at dawn with two container ships waiting at anchor outside the breakwater (Getty/Jane Roe)',
        title,
        deck,
        '',
        'MARA LIND',
        'JANUARY 10, 2025 9:00AM (UTC)',
      ),
      'caption-getty-slash.txt',
    );
    expect(result.articles[0]?.headline).toBe(title);
    expect(result.articles[0]?.subheadline).toBe(deck);
  });
});
