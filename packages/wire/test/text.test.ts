import { describe, expect, it } from 'vitest';
import { blocks, convertWire, convertWireFixture, figures } from './helpers.js';

describe('scraped AP copy (modelled on the seed article)', async () => {
  const result = await convertWireFixture('ap-scraped-storm.txt', { photoBaseUrl: 'https://photos.example/' });
  const article = result.articles[0];

  it('reads headline, byline, dateline, photo, source, notes and copyright', () => {
    expect(article).toMatchObject({
      headline: 'Coastal towns brace as late-season storm gains strength off the Carolinas',
      authors: [{ name: 'Jordan Hale' }],
      dateline: { place: 'CHARLESTON, S.C.', agency: 'AP' },
      source: 'The Associated Press',
      copyright: 'Copyright 2024 The Associated Press. All rights reserved.',
      notes: ['Associated Press writer Devon Park in Raleigh, North Carolina, contributed to this report.'],
      images: [
        {
          src: 'https://photos.example/20241108094512-4f2c9ab17e0d3c55aa61b2c0.jpeg',
          caption: 'Volunteers stack sandbags outside a hardware store in Charleston, S.C., Thursday, Nov. 7, 2024.',
          credit: 'AP Photo/Renata Obi',
        },
      ],
    });
  });

  it('keeps only the story in the body, without site chrome or the dateline', () => {
    const text = blocks(result);
    expect(text[0]).toBe(
      'Coastal towns from Georgia to North Carolina filled sandbags and moved boats inland Friday as a late-season storm strengthened over warm Atlantic water, forecasters said.',
    );
    expect(text).toHaveLength(5);
    expect(text.join('\n')).not.toMatch(/Skip to content|push icon|No thanks|Be the first|^128$|Jordan Hale|contributed|Copyright/m);
  });

  it('explains every removed line and every guess, with its line number', () => {
    expect(result.messages).toEqual(
      expect.arrayContaining([
        'ap-scraped-storm.txt:1:1: info Removed a number alone (share or comment counts): "128" [bare-number]',
        'ap-scraped-storm.txt:3:1: info Removed accessibility skip link: "Skip to content" [skip-link]',
        'ap-scraped-storm.txt:7:1: info Removed a teaser that repeats the start of the story: "CHARLESTON, S.C. (AP) — Coastal" [wire-teaser]',
        'ap-scraped-storm.txt:8:1: warning Publication date guessed from the photo file name 20241108094512-4f2c9ab17e0d3c55aa61b2c0 (2024-11-08T09:45:12Z; time zone assumed UTC) [wire-date-guessed]',
        'ap-scraped-storm.txt:29:1: info Removed push notification prompt: "No thanks" [push-prompt]',
        'ap-scraped-storm.txt:21:1: info Kept as an editorial note, not body: "Associated Press writer Devon Park in Raleigh, North Carolina, cont..." [contributor-note]',
        'ap-scraped-storm.txt:23:1: info Read the byline: Jordan Hale, The Associated Press [wire-byline]',
      ]),
    );
    expect(article?.published).toBe('2024-11-08T09:45:12Z');
  });

  it('warns where link text was stripped, at its line and column', () => {
    expect(result.messages).toContain(
      'ap-scraped-storm.txt:19:26: warning "storm is the season’s ," has a space before ",": link text may have been stripped here [wire-stripped-link]',
    );
  });
});

