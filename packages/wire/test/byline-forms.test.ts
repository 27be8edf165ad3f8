import { describe, expect, it } from 'vitest';
import { bylineCandidate } from '../src/lib/header.js';
import { convertWire, harbourStory } from './helpers.js';

/**
 * Byline forms seen on held-out pages copied with select-all (issue 14), with invented names: a label with a colon,
 * `By` glued to the name, Spanish `Escribe`, a date and time before `by`/`von`, labels after the names (`Datum:`,
 * `Kategorien:`), a social handle glued to the name, and a desk that names nobody.
 */
describe('byline forms', () => {
  it('reads a byline word with a colon (`von: …`, `by: …`, `Von: …`)', () => {
    expect(bylineCandidate('von: Jana Roth')?.authors).toEqual([{ name: 'Jana Roth' }]);
    expect(bylineCandidate('by: Cara Nell')?.authors).toEqual([{ name: 'Cara Nell' }]);
    expect(bylineCandidate('Von: Adam Pavel')?.authors).toEqual([{ name: 'Adam Pavel' }]);
  });

  it("drops the full stop closing a byline, not an initial's (`By Jana Roth.`, `By Marek Q.`)", () => {
    expect(bylineCandidate('By Jana Roth.')?.authors).toEqual([{ name: 'Jana Roth' }]);
    expect(bylineCandidate('By Marek Q.')?.authors).toEqual([{ name: 'Marek Q.' }]);
  });

  it("ends the byline at a link to the author's account (`von Jana Roth Twitter Account von Jana Roth`)", () => {
    expect(bylineCandidate('von Jana Roth Twitter Account von Jana Roth')?.authors).toEqual([{ name: 'Jana Roth' }]);
    expect(bylineCandidate('By Marek Stein LinkedIn')?.authors).toEqual([{ name: 'Marek Stein' }]);
  });

  it('reads `By` glued to the name (`ByJ.R. Doe`)', () => {
    expect(bylineCandidate('ByJ.R. Doe')?.authors).toEqual([{ name: 'J.R. Doe' }]);
  });

  it('reads the Spanish `Escribe …` and `Escrito por …`', () => {
    expect(bylineCandidate('Escribe Carla Mendoza')?.authors).toEqual([{ name: 'Carla Mendoza' }]);
    expect(bylineCandidate('Escrito por Carla Mendoza')?.authors).toEqual([{ name: 'Carla Mendoza' }]);
  });

  it('reads the names after a date and time that lead the line (`02.02.2022, 11:30 Uhr von …`, `Posted 11. April 2018 by …`)', () => {
    expect(bylineCandidate('02.02.2022, 11:30 Uhr von Marek Stein')?.authors).toEqual([{ name: 'Marek Stein' }]);
    expect(bylineCandidate('Posted 11. April 2018 by Walter von Roden')?.authors).toEqual([{ name: 'Walter von Roden' }]);
    expect(bylineCandidate('27. Januar 2014 by Berta Rieß / Kategorien: Event, Mode')?.authors).toEqual([{ name: 'Berta Rieß' }]);
  });

  it('leaves out labelled parts after the names (`Datum:`, `Kategorien:`, `Veröffentlicht:`) and a desk role', () => {
    expect(bylineCandidate('Author: Gábor Lenz, Datum: 03.Mär.19')?.authors).toEqual([{ name: 'Gábor Lenz' }]);
    expect(bylineCandidate('Von Kira Schmid Kategorien: Mode 6. November 2023, 15:25 Uhr')?.authors).toEqual([{ name: 'Kira Schmid' }]);
    expect(bylineCandidate('von Mila Traum, Online-Redaktion Veröffentlicht: 26.12.2022')?.authors).toEqual([{ name: 'Mila Traum' }]);
  });

  it('leaves out a social handle glued to the name (`By Eric Lund@ericlund`)', () => {
    expect(bylineCandidate('By Eric Lund@ericlund')?.authors).toEqual([{ name: 'Eric Lund' }]);
  });

  it('reads a desk as a byline that names nobody (`Von Die Redaktion`, `Por la Redacción`, `Par la rédaction`)', () => {
    expect(bylineCandidate('Von Die Redaktion')).toEqual({ authors: [] });
    expect(bylineCandidate('Von der Online-Redaktion')).toEqual({ authors: [] });
    expect(bylineCandidate('Por la Redacción')).toEqual({ authors: [] });
    expect(bylineCandidate('Par la rédaction')).toEqual({ authors: [] });
  });

  it('reads an agency or a desk beside the people as no person (`Von dpa`, `Jane Roe and AP`, `… und der Redaktion`)', () => {
    expect(bylineCandidate('Von dpa')).toEqual({ authors: [], source: 'dpa' });
    expect(bylineCandidate('By Jane Roe and AP')).toEqual({ authors: [{ name: 'Jane Roe' }], source: 'The Associated Press' });
    expect(bylineCandidate('Von Jana Roth und der Redaktion')).toEqual({ authors: [{ name: 'Jana Roth' }] });
  });

  it('a Spanish byline under the headline is not the headline', async () => {
    const page = [
      'Inicio',
      'Territorio',
      '',
      'La junta del puerto vota reconstruir el viejo mercado de pescado del muelle este',
      '',
      'Escribe Carla Mendoza en Territorio',
      '',
      '4 de mayo de 2022',
      '',
      'La junta del puerto votó el martes reconstruir el viejo mercado de pescado del muelle este, un proyecto del que se habla desde hace más de una década y que fue aplazado dos veces por falta de dinero.',
      '',
      'Las obras empezarán en primavera, y los puestos seguirán abiertos en una nave provisional del muelle mientras se levanta el nuevo edificio, para que los pescadores no pierdan ningún día de venta.',
      '',
      'Los comerciantes celebraron la decisión, pero pidieron a la junta que mantenga los alquileres en su nivel actual durante los dos primeros años, porque muchos perdieron clientes durante el largo cierre.',
      '',
    ].join('\n');
    const result = await convertWire(page, 'spanish-escribe.txt');
    expect(result.articles[0]?.headline).toBe('La junta del puerto vota reconstruir el viejo mercado de pescado del muelle este');
    expect(result.articles[0]?.authors).toEqual([{ name: 'Carla Mendoza' }]);
  });
});

