import { findDate } from '@syndikit/wire';
import { describe, expect, it } from 'vitest';
import { dateLabel } from '../src/lib/dates.js';
import { convertWire, harbourStory } from './helpers.js';

describe('findDate in the languages chrono reads beyond English, German and French', () => {
  it.each([
    ['Spanish, the month in lower case', '04 mayo 2025 - 08:30', '2025-05-04T08:30:00Z'],
    ['Spanish, with `de` and a weekday', 'martes, 6 de mayo de 2025 10:00', '2025-05-06T10:00:00Z'],
    ['Spanish, labelled', 'Publicado el 6 de mayo de 2025', '2025-05-06T00:00:00Z'],
    ['Spanish, `a las` and a time glued to `hrs.`', 'Viernes, 9 de Mayo de 2025 a las 07:46hrs.', '2025-05-09T07:46:00Z'],
    ['Italian', 'Pubblicato il 14 Gennaio 2025', '2025-01-14T00:00:00Z'],
    ['Italian, with a time', 'Ultima modifica 14 gennaio 2025 12:02', '2025-01-14T12:02:00Z'],
    ['Portuguese', 'Publicado em 4 de maio de 2025', '2025-05-04T00:00:00Z'],
    ['Dutch', 'Gepubliceerd op 14 januari 2025 om 10:15', '2025-01-14T10:15:00Z'],
    ['Swedish', 'Publicerad 14 februari 2025', '2025-02-14T00:00:00Z'],
    ['Russian', '15 августа 2024, 13:43', '2024-08-15T13:43:00Z'],
    ['Ukrainian', '15 серпня 2024, 13:43', '2024-08-15T13:43:00Z'],
  ])('%s: %s', (_, line, value) => {
    expect(findDate(line, 'UTC')).toEqual({ value, zoned: false });
  });

  it('reads a year glued to the time after it, and a time glued to the word after it', () => {
    expect(findDate('6 de mayo de 202521:25EXAMPLE DIARIO', 'UTC')).toEqual({ value: '2025-05-06T21:25:00Z', zoned: false });
    expect(findDate('May 6, 202521:25', 'UTC')).toEqual({ value: '2025-05-06T21:25:00Z', zoned: false });
  });

  it('still reads no date without a year, in any of them', () => {
    expect(findDate('martes, 6 de mayo', 'UTC')).toBeUndefined();
    expect(findDate('14 gennaio alle 10:00', 'UTC')).toBeUndefined();
    expect(findDate('Actualizado hace 2 horas', 'UTC')).toBeUndefined();
  });
});

describe('dateLabel', () => {
  it.each([
    ['Publié le 5 décembre 2024 à 14h05', 'publié', false],
    ['Mis en ligne le 5 décembre 2024', 'mis en ligne', false],
    ['Mise en ligne 23 mai 2024', 'mise en ligne', false],
    ['Publicado el 6 de mayo de 2025', 'publicado', false],
    ['Actualizado el 8 de mayo de 2025 | 6:00 h', 'actualizado', true],
    ['Última actualización: 8 de mayo de 2025', 'última actualización', true],
    ['Pubblicato il: 30 settembre 2025', 'pubblicato', false],
    ['Aggiornato il 1 ottobre 2025', 'aggiornato', true],
    ['Ultimo aggiornamento: 1 ottobre 2025', 'ultimo aggiornamento', true],
    ['Ultima modifica 1 ottobre 2025 12:02', 'ultima modifica', true],
    ['Publicado em 4 de maio de 2025', 'publicado em', false],
    ['Atualizado em 5 de maio de 2025', 'atualizado', true],
    ['Gepubliceerd op 14 januari 2025', 'gepubliceerd', false],
    ['Laatst bijgewerkt: 15 januari 2025', 'laatst bijgewerkt', true],
    ['Bijgewerkt 15 januari 2025', 'bijgewerkt', true],
    ['Publicerad 14 februari 2025', 'publicerad', false],
    ['Uppdaterad 15 februari 2025', 'uppdaterad', true],
    ['Опубликовано 15 августа 2024', 'опубликовано', false],
    ['Обновлено 16 августа 2024', 'обновлено', true],
    ['Опубліковано 15 серпня 2024', 'опубліковано', false],
    ['Оновлено 16 серпня 2024', 'оновлено', true],
    ['Datum: 18.10.2025', 'datum', false],
    ['Letzte Aktualisierung: 28.01.2025', 'letzte aktualisierung', true],
    ['Zuletzt aktualisiert am 28.01.2025', 'zuletzt aktualisiert', true],
  ])('%s', (line, label, updated) => {
    expect(dateLabel(line)).toMatchObject({ label, updated });
  });

  it('is a whole word at the start of the line', () => {
    expect(dateLabel('Standard fares rise on 4 May 2025')).toBeUndefined();
    expect(dateLabel('Publications of 2025')).toBeUndefined();
    expect(dateLabel('The report was published on 4 May 2025')).toBeUndefined();
  });
});