describe('other agencies', () => {
  it('Reuters: byline, dated dateline, credits as authors and notes, trust-principles line removed', async () => {
    const result = await convertWireFixture('reuters-scraped-rates.txt');
    expect(result.articles[0]).toMatchObject({
      headline: 'Central bank holds rates steady, signals cuts may come next year',
      authors: [{ name: 'Hannah Lindqvist' }, { name: 'Marco Bellandi' }],
      dateline: { place: 'FRANKFURT', agency: 'Reuters' },
      published: '2024-11-20T10:42:00+01:00',
      source: 'Reuters',
      notes: ['Editing by Tom Aldous'],
    });
    expect(blocks(result).join('\n')).not.toMatch(/Trust Principles|Licensing|Reporting by/);
  });

  it('AFP: dateline, day-first date, editor slug removed', async () => {
    const result = await convertWireFixture('afp-scraped-glacier.txt');
    expect(result.articles[0]).toMatchObject({
      dateline: { place: 'GENEVA', agency: 'AFP' },
      published: '2024-09-30T11:20:00Z',
      source: 'AFP',
    });
    expect(result.messages).toContain(
      'afp-scraped-glacier.txt:17:1: info Removed editors\' initials at the end of agency copy (ab/cd, bur-jm/rl): "ab/cd" [editor-slug]',
    );
  });

  it('dpa: German byline and date, infocom line as copyright', async () => {
    const result = await convertWireFixture('dpa-scraped-rail.txt');
    expect(result.articles[0]).toMatchObject({
      headline: 'Bahn kündigt neue Verbindungen zwischen Berlin und Prag an',
      authors: [{ name: 'Lena Vogt' }],
      source: 'dpa',
      dateline: { place: 'Berlin', agency: 'dpa' },
      published: '2024-09-12T14:05:00Z',
      copyright: '© dpa-infocom, dpa:240912-99-123456/2',
    });
  });

  it('Business Wire: deck, long time-zone names, subheadings, source link removed', async () => {
    const result = await convertWireFixture('businesswire-release.txt');
    expect(result.articles[0]).toMatchObject({
      subheadline: 'Free data from 1,200 sensors to help cities plan for rising seas',
      dateline: { place: 'SEATTLE', agency: 'BUSINESS WIRE' },
      published: '2024-11-12T08:00:00-08:00',
      source: 'Business Wire',
    });
    expect(result.articles[0]?.body.children.map((node) => node.type)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
    ]);
    expect(blocks(result).join('\n')).not.toContain('View source version');
  });
});

describe('rules are data, extensible by users', () => {
  const copy =
    'Download our app for more news\n\nA headline for the test\n\nLONDON (Reuters) - The story begins here and goes on.\n\nSecond paragraph.\n\nRelated coverage below\n\nAn unrelated teaser.\n';

  it('runs user rules before the defaults', async () => {
    const result = await convertWire(copy, 'a.txt', {
      rules: [
        { id: 'app-promo', description: 'app promotion', pattern: '^download our app\\b', action: 'drop' },
        { id: 'related-below', description: 'related block', pattern: /^related coverage below$/i, action: 'drop-rest' },
      ],
    });
    expect(result.articles[0]?.headline).toBe('A headline for the test');
    expect(blocks(result)).toEqual(['The story begins here and goes on.', 'Second paragraph.']);
    expect(result.messages).toContain(
      'a.txt:9:1: info Removed related block: "Related coverage below" and the 1 line after it [related-below]',
    );
  });

  it('rejects a rule that cannot work', async () => {
    await expect(convertWire(copy, 'a.txt', { rules: [{ id: 'Bad Id', description: 'x', pattern: 'x', action: 'drop' }] })).rejects.toThrow(
      new TypeError('Expected wire rule 0 to have a kebab-case id but received "Bad Id"'),
    );
    await expect(convertWire(copy, 'a.txt', { rules: [{ id: 'broken', description: 'x', pattern: '(', action: 'drop' }] })).rejects.toThrow(
      /Expected wire rule `broken` to have a valid pattern/,
    );
  });
});

describe('bad wire input', () => {
  it('a file that is only boilerplate: no article found', async () => {
    const result = await convertWire('Skip to content\n\npush icon\nNo thanks\n\nAdvertisement\n', 'chrome.txt');
    expect(result.articles).toEqual([]);
    expect(result.messages.at(-1)).toBe(
      'chrome.txt:1:1: error No article found: after removing site chrome, nothing is left that reads as a headline and a story [wire-no-article]',
    );
  });

  it('a dateline without a body', async () => {
    const result = await convertWire('A headline\n\nWASHINGTON (AP) —\n', 'dateline.txt');
    expect(result.messages).toContain('dateline.txt:3:1: error Dateline "WASHINGTON (AP) —" has no story after it [wire-no-body]');
  });

  it('truncated copy is kept, with a warning where it stops', async () => {
    const result = await convertWire('A headline\n\nPARIS (AFP) - The minister said the plan would be announced in the', 'cut.txt');
    expect(result.articles).toHaveLength(1);
    expect(result.messages).toContain(
      'cut.txt:3:67: warning Paragraph ends mid-sentence ("…plan would be announced in the"): text may be missing [wire-paragraph-cut]',
    );
  });

  it('copy that is not UTF-8', async () => {
    const result = await convertWire(new Uint8Array([0x48, 0x65, 0x61, 0x64, 0x0a, 0x0a, 0xe9, 0x74, 0xe9]), 'latin1.txt');
    expect(result.messages).toEqual(['latin1.txt:3:1: error File is not valid UTF-8: bad byte 0xE9 at offset 6 [invalid-utf8]']);
  });
});

