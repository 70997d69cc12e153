// Captions and transcripts arrive as WebVTT files (https://www.w3.org/TR/webvtt1/): checked here
// before anything is stored, and read into cues for the transcript shown on the webinar page and
// for searching the archive by what was said. Pure: bytes in, cues or the reason for refusal out.

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

export function parseWebVtt(bytes: Uint8Array): ParsedCaptions {
  if (bytes.byteLength === 0) return refuse('The file is empty.');
  if (bytes.byteLength > MAX_CAPTIONS_BYTES) return refuse(`The file is larger than ${MAX_CAPTIONS_BYTES / 1024 / 1024} MB; a caption file is far smaller.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('The file is not UTF-8 text, which WebVTT requires.');
  }
  if (text.includes('\u0000')) return refuse('The file contains binary data, not WebVTT text.');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    return refuse('This is not a WebVTT file: it must begin with the line "WEBVTT" (a .srt file can be converted to WebVTT with most subtitle tools).');
  }

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
    if (timing === undefined) return refuse(`Line ${firstLine}: "${clip(head)}" is neither a cue timing ("00:01.000 --> 00:04.000") nor a NOTE.`);
    const match = TIMING.exec(timing.trim());
    if (!match) return refuse(`Line ${firstLine + timingAt}: "${clip(timing)}" is not a cue timing such as "00:01:02.500 --> 00:01:05.000".`);
    const startMs = toMs(match[1]!);
    const endMs = toMs(match[2]!);
    if (endMs <= startMs) return refuse(`Line ${firstLine + timingAt}: the cue ends (${match[2]}) before or when it starts (${match[1]}).`);
    const previous = cues.at(-1);
    if (previous && startMs < previous.startMs)
      return refuse(`Line ${firstLine + timingAt}: cues must be in order of their start; ${match[1]} comes after ${formatCueTime(previous.startMs)}.`);
    const payload = block.slice(timingAt + 1);
    if (payload.some((line) => line.includes('-->')))
      return refuse(`Line ${firstLine + timingAt + 1}: a cue's text cannot contain "-->"; is a blank line missing before the next cue?`);
    const { voice, text: words } = cueText(payload);
    cues.push({ startMs, endMs, voice, text: words });
  }
  if (cues.length === 0) return refuse('The file holds no cues: nothing would be shown as captions.');
  return { ok: true, cues };
}

function refuse(error: string): ParsedCaptions {
  return { ok: false, error };
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
