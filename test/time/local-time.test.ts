import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import reference from '../fixtures/zone-conversions.json' with { type: 'json' };
import { instantOf, resolveLocalTime, showIn } from '../../src/time/index.js';

type Conversion = { local: string; zone: string; utc: string; shown: Record<string, string> };
type Edge = { local: string; zone: string; kind: 'ok' | 'nonexistent' | 'ambiguous'; candidates: string[] };

describe('resolveLocalTime against Python zoneinfo reference conversions', () => {
  it.each((reference.conversions as Conversion[]).map((c) => [c.local, c.zone, c]))('%s in %s', (_local, _zone, conversion) => {
    const resolved = resolveLocalTime({ local: conversion.local, zone: conversion.zone });
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    expect(resolved.instant.toISO({ suppressMilliseconds: true })).toBe(conversion.utc);
    for (const [zone, expected] of Object.entries(conversion.shown)) {
      expect(showIn(resolved.instant, zone).datetime, zone).toBe(expected);
    }
  });
});

describe('gap and overlap edges from the reference', () => {
  it.each((reference.edges as Edge[]).map((e) => [e.local, e.zone, e.kind, e]))('%s in %s is %s', (_l, _z, _k, edge) => {
    const resolved = resolveLocalTime({ local: edge.local, zone: edge.zone });
    if (edge.kind === 'ok') {
      expect(resolved.ok).toBe(true);
      if (resolved.ok) expect(showIn(resolved.instant, edge.zone).datetime).toBe(edge.candidates[0]);
    } else {
      expect(resolved.ok).toBe(false);
      if (!resolved.ok) expect(resolved.error.kind).toBe(edge.kind);
    }
    if (edge.kind === 'ambiguous' && !resolved.ok && resolved.error.kind === 'ambiguous') {
      expect([...resolved.error.candidates].sort()).toEqual([...edge.candidates].sort());
      // Either candidate is accepted once its offset is given, and means a different instant.
      const instants = edge.candidates.map((candidate) => {
        const offset = candidate.slice(-6);
        const chosen = resolveLocalTime({ local: edge.local, zone: edge.zone, offset });
        expect(chosen.ok).toBe(true);
        return chosen.ok ? chosen.instant.toISO() : '';
      });
      expect(instants[0]).not.toBe(instants[1]);
      expect(instants.map((i) => DateTime.fromISO(i!).toMillis())).toEqual(edge.candidates.map((c) => DateTime.fromISO(c).toMillis()));
    }
  });
});

describe('resolveLocalTime', () => {
  it('rejects 02:30 on the spring-forward day in Stockholm, naming the gap', () => {
    const resolved = resolveLocalTime({ local: '2027-03-28T02:30', zone: 'Europe/Stockholm' });
    expect(resolved).toEqual({
      ok: false,
      error: {
        kind: 'nonexistent',
        message:
          '2027-03-28 02:30 does not exist in Europe/Stockholm: the clocks jump forward over it (daylight saving time gap). Choose a time before or after the gap.',
      },
    });
  });

  it('rejects 02:30 on the fall-back day in Stockholm unless the offset is given', () => {
    const resolved = resolveLocalTime({ local: '2027-10-31T02:30', zone: 'Europe/Stockholm' });
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) {
      expect(resolved.error.kind).toBe('ambiguous');
      expect(resolved.error.message).toContain('happens twice in Europe/Stockholm');
      expect(resolved.error.message).toContain('+02:00');
      expect(resolved.error.message).toContain('+01:00');
    }
    const first = resolveLocalTime({ local: '2027-10-31T02:30', zone: 'Europe/Stockholm', offset: '+02:00' });
    const second = resolveLocalTime({ local: '2027-10-31T02:30', zone: 'Europe/Stockholm', offset: '+01:00' });
    expect(first.ok && first.instant.toISO()).toBe('2027-10-31T00:30:00.000Z');
    expect(second.ok && second.instant.toISO()).toBe('2027-10-31T01:30:00.000Z');
    expect(second.ok && second.value).toEqual({ local: '2027-10-31T02:30', zone: 'Europe/Stockholm', offsetMinutes: 60 });
  });

  it('rejects an offset that the local time never has', () => {
    const resolved = resolveLocalTime({ local: '2027-10-31T02:30', zone: 'Europe/Stockholm', offset: '+03:00' });
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(resolved.error.kind).toBe('offset');
    const ordinary = resolveLocalTime({ local: '2027-03-18T15:00', zone: 'Europe/Stockholm', offset: '+02:00' });
    expect(ordinary.ok).toBe(false);
  });

  it('accepts a matching offset on an ordinary day but stores none', () => {
    const resolved = resolveLocalTime({ local: '2027-03-18T15:00', zone: 'Europe/Stockholm', offset: '+01:00' });
    expect(resolved.ok && resolved.value).toEqual({ local: '2027-03-18T15:00', zone: 'Europe/Stockholm', offsetMinutes: null });
  });

  it('rejects the US spring-forward gap in New York, which Europe does not have that day', () => {
    expect(resolveLocalTime({ local: '2027-03-14T02:30', zone: 'America/New_York' }).ok).toBe(false);
    expect(resolveLocalTime({ local: '2027-03-14T02:30', zone: 'Europe/Stockholm' }).ok).toBe(true);
  });

  it('has no gap in Shanghai, which has no daylight saving time', () => {
    for (const local of ['2027-03-14T02:30', '2027-03-28T02:30', '2027-10-31T02:30', '2027-11-07T01:30']) {
      const resolved = resolveLocalTime({ local, zone: 'Asia/Shanghai' });
      expect(resolved.ok && showIn(resolved.instant, 'Asia/Shanghai').datetime).toBe(`${local}:00+08:00`);
    }
  });

  it('refuses malformed dates, impossible dates and unknown zones with a message', () => {
    expect(resolveLocalTime({ local: '18/03/2027 15:00', zone: 'Europe/Stockholm' })).toMatchObject({ ok: false, error: { kind: 'format' } });
    expect(resolveLocalTime({ local: '2027-02-29T10:00', zone: 'Europe/Stockholm' })).toMatchObject({ ok: false, error: { kind: 'format' } });
    expect(resolveLocalTime({ local: '2027-03-18T24:00', zone: 'Europe/Stockholm' })).toMatchObject({ ok: false, error: { kind: 'format' } });
    expect(resolveLocalTime({ local: '2027-03-18T15:00', zone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { kind: 'zone' } });
    expect(resolveLocalTime({ local: '2027-03-18T15:00', zone: 'CET' })).toMatchObject({ ok: false, error: { kind: 'zone' } });
    expect(resolveLocalTime({ local: '2027-03-18T15:00', zone: '+01:00' })).toMatchObject({ ok: false, error: { kind: 'zone' } });
  });
});

