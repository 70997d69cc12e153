// Where a moment or a session falls in a zone's day (the night, working hours), read from the
// zone's wall clock, so that the scheduling assistant does no offset arithmetic of its own.
import type { DateTime } from 'luxon';
import { dayShift, showIn } from './format.js';

/** The night, when nobody should be asked to attend: 22:00 to 07:00 on the local clock. */
export const NIGHT_STARTS_MINUTE = 22 * 60;
export const NIGHT_ENDS_MINUTE = 7 * 60;

/** Minutes after the local midnight of the start: `end` passes 1440 when the session ends the next day. */
export type WallSpan = { startMinute: number; endMinute: number };

export function wallMinute(instant: DateTime, zone: string): number {
  const [hours, minutes] = showIn(instant, zone).time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

export function wallSpan(start: DateTime, durationMinutes: number, zone: string): WallSpan {
  const from = showIn(start, zone);
  const to = showIn(start.plus({ minutes: durationMinutes }), zone);
  return { startMinute: wallMinute(start, zone), endMinute: wallMinute(start.plus({ minutes: durationMinutes }), zone) + 1440 * dayShift(from, to) };
}

/** Whether any part of the span lies in the night: it starts before 07:00 or runs past 22:00. */
export function spansNight(span: WallSpan): boolean {
  return span.startMinute < NIGHT_ENDS_MINUTE || span.endMinute > NIGHT_STARTS_MINUTE;
}

/** Whether a moment is in the night. */
export function isNightMinute(minute: number): boolean {
  return minute < NIGHT_ENDS_MINUTE || minute >= NIGHT_STARTS_MINUTE;
}
