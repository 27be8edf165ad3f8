import {
  ampAdapter,
  cssBytes,
  defaultThemeCss,
  direction,
  displayDate,
  isOrganization,
  jsonForScript,
  maxCustomCssBytes,
  ogLocale,
  updatedLabel,
} from '@syndikit/amp';
import { convert, formatMessage } from '@syndikit/core';
import { imagesAdapter } from '@syndikit/images';
import { markdownIngester } from '@syndikit/markdown';
import { captionOnlyMarkdown, convertFixtures, fixtureSite, hostileArticles } from '@syndikit/testkit';
import amphtmlValidator from 'amphtml-validator';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { enginePath } from '../../../scripts/fetch-amp-validator.mjs';

const smallImages = { widths: [320, 1200], formats: ['webp', 'jpeg'] as Array<'webp' | 'jpeg'>, cacheDir: false as const };

// The official validator engine, fetched once by `npm test` (scripts/fetch-amp-validator.mjs).
const validator = await amphtmlValidator.getInstance(enginePath);

function validate(html: string | Uint8Array) {
  const result = validator.validateString(String(html));
  return { status: result.status, errors: result.errors.map((error) => `${error.line}:${error.col} ${error.message}`) };
}

describe('AMP pages from the fixtures', async () => {
  // With the images format, as a site publishes them: pages point at the renditions it writes.
  const converted = await convertFixtures({ formats: [imagesAdapter(smallImages), ampAdapter()] });
  const result = { ...converted, outputs: converted.outputs.filter((output) => output.path.startsWith('amp/')) };

  it('writes one page per fixture, warning only about lead photos under 1,200 px', () => {
    expect(result.outputs.map((output) => output.path)).toEqual(result.articles.map((article) => `amp/${article.slug}.html`).sort());
    expect(result.outputs).toHaveLength(9);
    expect(result.files.flatMap((file) => file.messages.map((message) => `${file.stem}: ${message.reason} [${message.ruleId}]`))).toEqual([
      '2024-08-21-bundestag-haushalt: The lead photo is 1000 px wide; large previews in search and social need at least 1,200 px [amp-lead-image-small]',
    ]);
  });

  it('gives Open Graph what its consumers read: image size and alt, locale, authors, section, tags', () => {
    const html = page('2024-03-12-harbor-bridge-vote');
    expect(html).toContain('<meta property="og:image:width" content="1200"><meta property="og:image:height" content="800">');
    expect(html).toContain('<meta property="og:image:alt" content="The steel drawbridge over the harbor at dusk">');
    expect(html).toContain('<meta property="og:locale" content="en_US">');
    expect(html).toContain(
      '<meta property="article:author" content="https://news.example/staff/dana-whitcomb"><meta property="article:author" content="https://news.example/staff/luis-ferreira">',
    );
    expect(html).toMatch(/<meta property="article:section" content="[^"]+">/);
    expect(html).toMatch(/<meta property="article:tag" content="[^"]+">/);
    expect(page('2024-08-21-bundestag-haushalt')).toContain('<meta property="og:locale" content="de_DE">');
    expect(ogLocale('ar')).toBe('ar_EG');
    expect(ogLocale('de-CH')).toBe('de_CH');
  });

  it('types organisations as Organization, people as Person, in NewsArticle authors', () => {
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(page('2024-09-30-quantum-lab-press-release'))?.[1];
    const authors = (JSON.parse(json ?? '{}') as { author: Array<{ '@type': string; name: string }> }).author;
    expect(authors.find((author) => author.name === 'Northwind Quantum, Inc.')?.['@type']).toBe('Organization');
    for (const name of ['NTB', 'dpa', 'AP', 'Reuters', 'AFP', 'Harborlight Analytics Ltd', 'Siemens AG', 'Example GmbH'])
      expect(isOrganization(name), name).toBe(true);
    for (const name of ['Dana Whitcomb', 'Priya Raman', 'Ana Agnes', 'Tom Pressley']) expect(isOrganization(name), name).toBe(false);
  });

  it('every page passes the official AMP validator with zero errors', () => {
    for (const output of result.outputs)
      expect({ path: output.path, ...validate(output.contents) }).toEqual({ path: output.path, status: 'PASS', errors: [] });
  });

  const page = (slug: string) => String(result.outputs.find((output) => output.path === `amp/${slug}.html`)?.contents);

  it('has the head AMP and aggregators need', () => {
    const html = page('2024-03-12-harbor-bridge-vote');
    expect(html).toMatch(/^<!doctype html>\n?<html ⚡ lang="en" dir="ltr">/);
    expect(html).toContain('<link rel="canonical" href="https://news.example/2024-03-12-harbor-bridge-vote/">');
    // The largest JPEG rendition the build writes, never the unprocessed source.
    expect(html).toMatch(/<meta property="og:image" content="https:\/\/news\.example\/images\/harbor-bridge-[0-9a-f]{10}-1200\.jpg">/);
    expect(html).not.toContain('images/harbor-bridge.jpg');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toContain('<title>Harbor city council approves $412 million bridge replacement after nine-hour hearing</title>');
  });

  it('every page has a description (the summary, else the start of the body, no footnote markers) for search and Open Graph', () => {
    for (const output of result.outputs) {
      const html = String(output.contents);
      const description = /<meta name="description" content="([^"]+)">/.exec(html)?.[1];
      expect(description, output.path).toBeTruthy();
      expect(html).toContain(`<meta property="og:description" content="${description}">`);
    }
    expect(page('2024-11-05-election-night-results')).toMatch(/<meta name="description" content="[^"]*state election offices\.">/);
  });

  it('carries NewsArticle structured data', () => {
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(page('2024-03-12-harbor-bridge-vote'))?.[1];
    expect(JSON.parse(json ?? '{}')).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Harbor city council approves $412 million bridge replacement after nine-hour hearing',
      // Google's guidance: 16:9, 4:3 and 1:1 images at least 1,200 px wide, made by the images format.
      image: [
        expect.stringMatching(/^https:\/\/news\.example\/images\/harbor-bridge-[0-9a-f]{10}-16x9-1200\.jpg$/),
        expect.stringMatching(/^https:\/\/news\.example\/images\/harbor-bridge-[0-9a-f]{10}-4x3-1200\.jpg$/),
        expect.stringMatching(/^https:\/\/news\.example\/images\/harbor-bridge-[0-9a-f]{10}-1x1-1200\.jpg$/),
      ],
      datePublished: '2024-03-12T23:41:00-04:00',
      dateModified: '2024-03-12T23:41:00-04:00',
      author: [
        { '@type': 'Person', name: 'Dana Whitcomb', url: 'https://news.example/staff/dana-whitcomb' },
        { '@type': 'Person', name: 'Luis Ferreira', url: 'https://news.example/staff/luis-ferreira' },
      ],
      publisher: { '@type': 'NewsMediaOrganization', name: 'The Syndikit Gazette' },
      dateline: 'PORTLAND, Maine (AP)',
      locationCreated: { '@type': 'Place', name: 'PORTLAND, Maine' },
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example/2024-03-12-harbor-bridge-vote/' },
    });
  });

  it('lists in NewsArticle only files the build writes: the lead crops first, at the sizes their names say', () => {
    for (const output of result.outputs) {
      const json = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(String(output.contents))?.[1] ?? '{}');
      const article = converted.articles.find((candidate) => output.path === `amp/${candidate.slug}.html`);
      const crops = article?.images[0]?.crops ?? [];
      if (crops.length > 0) expect((json.image as string[]).slice(0, 3)).toEqual(crops.map((crop) => crop.src));
      for (const crop of crops) expect(crop.src).toMatch(new RegExp(`-${crop.aspectRatio.replace(':', 'x')}-${crop.width}\\.jpg$`));
      for (const url of (json.image ?? []) as string[]) {
        const written = converted.outputs.some((candidate) => `https://news.example/${candidate.path}` === url);
        expect({ url, written }).toEqual({ url, written: true });
      }
    }
    // Every fixture lead photo is local, so every page lists three crops.
    expect(converted.articles.filter((article) => (article.images[0]?.crops ?? []).length === 3)).toHaveLength(
      converted.articles.filter((article) => article.images[0]).length,
    );
  });

  it('renders byline, dateline, times and the lead figure with caption and credit', () => {
    const html = page('2024-03-12-harbor-bridge-vote');
    expect(html).toContain('<a href="https://news.example/staff/dana-whitcomb" rel="author">Dana Whitcomb</a> &#x26; <a');
    expect(html).toContain(
      '<span class="dateline">PORTLAND, Maine (AP)</span> <time datetime="2024-03-12T23:41:00-04:00">March 12, 2024, 11:41\u00a0p.m.\u00a0UTC−4</time>',
    );
    expect(html).toMatch(
      /<figure class="lead"><amp-img src="https:\/\/news\.example\/images\/harbor-bridge-[0-9a-f]{10}-1200\.jpg" srcset="[^"]+" alt="The steel drawbridge over the harbor at dusk" width="1200" height="800" layout="responsive">.*?<\/amp-img><figcaption>The Casco Street drawbridge rises for a fishing boat in Portland, Maine, on Monday, March 11, 2024\. <small class="credit">AP Photo\/Maria Okafor<\/small><\/figcaption><\/figure>/,
    );
    expect(page('2024-10-14-rail-strike-update')).toContain(
      '<time datetime="2024-10-15T19:30:00+01:00" class="updated">Updated October 15, 2024, 7:30\u00a0p.m.\u00a0UTC+1</time>',
    );
    // German dates for a German article.
    expect(page('2024-08-21-bundestag-haushalt')).toMatch(/<time datetime="[^"]+">\d+\. August 2024, \d+:\d\d\u00a0UTC\+2<\/time>/);
  });

  it('gives every amp-img a <noscript> <img> fallback with the same rendition, so photos show without the runtime', () => {
    for (const output of result.outputs) {
      const html = String(output.contents);
      const images = [...html.matchAll(/<amp-img src="([^"]+)"[^>]*>(.*?)<\/amp-img>/g)];
      for (const [, src, inner] of images) expect(inner).toMatch(new RegExp(`^<noscript><img src="${src?.replace(/[.?]/g, '\\$&')}"`));
    }
    expect(page('2024-03-12-harbor-bridge-vote')).toMatch(
      /<noscript><img src="https:\/\/news\.example\/images\/harbor-bridge-[0-9a-f]{10}-1200\.jpg" srcset="[^"]+" alt="The steel drawbridge over the harbor at dusk" width="1200" height="800" loading="lazy" decoding="async"><\/noscript>/,
    );
  });

  it('marks portrait photos so the theme caps their height, and honours column alignment and Arabic line height', () => {
    expect(page('2024-03-12-harbor-bridge-vote')).not.toContain('class="portrait"');
    const css = defaultThemeCss();
    expect(css).toMatch(/amp-img\.portrait \{\s*max-width: min\(100%, 26rem\)/);
    expect(css).toMatch(/\.body \[align="right"\] \{\s*text-align: right;/);
    expect(css).toMatch(/:lang\(ar\) h1,[^{]*\{\s*line-height: 1\.6;/);
    expect(page('2024-05-02-grain-exports-table')).toContain('<td align="right">');
  });

  it('prints typographic quotes for the language where the source has straight ones', async () => {
    const article = (language: string) =>
      new VFile({
        path: `/s/${language}.md`,
        value: `---\ntitle: Q\nlanguage: ${language}\n---\n\nHe said "it's fine" and \`"code"\` stays.\n`,
      });
    const result = await convert([article('en'), article('de'), article('fr')], {
      ingesters: [markdownIngester()],
      root: '/s',
      site: fixtureSite,
      formats: [ampAdapter()],
    });
    const body = (language: string) => String(result.outputs.find((output) => output.path === `amp/${language}.html`)?.contents);
    expect(body('en')).toContain('<p>He said “it’s fine” and <code>"code"</code> stays.</p>');
    expect(body('de')).toContain('<p>He said „it’s fine“ and <code>"code"</code> stays.</p>');
    expect(body('fr')).toContain('<p>He said «it’s fine» and <code>"code"</code> stays.</p>');
  });

  it('curls quotes as retext-smartypants does over the whole text (it only sees the sentences that have one)', async () => {
    // Quotes opening and closing at every kind of neighbour: nested, decades, elisions, before and after
    // punctuation, across sentences and at a sentence's end.
    const text = `"'Quoted' words," she said. It's the '80s; rock 'n' roll. "Yes." 'No'! Then "x"y and ("a") ['b'] l'homme, "`;
    const result = await convert([new VFile({ path: '/s/q.md', value: `---\ntitle: Q\n---\n\nPlain words first. ${text}\n` })], {
      ingesters: [markdownIngester()],
      root: '/s',
      site: fixtureSite,
      formats: [ampAdapter()],
    });
    const curled = retext()
      .use(retextSmartypants, { dashes: false, ellipses: false, backticks: false })
      .processSync(` Plain words first. ${text}`);
    expect(String(result.outputs[0]?.contents)).toContain(`<p>${String(curled).slice(1)}</p>`);
    expect(String(curled)).not.toContain('"');
  });

  it('turns body figures, tables, footnotes and embeds into valid AMP', () => {
    expect(page('2024-10-14-rail-strike-update')).toMatch(
      /<amp-img src="https:\/\/news\.example\/images\/rail-picket-[0-9a-f]{10}-800\.jpg" srcset="[^"]+" alt="Pickets outside the station" width="800" height="1000" layout="responsive" class="portrait">/,
    );
    expect(page('2024-05-02-grain-exports-table')).toContain('<table>');
    expect(page('2024-11-05-election-night-results')).toContain('<section data-footnotes class="footnotes">');
    const orchestra = page('2024-07-09-orchestra-video');
    // The iframe's title is kept; without the runtime a link to the watch page stands in for the player.
    expect(orchestra).toContain(
      '<amp-youtube data-videoid="aqz-KE-bpKQ" title="Rehearsal stream" layout="responsive" width="560" height="315"></amp-youtube><noscript><p class="embed-link"><a href="https://www.youtube.com/watch?v=aqz-KE-bpKQ">Rehearsal stream (video on YouTube)</a></p></noscript>',
    );
    expect(orchestra.match(/custom-element="amp-youtube"/g)).toHaveLength(1);
    expect(page('2024-03-12-harbor-bridge-vote')).not.toContain('custom-element');
  });

  it('sets the direction from the language', () => {
    expect(page('2024-12-01-cairo-book-fair')).toContain('<html ⚡ lang="ar" dir="rtl">');
    expect(page('2024-08-21-bundestag-haushalt')).toContain('<html ⚡ lang="de" dir="ltr">');
  });

  it('keeps the default theme far below the CSS limit', () => {
    expect(cssBytes(defaultThemeCss())).toBeLessThan(maxCustomCssBytes / 10);
  });
});

describe('AMP pages from hostile input', async () => {
  const hostile = hostileArticles();
  const files = Object.entries(hostile).map(([name, value]) => new VFile({ path: `/hostile/${name}.md`, value }));
  const result = await convert(files, { ingesters: [markdownIngester()], root: '/hostile', site: fixtureSite, formats: [ampAdapter()] });
  const messages = (name: string) =>
    files.find((file) => file.path === `/hostile/${name}.md`)?.messages.map((message) => formatMessage(message, name)) ?? [];

  it('every page that is written passes the validator', () => {
    expect(result.outputs.map((output) => output.path)).toEqual([
      'amp/control-characters.html',
      'amp/embeds.html',
      'amp/empty-body.html',
      'amp/javascript-links.html',
      'amp/markup-in-every-field.html',
      'amp/no-date.html',
      'amp/right-to-left.html',
    ]);
    for (const output of result.outputs)
      expect({ path: output.path, ...validate(output.contents) }).toEqual({ path: output.path, status: 'PASS', errors: [] });
  });

  it('a 2,000-deep <div> nest is a clear error for that article only', () => {
    expect(messages('deep-html')).toEqual(['deep-html:6:1: error Raw HTML opens more than 256 nested elements [html-too-deep]']);
  });

  it('drops what cannot be valid AMP, with a warning at its line and column', () => {
    expect(messages('javascript-links')).toEqual(
      expect.arrayContaining([
        'javascript-links:8:39: warning Removed `<script>`: not allowed in article HTML [html-element-removed]',
        'javascript-links:8:1: warning Removed `onerror` from `<img>` [html-attribute-removed]',
        'javascript-links:6:30: warning Removed unsafe URL `  jAvAsCrIpT:alert(2)` from `<a>` [html-url-removed]',
        'javascript-links:6:68: warning Removed unsafe URL `java\\u0009script:alert(3)` from `<a>` [html-url-removed]',
        'javascript-links:8:71: warning Removed an `<iframe>` without an https `src`: AMP embeds must be https [amp-embed-not-https]',
        'javascript-links:12:1: warning Removed `<style>`: not allowed in article HTML [html-element-removed]',
        'javascript-links:12:34: warning Removed `<form>`: not allowed in article HTML [html-element-removed]',
        'javascript-links:12:75: warning Removed `<object>`: not allowed in article HTML [html-element-removed]',
        'javascript-links:12:105: warning Removed `<embed>`: not allowed in article HTML [html-element-removed]',
      ]),
    );
    const html = String(result.outputs.find((output) => output.path === 'amp/javascript-links.html')?.contents);
    expect(html).not.toMatch(/javascript:|vbscript:|onerror|<svg|<form|<object|<embed|<iframe|srcdoc/i);
  });

  it('turns each embed into its AMP component and adds each script once', () => {
    const html = String(result.outputs.find((output) => output.path === 'amp/embeds.html')?.contents);
    for (const component of ['amp-youtube', 'amp-vimeo', 'amp-twitter', 'amp-instagram', 'amp-iframe', 'amp-video']) {
      expect(html.match(new RegExp(`custom-element="${component}"`, 'g'))).toHaveLength(1);
    }
    expect(html).toContain('<amp-vimeo data-videoid="76979871"');
    expect(html).toContain('<amp-twitter data-tweetid="1234567890123456789"');
    expect(html).toContain('<amp-instagram data-shortcode="C0de_123"');
    expect(html).toContain('sandbox="allow-scripts allow-same-origin allow-popups"');
    expect(html).toContain('<div placeholder class="embed-placeholder">Map</div>');
    expect(html).toContain(
      '<div class="fill"><amp-img src="https://cdn.example/pr.jpg" alt="protocol relative" layout="fill"><noscript><img src="https://cdn.example/pr.jpg" alt="protocol relative" loading="lazy" decoding="async"></noscript></amp-img></div>',
    );
    expect(messages('embeds')).toEqual(
      expect.arrayContaining([
        'embeds:16:1: warning Removed an `<iframe>` without an https `src`: AMP embeds must be https [amp-embed-not-https]',
        'embeds:20:1: warning Removed a `<video>` without an https source: amp-video needs https [amp-embed-not-https]',
        'embeds:22:1: warning Image `https://cdn.example/unknown.jpg` has no known size; it is shown in a 3:2 box [amp-image-size-unknown]',
      ]),
    );
  });
});

describe('themes', () => {
  it('rejects a theme over the limit, naming its size', () => {
    expect(() => ampAdapter({ css: `a{color:red}${' '.repeat(maxCustomCssBytes)}` })).toThrow(
      new TypeError(
        `Expected an AMP-valid stylesheet for the amp theme but it is ${maxCustomCssBytes + 12} bytes, over AMP's limit of 75000`,
      ),
    );
    expect(() => ampAdapter({ css: 'a{color:red!important}' })).toThrow(/!important/);
    expect(() => ampAdapter({ cssFile: '/nonexistent/theme.css' })).toThrow(/Expected a readable CSS file for amp option `cssFile`/);
  });

  it('gives NewsArticle a publisher with the logo from the site config', async () => {
    const result = await convert(
      { path: '/s/a.md', value: '# T\n\nBody.\n' },
      { ingesters: [markdownIngester()], root: '/s', site: { ...fixtureSite, logo: '/brand/logo.png' }, formats: [ampAdapter()] },
    );
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(String(result.outputs[0]?.contents))?.[1];
    expect(JSON.parse(json ?? '{}').publisher).toEqual({
      '@type': 'NewsMediaOrganization',
      name: 'The Syndikit Gazette',
      url: 'https://news.example/',
      logo: { '@type': 'ImageObject', url: 'https://news.example/brand/logo.png' },
    });
  });

  it('prints headlines, deck, section and tags without markup, one warning per field', async () => {
    const file = new VFile({
      path: '/s/a.md',
      value: [
        '---',
        'title: "<b>Bold</b> move<br>by council"',
        'subheadline: "A <em>deck</em> too"',
        'section: "<i>Politics</i>"',
        'tags: [rail, "<em>news</em>"]',
        'published: 2024-05-01T10:00:00Z',
        '---',
        '',
        'Text.',
      ].join('\n'),
    });
    const result = await convert(file, { ingesters: [markdownIngester()], root: '/s', site: fixtureSite, formats: [ampAdapter()] });
    const html = String(result.outputs[0]?.contents);
    expect(html).toContain('<title>Bold move by council</title>');
    expect(html).toContain('<h1>Bold move by council</h1>');
    expect(html).toContain('<p class="subheadline">A deck too</p>');
    expect(html).toContain('<meta property="og:title" content="Bold move by council">');
    expect(html).toContain('<meta name="twitter:title" content="Bold move by council">');
    expect(html).toContain('<meta property="article:section" content="Politics">');
    expect(html).toContain('<meta property="article:tag" content="news">');
    expect(html).not.toMatch(/&#x3C;\/?(b|em|i|br)>|\\u003c\/?(b|em|i|br)>/);
    const json = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)?.[1] ?? '{}');
    expect(json).toMatchObject({
      headline: 'Bold move by council',
      alternativeHeadline: 'A deck too',
      articleSection: 'Politics',
      keywords: 'rail, news',
    });
    expect(validate(html).status).toBe('PASS');
    expect(file.messages.map((message) => formatMessage(message, 'a.md'))).toEqual([
      'a.md:1:1: warning Removed HTML tags from the headline "<b>Bold</b> move<br>by council": it is plain text [html-markup-in-text]',
      'a.md:1:1: warning Removed HTML tags from the subheadline "A <em>deck</em> too": it is plain text [html-markup-in-text]',
      'a.md:1:1: warning Removed HTML tags from the section "<i>Politics</i>": it is plain text [html-markup-in-text]',
      'a.md:1:1: warning Removed HTML tags from the tag "<em>news</em>": it is plain text [html-markup-in-text]',
    ]);
  });

  it('uses a user theme', async () => {
    const result = await convert(
      { path: '/s/a.md', value: '# T\n\nBody.\n' },
      { ingesters: [markdownIngester()], root: '/s', site: fixtureSite, formats: [ampAdapter({ css: 'body{color:navy}' })] },
    );
    const html = String(result.outputs[0]?.contents);
    expect(html).toContain('<style amp-custom>body{color:navy}</style>');
    expect(validate(html).status).toBe('PASS');
  });

  it('does not publish withheld or embargoed articles: the pipeline hides them from AMP, which does not opt in', async () => {
    const file = new VFile({ path: '/s/a.md', value: '---\ntitle: T\nembargoed: 2030-06-01T12:00:00Z\n---\n\nBody.\n' });
    const result = await convert(file, {
      ingesters: [markdownIngester()],
      root: '/s',
      site: fixtureSite,
      formats: [ampAdapter()],
      now: '2030-06-01T11:59:59Z',
    });
    expect(result.outputs).toEqual([]);
    expect(file.messages.map((message) => message.reason)).toEqual(['Not published in amp: it is embargoed until 2030-06-01T12:00:00Z']);
    const later = await convert(
      { path: '/s/a.md', value: String(file.value) },
      { ingesters: [markdownIngester()], root: '/s', site: fixtureSite, formats: [ampAdapter()], now: '2030-06-01T12:00:00Z' },
    );
    expect(later.outputs).toHaveLength(1);
  });

  it('needs a canonical URL', async () => {
    const file = new VFile({ path: '/s/a.md', value: '# T\n\nBody.\n' });
    const result = await convert(file, { ingesters: [markdownIngester()], root: '/s', formats: [ampAdapter()] });
    expect(result.outputs).toEqual([]);
    expect(file.messages.map((message) => message.ruleId)).toEqual(['amp-no-canonical']);
  });
});