describe('the weeks when the USA and Europe are out of step', () => {
  // 15:00 in Stockholm, every day from the US change to the EU change and back in autumn.
  const cases: Array<[string, string, string]> = [
    ['2027-03-12T15:00', '2027-03-12T09:00:00-05:00', 'before the US change: 6 hours'],
    ['2027-03-15T15:00', '2027-03-15T10:00:00-04:00', 'US on summer time, Europe not: 5 hours'],
    ['2027-03-18T15:00', '2027-03-18T10:00:00-04:00', 'the programme example: 5 hours'],
    ['2027-03-26T15:00', '2027-03-26T10:00:00-04:00', 'last Friday out of step'],
    ['2027-03-29T15:00', '2027-03-29T09:00:00-04:00', 'both on summer time: 6 hours'],
    ['2027-04-15T15:00', '2027-04-15T09:00:00-04:00', 'the programme example in April'],
    ['2027-10-29T15:00', '2027-10-29T09:00:00-04:00', 'before the EU change'],
    ['2027-11-01T15:00', '2027-11-01T10:00:00-04:00', 'Europe back on standard time, US not: 5 hours'],
    ['2027-11-08T15:00', '2027-11-08T09:00:00-05:00', 'both on standard time'],
  ];
  it.each(cases)('%s Stockholm is %s in New York (%s)', (local, newYork) => {
    const instant = instantOf({ local, zone: 'Europe/Stockholm', offsetMinutes: null });
    expect(showIn(instant, 'America/New_York').datetime).toBe(newYork);
  });

  it('shows 15:00 Stockholm on 2027-03-18 as 22:00 in Shanghai and 15:00 in Oslo', () => {
    const instant = instantOf({ local: '2027-03-18T15:00', zone: 'Europe/Stockholm', offsetMinutes: null });
    expect(showIn(instant, 'Asia/Shanghai').datetime).toBe('2027-03-18T22:00:00+08:00');
    expect(showIn(instant, 'Europe/Oslo').datetime).toBe('2027-03-18T15:00:00+01:00');
    expect(showIn(instant, 'America/Los_Angeles').datetime).toBe('2027-03-18T07:00:00-07:00');
  });
});

describe('showIn', () => {
  it('labels each zone with an abbreviation or an unambiguous GMT offset', () => {
    const instant = DateTime.fromISO('2027-03-18T14:00:00Z');
    expect(showIn(instant, 'America/New_York')).toMatchObject({ time: '10:00', abbreviation: 'EDT', date: 'Thu 18 Mar 2027' });
    expect(showIn(instant, 'Europe/Stockholm')).toMatchObject({ time: '15:00', abbreviation: 'CET', offset: 'UTC+01:00' });
    expect(showIn(instant, 'Asia/Shanghai')).toMatchObject({ time: '22:00', abbreviation: 'GMT+8' });
    expect(showIn(instant, 'UTC')).toMatchObject({ datetime: '2027-03-18T14:00:00+00:00', abbreviation: 'UTC' });
  });
});
