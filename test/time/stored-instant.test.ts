// Stored instants are written and read without luxon's ISO parser and formatter where Date does the
// same job (src/time/stored-instant.ts): the results must be exactly luxon's, for every instant.
import { isDeepStrictEqual } from 'node:util';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { toStoredInstant, utc } from '../../src/time/stored-instant.js';

const ZONES = ['UTC', 'Europe/Stockholm', 'Asia/Shanghai', 'America/New_York', 'Asia/Kathmandu'];

/** Instants from 1938 to 2096, some on whole seconds, a fixed sequence so that a failure repeats. */
function instants(count: number): number[] {
  let seed = 20261130;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, (_, i) => {
    const millis = Math.floor(next() * 4e12 - 1e12);
    return i % 3 === 0 ? millis - (millis % 1000) : millis;
  });
}

describe('stored instants', () => {
  it('are written as luxon writes them, in any zone, with milliseconds only when there are some', () => {
    for (const [i, millis] of instants(5000).entries()) {
      const instant = DateTime.fromMillis(millis, { zone: ZONES[i % ZONES.length] });
      expect(toStoredInstant(instant)).toBe(instant.toUTC().toISO({ suppressMilliseconds: true }));
    }
    expect(toStoredInstant(DateTime.fromISO('2027-03-18T15:00', { zone: 'Europe/Stockholm' }))).toBe('2027-03-18T14:00:00Z');
  });

  it('are written as luxon writes them outside the years 0000–9999, and invalid ones as ""', () => {
    for (const millis of [
      Date.parse('0000-01-01T00:00:00Z'),
      Date.parse('0000-01-01T00:00:00Z') - 1,
      Date.parse('9999-12-31T23:59:59.999Z'),
      Date.parse('9999-12-31T23:59:59.999Z') + 1,
    ]) {
      const instant = DateTime.fromMillis(millis, { zone: 'UTC' });
      expect(toStoredInstant(instant)).toBe(instant.toISO({ suppressMilliseconds: true }));
    }
    expect(toStoredInstant(DateTime.invalid('test'))).toBe('');
  });

  it('are read back as the very DateTime luxon parses, and what is not their form goes to luxon', () => {
    const texts = [
      ...instants(5000).map((millis) => toStoredInstant(DateTime.fromMillis(millis, { zone: 'UTC' }))),
      '2024-02-29T23:59:59.999Z',
      // Not the stored form, or not a date: luxon decides (Date.parse would roll 02-30 into March).
      '2026-02-30T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-11-30T10:00:00+01:00',
      '2026-11-30T10:00Z',
      '2026-11-30T10:00:00.5Z',
      'not a date',
    ];
    for (const text of texts) {
      const expected = DateTime.fromISO(text, { zone: 'UTC' });
      const read = utc(text);
      expect(isDeepStrictEqual(read, expected) || (!read.isValid && !expected.isValid && read.invalidReason === expected.invalidReason), text).toBe(true);
    }
  });
});
