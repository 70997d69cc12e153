// Plain-text emails with a matching simple HTML version, built from the same paragraphs, in the
// current language (the recipient's: see withLanguage in src/i18n/current-language.ts).
import { currentLanguage } from '../i18n/current-language.js';
import type { Language } from '../i18n/languages.js';
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

/**
 * Links are the longest words in an email (a personal link is 60 characters without a space): they
 * may break anywhere, or a phone scrolls sideways to show one.
 */
const LINK_STYLE = 'color:#0b5cad;word-break:break-all;overflow-wrap:anywhere';

function htmlLines(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const match = LINE_END_URL.exec(line);
      if (!match) return escapeHtml(line);
      const url = match[2]!;
      const before = line.slice(0, line.length - url.length);
      return `${escapeHtml(before)}<a href="${escapeHtml(url)}" style="${LINK_STYLE}">${escapeHtml(url)}</a>`;
    })
    .join('<br>');
}

/**
 * The HTML version is one fluid column: at most 600 px (what mail clients on a desktop show well),
 * the full width below that, no fixed widths anywhere, and long words wrapped, so that it fits a
 * 390 px phone without scrolling sideways. Inline styles only: many clients drop <style>.
 */
const PAGE_STYLE = 'margin:0;padding:0;background:#ffffff;-webkit-text-size-adjust:100%';
const COLUMN_STYLE =
  'box-sizing:border-box;width:100%;max-width:600px;margin:0 auto;padding:16px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:16px;line-height:1.5;color:#1c2430;overflow-wrap:anywhere;word-break:break-word';

/**
 * Paragraphs separated by blank lines; a URL that ends a line becomes a link in the HTML version.
 * `language` is the text's (the HTML's lang): the current one unless the caller says otherwise.
 */
export function emailBody(paragraphs: Array<string | null | undefined | false>, footer: string, language: Language = currentLanguage()): EmailBody {
  const kept = paragraphs.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  const text = [...kept, '--', footer].join('\n\n');
  const html = [
    `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>`,
    `<body style="${PAGE_STYLE}"><div style="${COLUMN_STYLE}">`,
    ...kept.map((p) => `<p style="margin:0 0 1em">${htmlLines(p)}</p>`),
    `<p style="margin:0;color:#556070;font-size:0.9em;border-top:1px solid #d9dee5;padding-top:0.8em">${htmlLines(footer)}</p>`,
    '</div></body></html>',
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
