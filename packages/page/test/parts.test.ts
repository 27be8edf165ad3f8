import { defaultBlockRules, extractPage, pageIngester, pageRules, recognize, splitAuthors, splitCaption } from '@syndikit/page';
import { describe, expect, it } from 'vitest';
import { readPage } from './helpers.js';

describe('recognize', () => {
  it('knows saved pages', () => {
    for (const name of ['wire-portal.html', 'dpa-de.html', 'no-json-ld.html', 'hostile.html']) expect(recognize(readPage(name))).toBe(true);
    expect(recognize('\uFEFF<!-- saved from url=(0040)https://news.example/story -->\n<!DOCTYPE html><html></html>')).toBe(true);
    expect(recognize('  <html lang="en"><body><p>x</p></body></html>')).toBe(true);
    expect(recognize('<meta charset="utf-8"><title>x</title><body><p>story</p></body>')).toBe(true);
  });

  it('knows an XHTML page after its XML declaration, and a page after a server warning printed before it', () => {
    const xhtml = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">';
    expect(recognize(`<?xml version="1.0" encoding="utf-8"?>\n${xhtml}\n<html xmlns="http://www.w3.org/1999/xhtml"></html>`)).toBe(true);
    const warning = "<br />\n<b>Warning</b>:  include(): Failed opening 'menu.php' in <b>/srv/www/index.php</b> on line <b>12</b><br />\n";
    expect(recognize(`${warning}${warning}<!DOCTYPE html>\n<html lang="en"><body><p>story</p></body></html>`)).toBe(true);
  });

  it('does not take other inputs for pages', () => {
    expect(recognize('# Headline\n\nA paragraph with <b>HTML</b> in it.\n')).toBe(false);
    expect(recognize('WASHINGTON (AP) — A story as copied from a page.\n')).toBe(false);
    expect(recognize('{"headline": "<html>"}')).toBe(false);
    expect(recognize('<?xml version="1.0"?><nitf><body></body></nitf>')).toBe(false);
    expect(recognize('<p>A fragment</p>')).toBe(false);
    expect(recognize('<!-- a comment that never ends')).toBe(false);
    expect(recognize('<?xml version="1.0"?>\n<!-- a feed --><rss><channel><title>x</title></channel></rss>')).toBe(false);
    expect(recognize('<b>Bold</b> text of a fragment with no page after it')).toBe(false);
  });

  it('throws on a non-string', () => {
    expect(() => recognize(42 as unknown as string)).toThrow(new TypeError('Expected a string for recognize but received number'));
  });
});

describe('splitCaption', () => {
  it.each([
    ['A ferry leaves. (AP Photo/Jeff Doe, File)', { caption: 'A ferry leaves.', credit: 'AP Photo/Jeff Doe, File' }],
    ['Traders work on the floor. REUTERS/Jane Roe', { caption: 'Traders work on the floor.', credit: 'REUTERS/Jane Roe' }],
    ['Farmers plant rice. Photo: Quan Mai Hoa, AP', { caption: 'Farmers plant rice.', credit: 'Quan Mai Hoa, AP' }],
    ['A hunter in a fieldCredit: Getty - Contributor', { caption: 'A hunter in a field', credit: 'Getty - Contributor' }],
    ['Protesters march (Image: GETTY )', { caption: 'Protesters march', credit: 'GETTY' }],
    [
      '© Jo Zaman, AFP | Police stand guard outside the court.',
      { caption: 'Police stand guard outside the court.', credit: 'Jo Zaman, AFP' },
    ],
    ['Ein Zug im Bahnhof. Foto: Jo Weiden/dpa', { caption: 'Ein Zug im Bahnhof.', credit: 'Jo Weiden/dpa' }],
    ['A caption without a credit.', { caption: 'A caption without a credit.' }],
  ])('%s', (text, expected) => {
    expect(splitCaption(text)).toEqual(expected);
  });
});

