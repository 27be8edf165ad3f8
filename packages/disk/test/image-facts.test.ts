import { copyFile, mkdir, mkdtemp, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, Figure } from '@syndikit/core';
import { imageFactsReader, readImageFacts } from '@syndikit/disk';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

const photo = fileURLToPath(new URL('../../../fixtures/articles/images/harbor-bridge.jpg', import.meta.url));

/** A content root with the fixture photo as `images/bridge.jpg` and, misnamed, as `images/bridge.png`. */
async function contentRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'syndikit-image-facts-'));
  await mkdir(join(root, 'images'));
  await copyFile(photo, join(root, 'images', 'bridge.jpg'));
  await copyFile(photo, join(root, 'images', 'bridge.png'));
  return root;
}

function articleWith(...sources: string[]): Article {
  const figures: Figure[] = sources.map((url) => ({ type: 'figure', url }));
  return {
    id: 'urn:test',
    slug: 'story',
    headline: 'Story',
    authors: [],
    tags: [],
    language: 'en',
    images: sources.map((src) => ({ src })),
    body: { type: 'root', children: figures },
  } as unknown as Article;
}

describe('readImageFacts', () => {
  it('fills in byte length, type and size from the header, on the image and its figures', async () => {
    const root = await contentRoot();
    const article = articleWith('/images/bridge.jpg', 'https://example.com/remote.jpg');
    const file = new VFile({ path: join(root, 'story.md') });
    await readImageFacts(article, file, root);
    expect(article.images[0]).toEqual({
      src: '/images/bridge.jpg',
      bytes: (await stat(photo)).size,
      mediaType: 'image/jpeg',
      width: 1200,
      height: 800,
    });
    expect(article.images[1]).toEqual({ src: 'https://example.com/remote.jpg' });
    expect(article.body.children[0]).toMatchObject({ width: 1200, height: 800 });
    expect(file.messages).toEqual([]);
  });

  it('leaves a figure without a file (caption and credit only) as it is, with no message', async () => {
    const root = await contentRoot();
    const article = articleWith('/images/bridge.jpg');
    const captionOnly: Figure = { type: 'figure', caption: 'Divers inspect the footings.', credit: 'AP Photo/Ola Brandt' };
    article.body.children.unshift({ ...captionOnly });
    const file = new VFile({ path: join(root, 'story.md') });
    await readImageFacts(article, file, root);
    expect(article.body.children[0]).toEqual(captionOnly);
    expect(article.body.children[1]).toMatchObject({ url: '/images/bridge.jpg', width: 1200, height: 800 });
    expect(file.messages).toEqual([]);
  });

  it('warns about a missing file, a misnamed one and one that is no image; a link out of the root is an error', async () => {
    const root = await contentRoot();
    await writeFile(join(root, 'images', 'notes.jpg'), 'not an image');
    const outside = await mkdtemp(join(tmpdir(), 'syndikit-outside-'));
    await copyFile(photo, join(outside, 'secret.jpg'));
    await symlink(join(outside, 'secret.jpg'), join(root, 'images', 'link.jpg'));
    const article = articleWith('/images/gone.jpg', '/images/bridge.png', '/images/notes.jpg', '/images/link.jpg');
    const file = new VFile({ path: join(root, 'story.md') });
    await readImageFacts(article, file, root);
    expect(file.messages.map((message) => [message.fatal ? 'error' : 'warning', message.ruleId])).toEqual([
      ['warning', 'image-missing'],
      ['warning', 'image-type-mismatch'],
      ['warning', 'image-unreadable'],
      ['error', 'image-outside-root'],
    ]);
    // The missing one is left out of the images and the body; the others stay.
    expect(article.images.map((image) => image.src)).toEqual(['/images/bridge.png', '/images/notes.jpg', '/images/link.jpg']);
    expect(article.body.children.map((node) => (node as Figure).url)).toEqual([
      '/images/bridge.png',
      '/images/notes.jpg',
      '/images/link.jpg',
    ]);
    expect(article.images[0]).toMatchObject({ mediaType: 'image/jpeg', width: 1200 });
    expect(article.images[2]?.width).toBeUndefined();
    expect(file.data.missingImages).toEqual(['/images/gone.jpg']);
  });

  it('leaves out a missing inline image with a warning at its place, keeping the text around it', async () => {
    const root = await contentRoot();
    const article = articleWith('/images/bridge.jpg');
    const position = { start: { line: 7, column: 5 }, end: { line: 7, column: 30 } };
    article.body.children.push({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'Before ' },
        { type: 'image', url: '/images/lost.png', alt: 'lost', position },
        { type: 'text', value: ' after.' },
      ],
    });
    const file = new VFile({ path: join(root, 'story.md') });
    await readImageFacts(article, file, root);
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.fatal} ${message.reason}`)).toEqual([
      '7:5 false Image `/images/lost.png` was not found under the content root; it is left out',
    ]);
    expect(article.body.children[1]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'Before ' },
        { type: 'text', value: ' after.' },
      ],
    });
    expect(article.images.map((image) => image.src)).toEqual(['/images/bridge.jpg']);
  });

  it('with strict, a missing image is an error', async () => {
    const root = await contentRoot();
    const article = articleWith('/images/gone.jpg');
    const file = new VFile({ path: join(root, 'story.md') });
    await imageFactsReader({ strict: true })(article, file, root);
    expect(file.messages.map((message) => [message.fatal, message.ruleId, message.reason])).toEqual([
      [true, 'image-missing', 'Image `/images/gone.jpg` was not found under the content root'],
    ]);
  });

  it('says what it expected of its options', () => {
    expect(() => imageFactsReader('strict' as never)).toThrow(
      'Expected an options object or nothing for imageFactsReader but received string',
    );
    expect(() => imageFactsReader({ strict: 'yes' as never })).toThrow('Expected a boolean for strict but received string');
  });
});
