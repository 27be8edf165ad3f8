import { describe, expect, it } from 'vitest';
import { convertWire, harbourStory } from './helpers.js';

/**
 * Bylines printed after the story (issue 14), with invented names: a labelled name under the last paragraph, the
 * name in parentheses ending it, an author box's heading with the name on the next line — and what is no byline
 * there: a book's fact sheet, a list of names, a teaser's `von …`.
 */
describe('a byline after the story', () => {
  const headline = 'Hafenverwaltung lässt den alten Fischmarkt am Ostkai neu bauen';
  const page = (...trailer: string[]) =>
    ['Startseite', 'Politik', '', headline, '', ...harbourStory, ...trailer, '', 'Impressum', 'Datenschutz'].join('\n');
  const authors = async (text: string) => (await convertWire(text, 'end-byline.txt')).articles[0]?.authors;

  it('reads a labelled name right under the story, also after a note (`(wird fortgesetzt)`)', async () => {
    expect(await authors(page('Text: Marek Stein'))).toEqual([{ name: 'Marek Stein' }]);
    expect(await authors(page('(wird fortgesetzt)', '', 'Text: Marek Stein', '', 'Fotos: Hafenarchiv'))).toEqual([{ name: 'Marek Stein' }]);
    expect(await authors(page('Von Jana Roth'))).toEqual([{ name: 'Jana Roth' }]);
  });

  it('reads an author box: its heading on a line, the name on the next', async () => {
    for (const label of ['Autor', 'Autorin', 'Autor*in', 'von', 'Über die Autorin', 'Zur Person', 'About the author']) {
      const result = await convertWire(page('', label, 'Jana Roth (Redakteurin für Hafenthemen)'), 'box.txt');
      expect(result.articles[0]?.authors, label).toEqual([{ name: 'Jana Roth' }]);
      expect(result.messages, label).toContain(
        `box.txt:${5 + harbourStory.length + 3}:1: info Read the byline in the author box after the story ("${label}"): Jana Roth [wire-byline]`,
      );
    }
    expect(await authors(page('Die Autorin schreibt seit zehn Jahren über den Hafen.', '', 'von', 'Jana Roth,'))).toEqual([
      { name: 'Jana Roth' },
    ]);
  });

  it("reads the name in parentheses ending the story's last paragraph", async () => {
    const story = [...harbourStory.slice(0, -2), `${harbourStory.at(-2)} (Marek Stein) +++`, ''];
    const text = ['Startseite', 'Politik', '', headline, '', ...story, 'Impressum'].join('\n');
    expect(await authors(text)).toEqual([{ name: 'Marek Stein' }]);
  });

  it('takes no name from a fact sheet, a list of names or a teaser under the story', async () => {
    expect(await authors(page('Titel: Der Kai', 'Seiten: 400 Seiten', 'Autorin: Jana Roth', 'Verlag: Hafenbuch'))).toEqual([]);
    expect(await authors(page('Meine Favoriten:', 'Jana Roth, Kaiband', 'Marek Stein, Ostwind'))).toEqual([]);
    expect(await authors(page('Lesen Sie auch', 'Neue Fähre fährt ab Mai zweimal am Tag', 'von Jana Roth'))).toEqual([]);
    // An agency is the source, not an author.
    expect(await authors(page('Von dpa'))).toEqual([]);
  });
});
