import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blocks, convertWire } from './helpers.js';

/** Our own fixtures in the shape of story headers on pages copied with select-all (issue 14). */
function convertPage(name: string) {
  return convertWire(readFileSync(new URL(`fixtures/${name}`, import.meta.url)), name);
}

describe('a gadget site: the name and the date on one line under the headline', async () => {
  const result = await convertPage('gadget-site-name-date.txt');
  const article = result.articles[0];

  it('reads the name before the date as the byline, and the date with its zone', () => {
    expect(article?.headline).toBe('A solar kettle for campers boils water with nothing but a folding mirror');
    expect(article?.authors).toEqual([{ name: 'Mira Talvik' }]);
    expect(article?.published).toBe('2025-03-04T21:12:00-06:00');
    expect(result.messages).toContain('gadget-site-name-date.txt:24:1: info Read the byline: Mira Talvik [wire-byline]');
  });
});

describe('a company blog: back link, then the byline and date above the title', async () => {
  const result = await convertPage('blog-byline-above-title.txt');
  const article = result.articles[0];

  it('does not take the back link as the headline; reads the German byline and date above the title', () => {
    expect(article?.headline).toBe('Ein Stand, drei Tage und viele Gespräche: Nordlicht Digital auf der Fachmesse');
    expect(article?.authors).toEqual([{ name: 'Jonas Feldhaus' }]);
    expect(article?.published).toBe('2025-03-14T00:00:00Z');
    expect(article?.language).toBe('de');
    expect(result.messages).toContain(
      'blog-byline-above-title.txt:6:1: info Read the byline above the headline: Jonas Feldhaus [wire-byline]',
    );
    expect(blocks(result)[0]).toMatch(/^Vom 2\. bis 4\. April sind wir wieder/);
  });
});

describe('a regional paper: a date without a year, a caption with its credit, a byline with contact details', async () => {
  const result = await convertPage('regional-yearless-contact.txt');
  const article = result.articles[0];

  it('takes neither the date line nor the caption as the headline', () => {
    expect(article?.headline).toBe('Island commuters split over the new winter ferry timetable');
    expect(article?.subheadline).toBeUndefined();
  });

  it('reads the name without the e-mail address and the telephone number', () => {
    expect(article?.authors).toEqual([{ name: 'Petra Lind' }]);
  });

  it('warns that the page has a date without a year, and guesses none', () => {
    expect(article?.published).toBeUndefined();
    expect(result.messages).toContain(
      'regional-yearless-contact.txt:7:9: warning No publication date found: "Mar 4, 6:55 AM" has no year; it is not used as a date [wire-date-incomplete]',
    );
  });
});

describe('a blog posting under a user name, dated with an ISO day', async () => {
  const result = await convertPage('blog-user-name-iso-day.txt');
  const article = result.articles[0];

  it('reads the day; the user name is no author, and a warning says so', () => {
    expect(article?.published).toBe('2025-03-16T00:00:00Z');
    expect(article?.authors).toEqual([]);
    expect(result.messages).toContain(
      'blog-user-name-iso-day.txt:7:1: warning No byline read: "By admin - 2025-03-16" opens like one, but names no one as a byline does (a name of two words or more) [wire-no-byline]',
    );
  });
});

describe('headlines among section labels, breadcrumbs and teasers', () => {
  it('does not take a breadcrumb printed without separators as the headline', async () => {
    const result = await convertPage('science-site-breadcrumb.txt');
    expect(result.articles[0]).toMatchObject({
      headline: 'Faint Rings Around a Distant Moon Turn Out to Be Frozen Dust',
      authors: [{ name: 'Tomas Ekberg' }],
      published: '2025-03-04T16:20:00Z',
    });
    expect(result.articles[0]?.subheadline).toBeUndefined();
    expect(result.messages).toContain(
      'science-site-breadcrumb.txt:4:1: info Read the headline: "Faint Rings Around a Distant Moon Turn Out to Be Frozen Dust", the best title-like line above the byline and date [wire-headline]',
    );
  });

  it('prefers the title over a deck of two sentences under it', async () => {
    const result = await convertPage('opinion-two-sentence-deck.txt');
    expect(result.articles[0]?.headline).toBe('The Example view on harbour towns: the tide is turning');
    expect(result.articles[0]?.published).toBe('2025-03-03T18:54:00Z');
  });

  it('does not take the last link of a list of teasers above the headline as the headline', async () => {
    const result = await convertPage('portal-teaser-list.txt');
    expect(result.articles[0]?.headline).toBe('The forgotten island school that taught three generations of ferry captains');
    expect(result.articles[0]?.subheadline).toBeUndefined();
    expect(result.articles[0]?.authors).toEqual([{ name: 'Hanna Corvel' }]);
    expect(result.messages).toContain(
      'portal-teaser-list.txt:15:1: warning "1 day ago" gives a time only relative to when the page was copied; it is not used as a date [wire-date-relative]',
    );
  });
});

