// WebVTT caption files: good files become cues (times, speaker, words); anything else is refused
// with a reason a coordinator can act on.
import { describe, expect, it } from 'vitest';
import { formatCueTime, MAX_CAPTIONS_BYTES, parseWebVtt } from '../../src/materials/webvtt.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseWebVtt', () => {
  it('reads cues with and without identifiers and hours, voices, markup, entities, notes and CRLF lines', () => {
    const file = [
      '\uFEFFWEBVTT - Pilots with startups',
      'Kind: captions',
      '',
      'NOTE recorded on 18 February',
      'two lines of note',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'intro',
      '00:00:01.000 --> 00:00:04.500 align:start',
      '<v Ingrid Haugen>Welcome to the <b>pilot</b> session.',
      '',
      '00:05.250 --> 00:09.000',
      'Procurement &amp; pilots:',
      'twelve weeks &lt;not more&gt;.',
      '',
      '01:02:03.004 --> 01:02:05.000',
      '<v.loud Anna Lindqvist>Thank you&nbsp;all &#x1F44B; &#128075;',
      '',
    ].join('\r\n');
    const parsed = parseWebVtt(bytes(file));
    expect(parsed).toEqual({
      ok: true,
      cues: [
        { startMs: 1000, endMs: 4500, voice: 'Ingrid Haugen', text: 'Welcome to the pilot session.' },
        { startMs: 5250, endMs: 9000, voice: null, text: 'Procurement & pilots: twelve weeks <not more>.' },
        { startMs: 3_723_004, endMs: 3_725_000, voice: 'Anna Lindqvist', text: 'Thank you all 👋 👋' },
      ],
    });
  });

  it.each([
    ['an empty file', '', 'The file is empty.'],
    ['a SubRip file', '1\n00:00:01,000 --> 00:00:04,000\nHello\n', 'must begin with the line "WEBVTT"'],
    ['"WEBVTTX" as its first line', 'WEBVTTX\n\n00:01.000 --> 00:02.000\nHi\n', 'must begin with the line "WEBVTT"'],
    ['a header with no cues', 'WEBVTT\n\nNOTE nothing here\n', 'holds no cues'],
    ['a comma in a timestamp', 'WEBVTT\n\n00:00:01,000 --> 00:00:04,000\nHello\n', 'Line 3: "00:00:01,000 --> 00:00:04,000" is not a cue timing'],
    ['minutes beyond 59', 'WEBVTT\n\n00:61.000 --> 01:02.000\nHello\n', 'is not a cue timing'],
    ['a cue ending before it starts', 'WEBVTT\n\n00:05.000 --> 00:04.000\nHello\n', 'Line 3: the cue ends (00:04.000) before or when it starts (00:05.000)'],
    ['cues out of order', 'WEBVTT\n\n00:05.000 --> 00:06.000\nB\n\n00:01.000 --> 00:02.000\nA\n', 'cues must be in order of their start'],
    ['a missing blank line between cues', 'WEBVTT\n\n00:01.000 --> 00:02.000\nA\n00:03.000 --> 00:04.000\nB\n', 'is a blank line missing'],
    ['a block that is not a cue', 'WEBVTT\n\nhello there\n', 'is neither a cue timing'],
  ])('refuses %s', (_what, text, message) => {
    const parsed = parseWebVtt(bytes(text));
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toContain(message);
  });

  it('refuses bytes that are not UTF-8, binary data and files over the limit', () => {
    expect(parseWebVtt(new Uint8Array([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xff, 0xfe]))).toEqual({
      ok: false,
      error: 'The file is not UTF-8 text, which WebVTT requires.',
    });
    expect(parseWebVtt(bytes('WEBVTT\n\n00:01.000 --> 00:02.000\nA\u0000B\n')).ok).toBe(false);
    const big = new Uint8Array(MAX_CAPTIONS_BYTES + 1).fill(0x41);
    expect(parseWebVtt(big)).toEqual({ ok: false, error: 'The file is larger than 2 MB; a caption file is far smaller.' });
  });

  it('leaves character references that are not characters as written', () => {
    const parsed = parseWebVtt(bytes('WEBVTT\n\n00:01.000 --> 00:02.000\nA &#x110000; &#55296; &bogus; B\n'));
    expect(parsed).toEqual({ ok: true, cues: [{ startMs: 1000, endMs: 2000, voice: null, text: 'A &#x110000; &#55296; &bogus; B' }] });
  });

  it('formats a cue start as a transcript shows it', () => {
    expect(formatCueTime(5_250)).toBe('00:05');
    expect(formatCueTime(3_723_004)).toBe('1:02:03');
  });
});