describe('splitAuthors', () => {
  it('splits and normalises bylines', () => {
    expect(splitAuthors('By MARTA QUINLAN and DEVON ACHTERBERG')).toEqual(['Marta Quinlan', 'Devon Achterberg']);
    expect(splitAuthors('Von Katrin Albrechtsen und Jo Weiden')).toEqual(['Katrin Albrechtsen', 'Jo Weiden']);
    expect(splitAuthors('https://example.com/authors/jane')).toEqual([]);
  });

  // A Readability byline is the text of the byline element, which often holds the date, an outlet or a degree too.
  it.each([
    ['a date on the next line', 'By MARTA QUINLAN\n        October 4, 2021 9:12 AM', ['Marta Quinlan']],
    ['a date glued on', 'by Devon Achterberg14 Mar 2022318', ['Devon Achterberg']],
    ['a date after a dash', 'Jo Weiden — October 4, 2021', ['Jo Weiden']],
    ['an ISO date after a dash', 'Jo Weiden - 2021-10-04', ['Jo Weiden']],
    ['a date alone', 'March 14, 2022 at 7:05 am Updated March 15, 2022 at 1:40 pm', []],
    ['a degree and an outlet line', 'By Katrin  Albrechtsen, MD\n          Lakeside Health Desk', ['Katrin Albrechtsen']],
    ['a French byline with contributors', 'Par Jo Weiden (avec Lise Marchal et Tom Orry)', ['Jo Weiden']],
    ['a Spanish byline', 'Por Ana Ferrol', ['Ana Ferrol']],
    ['names over two lines', 'By Jo Weiden and\n   Ana Ferrol', ['Jo Weiden', 'Ana Ferrol']],
    ['a parenthesised middle name', 'Bruno (Ray Tallis) Ormond', ['Bruno (Ray Tallis) Ormond']],
    ['a label left alone', 'Posted', []],
    ['a label before the name', 'Auteur:    \n       Ana Ferrol', ['Ana Ferrol']],
    ['punctuation before the name', ',  par  Jo Weiden', ['Jo Weiden']],
    ['a dash after the name', 'By Jo Weiden -', ['Jo Weiden']],
    ['an interview byline', 'Jo Weiden im Gespräch mit Ana Ferrol', ['Jo Weiden', 'Ana Ferrol']],
    ['a relative time glued on', 'Ana Ferrolvor 5 StundenMehr', ['Ana Ferrol']],
    ['a user name', 'jo.weiden', []],
    ['a handle', '@LowmoorDaily', []],
  ])('keeps only the names: %s', (_, text, expected) => {
    expect(splitAuthors(text)).toEqual(expected);
  });
});