describe('scraped pages: the story first, then its header (issue 14)', () => {
  it('AP on a portal: menus and a weather widget above, footer below; glued byline and date; caption by its credit', async () => {
    const result = await convertWireFixture('ap-portal-bridge.txt');
    expect(result.articles[0]).toMatchObject({
      headline: 'Engineers find cracks in river bridge, close it to heavy trucks',
      dateline: { place: 'RIVERTON, Iowa', agency: 'AP' },
      published: '2024-12-02T00:00:00Z',
      source: 'The Associated Press',
      language: 'en',
      copyright:
        'Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
      notes: ['Associated Press writer Sam Okafor in Des Moines contributed to this report.'],
    });
    const text = blocks(result);
    expect(text[0]).toMatch(/^State engineers closed a century-old river bridge/);
    expect(text.at(-1)).toBe('Cars and pickups may still use the bridge, but at no more than 25 mph.');
    expect(text.join('\n')).not.toMatch(/AP Photo|Most Popular|Privacy Policy|Mostly cloudy/);
    expect(result.messages).toEqual(
      expect.arrayContaining([
        'ap-portal-bridge.txt:22:1: info Found the story at line 22 by its dateline [wire-story-found]',
        'ap-portal-bridge.txt:1:1: info Removed 10 lines of site chrome above the headline: "Menu", "Home", "News", … [wire-chrome]',
        'ap-portal-bridge.txt:18:9: warning "1 hr 4 mins ago" gives a time only relative to when the page was copied; it is not used as a date [wire-date-relative]',
        'ap-portal-bridge.txt:20:1: info Kept a photo caption (credit AP Photo/Dana Whitfield, File) as a figure without a photo file, where the photo stood: "A work crew inspects steel beams under the Mill Street bridge in Ri..." [wire-caption]',
        'ap-portal-bridge.txt:38:1: info Removed 6 lines of the trailer after the story: "Most Popular", "Local school board votes to...", "High winds knock out power ...", … [wire-trailer]',
        'ap-portal-bridge.txt:44:1: info Removed a second copyright notice (the site\'s): "© 2024 Riverton Daily Herald" [copyright-line]',
      ]),
    );
  });

  it('Reuters: dateline without a place, zone-named date, (Reporting by …) credits, REUTERS/ caption printed twice kept once', async () => {
    const result = await convertWireFixture('reuters-page-shipping.txt');
    expect(result.articles[0]).toMatchObject({
      headline: 'Shipping rates climb as carriers avoid the southern canal route',
      authors: [{ name: 'Priya Raman' }, { name: 'Lukas Brenner' }],
      dateline: { agency: 'Reuters' },
      published: '2024-11-20T05:52:00-05:00',
      source: 'Reuters',
      notes: ['Additional reporting by Omar Said in Dubai', 'Editing by Claire Hoffmann'],
    });
    expect(result.articles[0]?.subheadline).toBeUndefined();
    expect(blocks(result)).toHaveLength(4);
    expect(result.messages.filter((message) => message.includes('[wire-caption]'))).toEqual([
      'reuters-page-shipping.txt:19:1: info Kept a photo caption (credit REUTERS/Amir Haddad/File Photo) as a figure without a photo file, where the photo stood: "Container ships wait to enter a port near the canal, November 19, 2..." [wire-caption]',
      'reuters-page-shipping.txt:20:1: info Removed a photo caption printed again: "Container ships wait to enter a port near the canal, November 19, 2..." [wire-caption]',
    ]);
  });

  it('AFP on a news site: credit-first caption is not the copyright; labelled dates; tag list is trailer', async () => {
    const result = await convertWireFixture('afp-site-flood.txt');
    const article = result.articles[0];
    expect(article).toMatchObject({
      headline: 'Floods force thousands from their homes in northern Bangladesh',
      dateline: { place: 'Dhaka', agency: 'AFP' },
      published: '2024-09-30T11:20:00Z',
      updated: '2024-09-30T13:05:00Z',
      copyright: '© 2024 Copyright France News Example. All rights reserved.',
    });
    expect(article?.subheadline).toBeUndefined();
    expect(blocks(result).at(-1)).toBe('Forecasters said more rain was expected over the next two days.');
    expect(result.messages).toContain(
      'afp-site-flood.txt:17:1: info Kept a photo caption (credit Rafiq Hasan, AFP) as a figure without a photo file, where the photo stood: "Villagers wade through flood water in a district of northern Bangla..." [wire-caption]',
    );
  });

  it('dpa: Frankfurt/Main dateline, Schlagworte block as trailer, German detected', async () => {
    const result = await convertWireFixture('dpa-page-wetter.txt');
    expect(result.articles[0]).toMatchObject({
      headline: 'Wetter: Herbststurm bringt Böen und Dauerregen in den Süden',
      dateline: { place: 'Frankfurt/Main', agency: 'dpa' },
      published: '2024-10-15T09:12:00Z',
      source: 'dpa',
      language: 'de',
    });
    expect(blocks(result)).toHaveLength(3);
    expect(result.messages).toContain(
      'dpa-page-wetter.txt:14:1: info Removed dpa tag block ("Schlagworte") after the story: "Schlagworte" and the 6 lines after it [dpa-tags]',
    );
  });

  it('UPI and PR Newswire datelines, with a menu above the headline', async () => {
    const upi = await convertWire(
      "Home\nTop News\nWorld News\n\nVolcano alert raised as lava lake rises on the Big Island\n\nHONOLULU, Dec. 23 (UPI) -- Scientists raised the alert level for a volcano on Hawaii's Big Island on Monday after the lava lake in its summit crater rose by several metres overnight.\n\nNo homes are under threat, the observatory said.\n",
      'upi.txt',
    );
    expect(upi.articles[0]).toMatchObject({
      headline: 'Volcano alert raised as lava lake rises on the Big Island',
      dateline: { place: 'HONOLULU', agency: 'UPI' },
      source: 'UPI',
    });
    const release = await convertWire(
      'News provided by\nAcme Robotics\n\nAcme Robotics opens a training centre for warehouse technicians\n\nNEW YORK, Nov. 3, 2024 /PRNewswire/ -- Acme Robotics today opened a training centre where warehouse technicians can learn to service its machines, the company said.\n\nThe centre will train 400 people a year.\n',
      'release.txt',
    );
    expect(release.articles[0]).toMatchObject({
      headline: 'Acme Robotics opens a training centre for warehouse technicians',
      dateline: { place: 'NEW YORK', agency: 'PRNewswire' },
      source: 'PR Newswire',
    });
    expect(blocks(release)[0]).toMatch(/^Acme Robotics today opened/);
  });

  it('a language franc-min names by its individual code (Swahili swh) is read with its macrolanguage stop list (swa)', async () => {
    // Invented page: Swahili story between an English menu and an English newsletter box. Read with English
    // stop words the Swahili paragraphs are not prose and the newsletter box is taken for the story.
    const page = [
      'Home',
      'News',
      'Sports',
      '',
      'Wakulima wa kahawa wapata bei nzuri msimu huu',
      '',
      'Wakulima wa kahawa katika wilaya ya milimani wamesema kwamba bei ya kahawa imepanda kwa kiasi kikubwa msimu huu, na wengi wao wanatarajia kulipa ada za shule za watoto wao bila ya kukopa kama walivyofanya mwaka jana.',
      '',
      'Mwenyekiti wa chama cha ushirika alisema kwamba chama hicho kimeuza zaidi ya tani mia mbili za kahawa katika mnada wa wiki iliyopita, na kwamba fedha hizo zitagawanywa kwa wanachama wote kabla ya mwisho wa mwezi.',
      '',
      'Hata hivyo, baadhi ya wakulima walilalamika kwamba barabara za vijijini ni mbaya sana wakati wa mvua, jambo ambalo linawafanya washindwe kufikisha mazao yao sokoni kwa wakati.',
      '',
      'Sign up for our newsletter and get the best of the news from the region in your inbox every morning, free of charge.',
      '',
      'Privacy Policy',
      '',
    ].join('\n');
    const result = await convertWire(page, 'swahili.txt');
    const text = blocks(result);
    expect(text[0]).toMatch(/^Wakulima wa kahawa katika wilaya/);
    expect(text.at(-1)).toMatch(/^Hata hivyo, baadhi ya wakulima/);
    expect(result.articles[0]?.language).toBe('sw');
  });

  it('warns when the only line left for a headline is a navigation word', async () => {
    const result = await convertWire(
      'Menu\n\nWASHINGTON (AP) — The committee voted on Tuesday to send the bill to the full chamber, where a vote is expected next week.\n',
      'nav.txt',
    );
    expect(result.messages).toContain(
      'nav.txt:1:1: warning The headline "Menu" is a navigation word: no title-like line was found above the story [wire-headline-navigation]',
    );
  });
});

