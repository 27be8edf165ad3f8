import { copyFile, mkdir, mkdtemp, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, Figure } from '@syndikit/core';
import { readImageFacts } from '@syndikit/disk';
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
    expect(article.images[1]).toMatchObject({ mediaType: 'image/jpeg', width: 1200 });
    expect(article.images[3]?.width).toBeUndefined();
  });
});
