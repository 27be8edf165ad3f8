import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertWire } from './helpers.js';

/** Our own fixtures in the shape of story headers on pages copied with select-all (issue 14, held-out pages). */
function convertPage(name: string) {
  return convertWire(readFileSync(new URL(`fixtures/${name}`, import.meta.url)), name);
}

describe('skip links in other languages', () => {
  it('drops German skip links (`Springe zum Inhalt`, `Zur Suche springen`): neither is the headline', async () => {
    const result = await convertPage('media-column-skip-links.txt');
    expect(result.articles[0]?.headline).toBe('Warum die Talkshows am Sonntag immer dieselben Gäste einladen');
    expect(result.messages).toContain(
      'media-column-skip-links.txt:1:1: info Removed accessibility skip link: "Springe zum Inhalt" [skip-link]',
    );
  });
});