describe('photo captions without a photo file: kept as figures where the photo stood (issue 14)', async () => {
  // Our own copy in the shape of a scraped agency page: a lead caption above the story, a gallery inside it whose
  // captions print twice, a credit-first caption, and a photo file line whose caption the gallery repeats.
  const copy = [
    'Home',
    'Local',
    '',
    'Ferry service returns to the outer islands after pier repairs',
    '',
    'By Mara Lind, Associated Press',
    'Published 9:15 AM EST, Fri December 6, 2024',
    '',
    'A ferry leaves the repaired pier at Northpoint, Friday, Dec. 6, 2024. (AP Photo/Ola Brandt)',
    '',
    'NORTHPOINT, Maine (AP) — Ferries to three outer islands resumed on Friday after repairs to the main pier were finished two weeks ahead of schedule, the state transport office said.',
    '',
    'Islanders had relied on a single water taxi for groceries and medicine since the pier was closed in October after a storm damaged its pilings.',
    '',
    'Passengers board the first ferry of the day at the outer pier. Photo: Jonas Pike, AP',
    'Passengers board the first ferry of the day at the outer pier. Photo: Jonas Pike, AP',
    '',
    'The first boat left at 7 a.m., carrying mail and a delivery of heating oil, and returned with schoolchildren bound for the mainland school.',
    '',
    '© Tove Lund, AFP | Crew members coil mooring lines on the ferry deck.',
    '',
    'northpoint-pier-repair.jpg',
    'Workers replace pilings under the main pier in November. (AP Photo/Ola Brandt)',
    '',
    'The transport office said the pier would be inspected again in the spring, once the ice on the bay has cleared and divers can reach the footings.',
    '',
    'Workers replace pilings under the main pier in November. (AP Photo/Ola Brandt)',
    '',
    'Copyright 2024 The Associated Press. All rights reserved.',
  ].join('\n');
  const result = await convertWire(copy, 'ferry-gallery.txt', { photoBaseUrl: 'https://photos.example/' });
  const article = result.articles[0];

  it('keeps each caption once, credit parsed, as a figure without a file at its place in the body', () => {
    expect(article?.body.children.map((node) => node.type)).toEqual([
      'figure',
      'paragraph',
      'paragraph',
      'figure',
      'paragraph',
      'figure',
      'figure',
      'paragraph',
    ]);
    expect(figures(result)).toEqual([
      { type: 'figure', caption: 'A ferry leaves the repaired pier at Northpoint, Friday, Dec. 6, 2024.', credit: 'AP Photo/Ola Brandt' },
      { type: 'figure', caption: 'Passengers board the first ferry of the day at the outer pier.', credit: 'Jonas Pike, AP' },
      { type: 'figure', caption: 'Crew members coil mooring lines on the ferry deck.', credit: 'Tove Lund, AFP' },
      {
        type: 'figure',
        url: 'https://photos.example/northpoint-pier-repair.jpg',
        caption: 'Workers replace pilings under the main pier in November.',
        credit: 'AP Photo/Ola Brandt',
      },
    ]);
    expect(blocks(result).join('\n')).not.toMatch(/Photo|©/);
  });

  it('makes no article image of a caption; the copyright is the agency line, not the credit-first caption', () => {
    // A photo file inside the story is a figure of the body (above); captions without a file are no images at all.
    expect(article?.images).toEqual([]);
    expect(article?.copyright).toBe('Copyright 2024 The Associated Press. All rights reserved.');
  });

  it('says what was kept and what was removed as printed again', () => {
    expect(result.messages.filter((message) => message.includes('[wire-caption]'))).toEqual([
      'ferry-gallery.txt:9:1: info Kept a photo caption (credit AP Photo/Ola Brandt) as a figure without a photo file, where the photo stood: "A ferry leaves the repaired pier at Northpoint, Friday, Dec. 6, 2024." [wire-caption]',
      'ferry-gallery.txt:15:1: info Kept a photo caption (credit Jonas Pike, AP) as a figure without a photo file, where the photo stood: "Passengers board the first ferry of the day at the outer pier." [wire-caption]',
      'ferry-gallery.txt:16:1: info Removed a photo caption printed again: "Passengers board the first ferry of the day at the outer pier. Phot..." [wire-caption]',
      'ferry-gallery.txt:20:1: info Kept a photo caption (credit Tove Lund, AFP) as a figure without a photo file, where the photo stood: "Crew members coil mooring lines on the ferry deck." [wire-caption]',
      'ferry-gallery.txt:27:1: info Removed a photo caption printed again: "Workers replace pilings under the main pier in November. (AP Photo/..." [wire-caption]',
    ]);
  });
});

