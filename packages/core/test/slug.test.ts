import { maxSlugLength, slugify, unsafeSlugReason } from '@syndikit/core';
import { describe, expect, it } from 'vitest';

describe('slugify', () => {
  it('makes readable slugs from headlines', () => {
    expect(slugify('US says Russia has used North Korean ballistic missiles')).toBe(
      'us-says-russia-has-used-north-korean-ballistic-missiles',
    );
    expect(slugify('Bundestag beschließt Haushalt')).toBe('bundestag-beschließt-haushalt');
    expect(slugify('معرض القاهرة للكتاب')).toBe('معرض-القاهرة-للكتاب');
  });

  it('removes path separators and dot segments', () => {
    expect(slugify('../../x')).toBe('x');
    expect(slugify('a/b\\c')).toBe('a-b-c');
    expect(slugify('..')).toBe('');
  });

  it('avoids Windows device names', () => {
    expect(slugify('CON')).toBe('con-article');
    expect(slugify('lpt1')).toBe('lpt1-article');
    expect(slugify('console')).toBe('console');
  });

  it('drops control and bidirectional formatting characters and normalises to NFC', () => {
    expect(slugify('evil\u202Egnp.exe')).toBe('evilgnp-exe');
    expect(slugify('a\u0000b\u0007c')).toBe('abc');
    expect(slugify('Cafe\u0301')).toBe('café');
    expect(slugify('Cafe\u0301').normalize('NFC')).toBe(slugify('Cafe\u0301'));
  });

  it('caps the length', () => {
    expect(Array.from(slugify('word '.repeat(100))).length).toBeLessThanOrEqual(maxSlugLength);
    expect(slugify('word '.repeat(100)).endsWith('-')).toBe(false);
  });

  it('says why a user slug is unsafe', () => {
    expect(unsafeSlugReason('../../x')).toBe('it contains a path separator');
    expect(unsafeSlugReason('CON')).toBe('it is a reserved device name on Windows');
    expect(unsafeSlugReason('.hidden')).toBe('it is or starts with a dot segment');
    expect(unsafeSlugReason('a\u202Eb')).toBe('it contains control or bidirectional formatting characters');
    expect(unsafeSlugReason('fine-slug')).toBeUndefined();
  });
});
