// Captions and transcripts arrive as WebVTT files (https://www.w3.org/TR/webvtt1/): checked here
// before anything is stored, and read into cues for the transcript shown on the webinar page and
// for searching the archive by what was said. Pure: bytes in, cues or the reason for refusal out
// (in the language asked for: the request's on a page, English for the JSON API).
import { type MessageKey, type MessageValues, translate } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/current-language.js';
import type { Language } from '../i18n/languages.js';

/** Captions of a two-hour talk are a few hundred KB; more is not a caption file. */
export const MAX_CAPTIONS_BYTES = 2 * 1024 * 1024;

export type Cue = {
  /** Milliseconds from the start of the recording. */
  startMs: number;
  endMs: number;
  /** Who speaks, from a <v Name> span, when the file says. */
  voice: string | null;
  /** The cue's words without markup, lines joined by a space. */
  text: string;
};

export type ParsedCaptions = { ok: true; cues: Cue[] } | { ok: false; error: string };

const TIMING = /^((?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})[ \t]+-->[ \t]+((?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})(?:[ \t]+(.*))?$/;

export function parseWebVtt(bytes: Uint8Array, language: Language = currentLanguage()): ParsedCaptions {
  const refuse = (key: MessageKey, values?: MessageValues): ParsedCaptions => ({ ok: false, error: translate(language, key, values) });
  if (bytes.byteLength === 0) return refuse('materials.vtt.empty');
  if (bytes.byteLength > MAX_CAPTIONS_BYTES) return refuse('materials.vtt.tooLarge', { megabytes: String(MAX_CAPTIONS_BYTES / 1024 / 1024) });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('materials.vtt.notUtf8');
  }
  if (text.includes('\u0000')) return refuse('materials.vtt.binary');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) return refuse('materials.vtt.noHeader');

  const cues: Cue[] = [];
  let index = 1;
  // The header runs to the first blank line.
  while (index < lines.length && lines[index] !== '') index++;
  while (index < lines.length) {
    while (index < lines.length && lines[index] === '') index++;
    if (index >= lines.length) break;
    const block: string[] = [];
    const firstLine = index + 1;
    while (index < lines.length && lines[index] !== '') block.push(lines[index++]!);
    const head = block[0]!;
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(head) && !head.includes('-->')) continue;
    // An optional identifier, then the timing line.
    const timingAt = head.includes('-->') ? 0 : 1;
    const timing = block[timingAt];
    // Line numbers as strings: a number would be formatted ("1,204").
    if (timing === undefined) return refuse('materials.vtt.notACue', { line: String(firstLine), text: clip(head) });
    const match = TIMING.exec(timing.trim());
    if (!match) return refuse('materials.vtt.badTiming', { line: String(firstLine + timingAt), text: clip(timing) });
    const startMs = toMs(match[1]!);
    const endMs = toMs(match[2]!);
    if (endMs <= startMs) return refuse('materials.vtt.endsBeforeStart', { line: String(firstLine + timingAt), end: match[2]!, start: match[1]! });
    const previous = cues.at(-1);
    if (previous && startMs < previous.startMs)
      return refuse('materials.vtt.outOfOrder', { line: String(firstLine + timingAt), start: match[1]!, previous: formatCueTime(previous.startMs) });
    const payload = block.slice(timingAt + 1);
    if (payload.some((line) => line.includes('-->'))) return refuse('materials.vtt.arrowInText', { line: String(firstLine + timingAt + 1) });
    const { voice, text: words } = cueText(payload);
    cues.push({ startMs, endMs, voice, text: words });
  }
  if (cues.length === 0) return refuse('materials.vtt.noCues');
  return { ok: true, cues };
}

function clip(line: string): string {
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

function toMs(stamp: string): number {
  const parts = stamp.split(':');
  const seconds = Number(parts.pop());
  const minutes = Number(parts.pop());
  const hours = parts.length > 0 ? Number(parts.pop()) : 0;
  return Math.round(((hours * 60 + minutes) * 60 + seconds) * 1000);
}

/** "1:02:03" or "02:03": how a transcript shows where a cue starts. */
export function formatCueTime(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f', quot: '"', apos: "'" };

/** The words of a cue: markup (<v>, <b>, <c.x>, timestamps) removed, entities decoded. */
function cueText(payload: readonly string[]): { voice: string | null; text: string } {
  const joined = payload.join(' ');
  const voice = /<v(?:\.[^ \t>]*)?[ \t]+([^>]+)>/.exec(joined)?.[1]?.trim() ?? null;
  const text = joined
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, name: string) => {
      if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      // Not a character (beyond Unicode, or a lone surrogate): left as written.
      return code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return { voice, text };
}