describe('caption credits that close a line: an agency in parentheses, a marked bracket, a picture agency in capitals', async () => {
  const copy = [
    'Harbor board approves a second ferry berth for the outer islands',
    '',
    'By Mara Lind',
    'Published 9:15 AM EST, Fri December 6, 2024',
    '',
    'The harbor board on Friday approved a second ferry berth at Northpoint, a project islanders have sought for a decade, after a hearing that ran past midnight and drew more than two hundred people.',
    '',
    'A ferry waits at the only berth at Northpoint on Thursday, Dec. 5, 2024. (AP)',
    '',
    'Board members said the new berth would let two boats load at once during the summer season, when crossings sell out days in advance and freight waits on the pier overnight.',
    '',
    'Freight pallets stand on the pier at Northpoint before the morning crossing [File: Reuters]',
    '',
    'The state will pay most of the cost, with the rest coming from a fee on each crossing that the board set at fifty cents for passengers and two dollars for vehicles.',
    '',
    'Barnacles on a pier piling seen through a microscope at the state laboratory. ( JOHN ROE/HARBOR PICTURE LIBRARY)',
    '',
    'Construction is due to start in April and to finish before the next summer season, the board said, if the weather allows divers to work on the footings in early spring.',
  ].join('\n');
  const result = await convertWire(copy, 'berth.txt');

  it('keeps each as a figure without a file, credit split off, and none of them in the text', () => {
    expect(figures(result)).toEqual([
      { type: 'figure', caption: 'A ferry waits at the only berth at Northpoint on Thursday, Dec. 5, 2024.', credit: 'AP' },
      { type: 'figure', caption: 'Freight pallets stand on the pier at Northpoint before the morning crossing', credit: 'File: Reuters' },
      {
        type: 'figure',
        caption: 'Barnacles on a pier piling seen through a microscope at the state laboratory.',
        credit: 'JOHN ROE/HARBOR PICTURE LIBRARY',
      },
    ]);
    expect(blocks(result)).toHaveLength(4);
    expect(blocks(result).join('\n')).not.toMatch(/\(AP\)|Reuters|LIBRARY/);
  });
});

