import {
  agencyName,
  dateFromFileName,
  findDate,
  findFragments,
  jsonDepth,
  matchDateline,
  parseByline,
  parseLocatedJson,
} from '@syndikit/wire';
import { describe, expect, it } from 'vitest';

describe('parseByline', () => {
  it('reads agency bylines', () => {
    expect(parseByline('Colleen Long And Aamer Madhani, The Associated Press')).toEqual({
      authors: [{ name: 'Colleen Long' }, { name: 'Aamer Madhani' }],
      source: 'The Associated Press',
    });
    expect(parseByline('By JANE DOE and JOHN ROE Associated Press')).toEqual({
      authors: [{ name: 'Jane Doe' }, { name: 'John Roe' }],
      source: 'The Associated Press',
    });
    expect(parseByline('Von Christian Hollmann, dpa')).toEqual({ authors: [{ name: 'Christian Hollmann' }], source: 'dpa' });
    expect(parseByline("Paulo Santalucia and Frances d'Emilio")).toEqual({
      authors: [{ name: 'Paulo Santalucia' }, { name: "Frances d'Emilio" }],
    });
  });

  it('does not read sentences as bylines', () => {
    expect(parseByline('The Biden administration says Iran has provided Russia with attack drones.')).toBeUndefined();
    expect(parseByline('no thanks')).toBeUndefined();
  });

  it('leaves out job titles, outlets, glued titles and dates after the names; a company is not a person', () => {
    const names = (text: string) => parseByline(text)?.authors.map((author) => author.name);
    expect(names('By TOM ROE, AP Auto Writer')).toEqual(['Tom Roe']);
    expect(names('By Ana Lind, Harbourtown.com')).toEqual(['Ana Lind']);
    expect(names('Ana Lind | Example Media for example.com')).toEqual(['Ana Lind']);
    expect(names('By Ana Lind, CNN')).toEqual(['Ana Lind']);
    expect(names('By Ana LindBusiness Columnist')).toEqual(['Ana Lind']);
    expect(names('By Ana LindFOXBusiness')).toEqual(['Ana Lind']);
    expect(names('By Ana Lind - 11/19/19 06:56 AM EST')).toEqual(['Ana Lind']);
    expect(names('By Ana Lind , Tom Roe on Monday, November 18th, 2019 at 11:08 a.m.')).toEqual(['Ana Lind', 'Tom Roe']);
    expect(parseByline('Northwind Quantum, Inc.')).toBeUndefined();
  });
});

describe('findDate', () => {
  it('reads the date lines agencies print', () => {
    expect(findDate('Updated 2:18 PM EST, January 4, 2024', 'UTC')).toEqual({ value: '2024-01-04T14:18:00-05:00', zoned: true });
    expect(findDate('November 20, 2024 at 10:42 AM GMT+1', 'UTC')).toEqual({ value: '2024-11-20T10:42:00+01:00', zoned: true });
    expect(findDate('12.09.2024, 14:05 Uhr', 'Europe/Berlin')).toEqual({ value: '2024-09-12T14:05:00+02:00', zoned: false });
    expect(findDate('Published on 30/09/2024 - 11:20', 'UTC')).toEqual({ value: '2024-09-30T11:20:00Z', zoned: false });
    expect(findDate('November 12, 2024 08:00 AM Pacific Standard Time', 'UTC')).toEqual({
      value: '2024-11-12T08:00:00-08:00',
      zoned: true,
    });
    expect(findDate('No date here', 'UTC')).toBeUndefined();
  });

  it('reads ordinals, two-digit years, zone names, other languages, ISO days and glued abbreviations', () => {
    expect(findDate('Published March 3rd, 2025 - 16:40 GMT', 'UTC')).toEqual({ value: '2025-03-03T16:40:00Z', zoned: true });
    expect(findDate('- Mar. 3rd 2025 9:05 am PT', 'UTC')).toEqual({ value: '2025-03-03T09:05:00-08:00', zoned: true });
    expect(findDate('By Ana Lind - 3/4/25 07:15 PM EST', 'UTC')).toEqual({ value: '2025-03-04T19:15:00-05:00', zoned: true });
    expect(findDate('Von Ana Lind veröffentlicht am 14. März 2025', 'UTC')).toEqual({ value: '2025-03-14T00:00:00Z', zoned: false });
    expect(findDate('le 5 décembre 2024 à 14h05', 'Europe/Paris')).toEqual({ value: '2024-12-05T14:05:00+01:00', zoned: false });
    expect(findDate('By admin - 2025-03-16', 'UTC')).toEqual({ value: '2025-03-16T00:00:00Z', zoned: false });
    expect(findDate('Mar.March 3, 2025 10:20 AM', 'UTC')).toEqual({ value: '2025-03-03T10:20:00Z', zoned: false });
    expect(findDate('By Ana Lind | March 3, 2025 -- 19:14 GMT | Topic: Tech', 'UTC')).toEqual({
      value: '2025-03-03T19:14:00Z',
      zoned: true,
    });
  });

  it('reads no date from a day without a year or a relative time', () => {
    expect(findDate('Updated Mar 4, 6:55 AM; Posted Mar 4, 6:51 AM', 'UTC')).toBeUndefined();
    expect(findDate('Posted 3 days ago', 'UTC')).toBeUndefined();
    expect(findDate('Tuesday 6:30PM', 'UTC')).toBeUndefined();
  });

  it('reads timestamped photo file names', () => {
    expect(dateFromFileName('20240104130140-6596fbc4ab0e128c0986ac9f', 'UTC')).toBe('2024-01-04T13:01:40Z');
    expect(dateFromFileName('20241399250000-x', 'UTC')).toBeUndefined();
  });
});