describe('a labelled date below the story, none in the header', () => {
  const story = harbourStory;
  const page = (...below: string[]) =>
    ['Startseite', 'Presse', '', 'Hafenverwaltung lässt den alten Fischmarkt neu bauen', '', ...story, ...below].join('\n');

  it('takes the publication label before the update label, with an info line', async () => {
    const result = await convertWire(page('Seite teilen', 'Stand 30.01.2025', 'Datum: 18.01.2025', 'Impressum'), 'date-below.txt');
    expect(result.articles[0]?.published).toBe('2025-01-18T00:00:00Z');
    expect(result.messages).toContain(
      'date-below.txt:14:1: info Read the publication date 2025-01-18T00:00:00Z (no time zone given; UTC assumed) from a labelled date line below the story [wire-date]',
    );
  });

  it('takes no unlabelled date below the story (a teaser’s)', async () => {
    const result = await convertWire(page('Mehr zum Thema', '12.01.2025', 'Neue Fähre für die Inseln'), 'teaser-date-below.txt');
    expect(result.articles[0]?.published).toBeUndefined();
  });
});

describe('labelled dates in the header, in Spanish and Italian', () => {
  it('takes the Spanish publication date and the later update', async () => {
    const copy = [
      'Example Diario',
      'Portada',
      '',
      'El puerto amplía su horario de carga durante el verano',
      'Actualizado el 8 de mayo de 2025 a las 18:10hrs.',
      'Publicado el 6 de mayo de 2025 a las 09:15hrs.',
      '',
      'VALPARAÍSO (Example) — El puerto ampliará su horario de carga durante los meses de verano para atender la demanda de las navieras, informó este martes la autoridad portuaria.',
      '',
      'La medida comenzará a regir el próximo mes y se mantendrá hasta fines de marzo, según el comunicado de la empresa.',
      '',
      'Los trabajadores del terminal serán consultados antes de fijar los nuevos turnos, agregó la autoridad.',
    ].join('\n');
    const { articles } = await convertWire(copy, 'puerto.txt');
    expect(articles[0]).toMatchObject({ published: '2025-05-06T09:15:00Z', updated: '2025-05-08T18:10:00Z' });
  });

  it('takes the Italian publication date before the last change', async () => {
    const copy = [
      'Example Notizie',
      '',
      'Il comune apre tre nuove piste ciclabili in centro',
      'Ultima modifica 16 gennaio 2025 12:02',
      'Pubblicato il 14 gennaio 2025 08:40',
      '',
      'Il comune ha aperto tre nuove piste ciclabili nel centro storico, collegando la stazione ai quartieri a nord del fiume, come annunciato dalla giunta.',
      '',
      'I lavori sono durati sei mesi e sono costati meno del previsto, secondo l’assessore ai trasporti.',
      '',
      'Nelle prossime settimane saranno installate anche nuove rastrelliere vicino alle scuole.',
    ].join('\n');
    const { articles } = await convertWire(copy, 'piste.txt');
    expect(articles[0]).toMatchObject({ published: '2025-01-14T08:40:00Z', updated: '2025-01-16T12:02:00Z' });
  });
});
