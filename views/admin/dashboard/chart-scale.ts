// Axis arithmetic for the hand-made SVG charts: a round upper bound and its tick values.

/** The smallest of 1, 2, 5, 10, 20, 50... that is at least `max` (and at least 1). */
export function niceCeiling(max: number): number {
  if (max <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

/** 0, the middle and the top, with the middle left out when it would not be a whole number. */
export function ticks(top: number): number[] {
  return top % 2 === 0 ? [0, top / 2, top] : [0, top];
}

/** Coordinates are rounded so that the markup stays short and stable for tests. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
