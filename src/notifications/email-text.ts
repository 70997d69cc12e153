// Plain-text emails with a matching simple HTML version, built from the same paragraphs.
import type { Programme, Webinar } from '../programme/programme.types.js';
import { formatDuration, showIn } from '../time/index.js';

export type EmailBody = { text: string; html: string };

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Paragraphs separated by blank lines; URLs become links in the HTML version. */
export function emailBody(paragraphs: Array<string | null | undefined | false>, footer: string): EmailBody {
  const kept = paragraphs.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  const text = [...kept, '--', footer].join('\n\n');
  const html = [
    '<!DOCTYPE html><html lang="en"><body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;line-height:1.5;color:#1c2430;max-width:36rem">',
    ...kept.map((p) => `<p>${escapeHtml(p).replace(URL_PATTERN, '<a href="$1">$1</a>').replace(/\n/g, '<br>')}</p>`),
    `<p style="color:#556070;font-size:0.9em;border-top:1px solid #d9dee5;padding-top:0.8em">${escapeHtml(footer).replace(URL_PATTERN, '<a href="$1">$1</a>').replace(/\n/g, '<br>')}</p>`,
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
