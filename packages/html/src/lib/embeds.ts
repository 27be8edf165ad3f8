import type { Element, Root } from 'hast';
import { walkElements } from './urls.js';

/**
 * Replace `<iframe>` and `<video>` embeds with a paragraph linking to them,
 * for formats that cannot carry frames (feeds): a reader still gets to the
 * video. Embeds without an http(s) URL are dropped.
 */
export function embedsToLinks(tree: Root): void {
  walkElements(tree, (element, parent) => {
    if (element.tagName !== 'iframe' && element.tagName !== 'video') return;
    const source = embedSource(element);
    const index = parent.children.indexOf(element);
    if (index === -1) return;
    if (!source) {
      parent.children.splice(index, 1);
      return;
    }
    const href = watchPageUrl(source) ?? source;
    const title = typeof element.properties.title === 'string' && element.properties.title.trim() ? element.properties.title.trim() : href;
    const link: Element = {
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [{ type: 'element', tagName: 'a', properties: { href }, children: [{ type: 'text', value: title }] }],
    };
    if (element.position) link.position = element.position;
    parent.children[index] = link;
  });
}

/**
 * The page a reader opens for a video player's URL: YouTube's
 * `/embed/ID` (also youtube-nocookie.com and youtu.be) becomes
 * `https://www.youtube.com/watch?v=ID`, Vimeo's player `https://vimeo.com/ID`.
 * A player URL alone shows a bare frame with no title, description or
 * comments. `undefined` for any other URL.
 */
export function watchPageUrl(source: string): string | undefined {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^(www|m)\./, '');
  const youtube =
    ((host === 'youtube.com' || host === 'youtube-nocookie.com') && /^\/embed\/([\w-]{6,})/.exec(url.pathname)?.[1]) ||
    (host === 'youtu.be' && /^\/([\w-]{6,})/.exec(url.pathname)?.[1]);
  if (youtube) return `https://www.youtube.com/watch?v=${youtube}`;
  const vimeo = host === 'player.vimeo.com' && /^\/video\/(\d+)/.exec(url.pathname)?.[1];
  if (vimeo) return `https://vimeo.com/${vimeo}`;
  return undefined;
}

/** The http(s) URL an `<iframe>` or `<video>` shows, if any. */
export function embedSource(element: Element): string | undefined {
  const candidates: unknown[] = [element.properties.src];
  for (const child of element.children) if (child.type === 'element' && child.tagName === 'source') candidates.push(child.properties.src);
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const url = candidate.trim().startsWith('//') ? `https:${candidate.trim()}` : candidate.trim();
    if (/^https?:\/\//i.test(url)) return url;
  }
  return undefined;
}