describe('extractPage', () => {
  it('uses JSON-LD articleBody when Readability finds little of it', () => {
    const body = Array.from(
      { length: 6 },
      (_, index) => `Paragraph ${index} of the story tells what happened next, in words of its own number ${index}.`,
    ).join('\n\n');
    const page = `<!doctype html><html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'H', articleBody: body })}</script></head><body><nav><a href="/">Home</a></nav><div id="app"></div></body></html>`;
    const result = extractPage(page);
    expect(result.text).toBe(body);
    expect(result.decisions.some((decision) => decision.rule === 'article-body-instead')).toBe(true);
    expect(extractPage(page, { useArticleBody: false }).text).toBe('');
  });

  it('applies rules of its own before the defaults', () => {
    const story = '<p>The story goes on, with a comma, long enough to count as prose for the extractor to read.</p>'.repeat(5);
    const page = `<!doctype html><html><body><article><h1>T</h1>${story}<p>Promo: buy our mug today</p></article></body></html>`;
    expect(extractPage(page).text).toContain('Promo: buy our mug');
    const cleaned = extractPage(page, { rules: [{ id: 'mug-promo', description: 'our mug promo', pattern: /^promo:/i, action: 'drop' }] });
    expect(cleaned.text).not.toContain('Promo');
    expect(cleaned.decisions).toContainEqual({ kind: 'dropped', rule: 'mug-promo', text: 'Promo: buy our mug today' });
  });

  it('takes the caption of an image outside a figure from the block after it, and drops it from the body', () => {
    const story = '<p>The story goes on, with a comma, long enough to count as prose for the extractor to read.</p>'.repeat(3);
    const page = `<!doctype html><html><body><article><h1>T</h1>${story}<div><img src="https://img.example/crowd.jpg" alt="Crowd"></div><p>Crowds gather in the square (Image: NEWSPIX )</p>${story}</article></body></html>`;
    const result = extractPage(page);
    expect(result.figures).toEqual([
      { src: 'https://img.example/crowd.jpg', alt: 'Crowd', caption: 'Crowds gather in the square', credit: 'NEWSPIX' },
    ]);
    expect(result.text).not.toContain('Crowds gather');
  });

  it('reads the page after what a server printed before it (a PHP warning above the doctype)', () => {
    const story = '<p>The story goes on, with a comma, long enough to count as prose for the extractor to read.</p>'.repeat(5);
    const warning = "<br />\n<b>Warning</b>:  include(): Failed opening 'menu.php' in <b>/srv/www/index.php</b> on line <b>12</b><br />\n";
    const page = `${warning}<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8"><title>Ferry fares rise | Lowmoor Daily</title></head><body><article><h1>Ferry fares rise</h1>${story}</article></body></html>`;
    const result = extractPage(page);
    expect(result.headline?.value).toBe('Ferry fares rise');
    expect(result.metadata.language?.value).toBe('de');
    expect(result.text).toContain('The story goes on');
    expect(result.text).not.toContain('Warning');
  });

  it('throws on a non-string', () => {
    expect(() => extractPage(null as unknown as string)).toThrow(new TypeError('Expected a string of HTML but received null'));
  });
});

describe('pageIngester', () => {
  it('reads .html and .htm with a cache key that follows its options', () => {
    const ingester = pageIngester();
    expect(ingester.name).toBe('page');
    expect(ingester.extensions).toEqual(['.html', '.htm']);
    expect(pageIngester({ useArticleBody: false }).cacheKey).not.toBe(ingester.cacheKey);
  });

  it('says what it expected when misused', () => {
    expect(() => pageIngester([] as never)).toThrow(new TypeError('Expected an options object for pageIngester but received an array'));
    expect(() => pageIngester({ rules: [{ id: 'Bad Id', description: '', pattern: /x/, action: 'drop' }] })).toThrow(
      new TypeError('Expected block rule 0 to have a kebab-case id but received "Bad Id"'),
    );
    expect(() => pageIngester({ rules: [{ id: 'x', description: '', pattern: 'x' as never, action: 'drop' }] })).toThrow(
      new TypeError('Expected block rule `x` to have a RegExp pattern but received string'),
    );
    expect(() => pageIngester({ maxPageDepth: 0 })).toThrow(new TypeError('Expected a positive integer for `maxPageDepth` but received 0'));
  });

  it('has a catalogue entry for every rule id it reports', () => {
    for (const rule of Object.values(pageRules)) {
      expect(rule.id).toMatch(/^page-[a-z-]+$/);
      expect(rule.title.length).toBeGreaterThan(0);
      expect(rule.hint.length).toBeGreaterThan(0);
    }
  });
});

