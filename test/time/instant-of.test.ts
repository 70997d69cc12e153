import { describe, expect, it } from 'vitest';
import { instantOf } from '../../src/time/index.js';

describe('instantOf', () => {
  it('tells the two 02:30 of the Stockholm fall-back night apart by their stored offset, also when asked again', () => {
    for (let round = 0; round < 2; round++) {
      const first = instantOf({ local: '2027-10-31T02:30', zone: 'Europe/Stockholm', offsetMinutes: 120 });
      const second = instantOf({ local: '2027-10-31T02:30', zone: 'Europe/Stockholm', offsetMinutes: 60 });
      expect([first.toISO(), second.toISO()]).toEqual(['2027-10-31T00:30:00.000Z', '2027-10-31T01:30:00.000Z']);
    }
  });

  it('gives the same instant for the same stored time in different zones only where they agree', () => {
    const stockholm = instantOf({ local: '2027-03-18T15:00', zone: 'Europe/Stockholm', offsetMinutes: null });
    const oslo = instantOf({ local: '2027-03-18T15:00', zone: 'Europe/Oslo', offsetMinutes: null });
    const newYork = instantOf({ local: '2027-03-18T15:00', zone: 'America/New_York', offsetMinutes: null });
    expect([stockholm.toISO(), oslo.toISO(), newYork.toISO()]).toEqual(['2027-03-18T14:00:00.000Z', '2027-03-18T14:00:00.000Z', '2027-03-18T19:00:00.000Z']);
    expect(instantOf({ local: '2027-03-18T15:00', zone: 'Europe/Stockholm', offsetMinutes: null }).toISO()).toBe(stockholm.toISO());
  });
});