describe('helpers', () => {
  it('escapes structured data for a script element', () => {
    expect(jsonForScript({ headline: '</script><script>alert(1)</script>' })).toBe(
      '{"headline":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}',
    );
  });

  it('knows right-to-left languages', () => {
    expect(['ar', 'he-IL', 'fa', 'ur', 'az-Arab', 'en', 'de', 'ku-Latn'].map(direction)).toEqual([
      'rtl',
      'rtl',
      'rtl',
      'rtl',
      'rtl',
      'ltr',
      'ltr',
      'ltr',
    ]);
  });
});

describe('displayDate', () => {
  it('shows the date as a newspaper prints it, in the article language and offset', () => {
    expect(displayDate('2024-03-12T23:41:00-04:00', 'en')).toBe('March 12, 2024, 11:41\u00a0p.m.\u00a0UTC−4');
    expect(displayDate('2024-03-12T09:05:00+05:30', 'en')).toBe('March 12, 2024, 9:05\u00a0a.m.\u00a0UTC+5:30');
    expect(displayDate('2024-08-21T14:30:00+02:00', 'de')).toBe('21. August 2024, 14:30\u00a0UTC+2');
    // Arabic: the Arabic comma between date and time.
    expect(displayDate('2024-12-01T10:00:00+02:00', 'ar')).toMatch(/^[^,]+\u060c [^,]+\u00a0UTC\+2$/);
    expect(updatedLabel('de-CH')).toBe('Aktualisiert');
    expect(updatedLabel('xx')).toBe('Updated');
  });

  it('never shows a year before 1000 as 19xx: such a date is not a date, and stays as written', () => {
    expect(displayDate('0050-06-15T10:00:00Z', 'en')).toBe('0050-06-15T10:00:00Z');
    expect(displayDate('1000-06-15T10:00:00Z', 'en')).toBe('June 15, 1000, 10:00\u00a0a.m.\u00a0UTC');
  });
});

describe('a photo known only by its caption and credit (no file)', async () => {
  const file = new VFile({ path: '/site/ferry.md', value: captionOnlyMarkdown });
  const result = await convert(file, { ingesters: [markdownIngester()], root: '/site', site: fixtureSite, formats: [ampAdapter()] });
  const html = String(result.outputs.find((output) => output.path.endsWith('.html'))?.contents);

  it('keeps caption and credit as a figcaption, writes no amp-img, and passes the validator', () => {
    expect(html).toContain(
      '<figure><figcaption>A ferry leaves the repaired pier at Northpoint, Friday, Dec. 6, 2024. <small class="credit">AP Photo/Ola Brandt</small></figcaption></figure>',
    );
    expect(html).toContain(
      '<figcaption>Crew members coil mooring lines on the ferry deck. <small class="credit">Tove Lund</small></figcaption>',
    );
    expect(html).not.toContain('<amp-img');
    expect(html).not.toContain('og:image');
    expect(validate(html)).toEqual({ status: 'PASS', errors: [] });
  });
});
