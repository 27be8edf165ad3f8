import { articleSchema } from '@syndikit/html';
import type { Schema } from 'hast-util-sanitize';

/**
 * The sanitisation schema for AMP pages: the article schema, plus the
 * embeds that AMP turns into components (`<iframe>`, `<video>` with
 * `<source>`). They are converted after sanitising; anything that cannot
 * become a valid component is dropped then, with a warning.
 */
export const ampSchema: Readonly<Schema> = Object.freeze({
  ...articleSchema,
  strip: (articleSchema.strip ?? []).filter((name) => name !== 'iframe'),
  tagNames: [...(articleSchema.tagNames ?? []), 'iframe', 'video', 'source'],
  attributes: {
    ...articleSchema.attributes,
    iframe: ['src', 'width', 'height', 'title', 'allowFullScreen'],
    video: ['src', 'poster', 'width', 'height', 'controls', 'loop', 'muted', 'playsInline'],
    source: ['src', 'type'],
    blockquote: ['cite', 'className', 'dataInstgrmPermalink'],
  },
  protocols: { ...articleSchema.protocols, dataInstgrmPermalink: ['https'] },
}) as Readonly<Schema>;
