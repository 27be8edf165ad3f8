import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blocks, convertWire, figures } from './helpers.js';

/** Our own fixtures in the shape of pages copied with select-all (menus, kickers, credits, comment blocks). */
function convertPage(name: string) {
  return convertWire(readFileSync(new URL(`fixtures/${name}`, import.meta.url)), name);
}

describe('a news page copied with select-all: long header, credits, comments (issue 14)', async () => {
  const result = await convertPage('site-header-credits.txt');
  const article = result.articles[0];

  it('takes the headline above the long header block, not the menu, the breadcrumb or the kicker', () => {
    expect(article?.headline).toBe('Harbour cranes idle as dock workers walk out over night shifts');
    expect(result.messages).toContain(
      'site-header-credits.txt:2:1: info Removed related-content block after the story above the story (a menu item there, not a trailer): "Trending" [trailer-start]',
    );
  });

  it('reads upper-case bylines with a job title; credits give authors and contributors, editors are not authors', () => {
    expect(article?.authors).toEqual([{ name: 'Jane Roe' }, { name: 'Tomas Berg' }]);
    expect(article?.contributors).toEqual([
      { name: 'Lena Vogt', role: 'additional-reporting' },
      { name: 'Mark Hale', role: 'editor' },
    ]);
    expect(article?.notes).toEqual(['Additional reporting by Lena Vogt', 'Editing by Mark Hale']);
  });

  it('reads the dateline and the date; the relative update time is a warning, not a date', () => {
    expect(article).toMatchObject({ dateline: { place: 'ROTTERDAM', agency: 'Reuters' }, published: '2024-11-20T05:52:00+01:00' });
    expect(article?.updated).toBeUndefined();
    expect(result.messages).toContain(
      'site-header-credits.txt:21:41: warning "an hour ago" gives a time only relative to when the page was copied; it is not used as a date [wire-date-relative]',
    );
  });

  it('reads a caption with its credit on the next line; without a photo file it is a figure without a file above the story, not body text', () => {
    // No article image: an image needs a file, and the copy has none.
    expect(article?.images).toEqual([]);
    expect(figures(result)).toEqual([
      {
        type: 'figure',
        caption: 'Dock workers walk past idle cranes at the container terminal, November 19, 2024.',
        credit: 'Example Images',
      },
    ]);
    expect(article?.body.children[0]?.type).toBe('figure');
    expect(result.messages).toContain(
      'site-header-credits.txt:28:1: info Kept a photo caption (credit Example Images) as a figure without a photo file, where the photo stood: "Dock workers walk past idle cranes at the container terminal, Novem..." [wire-caption]',
    );
  });

  it('keeps the story from its first paragraph to its last, and nothing else', () => {
    const text = blocks(result);
    expect(text[0]).toMatch(/^Dock workers at the country's largest container port walked out/);
    expect(text.at(-1)).toBe("The employers' association said its offer was fair and called on the union to return to the table.");
    expect(text).toHaveLength(5);
    expect(text.join('\n')).not.toMatch(/KEY POINTS|Photo:|Reporting by|Our Standards|Comments|discussion|Most Read|Ferry operator/);
  });
});

describe('an explainer in sections on a local portal: handle byline, ___ sections, sign-up prose after the story', async () => {
  const result = await convertPage('portal-sections-newsletter.txt');
  const article = result.articles[0];

  it('prefers the headline the page title repeats, and reads a name above its social handle as the byline', () => {
    expect(article?.headline).toBe('Things to know before the city council votes on the river park plan');
    expect(article?.subheadline).toBeUndefined();
    expect(article?.authors).toEqual([{ name: 'Sam Okafor' }]);
    expect(article?.dateline).toEqual({ place: 'MILLBROOK, Ohio', agency: 'AP' });
  });

  it('gives no date for "Published 3 hours ago", with a warning and never a guess', () => {
    expect(article?.published).toBeUndefined();
    expect(result.messages).toEqual(
      expect.arrayContaining([
        'portal-sections-newsletter.txt:13:11: warning "3 hours ago" gives a time only relative to when the page was copied; it is not used as a date [wire-date-relative]',
        'portal-sections-newsletter.txt:1:1: warning No publication date found in the copy [wire-no-date]',
      ]),
    );
  });

  it('reads on past a ___ that divides sections, and ends the story at the last one; promotions are not story', () => {
    const text = blocks(result);
    expect(text).toContain('WHAT IS IN THE PLAN?');
    expect(text.at(-1)).toMatch(/^Some owners of businesses near the site say the park/);
    expect(text.join('\n')).not.toMatch(/Follow Example News|newsletter|subscription|Related Stories|Council approves/);
  });
});

describe('a block of links inside the story, and a footer of teasers after it', async () => {
  const result = await convertPage('story-link-blocks.txt');

  it('reads on past "Trending News" and its headlines, which are dropped as links, not read as body', () => {
    const text = blocks(result);
    expect(text[0]).toMatch(/^Orchard growers across the valley spent the weekend/);
    expect(text.at(-1)).toMatch(/^The county will ask the state to declare a disaster area/);
    expect(text).toHaveLength(5);
    expect(text.join('\n')).not.toMatch(/Trending News|Council delays vote|Bridge repairs/);
    expect(result.messages).toContain(
      'story-link-blocks.txt:17:1: info Removed 5 lines of links inside the story: "Trending News", "Council delays vote on down...", "Two injured as delivery van...", … [wire-chrome]',
    );
  });

  it('does not read on into teasers cut short with "…": they are links, not paragraphs', () => {
    expect(blocks(result).join('\n')).not.toMatch(/More in Local|Volunteers planted|food bank/);
    expect(result.messages).toContain(
      'story-link-blocks.txt:28:1: info Removed 8 lines of the trailer after the story: "More in Local", "Library extends weekend hou...", "City parks crews begin spri...", … [wire-trailer]',
    );
  });
});

describe('a story told in short paragraphs, under a share panel, with a long privacy notice after it', async () => {
  const result = await convertPage('story-short-paragraphs.txt');
  const article = result.articles[0];

  it('starts the story at its first run of closed paragraphs, though none of them is long', () => {
    const text = blocks(result);
    expect(result.messages).toContain(
      'story-short-paragraphs.txt:16:1: info Found the story at line 16 by the first run of prose paragraphs [wire-story-found]',
    );
    expect(text[0]).toMatch(/^A swimmer who was swept out by the tide/);
    expect(text.at(-1)).toMatch(/^The coastguard has asked swimmers/);
    expect(text).toHaveLength(7);
    expect(text.join('\n')).not.toMatch(/personalise|privacy|Related Topics/);
  });

  it('drops the share panel as chrome, so the headline and the date above it are read', () => {
    expect(article).toMatchObject({
      headline: 'Ferry crew rescues swimmer caught by the tide off the pier',
      published: '2025-03-20T00:00:00Z',
    });
    expect(result.messages).toContain(
      'story-short-paragraphs.txt:12:1: info Removed sharing and licensing links: "These are external links and will open in a new window" [share-links]',
    );
  });
});

describe('a block of links between the first two paragraphs and the rest of the story', async () => {
  const result = await convertPage('story-links-after-lead.txt');

  it('climbs over the links to the first paragraph, and stops at the header (byline and date)', () => {
    const text = blocks(result);
    expect(text[0]).toMatch(/^The river rose higher than at any time since records began/);
    expect(text).toHaveLength(6);
    expect(text.join('\n')).not.toMatch(/Rail line reopens|Farmers count|Dam operators|Ana Ruiz/);
    expect(result.articles[0]).toMatchObject({
      headline: 'Flood barrier holds as river reaches record height',
      subheadline: 'Engineers say the new gates kept the old town dry through the night',
      authors: [{ name: 'Ana Ruiz' }],
      published: '2025-04-12T06:15:00Z',
    });
    expect(result.messages).toContain(
      'story-links-after-lead.txt:13:1: info Removed 3 lines of links inside the story: "Rail line reopens after lan...", "Farmers count the cost of a...", "Dam operators release water..." [wire-chrome]',
    );
  });
});

describe('the end of a blog post: a recommended-links label, sharing buttons, a comment count, comments', async () => {
  const result = await convertPage('story-blog-footer.txt');

  it('ends the story before the label of its related links, though a question among them reads as a sentence', () => {
    const text = blocks(result);
    expect(text).toHaveLength(3);
    expect(text.at(-1)).toMatch(/^With four wins and seven losses/);
    expect(text.join('\n')).not.toMatch(/quarterback|Share this|Click to|Permalink|responses|Nobody believes/);
    expect(result.messages).toContain(
      'story-blog-footer.txt:22:1: info Removed comments block after the story: "12 responses to "Coach says the season still turns on the next thre..." and the 3 lines after it [comments-start]',
    );
  });
});

describe('a prompt below the story', () => {
  it('does not read a short question as the story going on, nor the author box under it', async () => {
    const copy = [
      'Home',
      'Science',
      'Divers map a shipwreck that sank off the cape two centuries ago',
      'By Jane Roe',
      'March 3, 2025',
      'A team of volunteer divers has finished the first complete survey of a merchant ship that sank off the cape in a winter storm, ending a search that began more than twenty years ago.',
      '',
      'The divers found the ship lying upright in sand at a depth of forty metres, with much of its cargo of roof slates still stacked in the hold where the crew had packed them.',
      '',
      'Like this article?',
      'Privacy Policy, Terms of Use',
      'About Jane Roe',
      'Jane Roe is a writer based on the coast whose work has appeared in a number of magazines and newspapers.',
    ].join('\n');
    const result = await convertWire(copy, 'wreck.txt');
    const text = blocks(result);
    expect(text).toHaveLength(2);
    expect(text.at(-1)).toMatch(/^The divers found the ship lying upright/);
  });
});

describe('an author box below the story (issue 14)', () => {
  const story = [
    'Home',
    'Blog',
    'Why the town library now lends garden tools',
    'By Ada Whitlock | May 12, 2025',
    'The town library has started lending rakes, spades and seed trays alongside its books, after a survey found that many residents of the new flats had no room to store tools of their own.',
    '',
    'The scheme began with forty tools given by a hardware shop that closed last year, and the librarians say that most of them have been out on loan every weekend since the spring.',
    '',
  ];

  it('ends the story at an `About <Name>` heading that names the author of the byline', async () => {
    const copy = [
      ...story,
      'About Ada Whitlock',
      'Ada Whitlock writes about local services and the people who run them, and has reported from the town for more than ten years before joining the blog team.',
      'More posts on this topic',
      'Seed swaps are back for the summer',
    ].join('\n');
    const result = await convertWire(copy, 'library.txt');
    const text = blocks(result);
    expect(text).toHaveLength(2);
    expect(text.at(-1)).toMatch(/^The scheme began with forty tools/);
    expect(text.join('\n')).not.toMatch(/writes about local services/);
  });

  it("keeps an `About <Name>` section that names no author of the byline (a release's company)", async () => {
    const copy = [
      ...story,
      'About Greenshelf Tools',
      'Greenshelf Tools makes hand tools for small gardens and gives part of its stock each year to libraries and schools that lend them out to the people who live nearby.',
    ].join('\n');
    const text = blocks(await convertWire(copy, 'library.txt'));
    expect(text.at(-1)).toMatch(/^Greenshelf Tools makes hand tools/);
  });
});

describe('a newsletter box (issue 14)', () => {
  const story = [
    'Home',
    'Football',
    'Late goal sends the river club into the cup quarter-finals',
    'By Ada Whitlock',
    'A header two minutes into stoppage time sent the river club into the quarter-finals of the county cup on Tuesday night, after a match its manager called the hardest of the season so far.',
    '',
  ];
  const last =
    'The club will learn its next opponent in the draw on Thursday, and the manager said he would be happy to play anyone as long as the game was at home in front of its own supporters.';

  it('ends the story at a box headed by a newsletter name, whose promotion and consent lines are not the story', async () => {
    const copy = [
      ...story,
      last,
      '',
      'Matchday Extra Newsletter',
      'Get the best goals, the results and the gossip from every ground in the county, every Monday morning.',
      'I agree that Example Sports can send me the "Matchday Extra" newsletter.',
      'See All Newsletters',
      'Sorry!',
      'Cup draw: who could the river club face?',
    ].join('\n');
    const result = await convertWire(copy, 'cup.txt');
    expect(blocks(result).at(-1)).toBe(last);
    expect(blocks(result).join('\n')).not.toMatch(/best goals|I agree/);
  });

  it('does not end the story when its prose goes on below the box', async () => {
    const copy = [
      ...story,
      'Matchday Extra Newsletter',
      'Get the best goals, the results and the gossip from every ground in the county, every Monday morning.',
      last,
      '',
    ].join('\n');
    expect(blocks(await convertWire(copy, 'cup.txt')).at(-1)).toBe(last);
  });
});

describe('a lead dense in names (issue 14)', () => {
  it('starts the story at a long closed lead right above it, though its names leave it few stop words', async () => {
    const lead =
      'In March, Sen. Carla Mendez, D-Ore., toured Coos Bay, Oregon, with Gov. Tom Brandt, Rep. Lisa Okafor, R-Ore., Mayor Dan Whitlock of North Bend and Port Director Ana Ruiz, and argued that the state needs federal dredging money.';
    const copy = [
      'Fact-check',
      'Does the harbour really lose $2 million a month to silt?',
      'By Jane Roe on Monday, April 7th, 2025 at 9:12 a.m.',
      'A dredger at work near the harbour entrance in Coos Bay, Ore. (Example Photo/Sam Lee)',
      lead,
      'A large part of the reason more money is needed, Mendez said, is the silt that the river carries into the channel.',
      'The harbour "loses about $2 million a month to ships that cannot come in fully loaded," she said, according to a report in a local newspaper at the time.',
      'We will start by noting that the most complete figures that are available concern the cargo that ships had to leave behind at other ports because the channel was too shallow for them, and not the cargo that never came at all.',
      'As a result, in this check, we will read her words as the value of the cargo that was left behind, which is the only figure that the port and the state have kept for each month of the last ten years.',
    ].join('\n');
    const text = blocks(await convertWire(copy, 'harbour.txt'));
    expect(text[0]).toBe(lead);
  });
});

describe('a summary dense in names above a place on its own line (issue 14)', () => {
  it('is not climbed across the place: the story starts below it', async () => {
    const story =
      'Harborlight, a maker of sensors for hospital wards, today announced a new alarm service for North American hospitals with its partner Norvale, a maker of bedside monitors, which the two companies will sell together from the spring.';
    const copy = [
      'News',
      'Harborlight and Norvale bring ward alarms to North America',
      'Nov 19, 2025',
      'Full integration of Harborlight Relay with Norvale Vista monitors across North America, Canada and Mexico gives nurses at St. Anne, Mercy West, Lakeside Regional mobile alarm filtering, Harborlight said.',
      'RIVERTON, IOWA',
      story,
      'The service sends each alarm to the phone of the nurse who looks after the patient, and it holds back the alarms that need no action, so that nurses are not called away from other patients for no reason.',
      'Hospitals that already use the monitors can add the service without new wiring, and the companies say that the first of them will start to use it before the end of the year in the state of Ohio.',
    ].join('\n');
    const text = blocks(await convertWire(copy, 'alarms.txt'));
    expect(text[0]).toBe(story);
  });
});

describe('a related-links label inside the story', () => {
  it('does not end the story when two paragraphs follow it within four lines', async () => {
    const copy = [
      'Menu',
      'Harbour authority buys two electric tugs for the container port',
      'The port authority has ordered two battery-powered tugboats, its first, to replace diesel boats that are more than thirty years old.',
      '',
      'Related articles',
      'Port traffic falls for a second month',
      'The tugs will be built at a yard on the north coast and are due to enter service in the spring of the year after next.',
      '',
      'Each boat will charge from a shore connection at the old ferry berth between jobs, the authority said in a statement.',
      '',
      'Most read',
      'Ferry timetable changes for winter',
    ].join('\n');
    const result = await convertWire(copy, 'tugs.txt');
    const text = blocks(result);
    expect(text[0]).toMatch(/^The port authority has ordered two battery-powered tugboats/);
    expect(text.at(-1)).toMatch(/^Each boat will charge from a shore connection/);
    expect(text.join('\n')).not.toMatch(/Related articles|Most read|Ferry timetable/);
  });
});

describe('the end of a blog post: follow line, related links, comments', () => {
  it('ends the story before the follow line; a related link, "says:" comments and their prose are not story', async () => {
    const copy = [
      'Home',
      'Blog',
      'Why the harbour ferry timetable changes every winter',
      'Posted by Mara Lind on November 19, 2024, 6:21 AM',
      '',
      'Every November the harbour ferry switches to its winter timetable, and every year riders ask why the last boat leaves an hour earlier than in summer.',
      '',
      'The operator says fewer people travel after dark in winter, and that the crews need the extra hour to check the boats before the morning run.',
      '',
      'Follow Example Harbour News on Facebook and Instagram for more stories like this.',
      'Copyright @ 2024 Example Harbour News.',
      '',
      'Why Do Ferries Run Late In Fog?',
      'ferryfan says:',
      'November 19, 2024 at 8:45 am',
      'I have taken the late boat for years and never once seen it leave on time, so an earlier last sailing makes little difference to me.',
    ].join('\n');
    const result = await convertWire(copy, 'blog.txt');
    expect(result.articles[0]).toMatchObject({
      headline: 'Why the harbour ferry timetable changes every winter',
      authors: [{ name: 'Mara Lind' }],
    });
    expect(result.articles[0]?.copyright).toBe('Copyright @ 2024 Example Harbour News.');
    expect(blocks(result)).toEqual([
      expect.stringMatching(/^Every November the harbour ferry/),
      expect.stringMatching(/^The operator says fewer people travel after dark/),
    ]);
    expect(result.messages).toContain(
      'blog.txt:14:1: info Removed comments block after the story: "ferryfan says:" and the 2 lines after it [comments-start]',
    );
  });
});

describe('rules with `ends`', () => {
  it('a drop rule may end the story; a wrong `ends` is refused', async () => {
    const copy =
      'A headline for the test\n\nLONDON (Reuters) - The story begins here and goes on for a while, as stories do.\n\nPromo: read our app\n\nA paragraph of the app promotion that reads like prose but is not the story at all.\n';
    const result = await convertWire(copy, 'ends.txt', {
      rules: [{ id: 'app-promo', description: 'app promotion', pattern: '^promo:', action: 'drop', ends: true }],
    });
    expect(blocks(result)).toEqual(['The story begins here and goes on for a while, as stories do.']);
    await expect(
      convertWire(copy, 'ends.txt', {
        rules: [{ id: 'app-promo', description: 'x', pattern: 'x', action: 'drop', ends: 'yes' as unknown as boolean }],
      }),
    ).rejects.toThrow(new TypeError('Expected wire rule `app-promo` to have a boolean `ends` but received "yes"'));
  });
});

describe('the end of the story: publisher footers, offers, comment links and buttons, menus of links (issue 14)', () => {
  // Our own story, told in three paragraphs; each case puts a different page ending after it.
  const header = ['Ferry timetable changes for the winter season', '', 'By Mara Lind', 'Published 9:15 AM EST, Fri December 6, 2024', ''];
  const story = [
    'The harbor board on Friday published the winter timetable for the island ferries, with two crossings fewer on weekdays and an extra late boat on Saturdays, after a consultation that drew more replies than any before it.',
    '',
    'Board members said the change follows the number of passengers counted last winter, when the early boats often sailed half empty and the last boat on Saturday nights left people waiting on the pier.',
    '',
    'The new timetable takes effect on the first Monday of January and will be printed in the harbor office, the board said, with copies sent to every household on the islands.',
    '',
  ];
  const last =
    'The new timetable takes effect on the first Monday of January and will be printed in the harbor office, the board said, with copies sent to every household on the islands.';
  const ending = async (lines: string[], name: string) => {
    const result = await convertWire([...header, ...story, ...lines].join('\n'), name);
    return blocks(result);
  };

  it('ends before a publisher line (a site named as part of a media group), the newsletter box above it dropped', async () => {
    const read = await ending(
      [
        'SIGN UP FOR E-MAIL NEWSLETTERS',
        'Get the harbor news and the latest timetables straight to your inbox every morning!',
        '',
        'No spam, we promise. You can unsubscribe at any time and we will never share your details without your permission.',
        'Harbor Daily is part of Example Media Inc, an international media group and leading digital publisher. Visit our corporate site.',
        '',
        'Terms and conditions',
        'Privacy policy',
      ],
      'publisher-footer.txt',
    );
    expect(read.at(-1)).toBe(last);
  });

  it('ends before an invitation to write letters to the editor', async () => {
    const read = await ending(
      [
        'The Harbor Daily is committed to publishing a range of letters to the editor. We would like to hear what you think about this or any of our articles.',
        '',
        'Follow the Harbor Daily opinion desk on social media for more.',
      ],
      'letters.txt',
    );
    expect(read.at(-1)).toBe(last);
  });

  it('ends before a magazine’s subscription offer and a sharing label', async () => {
    const offer = await ending(
      ['Get Harbor Monthly delivered through your letterbox every month. 12 issues for £11.99. Click here for more information.'],
      'offer.txt',
    );
    expect(offer.at(-1)).toBe(last);
    const sharing = await ending(['Sharing is caring!', '', 'You might also like'], 'sharing.txt');
    expect(sharing.at(-1)).toBe(last);
  });

  it('ends before a priced subscription offer, an invitation to the forums and a notice needing JavaScript', async () => {
    const offer = await ending(
      [
        'Get access to Harbor Daily Pro for as little as Rs 599 for the first year, with research and timetable alerts you will not find elsewhere.',
        'First Published on Dec 6, 2024 09:15 am',
      ],
      'priced-offer.txt',
    );
    expect(offer.at(-1)).toBe(last);
    const forums = await ending(
      [
        'Join our Harbor Forums to keep talking ferries, timetables and more! And if you have a news tip, let us know at: tips@example.com.',
        '',
        'No comments yet Comment from the forums',
      ],
      'forums.txt',
    );
    expect(forums.at(-1)).toBe(last);
    const slideshow = await ending(
      [
        'Advert',
        '',
        'This slideshow requires JavaScript.',
        '',
        'Get Harbor Monthly delivered through your letterbox every month. 12 issues for £11.99. Click here for more information.',
      ],
      'slideshow.txt',
    );
    expect(slideshow.at(-1)).toBe(last);
  });

  it('ends before an advertiser disclosure', async () => {
    const read = await ending(
      [
        'This post contains references to products from one or more of our advertisers. We may receive compensation when you click on links to those products. Terms apply to the offers listed on this page.',
      ],
      'advertiser-disclosure.txt',
    );
    expect(read.at(-1)).toBe(last);
  });

  it('ends before an update time and a newsletter box opened by a sentence', async () => {
    const result = await convertWire([...header, ...story, 'Updated at 1:23 p.m.', '', 'Tags Ferries Harbor'].join('\n'), 'updated.txt');
    expect(blocks(result).at(-1)).toBe(last);
    expect(result.articles[0]?.notes).toEqual(['Updated at 1:23 p.m.']);
    const box = await ending(
      [
        'Stay up to date with Harbor Daily. Subscribe to our newsletter.',
        '',
        'Stay up to date with Harbor Daily.',
        'Subscribe No thanks',
        'An email with an activation link has just been sent to your address. Please confirm your subscription by clicking on it.',
      ],
      'newsletter-sentence.txt',
    );
    expect(box.at(-1)).toBe(last);
  });

  it('ends before a link to the comments and does not end at a menu of links closed by a guillemet', async () => {
    for (const label of ['Read comments (3)', 'Kommentare lesen (1 Beitrag)']) {
      const read = await ending(['« Previous | Next »', '', label, '', 'Forum on this topic: the island ferries'], 'comments-link.txt');
      expect(read.at(-1)).toBe(last);
    }
  });

  it('reads across a comments button inside the story when the label comes again below it', async () => {
    const copy = [
      ...header,
      ...story.slice(0, 4),
      'Comments',
      story[4] ?? '',
      '',
      'Comments',
      'Jane Roe said the late boat on Saturdays is long overdue, and she hopes the board keeps it in the summer as well.',
    ].join('\n');
    const read = blocks(await convertWire(copy, 'comments-button.txt'));
    expect(read).toHaveLength(3);
    expect(read.at(-1)).toBe(last);
  });
});

describe('a place alone on its line between the header and the story is its first line (issue 14)', () => {
  const body = [
    'The harbor board on Friday published the winter timetable for the island ferries, with two crossings fewer on weekdays and an extra late boat on Saturdays.',
    '',
    'Board members said the change follows the number of passengers counted last winter, when the early boats often sailed half empty and the last boat left people waiting.',
    '',
    'The new timetable takes effect on the first Monday of January and will be printed in the harbor office, with copies sent to every household on the islands.',
  ];

  it('takes a place in title case right under the date as the first paragraph', async () => {
    const copy = [
      'Ferry timetable changes for the winter season',
      'Associated Press',
      '',
      'Published 11:26 pm EST, Tuesday, November 19, 2024',
      'Northpoint',
      '',
      ...body,
    ];
    const read = blocks(await convertWire(copy.join('\n'), 'place-word.txt'));
    expect(read[0]).toBe('Northpoint');
    expect(read[1]).toMatch(/^The harbor board on Friday/);
  });

  it('takes a place in capitals right under the byline as the first paragraph', async () => {
    const copy = ['Ferry timetable changes for the winter season', 'By Mara Lind', 'NORTHPOINT, HARBOR COUNTY', '', ...body];
    const read = blocks(await convertWire(copy.join('\n'), 'place-capitals.txt'));
    expect(read[0]).toBe('NORTHPOINT, HARBOR COUNTY');
    expect(read[1]).toMatch(/^The harbor board on Friday/);
  });
});

describe("a person's card glued into the story's first sentence (issue 14)", () => {
  it('removes the full name, the headlines and MORE; the name as the story prints it stays', async () => {
    const copy = [
      'Ferry timetable changes for the winter season',
      'By Mara Lind',
      'December 6, 2024',
      '',
      'Harbor board chair Jane RoeJane Ann RoeHarbor board weighs a second ferry berth Island fares to rise in spring MORE (D) on Friday defended the winter timetable for the island ferries, which drops two weekday crossings.',
      '',
      'Board members said the change follows the number of passengers counted last winter, when the early boats often sailed half empty and the last boat left people waiting.',
      '',
      'The new timetable takes effect on the first Monday of January and will be printed in the harbor office, with copies sent to every household on the islands.',
    ].join('\n');
    const result = await convertWire(copy, 'person-card.txt');
    expect(blocks(result)[0]).toBe(
      'Harbor board chair Jane Roe (D) on Friday defended the winter timetable for the island ferries, which drops two weekday crossings.',
    );
    expect(result.messages.filter((message) => message.includes("person's card"))).toHaveLength(1);
  });
});

describe('photo captions between the first paragraphs and the rest of the story (issue 14)', () => {
  it('reads the paragraphs above the captions as the start of the story, the captions as figures', async () => {
    const copy = [
      'Ferry timetable changes for the winter season',
      'Mara Lind',
      '18 Nov 2024, 19:09',
      '',
      'A FERRY that left the harbor half empty every morning last winter will no longer run, the harbor board said on Friday.',
      '',
      'The early boat is the second crossing the board has cut this year, after the late boat on Sundays.',
      '',
      '6',
      'Passengers wait on the pier for the first crossing of the dayCredit: Example Agency',
      '',
      '6',
      'The harbor office where the new timetable will be printedCredit: Jane Roe - Contributor',
      'Board members said the change follows the number of passengers counted last winter, when the early boats often sailed half empty and the last boat on Saturday nights left people waiting on the pier in the cold for an hour or more.',
      '',
      'The new timetable takes effect on the first Monday of January and will be printed in the harbor office, the board said, with copies sent to every household on the islands and posted on the notice board beside the ticket window.',
      '',
      'The board said it would review the timetable again in the spring, when the summer crossings are planned.',
    ].join('\n');
    const result = await convertWire(copy, 'captions-after-lead.txt');
    expect(blocks(result)[0]).toBe(
      'A FERRY that left the harbor half empty every morning last winter will no longer run, the harbor board said on Friday.',
    );
    expect(figures(result).map((figure) => figure.credit)).toEqual(['Example Agency', 'Jane Roe - Contributor']);
  });
});

describe('a credit printed first above the story (issue 14)', () => {
  it('takes its caption from the line below it, not from the header above', async () => {
    const copy = [
      'Ferry timetable changes for the winter season',
      'Updated Nov 19, 9:41 AM; Posted Nov 18, 2024, 8:19 PM',
      '',
      'Jane Roe | Getty Images',
      '',
      'The early ferry leaves the harbor at dawn, pictured last winter, when it often sailed half empty. The board has now cut it.',
      '',
      '',
      'By Mara Lind | Harbor Daily',
      'The harbor board on Friday published the winter timetable for the island ferries, with two crossings fewer on weekdays and an extra late boat on Saturdays, after a consultation that drew more replies than any before it.',
      '',
      'Board members said the change follows the number of passengers counted last winter, when the early boats often sailed half empty and the last boat on Saturday nights left people waiting on the pier.',
    ].join('\n');
    const result = await convertWire(copy, 'credit-first.txt');
    expect(figures(result)).toEqual([
      {
        type: 'figure',
        caption:
          'The early ferry leaves the harbor at dawn, pictured last winter, when it often sailed half empty. The board has now cut it.',
        credit: 'Jane Roe | Getty Images',
      },
    ]);
    expect(blocks(result)[0]).toMatch(/^The harbor board on Friday/);
  });
});

describe('an interview ending in short questions and answers (issue 14)', () => {
  it('reads the short answers as the story, to the last one', async () => {
    const copy = [
      'Meet the new ferry captain',
      'By Mara Lind',
      'December 6, 2024',
      '',
      'The harbor board has a new ferry captain this winter, and she has sailed the island route since she was a deckhand at sixteen, long before the second berth was even planned.',
      '',
      'She takes over the early crossing in January, when the new timetable starts, and says she wants the boat to leave on the minute every morning, whatever the weather on the pier.',
      '',
      'Q: Where did you grow up?',
      'A: On the islands, in a house by the harbor where my father kept the ferry accounts for thirty years.',
      '',
      'Q: Favorite book?',
      'A: A tide table',
      '',
      'Q: Favorite place?',
      'A: The outer pier',
      '',
      'Related posts',
      'Island fares to rise in spring',
      'Harbor board weighs a second berth',
    ].join('\n');
    const read = blocks(await convertWire(copy, 'interview.txt'));
    expect(read.at(-1)).toBe('A: The outer pier');
    expect(read).toContain('Q: Favorite book?');
  });
});

describe('a photo caption where the story was found (issue 14)', () => {
  it('is a figure, and the story starts under it; a credit may open with a number', async () => {
    const copy = [
      'Ferry timetable changes for the winter season',
      'by Harbor Daily',
      '',
      '',
      'Once the only way to get to the islands, the old paddle steamer (pictured) and the first of the car ferries that came after it are to be remembered in a new exhibition that will open at the harbor office this winter. Credit: 20th Century Example',
      'The harbor board on Friday published the winter timetable for the island ferries, with two crossings fewer on weekdays and an extra late boat on Saturdays, after a consultation that drew more replies than any before it.',
      '',
      'Board members said the change follows the number of passengers counted last winter, when the early boats often sailed half empty and the last boat on Saturday nights left people waiting on the pier.',
    ].join('\n');
    const result = await convertWire(copy, 'caption-at-start.txt');
    expect(figures(result).map((figure) => figure.credit)).toEqual(['20th Century Example']);
    expect(blocks(result)[0]).toMatch(/^The harbor board on Friday/);
  });
});
