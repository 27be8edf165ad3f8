import { type Article, type ConvertOptions, convert, formatMessage } from '@syndikit/core';
import { findFrontMatter, lenientDate, markdownIngester, renderTemplates } from '@syndikit/markdown';
import { toString as mdastToString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

const now = '2025-01-01T00:00:00Z';

/** Convert one in-memory file at `/site/<path>` with the content root `/site`, with the ingester's options. */
async function ingest(
  path: string,
  value: string,
  options: Parameters<typeof markdownIngester>[0] = {},
  convertOptions: ConvertOptions = {},
) {
  const file = new VFile({ path: `/site/${path}`, value });
  const result = await convert(file, { root: '/site', ingesters: [markdownIngester({ now, ...options })], ...convertOptions });
  return { article: result.articles[0] as Article | undefined, messages: file.messages.map((message) => formatMessage(message, path)) };
}

const text = (article: Article | undefined) => mdastToString(article?.body ?? { type: 'root', children: [] });

describe('front matter as the generators write it', () => {
  it('reads TOML between +++ fences, with native dates and tables', async () => {
    const { article, messages } = await ingest(
      'posts/swarm.md',
      '+++\ntitle = "A swarm"\ndate = 2024-05-19T08:00:00+02:00\n[taxonomies]\ntags = ["bees"]\n+++\n\nBody.\n',
    );
    expect(messages).toEqual([]);
    expect(article).toMatchObject({ headline: 'A swarm', published: '2024-05-19T08:00:00+02:00', tags: ['bees'] });
  });

  it('reads a quoted value continued on an unindented line as the generators do, with a warning; broken YAML and aliases stay errors', async () => {
    const lenient = await ingest(
      'posts/m.md',
      '---\ntitle: Meta tags\ndate: 2024-05-10\ndescription: "Adds robot meta data on a page\nthrough page parameters."\ntags: ["a", "b"]\n---\n\nBody.\n',
    );
    expect(lenient.article).toMatchObject({ summary: 'Adds robot meta data on a page through page parameters.', tags: ['a', 'b'] });
    expect(lenient.messages).toEqual([
      'posts/m.md:4:45: warning Front matter is not strict YAML (Missing closing "quote) but was read as the generators\' YAML readers read it [front-matter-lenient]',
    ]);
    const broken = await ingest('posts/b.md', '---\ntitle: [unclosed\ndate: 2024-01-01\n---\nBody.\n');
    expect(broken.article).toBeUndefined();
    expect(broken.messages[0]).toMatch(/error Front matter: .* \[front-matter-syntax\]$/);
    const aliased = await ingest('posts/c.md', '---\na: &x "one\ntwo"\ntitle: *x\n---\nBody.\n');
    expect(aliased.article).toBeUndefined();
    expect(aliased.messages.every((message) => message.includes('[front-matter-syntax]'))).toBe(true);
  });

  it('reads JSON front matter and front matter after a BOM-less blank line', async () => {
    const json = await ingest('a.md', '{\n  "title": "From JSON",\n  "date": "2024-01-02"\n}\n\nBody.\n');
    expect(json.article).toMatchObject({ headline: 'From JSON', published: '2024-01-02T00:00:00Z' });
    const blank = await ingest('b.md', '\n\n---\ntitle: After blank lines\ndate: 2024-01-02\n---\nBody.\n');
    expect(blank.article?.headline).toBe('After blank lines');
    expect(blank.messages).toEqual([]);
  });

  it('keeps body positions true after front matter of any kind', () => {
    const found = findFrontMatter('+++\ntitle = "x"\n+++\nBody\n');
    expect(found && 'body' in found ? found.body.split('\n')[3] : undefined).toBe('Body');
    expect(found && 'format' in found ? found.format : undefined).toBe('toml');
  });

  it('refuses executable front matter with its own error, not a missing headline', async () => {
    const { article, messages } = await ingest('c.md', '---js\n{ title: "Code" }\n---\nBody.\n');
    expect(article).toBeUndefined();
    expect(messages).toEqual([
      'c.md:1:1: error Front matter is JavaScript (`---js`); syndikit reads front matter as data and never runs it [front-matter-executable]',
    ]);
  });

  it('reports a TOML syntax error at its line', async () => {
    const { messages } = await ingest('d.md', '+++\ntitle = "ok"\ndate = = 3\n+++\nBody.\n');
    expect(messages[0]).toMatch(/^d\.md:3:\d+: error Front matter \(TOML\): .* \[front-matter-syntax\]$/);
  });
});

describe('field conventions of the generators', () => {
  it('reads Astro and Next.js names, lenient dates with a warning', async () => {
    const { article, messages } = await ingest(
      'blog/first.md',
      "---\ntitle: 'First'\npubDate: 'Jul 08 2022'\nupdatedDate: '2024-01-02 10:00'\nheroImage: './hero.png'\nexcerpt: Short.\n---\nBody.\n",
    );
    expect(article).toMatchObject({
      published: '2022-07-08T00:00:00Z',
      updated: '2024-01-02T10:00:00Z',
      summary: 'Short.',
      images: [{ src: '/blog/hero.png' }],
    });
    expect(messages).toEqual([
      'blog/first.md:3:10: warning `pubDate` "Jul 08 2022" is not ISO 8601; read as 2022-07-08T00:00:00Z [date-lenient]',
    ]);
  });

  it('understands lenient dates with offsets and refuses relative ones', () => {
    expect(lenientDate('2023-12-20 16:45:00 +0100', 'UTC')).toBe('2023-12-20T16:45:00+01:00');
    expect(lenientDate('tomorrow', 'UTC')).toBeUndefined();
    expect(lenientDate('soon', 'UTC')).toBeUndefined();
  });

  it('takes the date from a Jekyll or Docusaurus file name, and not the date into the slug', async () => {
    const { article, messages } = await ingest('_posts/2024-01-15-new-wicks.md', '---\ntitle: Wicks\n---\nBody.\n');
    expect(article).toMatchObject({ slug: 'new-wicks', published: '2024-01-15T00:00:00Z' });
    expect(messages).toEqual([
      '_posts/2024-01-15-new-wicks.md:1:1: info Publication date 2024-01-15 taken from the file name [date-from-file-name]',
    ]);
  });

  it('keeps a date prefix in the slug when the front matter gives the date outside _posts', async () => {
    const { article } = await ingest('news/2024-03-12-bridge.md', '---\ntitle: Bridge\ndate: 2024-03-12\n---\nBody.\n');
    expect(article?.slug).toBe('2024-03-12-bridge');
  });

  it('reads authors as keys into the site authors file, categories, series and cover images', async () => {
    const { article, messages } = await ingest(
      'news/story.md',
      '---\ntitle: T\ndate: 2024-01-01\nauthors: [juno, Someone Else]\ncategories: [Pottery, Kilns]\nseries: [Firing]\ntags: [clay]\ncover:\n  image: kiln.png\n  alt: The kiln\nweight: 3\nsidebar_position: 2\n---\nBody.\n',
      { authors: { juno: { name: 'Juno Harrow', url: 'https://kiln.example/juno', image_url: 'x.png' } } },
    );
    expect(messages).toEqual([]);
    expect(article).toMatchObject({
      authors: [{ name: 'Juno Harrow', url: 'https://kiln.example/juno' }, { name: 'Someone Else' }],
      section: 'Pottery',
      tags: ['clay', 'Firing'],
      images: [{ src: '/news/kiln.png', alt: 'The kiln' }],
    });
  });

  it('warns about a field no generator uses', async () => {
    const { messages } = await ingest('x.md', '---\ntitle: T\ndate: 2024-01-01\nflavour: mint\nlayout: post\n---\nB\n');
    expect(messages).toEqual(['x.md:4:10: warning Unknown front matter field `flavour` is ignored [front-matter-unknown-key]']);
  });

  it('takes the summary from the text before <!--more--> when none is given', async () => {
    const { article } = await ingest('y.md', '---\ntitle: T\ndate: 2024-01-01\n---\nFirst part.\n\n<!--more-->\n\nRest.\n');
    expect(article?.summary).toBe('First part.');
    expect(text(article)).not.toContain('more');
  });
});

describe('publish state and pages that are not posts', () => {
  const cases: Array<[string, string, string]> = [
    ['draft.md', '---\ntitle: D\ndate: 2024-01-01\ndraft: true\n---\nB\n', 'is a draft'],
    ['unpublished.md', '---\ntitle: U\ndate: 2024-01-01\npublished: false\n---\nB\n', 'is a draft'],
    ['future.md', '---\ntitle: F\ndate: 2030-01-01\n---\nB\n', 'is to be published on 2030-01-01T00:00:00Z'],
    ['expired.md', '---\ntitle: E\ndate: 2024-01-01\nexpiryDate: 2024-06-01\n---\nB\n', 'expired on 2024-06-01T00:00:00Z'],
    ['news/_index.md', '---\ntitle: News\n---\n', 'section index'],
    ['README.md', '# Read me\n', 'is a README'],
    ['news/bundle/index.md', '---\nheadless: true\n---\nB\n', 'headless bundle'],
    ['news/index.md', '---\ntitle: All news\n---\nListing.\n', 'listing page'],
  ];
  it.each(cases)('%s gives no article and one info line', async (path, value, reason) => {
    const { article, messages } = await ingest(path, value);
    expect(article).toBeUndefined();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(reason);
    expect(messages[0]).toMatch(/ info .*\[(post-unpublished|not-an-article)\]$/);
  });

  it('includes drafts and future posts when asked', async () => {
    expect((await ingest('d.md', '---\ntitle: D\ndate: 2024-01-01\ndraft: true\n---\nB\n', { drafts: true })).article).toBeDefined();
    expect((await ingest('f.md', '---\ntitle: F\ndate: 2030-01-01\n---\nB\n', { future: true })).article).toBeDefined();
    // An expired post stays out either way.
    expect(
      (await ingest('e.md', '---\ntitle: E\ndate: 2024-01-01\nexpiryDate: 2024-06-01\n---\nB\n', { drafts: true, future: true })).article,
    ).toBeUndefined();
  });
});

describe('template syntax and MDX', () => {
  it('renders common Hugo shortcodes and reports any other with its place', () => {
    const { text: out, problems } = renderTemplates(
      'A\n{{< youtube abc123 >}}\n{{< figure src="a.png" caption="Cap" >}}\n{{< gist someone 42 >}}\n{{< x user="news" id="7" >}}\nSee {{< custom >}} here.\n',
    );
    expect(out.split('\n')).toEqual([
      'A',
      '[Watch the video on YouTube](https://www.youtube.com/watch?v=abc123)',
      '![Cap](<a.png> "Cap")',
      '[View the gist](https://gist.github.com/someone/42)',
      '[View the post on X](https://x.com/news/status/7)',
      'See  here.',
      '',
    ]);
    expect(problems).toEqual([{ line: 6, column: 5, reason: 'Template syntax `{{< custom >}}` is not rendered and was left out' }]);
  });

  it('renders Zola shortcode calls with text or an image source, reports others, shows escaped ones, drops {% end %}', () => {
    const { text: out, problems } = renderTemplates(
      [
        '{{ admonition(type="tip", title="Tip", text="Use `zola serve` (it reloads).") }}',
        '{{ dimmable_image(src="img/map.webp", alt="The map") }}',
        '{{ toc() }}',
        "{{ aside(text='it's broken') }}",
        '{% wide_container() %}',
        'Wide text.',
        '{% end %}',
        '```',
        '{{/* youtube(id="x") */}} and {%/* note() */%}',
        '```',
        '',
      ].join('\n'),
    );
    expect(out.split('\n')).toEqual([
      '**Tip** Use `zola serve` (it reloads).',
      '![The map](<img/map.webp>)',
      '',
      '',
      '',
      'Wide text.',
      '',
      '```',
      '{{ youtube(id="x") }} and {% note() %}',
      '```',
      '',
    ]);
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.reason}`)).toEqual([
      '3:1 Template syntax `{{ toc() }}` is not rendered and was left out',
      "4:1 Template syntax `{{ aside(text='it's broken') }}` is not rendered and was left out",
      '5:1 Template syntax `{% wide_container() %}` is not rendered and was left out',
    ]);
  });

  it('shows a Liquid raw region as written, a raw tag inside it too', () => {
    const { text: out } = renderTemplates('`{% raw %}{% highlight %}{% endraw %}` is like `{% raw %}{% raw %}{% endraw %}`.\n');
    expect(out).toBe('`{% highlight %}` is like `{% raw %}`.\n');
  });

  it('shows escaped shortcodes as Hugo does, in code and text; reports an unknown paired shortcode once, at its opening', () => {
    const { text: out, problems } = renderTemplates(
      [
        '```markdown',
        '{{</* highlight python "linenos=table" */>}}',
        '```',
        'Write `{{%/* note */%}}` or {{</* figure src="a.png" */>}}.',
        '{{< tabs >}}',
        'Inside the tabs.',
        '{{< /tabs >}}',
        '',
      ].join('\n'),
    );
    expect(out.split('\n')).toEqual([
      '```markdown',
      '{{< highlight python "linenos=table" >}}',
      '```',
      'Write `{{% note %}}` or {{< figure src="a.png" >}}.',
      '',
      'Inside the tabs.',
      '',
      '',
    ]);
    expect(problems).toEqual([{ line: 5, column: 1, reason: 'Template syntax `{{< tabs >}}` is not rendered and was left out' }]);
  });

  it('renders Liquid highlight, site variables and raw, reports loops, and leaves code alone', () => {
    const { text: out, problems } = renderTemplates(
      [
        '{% highlight ruby %}',
        'x = 1',
        '{% endhighlight %}',
        'At {{ site.url }} and `{{ kept }}`.',
        '{% for a in b %}',
        '- {{ a }}',
        '{% endfor %}',
        '```',
        '{{ also kept }}',
        '```',
        '{% raw %}{{ shown }}{% endraw %}',
      ].join('\n'),
      { siteUrl: 'https://lamps.example' },
    );
    expect(out.split('\n')).toEqual([
      '```ruby',
      'x = 1',
      '```',
      'At https://lamps.example and `{{ kept }}`.',
      '',
      '',
      '',
      '```',
      '{{ also kept }}',
      '```',
      '{{ shown }}',
    ]);
    expect(problems).toEqual([{ line: 5, column: 1, reason: 'Liquid `for` block is not rendered and was left out' }]);
  });

  it('renders admonitions as block quotes and drops heading ids', () => {
    const { text: out } = renderTemplates(':::tip[Before]\n\nDry it.\n\n:::\n## Heading {#custom-id}\n');
    expect(out).toBe('> **Before**\n>\n> Dry it.\n>\n\n## Heading\n');
  });

  it('reads MDX: imports and exports removed, components unwrapped with a warning', async () => {
    const { article, messages } = await ingest(
      'blog/post.mdx',
      "---\ntitle: M\ndate: 2024-01-01\n---\nimport X from './x';\nexport const a = 1;\n\nText.\n\n<Callout>Inside.</Callout>\n\n<Chart data={[1]} />\n\n{/* note */}\n",
    );
    expect(text(article)).toBe('Text.Inside.');
    expect(messages).toEqual([
      'blog/post.mdx:10:1: warning MDX component <Callout> is rendered as its content [mdx-component]',
      'blog/post.mdx:12:1: warning MDX component <Chart> has no content and was left out [mdx-component]',
    ]);
  });

  it('reads TeX math in MDX when braces in it would not parse as expressions, as code holding the TeX', async () => {
    const { article, messages } = await ingest(
      'blog/ols.mdx',
      '---\ntitle: OLS\ndate: 2024-01-01\n---\nThe estimator $\\hat{\\beta}$ is:\n\n$$\n\\left[\\begin{array}\n  {cc}\n  x & y\n\\end{array}\\right]\n$$\n\nPrices of $5 stay text elsewhere.\n',
    );
    expect(messages).toEqual([]);
    expect(article?.body.children.map((node) => node.type)).toEqual(['paragraph', 'code', 'paragraph']);
    expect(article?.body.children[1]).toMatchObject({
      type: 'code',
      lang: 'math',
      value: '\\left[\\begin{array}\n  {cc}\n  x & y\n\\end{array}\\right]',
    });
    const lead = article?.body.children[0] as { children: Array<{ type: string; value?: string }> } | undefined;
    expect(lead?.children[1]).toMatchObject({
      type: 'inlineCode',
      value: '\\hat{\\beta}',
    });
  });

  it('reports an MDX syntax error at its place', async () => {
    const { article, messages } = await ingest('blog/bad.mdx', '---\ntitle: M\n---\nText {oops(\n');
    expect(article).toBeUndefined();
    expect(messages[0]).toMatch(/^blog\/bad\.mdx:4:\d+: error MDX: .* \[mdx-syntax\]$/);
  });
});

describe('URLs as the site has them', () => {
  it('keeps the path of the site URL in article URLs and front matter permalinks', async () => {
    const site = { url: 'https://user.example/project' };
    const made = await ingest('a.md', '---\ntitle: A\ndate: 2024-01-01\n---\nB\n', {}, { site });
    expect(made.article?.url).toBe('https://user.example/project/a/');
    const given = await ingest('b.md', '---\ntitle: B\ndate: 2024-01-01\npermalink: /blog/b/\n---\nB\n', {}, { site });
    expect(given.article?.url).toBe('https://user.example/project/blog/b/');
  });

  it('fills {year}, {month}, {day} and {section} in the permalink pattern', async () => {
    const { article } = await ingest(
      'c.md',
      '---\ntitle: C\ndate: 2016-04-19\ncategory: Release Notes\n---\nB\n',
      {},
      {
        site: { url: 'https://blog.example' },
        permalink: '/{section}/{year}/{month}/{day}/{slug}/',
      },
    );
    expect(article?.url).toBe('https://blog.example/release-notes/2016/04/19/c/');
  });

  it('fills {path} with the path under the content folder, a bundle by its folder, each part encoded', async () => {
    const options = { site: { url: 'https://ferry.example/notes' }, permalink: '/{path}/' };
    const plain = await ingest(
      'content/news/pier-works.md',
      '---\ntitle: P\ndate: 2024-01-01\n---\nB\n',
      { contentDirs: ['/site/content'] },
      options,
    );
    expect(plain.article?.url).toBe('https://ferry.example/notes/news/pier-works/');
    const bundle = await ingest(
      'content/news/Harbour Ferry/index.md',
      '---\ntitle: H\ndate: 2024-01-01\n---\nB\n',
      { contentDirs: ['/site/content'] },
      options,
    );
    expect(bundle.article?.url).toBe('https://ferry.example/notes/news/Harbour%20Ferry/');
    // Without content folders, the path is under the content root; the slug still names the output files.
    const rooted = await ingest('content/news/pier-works.md', '---\ntitle: P\ndate: 2024-01-01\nslug: pier\n---\nB\n', {}, options);
    expect(rooted.article).toMatchObject({ url: 'https://ferry.example/notes/content/news/pier-works/', slug: 'pier' });
  });

  it('links another post file by its {path} and the date of its name', async () => {
    const { article } = await ingest(
      'content/news/a.md',
      '---\ntitle: A\ndate: 2024-01-01\n---\nSee [b](../notes/2023-05-06-b.md).\n',
      { contentDirs: ['/site/content'], permalink: '/{year}/{path}.html' },
      { site: { url: 'https://ferry.example' }, permalink: '/{year}/{path}.html' },
    );
    const paragraph = article?.body.children[0] as { children: Array<{ type: string; url?: string }> } | undefined;
    const link = paragraph?.children.find((node) => node.type === 'link');
    expect(link?.url).toBe('https://ferry.example/2023/notes/2023-05-06-b.html');
  });

  it('makes a Zola path the article URL and date', async () => {
    const { article } = await ingest(
      'posts/s.md',
      '+++\ntitle = "S"\npath = "2016/04/19/swarm"\n+++\nB\n',
      {},
      { site: { url: 'https://bees.example' } },
    );
    expect(article).toMatchObject({ url: 'https://bees.example/2016/04/19/swarm/', published: '2016-04-19T00:00:00Z' });
  });

  it('looks up root-relative images in the static folder', async () => {
    const { article } = await ingest('content/a.md', '---\ntitle: A\ndate: 2024-01-01\nimage: /img/a.png\n---\n\n![x](/img/b.png)\n', {
      staticDirs: ['static'],
    });
    expect(article?.images.map((image) => image.src)).toEqual(['/static/img/a.png', '/static/img/b.png']);
  });
});

describe('dates as people mistype them', () => {
  it('reads a date and time with a stray word before the offset, with a warning', async () => {
    const { article, messages } = await ingest('_posts/2023-01-29-x.md', '---\ntitle: X\ndate: 2023-01-29 18:30:22 2023 -0800\n---\nB\n');
    expect(article?.published).toBe('2023-01-29T18:30:22-08:00');
    expect(messages).toEqual([
      '_posts/2023-01-29-x.md:3:7: warning `date` "2023-01-29 18:30:22 2023 -0800" is not ISO 8601; read as 2023-01-29T18:30:22-08:00 [date-lenient]',
    ]);
    expect((await ingest('y.md', '---\ntitle: Y\ndate: 2023-01-29 soon\n---\nB\n')).messages[0]).toMatch(/\[date-invalid\]$/);
  });
});

describe("Hugo's translations", () => {
  it('a translated section index or README is not an article; a translated post has its language and its own slug', async () => {
    const index = await ingest('content/tags/_index.pt-br.md', '---\ntitle: Etiquetas\ndate: 2024-01-01\n---\n');
    expect(index.article).toBeUndefined();
    expect((await ingest('content/README.de.md', '# Lies mich\n\nText.\n')).article).toBeUndefined();
    const post = await ingest('content/posts/trip/index.pt-br.md', '---\ntitle: Viagem\ndate: 2024-01-01\n---\nTexto.\n');
    expect(post.article).toMatchObject({ language: 'pt-BR', slug: 'trip-pt-br' });
    const given = await ingest('content/posts/note.fr.md', '---\ntitle: Note\ndate: 2024-01-01\nlanguage: de\n---\nText.\n');
    expect(given.article).toMatchObject({ language: 'de', slug: 'note-fr' });
  });
});

describe('dates in paths as Docusaurus reads them', () => {
  it('takes a date split over folders (`2024/03-28-title.md`)', async () => {
    const { article } = await ingest('blog/2024/03-28-kiln-log.md', '---\ntitle: Log\n---\nBody.\n');
    expect(article).toMatchObject({ published: '2024-03-28T00:00:00Z', slug: 'kiln-log' });
  });
});

describe('site pages that are not posts', () => {
  it('a page with its own layout and no date is not an article; a dated one is', async () => {
    const page = await ingest('content/archives.md', '---\ntitle: Archive\nlayout: archives\n---\n');
    expect(page.article).toBeUndefined();
    expect(page.messages).toEqual([
      'content/archives.md:1:1: info archives.md is a page with its own layout (`archives`) and no date, not an article [not-an-article]',
    ]);
    const post = await ingest('content/dated.md', '---\ntitle: Dated\nlayout: archives\ndate: 2024-01-01\n---\nB\n');
    expect(post.article).toBeDefined();
  });
});

describe('links between posts', () => {
  it('makes a relative link to another post file that post URL', async () => {
    const { article } = await ingest(
      '_posts/2024-01-15-new.md',
      '---\ntitle: N\n---\nSee [the last one](2023-12-20-winter-oil.md#oil) and [a page](../pages/about.md) and [docs](https://a.example/x.md).\n',
      {},
      { site: { url: 'https://lamps.example/log' } },
    );
    const urls: string[] = [];
    const walk = (node: { type: string; url?: string; children?: unknown[] }) => {
      if (node.type === 'link' && node.url) urls.push(node.url);
      for (const child of (node.children ?? []) as Array<typeof node>) walk(child);
    };
    walk(article?.body as never);
    expect(urls).toEqual(['https://lamps.example/log/winter-oil/#oil', 'https://lamps.example/log/about/', 'https://a.example/x.md']);
  });
});
