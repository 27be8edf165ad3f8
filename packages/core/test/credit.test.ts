import { type Figure, hasFile, joinCredit, parseDateline, splitCredit } from '@syndikit/core';
import { describe, expect, it } from 'vitest';

describe('splitCredit', () => {
  it('splits agency credits', () => {
    expect(splitCredit('A damaged car in Kharkiv, Ukraine. (AP Photo/Andrii Marienko)')).toEqual({
      caption: 'A damaged car in Kharkiv, Ukraine.',
      credit: 'AP Photo/Andrii Marienko',
    });
    expect(splitCredit('Silos in Chornomorsk. (REUTERS/Petro Hnatiuk)').credit).toBe('REUTERS/Petro Hnatiuk');
    expect(splitCredit('The hall. (Photo by Anna Kraus / AFP)').credit).toBe('Photo by Anna Kraus / AFP');
    expect(splitCredit('Die Kuppel. (Foto: Lena Hartmann/dpa)').credit).toBe('Foto: Lena Hartmann/dpa');
  });

  it('splits labelled credits', () => {
    expect(splitCredit('Visitors. (Photo: Karim Adel)')).toEqual({ caption: 'Visitors.', credit: 'Karim Adel' });
  });

  it('leaves other parentheses alone', () => {
    expect(splitCredit('Votes cast (and/or counted)')).toEqual({ caption: 'Votes cast (and/or counted)' });
    expect(splitCredit('The mayor (left) speaks')).toEqual({ caption: 'The mayor (left) speaks' });
  });

  it('joins so that splitting gives the same parts back', () => {
    for (const [caption, credit] of [
      ['A car.', 'AP Photo/Andrii Marienko'],
      ['A car.', 'Jane Doe'],
      [undefined, 'Jane Doe'],
      ['Only a caption', undefined],
    ] as const) {
      const joined = joinCredit(caption, credit);
      const split = splitCredit(joined);
      expect(split.caption).toBe(caption);
      expect(split.credit).toBe(credit);
    }
  });
});

describe('parseDateline', () => {
  it('reads agency datelines', () => {
    expect(parseDateline('WASHINGTON (AP) —')).toEqual({ place: 'WASHINGTON', agency: 'AP' });
    expect(parseDateline('KYIV, Ukraine (Reuters) -')).toEqual({ place: 'KYIV, Ukraine', agency: 'Reuters' });
    expect(parseDateline('BERLIN (dpa)')).toEqual({ place: 'BERLIN', agency: 'dpa' });
    expect(parseDateline('just some words')).toBeUndefined();
  });
});

describe('hasFile', () => {
  it('tells a figure with a file from one known only by its caption and credit', () => {
    const withFile: Figure = { type: 'figure', url: '/images/pier.jpg', caption: 'The pier.' };
    const captionOnly: Figure = { type: 'figure', caption: 'Divers inspect the footings.', credit: 'AP Photo/Ola Brandt' };
    expect(hasFile(withFile)).toBe(true);
    expect(hasFile(captionOnly)).toBe(false);
    expect(hasFile({ type: 'figure', url: '' })).toBe(false);
  });
});
