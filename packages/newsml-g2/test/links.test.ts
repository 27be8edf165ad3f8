import { imagesAdapter } from '@syndikit/images';
import { newsmlG2Adapter } from '@syndikit/newsml-g2';
import { convertFixtures, fixtureSite } from '@syndikit/testkit';
import { describe, expect, it } from 'vitest';
import { brokenLinks } from '../../../scripts/link-check.mjs';

const images = imagesAdapter({ widths: [320, 1024], formats: ['webp', 'jpeg'], cacheDir: false, crops: false });

describe('NewsML-G2 pictures point only at files the build writes', () => {
  for (const withImages of [true, false]) {
    it(`images ${withImages ? 'on' : 'off'}`, async () => {
      const result = await convertFixtures({ formats: [...(withImages ? [images] : []), newsmlG2Adapter()] });
      const outputs = new Map(result.outputs.map((output) => [output.path, output.contents]));
      const given = [
        `${fixtureSite.url}/`,
        ...result.articles.flatMap((article) => [article.url ?? [], ...article.authors.flatMap((author) => author.url ?? [])].flat()),
      ];
      expect(brokenLinks(outputs, fixtureSite.url, given)).toEqual([]);
      const xml = String(outputs.get('newsml-g2/2024-03-12-harbor-bridge-vote.xml'));
      // The source photo under the content root is never linked as it is.
      expect(xml).not.toMatch(/href="https:\/\/news\.example\/[^"]*images\/harbor-bridge\.jpg"/);
      if (withImages) {
        // The link is the rendition every other output points at; the widest JPEG is rnd:highRes.
        expect(xml).toMatch(
          /<link rel="irel:associatedWith" href="https:\/\/news\.example\/images\/harbor-bridge-[0-9a-f]{10}-1024\.jpg" contenttype="image\/jpeg" rank="1">/,
        );
        expect(xml).toMatch(
          /<remoteContent href="https:\/\/news\.example\/images\/harbor-bridge-[0-9a-f]{10}-1024\.jpg" rendition="rnd:highRes" contenttype="image\/jpeg"/,
        );
        expect(xml).toMatch(
          /<remoteContent href="https:\/\/news\.example\/images\/harbor-bridge-[0-9a-f]{10}-320\.webp" contenttype="image\/webp"/,
        );
      } else {
        expect(xml).toMatch(/<link rel="irel:associatedWith" href="urn:syndikit:image:[^"]+" rank="1">/);
        expect(xml).not.toContain('<remoteContent');
      }
    });
  }
});