describe('caption credits without an agency: a Credit label, a labelled credit in parentheses, Photo by, Courtesy (issue 14)', async () => {
  // Our own copy: each caption carries its credit in a form sites print without a picture agency's name.
  const copy = [
    'Observatory on the ridge opens its dome to the public',
    '',
    'By Mara Lind',
    'Published 9:15 AM EST, Fri December 6, 2024',
    '',
    'The old observatory on the ridge above Northpoint will open its dome to visitors on clear nights this winter, the county said on Friday, after a restoration that took three years and most of a bequest.',
    '',
    'The dome of the observatory under a clear sky at nightCredit: Example Agency',
    '',
    'Volunteers rebuilt the rotating roof by hand, the county said, and an engineer who had worked on the original gears came out of retirement to help them fit the new bearings.',
    '',
    'The restored telescope points at the northern sky. Credit: Example Space Agency',
    '',
    'The telescope itself, a brass refractor made a century ago, was cleaned and realigned by a team from the university, who gave the work its own credit: three winters of patient evenings.',
    '',
    'Visitors queue at the gate on the first open night (Image: EXAMPLE )',
    '',
    'Tickets will be free for children, and the county plans to run a bus from the harbor on the nights the dome is open, weather permitting, with the timetable posted each afternoon.',
    '',
    'The founder of the observatory at the eyepiece in 1931.Credit...Jane Roe/Example Times',
    '',
    'The observatory was built by a shipping family who left it to the county, and it closed in the nineteen-eighties when the lens cracked in a frost that also split the stone steps.',
    '',
    'John Doe in 1987.',
    'Photo by Jane Roe',
    '',
    'A keeper who lived on the ridge for forty years, John Doe, kept a logbook of every comet he saw, and the county will show the logbook in the room below the dome for the first time.',
    '',
    'A page of the logbook.',
    'Photo illustration by Example. Photo by Jane Roe.',
    '',
    'The county said it would decide in the spring whether to keep the dome open in summer, when the nights are short and the ridge road is busy with walkers heading for the cliffs.',
    '',
    'The brass refractor in its cradle before the restoration began.',
    '',
    'Courtesy of Example Museum',
    '',
    'The restoration was paid for by the bequest and by a grant from the state, and the county said no money from the harbor fees had gone into it, as some islanders had feared.',
  ].join('\n');
  const result = await convertWire(copy, 'observatory.txt');

  it('reads each as a figure, the label left out of the credit; a short caption right above its credit is taken', () => {
    expect(figures(result)).toEqual([
      { type: 'figure', caption: 'The dome of the observatory under a clear sky at night', credit: 'Example Agency' },
      { type: 'figure', caption: 'The restored telescope points at the northern sky.', credit: 'Example Space Agency' },
      { type: 'figure', caption: 'Visitors queue at the gate on the first open night', credit: 'EXAMPLE' },
      { type: 'figure', caption: 'The founder of the observatory at the eyepiece in 1931.', credit: 'Jane Roe/Example Times' },
      { type: 'figure', caption: 'John Doe in 1987.', credit: 'Jane Roe' },
      { type: 'figure', caption: 'A page of the logbook.', credit: 'Photo illustration by Example. Photo by Jane Roe' },
      { type: 'figure', caption: 'The brass refractor in its cradle before the restoration began.', credit: 'Courtesy of Example Museum' },
    ]);
  });

  it('keeps story prose that says "credit:" in lower case as a paragraph', () => {
    expect(blocks(result)).toHaveLength(8);
    expect(blocks(result)[2]).toMatch(/its own credit: three winters/);
    expect(blocks(result).join('\n')).not.toMatch(/Example (?:Agency|Times|Museum)|Photo by|EXAMPLE/);
  });
});

describe('a labelled credit in parentheses may say "Image credit"', async () => {
  const copy = [
    'Observatory on the ridge opens its dome to the public',
    '',
    'By Mara Lind',
    'Published 9:15 AM EST, Fri December 6, 2024',
    '',
    'The old observatory on the ridge above Northpoint will open its dome to visitors on clear nights this winter, the county said on Friday, after a restoration that took three years and most of a bequest.',
    '',
    'The ridge seen from the harbor at dusk. (Image credit: Example Agency)',
    '',
    'Volunteers rebuilt the rotating roof by hand, the county said, and an engineer who had worked on the original gears came out of retirement to help them fit the new bearings.',
  ].join('\n');
  const result = await convertWire(copy, 'image-credit.txt');

  it('reads the caption and its credit, label left out', () => {
    expect(figures(result)).toEqual([{ type: 'figure', caption: 'The ridge seen from the harbor at dusk.', credit: 'Example Agency' }]);
    expect(blocks(result)).toHaveLength(2);
  });
});
