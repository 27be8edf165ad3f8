import type { ArticleImage, ReportOptions } from '@syndikit/core';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { embedsToLinks } from './embeds.js';
import { bodyToHast } from './to-hast.js';
import type { Reporter } from './unsafe.js';

/** Options for {@link syndicationHast}. */
export interface SyndicationHastOptions {
  /** Base URL for relative links and images: the article's URL, else the site's. Default: none. */
  base?: string | null;
  /** The article's images (see `BodyToHastOptions.images`). Default `[]`. */
  images?: readonly ArticleImage[] | null;
  /** Where problems go: `ArticleRenderContext.report`. Default: ignored. */
  report?: Reporter | null;
}

interface Made {
  base: string | null;
  images: readonly ArticleImage[] | null;
  tree: HastRoot | undefined;
  messages: Array<[string, ReportOptions]>;
}

/** The trees made so far, by body: they go with the articles (weak keys), so a new build never sees an old one. */
const made = new WeakMap<Readonly<MdastRoot>, Made[]>();

/**
 * An article body as the sanitised hast that syndication formats carry
 * (`bodyToHast` with the article schema, frames turned into links, URLs
 * absolute against `base`), made once per body, base and images and shared
 * by every format that asks for it: ninjs and NewsML-G2 render one article
 * from one tree instead of converting and sanitising it each. What
 * `bodyToHast` reported while making it is reported again to each later
 * caller, in the same order, so every format still says what it lost.
 *
 * The tree is shared: read it, never change it (copy it first). The body
 * must not change after it was asked for (render contexts give articles read-only).
 *
 * @returns the tree, or `undefined` when the body fails (reported).
 */
export function syndicationHast(
  body: Readonly<MdastRoot>,
  options?: Readonly<SyndicationHastOptions> | null,
): Readonly<HastRoot> | undefined {
  const base = options?.base ?? null;
  const images = options?.images ?? null;
  const report: Reporter = options?.report ?? (() => {});
  const earlier = made.get(body) ?? [];
  const found = earlier.find((entry) => entry.base === base && entry.images === images);
  if (found) {
    for (const [reason, reported] of found.messages) report(reason, reported);
    return found.tree;
  }
  const messages: Array<[string, ReportOptions]> = [];
  const tree = bodyToHast(body, {
    base,
    images,
    transforms: [embedsToLinks],
    report: (reason, reported) => {
      messages.push([reason, reported]);
      report(reason, reported);
    },
  });
  earlier.push({ base, images, tree, messages });
  made.set(body, earlier);
  return tree;
}