describe('findFragments', () => {
  it('finds the marks of stripped links', () => {
    const text = 'Russia acquired missiles from and is seeking more from as supplies for its , the White House said.';
    expect(findFragments(text, true).map((fragment) => fragment.offset)).toEqual([25, 50, 74]);
    expect(findFragments('in September to meet and visit key military sites.', false)[0]?.reason).toMatch(/starts mid-sentence/);
    expect(findFragments('They travelled to and from the city, by and large on time.', true)).toEqual([]);
  });
});

describe('jsonDepth and parseLocatedJson (shared by the ninjs and digitalwires readers)', () => {
  it('finds the first offset past the limit without parsing, skipping brackets in strings', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(jsonDepth(deep, 64)).toEqual({ depth: 65, offset: 64 });
    expect(jsonDepth('{"a": "[[[[\\"[[", "b": [[1]]}', 64)).toEqual({ depth: 3, offset: undefined });
  });

  it('places values and syntax errors at their line and column', () => {
    const parsed = parseLocatedJson('{\n  "a": 1\n}');
    if ('errors' in parsed) throw new Error('expected a document');
    expect(parsed.value).toEqual({ a: 1 });
    expect(parsed.pointAt(9)).toEqual({ line: 2, column: 8 });
    const broken = parseLocatedJson('{\n  "a": 1,\n}');
    expect('errors' in broken && broken.errors[0]?.point).toEqual({ line: 3, column: 1 });
  });
});

describe('matchDateline: one grammar, agencies as data', () => {
  it('reads place, date and agency in every agency convention', () => {
    expect(matchDateline('Frankfurt/Main (dpa) - Ein Sturm zieht auf.')).toEqual({
      place: 'Frankfurt/Main',
      agency: 'dpa',
      rest: 'Ein Sturm zieht auf.',
    });
    expect(matchDateline('SAN JUAN, Puerto Rico (AP) — A storm.')).toEqual({
      place: 'SAN JUAN, Puerto Rico',
      agency: 'AP',
      rest: 'A storm.',
    });
    expect(matchDateline('HONOLULU, Dec. 23 (UPI) -- A lava lake.')).toEqual({
      place: 'HONOLULU',
      date: 'Dec. 23',
      agency: 'UPI',
      rest: 'A lava lake.',
    });
    expect(matchDateline('FRANKFURT, Nov 3 (Reuters) – Rates.')).toEqual({
      place: 'FRANKFURT',
      date: 'Nov 3',
      agency: 'Reuters',
      rest: 'Rates.',
    });
    expect(matchDateline('(Reuters) - Rates held.')).toEqual({ agency: 'Reuters', rest: 'Rates held.' });
    expect(matchDateline('SEATTLE--(BUSINESS WIRE)--Harborlight today')).toEqual({
      place: 'SEATTLE',
      agency: 'BUSINESS WIRE',
      rest: 'Harborlight today',
    });
    expect(matchDateline('NEW YORK, Nov. 3, 2024 /PRNewswire/ -- Acme today')).toEqual({
      place: 'NEW YORK',
      date: 'Nov. 3, 2024',
      agency: 'PRNewswire',
      rest: 'Acme today',
    });
    expect(matchDateline('STOCKHOLM (TT) - Snow.')).toEqual({ place: 'STOCKHOLM', agency: 'TT', rest: 'Snow.' });
    expect(agencyName('PRNewswire')).toBe('PR Newswire');
    expect(agencyName('UPI')).toBe('UPI');
  });

  it('reads a mark printed without a separator after a place, the story glued to it or after a space', () => {
    expect(matchDateline('Northpoint (CNN Business)A ferry left the harbor half empty.')).toEqual({
      place: 'Northpoint',
      agency: 'CNN Business',
      rest: 'A ferry left the harbor half empty.',
    });
    expect(matchDateline('Northpoint (CNN) The ferry left.')).toEqual({ place: 'Northpoint', agency: 'CNN', rest: 'The ferry left.' });
    expect(agencyName('CNN Business')).toBe('CNN');
    // Without a place, or with a mark that needs its separator, it is no dateline.
    expect(matchDateline('(CNN) The ferry left.')).toBeUndefined();
    expect(matchDateline('Northpoint (AP)The ferry left.')).toBeUndefined();
  });

  it('does not read a sentence with a parenthesis as a dateline', () => {
    expect(matchDateline('The minister (who spoke) - said so.')).toBeUndefined();
    expect(matchDateline('Reuters reported the deal on Monday.')).toBeUndefined();
  });
});
