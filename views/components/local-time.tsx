// A time as a person reads it, inside <time datetime> with the offset of the zone it is shown in.
import type { DateTime } from 'luxon';
import { showIn } from '../../src/time/index.js';

export type LocalTimeProps = {
  instant: DateTime;
  zone: string;
  /** 'full': "Thu 18 Mar 2027, 15:00 CET"; 'time': "15:00 CET"; 'date': "Thu 18 Mar 2027". */
  format?: 'full' | 'time' | 'date';
  /** Append the city of the zone: "15:00 CET (Stockholm)". */
  withCity?: boolean;
  /** The abbreviation as plain text, without <abbr>: in a sentence that names the zone itself. */
  plainZone?: boolean;
};

export function LocalTime({ instant, zone, format = 'full', withCity = false, plainZone = false }: LocalTimeProps) {
  const shown = showIn(instant, zone);
  const zoneLabel = plainZone ? shown.abbreviation : <abbr title={`${shown.zone}, ${shown.offset}`}>{shown.abbreviation}</abbr>;
  return (
    <time datetime={shown.datetime}>
      {format === 'date' ? shown.date : null}
      {format === 'full' ? `${shown.date}, ${shown.time} ` : null}
      {format === 'time' ? `${shown.time} ` : null}
      {format === 'date' ? null : zoneLabel}
      {withCity && format !== 'date' ? ` (${shown.city})` : null}
    </time>
  );
}

/** "15:00–16:00 CET" for a session, both ends in the same zone, with the end's date if it differs. */
export function TimeRange({ start, end, zone }: { start: DateTime; end: DateTime; zone: string }) {
  const from = showIn(start, zone);
  const to = showIn(end, zone);
  return (
    <span>
      <time datetime={from.datetime}>
        {from.date}, {from.time}
      </time>
      –
      <time datetime={to.datetime}>
        {to.isoDate === from.isoDate ? to.time : `${to.date}, ${to.time}`} <abbr title={`${to.zone}, ${to.offset}`}>{to.abbreviation}</abbr>
      </time>
    </span>
  );
}
