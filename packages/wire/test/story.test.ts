import { describe, expect, it } from 'vitest';
import { blocks, convertWire, harbourStoryLong } from './helpers.js';

/**
 * Where the story is found (issue 14), on our own invented pages in the shape of held-out copies: a menu entry that
 * reads like a staff dateline, a page whose story has one long paragraph only.
 */

/** The first line of the body, as text. */
function firstParagraph(result: Awaited<ReturnType<typeof convertWire>>): string | undefined {
  return blocks(result)[0];
}

describe('a dateline opens a paragraph, not a menu entry (story locator)', () => {
  // A dossier menu above the story prints `KI – Chancen und Gefahren`: capitals, a dash, a title. That is no staff
  // dateline (`MADRID — …`): a dateline opens a paragraph of prose, not a label of a few words.
  const page = [
    'Startseite',
    'Dossiers',
    'KI – Chancen und Gefahren',
    'Die Rechenzentren brauchen viel Strom. Doch ihre Betreiber sagen wenig darüber.',
    'Wasser – Knapp und umkämpft',
    'Die Brunnen fallen trocken. Die Gemeinden streiten um jeden Liter.',
    '',
    'Hafenverwaltung lässt den alten Fischmarkt neu bauen',
    '',
    '12. März 2024',
    '',
    ...harbourStoryLong,
  ].join('\n');

  it('finds the story below the menu, with its headline', async () => {
    const result = await convertWire(page, 'dossier-menu-dash.txt');
    expect(result.articles[0]?.headline).toBe('Hafenverwaltung lässt den alten Fischmarkt neu bauen');
    expect(result.articles[0]?.dateline).toBeUndefined();
    expect(firstParagraph(result)).toMatch(/^Die Hafenverwaltung hat am Dienstag/u);
  });
});

describe('a teaser in capitals and a dash below the story is no dateline (story locator)', () => {
  // Below the story, a list of links prints a teaser that opens like a staff dateline (`HAFEN AKTUELL – …`): a
  // place in capitals and a dash. No prose follows it, so it opens no story; the story is the run of prose above.
  const page = [
    'Startseite',
    'Politik',
    '',
    'Hafenverwaltung lässt den alten Fischmarkt neu bauen',
    '',
    '12. März 2024 / 09:18 Uhr',
    '',
    ...harbourStoryLong,
    'Artikel teilen',
    'Politik aktuell',
    '12. März 2024',
    'HAFEN AKTUELL – Heute erscheint der neue Hafenbericht mit allen Zahlen des Jahres',
    'WIR INFORMIEREN',
    'Impressum',
    '',
  ].join('\n');

  it('finds the story above the list, with its headline', async () => {
    const result = await convertWire(page, 'teaser-caps-dash.txt');
    expect(result.articles[0]?.headline).toBe('Hafenverwaltung lässt den alten Fischmarkt neu bauen');
    expect(result.articles[0]?.dateline).toBeUndefined();
    expect(firstParagraph(result)).toMatch(/^Die Hafenverwaltung hat am Dienstag/u);
  });
});

describe('a title ending with a question mark is no paragraph of the story (story locator)', () => {
  // Under a menu, a title closed by `?` (or `…`, or a closing quote) reads as a short paragraph right above the story's
  // prose: jusText's context rule would take it in. With menu links above it and no byline or date between, it is
  // the title: the story starts under it, and the header reads it as the headline.
  const paragraphs = [
    'The harbour board voted on Tuesday to rebuild the old fish market on the east pier, a project that has been discussed for more than a decade and was twice put off for lack of money.',
    'Work is to begin in the spring, and the board said the stalls would stay open in a temporary hall on the quay while the new building goes up, so that the fishermen lose no trading days.',
    'Traders welcomed the decision but asked the board to keep the rents at their present level for the first two years, since many of them had lost customers during the long closure of the road.',
  ];
  const page = (...header: string[]) => [...header, '', ...paragraphs.flatMap((paragraph) => [paragraph, ''])].join('\n');

  it('reads a question under a menu as the headline, and the story from its first paragraph', async () => {
    const title = 'Will the old fish market on the east pier finally reopen this spring?';
    const result = await convertWire(page('Home', 'News', 'Local', 'Subscribe', 'Comments', title), 'question-title.txt');
    expect(result.articles[0]?.headline).toBe(title);
    expect(firstParagraph(result)).toBe(paragraphs[0]);
  });

  it('reads a Spanish question (`¿…?`) as a title, not the slogan above the menu', async () => {
    const title = '¿Cuándo abrirá el nuevo mercado del puerto, según el calendario de la junta?';
    const result = await convertWire(
      page('Noticias del puerto y de la región', 'Inicio', 'Política', 'Economía', 'SUSCRÍBETE', 'respuestas', title),
      'pregunta.txt',
    );
    expect(result.articles[0]?.headline).toBe(title);
    expect(firstParagraph(result)).toBe(paragraphs[0]);
  });

  it('keeps a short question under the byline as the first paragraph', async () => {
    const question = 'Why does the old fish market matter so much to the town?';
    const result = await convertWire(
      page('Home', 'News', 'Harbour board votes to rebuild the old fish market', 'By Jane Roe', question),
      'question-lead.txt',
    );
    expect(result.articles[0]?.headline).toBe('Harbour board votes to rebuild the old fish market');
    expect(firstParagraph(result)).toBe(question);
  });
});

