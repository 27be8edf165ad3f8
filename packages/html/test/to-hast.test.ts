import type { ReportOptions } from '@syndikit/core';
import { convert, reportedRuleId } from '@syndikit/core';
import {
  bodyToHast,
  embedsToLinks,
  hastToHtml,
  hastToText,
  isSafeUrl,
  publishedImage,
  summarize,
  summarizeTree,
  withoutFootnotes,
} from '@syndikit/html';
import { markdownIngester } from '@syndikit/markdown';
import { describe, expect, it } from 'vitest';

async function body(markdown: string) {
  const result = await convert({ path: '/site/a.md', value: `# T\n\n${markdown}` }, { ingesters: [markdownIngester()], root: '/site' });
  const article = result.articles[0];
  if (!article) throw new Error(String(result.files[0]?.messages));
  return article;
}

function render(article: Awaited<ReturnType<typeof body>>, options: Parameters<typeof bodyToHast>[1] = {}) {
  const messages: string[] = [];
  const report = (reason: string, opts: ReportOptions) => {
    const point = opts.place && 'position' in opts.place ? opts.place.position?.start : undefined;
    messages.push(`${point?.line}:${point?.column} ${opts.severity ?? 'warning'} ${reason} [${reportedRuleId(opts)}]`);
  };
  const tree = bodyToHast(article.body, { ...options, report });
  return { html: tree ? hastToHtml(tree) : undefined, text: tree ? hastToText(tree) : undefined, messages };
}