/**
 * Bylines the copy breaks across lines or prints without `By` (issue 14): the byline word after a date at the end of
 * one line and the name on the next, a name alone near the date under the headline.
 */
describe('bylines across lines and names alone near the date', () => {
  const story = harbourStory;
  const headline = 'Hafenverwaltung lässt den alten Fischmarkt am Ostkai neu bauen';
  const page = (...header: string[]) => ['Startseite', 'Politik', '', headline, ...header, '', ...story].join('\n');

  it('reads the name on the line after a date ending with `von`', async () => {
    const result = await convertWire(page('12.03.2025 11:46 von', 'Marek Stein'), 'dated-von.txt');
    expect(result.articles[0]?.authors).toEqual([{ name: 'Marek Stein' }]);
    expect(result.articles[0]?.published).toBe('2025-03-12T11:46:00Z');
  });

  it('reads a name alone right above the date, or above a dash or a word and the date', async () => {
    for (const header of [
      ['Jana Roth', '12. März 2025'],
      ['Jana Roth', '—', '12. März 2025'],
      ['Jana Roth', 'am', 'Mittwoch, 12.03.2025 - 14:30'],
    ]) {
      const result = await convertWire(page(...header), 'name-date.txt');
      expect(result.articles[0]?.authors).toEqual([{ name: 'Jana Roth' }]);
    }
  });

  it('reads an author label alone on its line with the name on the next (`Autor` / `Jana Roth,`)', async () => {
    for (const label of ['Autor', 'Autorin:', 'Author']) {
      const result = await convertWire(page('Information', label, 'Jana Roth,'), 'label-name.txt');
      expect(result.articles[0]?.authors, label).toEqual([{ name: 'Jana Roth' }]);
    }
  });

  it('reads two or three people listed above the date, and a name above an author search pop-up', async () => {
    const listed = await convertWire(page('Jana Roth, Marek Stein', 'November 8 2025, 3:18 p.m.'), 'listed.txt');
    expect(listed.articles[0]?.authors).toEqual([{ name: 'Jana Roth' }, { name: 'Marek Stein' }]);
    const popup = await convertWire(page('Jana Roth', 'Search for this author in:', 'Pub Med'), 'popup.txt');
    expect(popup.articles[0]?.authors).toEqual([{ name: 'Jana Roth' }]);
  });

  it('takes no short deck with a stop word right under the headline for a name', async () => {
    const result = await convertWire(page('Ein Kommentar', '12. März 2025'), 'deck-date.txt');
    expect(result.articles[0]?.authors).toEqual([]);
  });
});