describe('the first paragraph under the header: a sentence with a date, a sentence closed in brackets (story locator)', () => {
  const rest = [
    'The date is about three months later than the board had planned when the ferry line was first invited to join the network, a delay it puts down to the work on its booking system and the new island timetable.',
    '',
    'Passengers will keep their present fares until then, and season tickets bought before the change stay valid on every boat of the network for the rest of the year, the board said on Tuesday.',
    '',
    'Traders on the quay welcomed the news but asked the board to keep the late boat on Saturdays, which many of them use to bring their stalls back from the market on the mainland.',
    '',
  ];

  it('reads a sentence naming a date as the first paragraph, not as a date line of the header', async () => {
    const lead = 'The island ferry line has a new date for when it will be a full member of the coastal network: March 31, 2026.';
    const copy = [
      'News',
      'Island ferry line sets new date for joining the coastal network',
      'Jane Roe',
      'Oct 13, 2025',
      '',
      'This post contains references to products from one or more of our advertisers. We may receive compensation when you click on links to those products. Terms apply to the offers listed on this page.',
      '',
      lead,
      '',
      ...rest,
    ].join('\n');
    const result = await convertWire(copy, 'dated-sentence.txt');
    expect(result.articles[0]?.published).toBe('2025-10-13T00:00:00Z');
    expect(firstParagraph(result)).toBe(lead);
    expect(blocks(result).some((block) => block.startsWith('This post contains references'))).toBe(false);
  });

  it('reads a short first paragraph closed inside brackets as the story’s', async () => {
    const lead = 'The paper quotes my post today: “The town is not ready for a car-free harbour.” (Here is the online version.)';
    const copy = [
      'Why the town is not ready for a car-free harbour',
      'Post author By Jane Roe',
      'Post date March 5, 2025',
      '1 Comment on Why the town is not ready for a car-free harbour',
      lead,
      '',
      ...rest,
    ].join('\n');
    const result = await convertWire(copy, 'bracket-closed.txt');
    expect(firstParagraph(result)).toBe(lead);
  });
});

describe('a story of one long paragraph under a sign-in form (story locator)', () => {
  // A paywalled page prints one paragraph of the story; above it, the sign-in and register forms close with a short
  // sentence (`A password will be e-mailed to you.`). With no run of prose on the page, the story is its first long
  // paragraph, not the first short sentence.
  const page = [
    'Sign in',
    'Welcome! Log into your account',
    'your username',
    'your password',
    'Forgot your password?',
    'Create an account',
    'Sign up',
    'your email',
    'A password will be e-mailed to you.',
    'Password recovery',
    'News',
    'Business',
    'Sports',
    '',
    'Harbour board votes to rebuild the old fish market on the east pier',
    '',
    'By',
    'Jane Roe',
    '-',
    'May 4, 2024',
    'Share',
    'Facebook',
    'Email',
    'The harbour board voted on Tuesday to rebuild the old fish market on the east pier, a project that has been discussed for more than a decade and was twice put off for lack of money, board members said.',
    '',
    'Related Videos',
    'Topics',
    'Harbour board',
    'Fish market',
    '',
  ].join('\n');

  it('starts the story at the long paragraph and reads the header above it', async () => {
    const result = await convertWire(page, 'paywall-one-paragraph.txt');
    expect(firstParagraph(result)).toMatch(/^The harbour board voted on Tuesday/u);
    expect(result.articles[0]?.headline).toBe('Harbour board votes to rebuild the old fish market on the east pier');
    expect(result.articles[0]?.published).toMatch(/^2024-05-04/u);
  });
});