describe('bodyToHast', () => {
  it('never changes the article body, also when its nodes carry hast children', async () => {
    const article = await body('![P](/img/a.jpg "Cap. (AP Photo/Sam)")\n\nSee [here](/x) and <b onclick="x()">raw</b>.\n');
    const before = structuredClone(article.body);
    render(article, { base: 'https://news.example/a/', images: [{ src: '/img/a.jpg', width: 8, height: 6 }] });
    expect(article.body).toEqual(before);
    // No raw HTML this time: raw HTML makes every node anew, hiding any sharing.
    const plain = await body('See [here](/x).\n');
    const paragraph = plain.body.children.find((node) => node.type === 'paragraph');
    if (paragraph)
      paragraph.data = { hChildren: [{ type: 'element', tagName: 'span', properties: { className: ['lead'] }, children: [] }] };
    const withData = structuredClone(plain.body);
    render(plain, { base: 'https://news.example/a/', transforms: [(tree) => walkAll(tree)] });
    expect(plain.body).toEqual(withData);
  });

  it('renders a figure without a file as its caption and credit alone: no <img> without a source', async () => {
    const article = await body('Text.\n\n_Divers inspect the footings of the pier. (AP Photo/Ola Brandt)_\n');
    const { html, text } = render(article);
    expect(html).toBe(
      '<p>Text.</p>\n<figure><figcaption>Divers inspect the footings of the pier. <small class="credit">AP Photo/Ola Brandt</small></figcaption></figure>',
    );
    expect(text).toContain('Divers inspect the footings of the pier. AP Photo/Ola Brandt');
  });

  it('renders figures with caption and credit, pointing at the largest JPEG rendition', async () => {
    const renditions = [
      { src: '/images/a-1-320.jpg', width: 320, height: 240, mediaType: 'image/jpeg' },
      { src: '/images/a-1-640.jpg', width: 640, height: 480, mediaType: 'image/jpeg' },
      { src: '/images/a-2-640.webp', width: 640, height: 480, mediaType: 'image/webp' },
    ];
    const { html } = render(await body('![Pickets](/img/a.jpg "Pickets outside. (AP Photo/Sam)")'), {
      images: [{ src: '/img/a.jpg', width: 800, height: 600, renditions }],
    });
    expect(html).toBe(
      '<figure><img src="/images/a-1-640.jpg" alt="Pickets" width="800" height="600"><figcaption>Pickets outside. <small class="credit">AP Photo/Sam</small></figcaption></figure>',
    );
  });

  it('keeps a remote image, and leaves out a local one no file is published for (caption and credit stay)', async () => {
    const remote = render(await body('![P](https://cdn.example/a.jpg "Cap. (AP Photo/Sam)")'), {
      images: [{ src: 'https://cdn.example/a.jpg' }],
    });
    expect(remote.html).toContain('<img src="https://cdn.example/a.jpg" alt="P">');
    const local = render(await body('![Pickets](/img/a.jpg "Pickets outside. (AP Photo/Sam)")'), {
      base: 'https://news.example/a/',
      images: [{ src: '/img/a.jpg', width: 800, height: 600 }],
    });
    expect(local.html).toBe('<figure><figcaption>Pickets outside. <small class="credit">AP Photo/Sam</small></figcaption></figure>');
  });

  it('publishedImage: a rendition, else a remote source, else nothing', () => {
    const base = 'https://news.example/a/';
    const rendition = { src: '/images/a-1-640.jpg', width: 640, height: 480, mediaType: 'image/jpeg', bytes: 9 };
    expect(publishedImage({ src: '/img/a.jpg', renditions: [rendition] }, base)).toEqual({
      url: 'https://news.example/images/a-1-640.jpg',
      width: 640,
      height: 480,
      mediaType: 'image/jpeg',
      bytes: 9,
    });
    expect(publishedImage({ src: 'https://cdn.example/b.png', width: 5, height: 4 }, base)).toEqual({
      url: 'https://cdn.example/b.png',
      width: 5,
      height: 4,
    });
    expect(publishedImage({ src: '/img/a.jpg', width: 800, height: 600 }, base)).toBeUndefined();
  });

  it('removes what is unsafe and says where', async () => {
    const { html, messages } = render(
      await body(
        '<img src="x.png" onerror="alert(1)"> [a](javascript:alert(1)) <a href="java&#x09;script:x">b</a>\n\n<script>alert(1)</script>\n',
      ),
    );
    expect(html).toBe('<p><img src="x.png"> <a>a</a> <a>b</a></p>');
    expect(messages).toEqual([
      '5:1 warning Removed `<script>`: not allowed in article HTML [html-element-removed]',
      '3:1 warning Removed `onerror` from `<img>` [html-attribute-removed]',
      '3:38 warning Removed unsafe URL `javascript:alert(1)` from `<a>` [html-url-removed]',
      '3:63 warning Removed unsafe URL `java\\u0009script:x` from `<a>` [html-url-removed]',
    ]);
  });

  it('makes URLs absolute against the article, fragments only when asked', async () => {
    const article = await body('[rel](../x/) [root](/y) [frag](#here) [proto](//cdn.example/z)');
    expect(render(article, { base: 'https://news.example/a/b/' }).html).toBe(
      '<p><a href="https://news.example/a/x/">rel</a> <a href="https://news.example/y">root</a> <a href="#here">frag</a> <a href="https://cdn.example/z">proto</a></p>',
    );
    expect(render(article, { base: 'https://news.example/a/b/', absoluteFragments: true }).html).toContain(
      'href="https://news.example/a/b/#here"',
    );
  });

  it('fails the article, with an error, on raw HTML nested too deep', async () => {
    const { html, messages } = render(await body(`${'<div>'.repeat(2000)}x${'</div>'.repeat(2000)}`));
    expect(html).toBeUndefined();
    expect(messages).toEqual(['3:1 error Raw HTML opens more than 256 nested elements [html-too-deep]']);
  });

  it('turns embeds into links for formats without frames', async () => {
    const { html } = render(
      await body(
        '<iframe src="https://www.youtube.com/embed/abcdef1" title="Video"></iframe>\n\n<iframe src="http://plain.example/x"></iframe>\n\n<iframe srcdoc="x"></iframe>\n\n<iframe src="https://player.vimeo.com/video/76979871"></iframe>',
      ),
      {
        transforms: [embedsToLinks],
      },
    );
    expect(html).toBe(
      // Players become the pages readers open: YouTube's watch page, Vimeo's video page.
      '<p><a href="https://www.youtube.com/watch?v=abcdef1">Video</a></p>\n<p><a href="http://plain.example/x">http://plain.example/x</a></p>\n<p><a href="https://vimeo.com/76979871">https://vimeo.com/76979871</a></p>',
    );
  });

  it('gives plain text and summaries', async () => {
    const { text } = render(await body('First *para*graph.\n\n- one\n- two\n'));
    expect(text).toBe('First paragraph.\n\none\ntwo');
    expect(summarize('word '.repeat(100), 50)).toBe(`${'word '.repeat(9).trim()}…`);
    expect(summarize('Short.\n\nSecond.')).toBe('Short.');
  });

  it('summarises a tree from its first blocks as from its whole text', async () => {
    const many = Array.from({ length: 12 }, (_, index) => `Paragraph ${index} of the story.`).join('\n\n');
    const bodies = [
      many,
      // Text only after a cut: empty blocks first, a line break where the children are cut.
      `<br>\n\n<br>\n\n<br>\n\n<br>\n\n<br>\n\nThe words.\n\n${many}`,
      // A footnote marker in the first paragraph, the notes at the end.
      `The vote passed[^1] late.\n\n${many}\n\n[^1]: Counted twice.`,
      // Rows and cells at the top render by their later siblings: read whole.
      `<td>cell</td>\n\n<td>next</td>\n\n${many}`,
      `${'A long first sentence of the lead paragraph. '.repeat(10)}\n\n${many}`,
      '',
    ];
    for (const markdown of bodies) {
      const tree = bodyToHast((await body(markdown)).body);
      if (!tree) throw new Error('no tree');
      for (const maxLength of [300, 40])
        expect(summarizeTree(tree, maxLength)).toBe(summarize(hastToText(withoutFootnotes(tree)), maxLength));
    }
    const tree = bodyToHast((await body(many)).body);
    if (tree) expect(summarizeTree(tree)).toBe('Paragraph 0 of the story.');
  });
});

describe('isSafeUrl', () => {
  it('judges schemes as browsers do', () => {
    const allowed = ['http', 'https'];
    expect(isSafeUrl('https://x', allowed)).toBe(true);
    expect(isSafeUrl('/relative:colon', allowed)).toBe(true);
    expect(isSafeUrl('  JaVaScRiPt:alert(1)', allowed)).toBe(false);
    expect(isSafeUrl('java\tscript:alert(1)', allowed)).toBe(false);
    expect(isSafeUrl('\u0001javascript:alert(1)', allowed)).toBe(false);
    expect(isSafeUrl('data:text/html,x', allowed)).toBe(false);
  });
});

/** A transform that changes every element's class list in place, as transforms may. */
function walkAll(tree: { children?: unknown[] }): void {
  for (const child of tree.children ?? []) {
    const element = child as { type?: string; properties?: { className?: unknown }; children?: unknown[] };
    if (element.type === 'element' && Array.isArray(element.properties?.className)) element.properties.className.push('touched');
    walkAll(element);
  }
}
