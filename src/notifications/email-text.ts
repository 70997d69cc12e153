// Plain-text emails with a matching simple HTML version, built from the same paragraphs.
import type { Programme, Webinar } from '../programme/programme.types.js';
import { formatDuration, showIn } from '../time/index.js';

export type EmailBody = { text: string; html: string };

/**
 * A link is made only of a URL that is a whole line or follows ": " at its end, which is where
 * every template puts the hub's own links and the coordinators' join and material links. Text a
 * visitor typed (a name, an organisation) sits inside a sentence ("Hello Ada,"), so a URL in it
 * stays plain text.
 */
const LINE_END_URL = /(^|: )(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)])$/;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function htmlLines(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const match = LINE_END_URL.exec(line);
      if (!match) return escapeHtml(line);
      const url = match[2]!;
      const before = line.slice(0, line.length - url.length);
      return `${escapeHtml(before)}<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    })
    .join('<br>');
}

/** Paragraphs separated by blank lines; a URL that ends a line becomes a link in the HTML version. */
export function emailBody(paragraphs: Array<string | null | undefined | false>, footer: string): EmailBody {
  const kept = paragraphs.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  const text = [...kept, '--', footer].join('\n\n');
  const html = [
    '<!DOCTYPE html><html lang="en"><body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;line-height:1.5;color:#1c2430;max-width:36rem">',
    ...kept.map((p) => `<p>${htmlLines(p)}</p>`),
    `<p style="color:#556070;font-size:0.9em;border-top:1px solid #d9dee5;padding-top:0.8em">${htmlLines(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { text, html };
}

/** "Thu 18 Mar 2027, 22:00–23:00 GMT+8 (Asia/Shanghai)", with the programme's time beside it when the zone differs. */
export function whenFor(webinar: Pick<Webinar, 'startsAt' | 'endsAt' | 'durationMinutes'>, zone: string, programmeZone: string): string {
  const line = (z: string) => {
    const start = showIn(webinar.startsAt, z);
    const end = showIn(webinar.endsAt, z);
    return `${start.date}, ${start.time}–${end.isoDate === start.isoDate ? end.time : `${end.date} ${end.time}`} ${end.abbreviation} (${z})`;
  };
  return zone === programmeZone ? `${line(zone)}, ${formatDuration(webinar.durationMinutes)}` : `${line(zone)}\n= ${line(programmeZone)}`;
}

export function footerFor(programme: Programme, baseUrl: string): string {
  return `${programme.title}\n${programme.organiserName} · ${programme.organiserEmail}\n${baseUrl}/`;
}