describe('headlines among menus printed twice and short kickers', () => {
  it('does not take a menu item printed twice as the repeated headline', async () => {
    const result = await convertPage('local-paper-menus-twice.txt');
    expect(result.articles[0]).toMatchObject({
      headline: 'Bridge repairs close the river road for three weeks',
      authors: [],
      published: '2025-03-04T06:38:00Z',
    });
    expect(result.messages).toContain('local-paper-menus-twice.txt:18:1: info Read the byline: a desk, no person named [wire-byline]');
  });

  it('reads a short headline between a kicker and a byline in capitals (not a menu item)', async () => {
    const result = await convertPage('magazine-kicker-caps-byline.txt');
    expect(result.articles[0]).toMatchObject({
      headline: 'The Tide Clock',
      authors: [{ name: 'Anna Kellgren' }],
      published: '2025-03-04T06:30:00Z',
    });
  });
});

describe('a music site: date above the headline, `By` on a line of its own, a teaser label glued to a title', async () => {
  const result = await convertPage('music-site-split-byline.txt');
  const article = result.articles[0];

  it('reads the headline under the date, not the teaser line above it', () => {
    expect(article?.headline).toBe('The Lantern Brothers Reunite With Their First Singer for a 30th Anniversary Tour');
    expect(article?.published).toBe('2025-03-04T00:04:00-05:00');
  });

  it('reads `By` and the name on the next line as one byline', () => {
    expect(article?.authors).toEqual([{ name: 'Nora Vesti' }]);
    expect(result.messages).toContain('music-site-split-byline.txt:18:1: info Read the byline: Nora Vesti [wire-byline]');
  });
});

describe('a portal: the name, then the job title, then the outlet and date glued, each on a line of its own', async () => {
  const result = await convertPage('portal-name-role-lines.txt');
  const article = result.articles[0];

  it('reads the name as the author and the job title as no one', () => {
    expect(article?.headline).toBe('Seven folding bicycles that fit under a train seat');
    expect(article?.authors).toEqual([{ name: 'Rosa Linnell' }]);
  });
});

describe('headlines among skip links, sponsor labels, notices and a site name the byline repeats', () => {
  it('takes neither the glued skip links nor a deck as the headline; an abbreviation’s full stop does not close a title', async () => {
    const result = await convertPage('paper-skip-links-abbreviation.txt');
    expect(result.articles[0]?.headline).toBe('Frost Heaves and Cracked Mains: How Winter Wears Down the Streets of Port Elm, N.S.');
  });

  it('takes no sponsor label, link pair, JavaScript notice or show name ending the byline as the headline', async () => {
    const result = await convertPage('portal-show-name-sponsor.txt');
    expect(result.articles[0]?.headline).toBe('Ferry Crew Rescues Three Kayakers Caught by the Evening Tide');
  });

  it('takes no site name a copyright line ends with, nor a blurb printed twice; reads a credit after a bar or glued to its caption', async () => {
    const result = await convertPage('paper-site-name-caption-credits.txt');
    expect(result.articles[0]?.headline).toBe('Lighthouse keepers’ cottages open to visitors for the first time');
    const { readCaption } = await import('../src/lib/header.js');
    expect(readCaption('The pier at dawn, seen from the ferry.CreditCreditJane Roe/Example Times')).toEqual({
      caption: 'The pier at dawn, seen from the ferry.',
      credit: 'Jane Roe/Example Times',
    });
    expect(readCaption('The old cabaret on the hill at night Jane Roe/Reuters')).toEqual({
      caption: 'The old cabaret on the hill at night',
      credit: 'Jane Roe/Reuters',
    });
  });

  it('takes the title the breadcrumb repeats under the date when only a short label stands above the date', async () => {
    const result = await convertPage('tech-site-headline-under-date.txt');
    expect(result.articles[0]?.headline).toBe('Passwortmanager für Linux liest jetzt QR-Codes');
  });

  it('takes the upper of a title and its deck when the links above them open alike (a menu, not a list of titles)', async () => {
    const result = await convertPage('portal-link-menu-deck.txt');
    expect(result.articles[0]?.headline).toBe('Harbour coach says he was wrong to bring the cup to the mayor in 2019');
  });
});