describe('defaultBlockRules', () => {
  const examples: Record<string, string> = {
    'skip-link': 'Skip to content',
    advertising: 'Advertisement',
    'site-control': 'Sign In',
    'script-required': 'This slideshow requires JavaScript.',
    'cookie-notice': "This website uses cookies to improve your experience. We'll assume you're ok with this.",
    'related-label': 'SEE MORE: Bridge tolls rise again in July',
    'byline-line': 'By Justine Coleman - 11/18/19 11:04 PM EST',
    'date-line': 'PUBLISHED: 10:48, Tue, Nov 19, 2019',
    'bare-url': 'https://news.example/story-123.html',
    'reading-time': '4 Min Read',
    'download-link': 'Dieses Skript als PDF herunterladen',
    'feedback-prompt': 'We want to hear what you think about this article. Submit a letter to the editor.',
    'comment-prompt': 'Um den Tipp kommentieren zu können, müssen Sie eingeloggt sein.',
    'newsletter-prompt': 'Get the latest updates right in your inbox. Subscribe to Bayview’s newsletters.',
    'figure-label': 'Abb. 3: Der Anleger von Lowmoor im Winter',
    'review-notice': 'Medizinisch geprüft von Dr. Ana Ferrol, Fachärztin für Innere Medizin',
    'contact-line': 'Have a tip? Jo Doe may be reached at jdoe@news.example. Follow her on Twitter.',
    shortcode: '[button link="https://news.example/submit" type="big"] Send us your review[/button]',
    'trailer-start': 'Citation: Library reopens after repair (2024, April 2) retrieved 3 April 2024',
    'about-boilerplate': 'About Acme Robotics',
    'teaser-more': 'Wind reports Estimates of the energy a wind farm yields... mehr •••',
    'site-copyright': 'The contents of this site are ©2024 Bayview Publishing Corp.',
  };
  // Story sentences that look a little like chrome and must be kept.
  const prose = [
    'By Tuesday, officials had agreed to the terms of the deal.',
    'Updated figures from the ministry show exports rose for a third month, the agency said.',
    'About 300 people gathered outside the court on Monday, police said.',
    'The company said it uses cookies and other trackers on its site, which regulators are now examining in detail over many months.',
    'More than half of the residents voted for the plan.',
    'Um den Hafen zu erweitern, braucht die Stadt das Geld des Landes, sagte die Bürgermeisterin.',
    'Anzeigen gegen den Betreiber der Fähre liegen der Polizei bisher nicht vor.',
    'Veröffentlichungen der Behörde zeigen, dass die Preise seit 2019 gestiegen sind.',
    'The board said more than 2,000 islanders had signed up to the ferry pass, and more would follow.',
    'Quellen anzeigen lassen sich die Daten nicht, sagte die Sprecherin.',
    'The council published its plan as a PDF of 40 pages on Monday.',
    'He paused. "There is more to come… more than you think," he said.',
  ];

  it('has an example for every rule, matched by that rule first', () => {
    expect(Object.keys(examples).sort()).toEqual(defaultBlockRules.map((rule) => rule.id).sort());
    for (const [id, text] of Object.entries(examples)) expect(defaultBlockRules.find((rule) => rule.pattern.test(text))?.id, text).toBe(id);
  });

  it('knows more phrasings of newsletter prompts, site controls and download links', () => {
    const more: Array<[string, string]> = [
      ['Never miss the latest news from Lowmoor by signing up to our newsletter today!', 'newsletter-prompt'],
      ['Quellen ausblenden', 'site-control'],
      ['Show sources', 'site-control'],
      ['Merkblatt zur Fährkarte vom 3. März 2021PDF | 38 KB | Datei ist nicht barrierefrei', 'download-link'],
      ['Annual report 2023 (PDF, 1.2 MB)', 'download-link'],
      ['Ferry report Figures on the fares of past years... mehr •••', 'teaser-more'],
      ['Harbour works start in spring: what the board plans … Read more »', 'teaser-more'],
    ];
    for (const [text, id] of more) expect(defaultBlockRules.find((rule) => rule.pattern.test(text))?.id, text).toBe(id);
  });

  it('keeps story sentences', () => {
    for (const text of prose)
      expect(
        defaultBlockRules.filter((rule) => rule.pattern.test(text)).map((rule) => rule.id),
        text,
      ).toEqual([]);
  });
});
