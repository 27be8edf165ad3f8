import { normalizeDate, parseIsoDate, utcEpoch } from '@syndikit/core';
import { describe, expect, it } from 'vitest';

describe('normalizeDate', () => {
  it('keeps an explicit offset', () => {
    expect(normalizeDate('2024-01-04T13:01:40-05:00')).toBe('2024-01-04T13:01:40-05:00');
    expect(normalizeDate('2024-01-04T18:01:40Z')).toBe('2024-01-04T18:01:40Z');
    expect(normalizeDate('2024-01-04 18:01:40.250+0530')).toBe('2024-01-04T18:01:40.250+05:30');
  });

  it('reads dates without an offset in the given time zone', () => {
    expect(normalizeDate('2024-01-04')).toBe('2024-01-04T00:00:00Z');
    expect(normalizeDate('2024-01-04T09:00', 'America/New_York')).toBe('2024-01-04T09:00:00-05:00');
    expect(normalizeDate('2024-07-04T09:00', 'America/New_York')).toBe('2024-07-04T09:00:00-04:00');
    expect(normalizeDate('2024-07-04T09:00', '+02:00')).toBe('2024-07-04T09:00:00+02:00');
  });

  it('rejects impossible calendar dates instead of rolling them over', () => {
    expect(normalizeDate('2024-02-30')).toEqual({ error: expect.stringContaining('no day 30') });
    expect(normalizeDate('2023-02-29')).toEqual({ error: expect.stringContaining('no day 29') });
    expect(normalizeDate('2024-02-29')).toBe('2024-02-29T00:00:00Z');
    expect(normalizeDate('2024-13-01')).toEqual({ error: expect.stringContaining('month 13') });
    expect(normalizeDate('2024-01-01T24:00:00Z')).toEqual({ error: expect.stringContaining('impossible time') });
  });

  it('never produces Invalid Date', () => {
    for (const value of ['yesterday', 'Jan 4, 2024', '', '2024-1-4', 'NaN']) {
      const result = normalizeDate(value);
      expect(result).toEqual({ error: expect.any(String) });
      expect(JSON.stringify(result)).not.toContain('Invalid Date');
    }
  });

  it('rejects years before 1000 (typos, and where Date.UTC adds 1900)', () => {
    expect(normalizeDate('0050-06-15T10:00:00Z')).toEqual({
      error: '`0050-06-15T10:00:00Z` has the year 50: years before 1000 are not accepted',
    });
    expect(normalizeDate('0999-12-31')).toEqual({ error: expect.stringContaining('has the year 999') });
    expect(normalizeDate('0000-01-01', 'Europe/Berlin')).toEqual({ error: expect.stringContaining('has the year 0') });
    expect(normalizeDate('1000-01-01')).toBe('1000-01-01T00:00:00Z');
  });

  it('utcEpoch keeps years 0-99 (Date.UTC maps them to 1900-1999)', () => {
    expect(new Date(utcEpoch(50, 6, 15, 10)).toISOString()).toBe('0050-06-15T10:00:00.000Z');
    expect(new Date(utcEpoch(0, 1, 1)).toISOString()).toBe('0000-01-01T00:00:00.000Z');
    expect(utcEpoch(2024, 1, 4, 13, 1, 40)).toBe(Date.UTC(2024, 0, 4, 13, 1, 40));
  });

  it('parses parts', () => {
    expect(parseIsoDate('2024-01-04T13:01:40-05:00')).toMatchObject({ year: 2024, month: 1, day: 4, hour: 13, offset: -300 });
  });
});
