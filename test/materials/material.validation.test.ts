import { describe, expect, it } from 'vitest';
import { contentDisposition, downloadName } from '../../src/materials/material.links.js';
import { embedFor, validateMaterial } from '../../src/materials/material.validation.js';
import { SAMPLES, VIDEO_SAMPLES } from './material-helpers.js';

describe('embedFor', () => {
  it('embeds YouTube watch, short, embed, shorts and live addresses through youtube-nocookie', () => {
    const expected = { type: 'iframe', provider: 'YouTube', src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' };
    for (const url of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s&list=PL123',
      'https://m.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtu.be/dQw4w9WgXcQ?si=abc',
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
      'https://www.youtube.com/shorts/dQw4w9WgXcQ',
      'https://www.youtube.com/live/dQw4w9WgXcQ',
    ]) {
      expect(embedFor(url), url).toEqual(expected);
    }
  });

  it('embeds Vimeo without tracking, keeping the hash of an unlisted video', () => {
    expect(embedFor('https://vimeo.com/76979871')).toEqual({ type: 'iframe', provider: 'Vimeo', src: 'https://player.vimeo.com/video/76979871?dnt=1' });
    expect(embedFor('https://vimeo.com/76979871/8a3c1f2b9d')).toEqual({
      type: 'iframe',
      provider: 'Vimeo',
      src: 'https://player.vimeo.com/video/76979871?h=8a3c1f2b9d&dnt=1',
    });
    expect(embedFor('https://player.vimeo.com/video/76979871')).toEqual({
      type: 'iframe',
      provider: 'Vimeo',
      src: 'https://player.vimeo.com/video/76979871?dnt=1',
    });
  });

  it('plays direct video files in a <video> element', () => {
    expect(embedFor('https://media.example.org/webinars/cvc.mp4')).toEqual({
      type: 'video',
      src: 'https://media.example.org/webinars/cvc.mp4',
      contentType: 'video/mp4',
    });
    expect(embedFor('https://media.example.org/a/b.WEBM?token=1')).toEqual({
      type: 'video',
      src: 'https://media.example.org/a/b.WEBM?token=1',
      contentType: 'video/webm',
    });
    expect(embedFor('https://cdn.example.cn/live/cvc/index.m3u8')).toEqual({
      type: 'video',
      src: 'https://cdn.example.cn/live/cvc/index.m3u8',
      contentType: 'application/vnd.apple.mpegurl',
    });
    expect(embedFor('https://media.example.org/clip.mov').type).toBe('video');
    expect(embedFor('https://media.example.org/clip.m4v').type).toBe('video');
  });

  it('links to anything else', () => {
    expect(embedFor('https://example.org/webinar-recording')).toEqual({ type: 'link', href: 'https://example.org/webinar-recording' });
    expect(embedFor('https://www.youtube.com/channel/UC123')).toEqual({ type: 'link', href: 'https://www.youtube.com/channel/UC123' });
    expect(embedFor('https://example.org/page?file=x.mp4')).toEqual({ type: 'link', href: 'https://example.org/page?file=x.mp4' });
  });

  it('never puts anything but a well-formed ID into an iframe', () => {
    for (const url of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ"onload="alert(1)',
      'https://www.youtube.com/watch?v=abc',
      'https://youtu.be/dQw4w9WgXcQ/../../evil',
      'https://www.youtube.com/embed/dQw4w9WgXc%22',
      'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
      'https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ',
      'https://vimeo.com/123abc',
      'https://vimeo.com/76979871/<script>',
      'http://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ]) {
      expect(embedFor(url).type, url).toBe('link');
    }
  });
});

describe('validateMaterial', () => {
  it('accepts a recording link with the default visibility', () => {
    expect(validateMaterial({ kind: 'recording', title: '  Recording  ', url: 'https://youtu.be/dQw4w9WgXcQ' })).toEqual({
      ok: true,
      value: { kind: 'recording', title: 'Recording', visibility: 'public', url: 'https://youtu.be/dQw4w9WgXcQ', upload: null },
    });
  });

  it('accepts uploaded slides with the type from the bytes and a cleaned name', () => {
    const result = validateMaterial(
      { kind: 'slides', title: 'Slides', visibility: 'attendees' },
      { name: 'C:\\talks\\Slides\u0007 v2.pptx', bytes: SAMPLES.pdf },
    );
    expect(result.ok && result.value.upload).toEqual({
      bytes: SAMPLES.pdf,
      originalName: 'Slides v2.pptx',
      type: { contentType: 'application/pdf', extension: 'pdf', label: 'PDF' },
    });
    expect(result.ok && result.value.visibility).toBe('attendees');
  });

  it('gives one message per field', () => {
    expect(validateMaterial({ kind: 'video', title: '', visibility: 'friends', url: 'http://example.org/x' })).toEqual({
      ok: false,
      errors: {
        kind: 'Kind must be one of: recording, slides, link.',
        title: 'Title is required.',
        visibility: 'Visibility must be one of: public, attendees.',
        url: 'Address must be a full https:// address.',
      },
    });
    expect(validateMaterial({ kind: 'link', title: 'x'.repeat(201), url: 'javascript:alert(1)' })).toEqual({
      ok: false,
      errors: { title: 'Title must be at most 200 characters.', url: 'Address must be a full https:// address.' },
    });
  });

  it('wants exactly one of address and file', () => {
    expect(validateMaterial({ kind: 'slides', title: 'Slides' })).toEqual({
      ok: false,
      errors: { url: 'Give the address (https://…) of the material, or choose a file to upload.' },
    });
    expect(validateMaterial({ kind: 'slides', title: 'Slides', url: 'https://example.org/s.pdf' }, { name: 's.pdf', bytes: SAMPLES.pdf })).toEqual({
      ok: false,
      errors: { url: 'Give either an address or a file, not both.' },
    });
  });

  it('refuses a renamed file, an empty file, a recording that is not a video and slides that are one', () => {
    const renamed = validateMaterial({ kind: 'slides', title: 'Slides' }, { name: 'slides.pdf', bytes: SAMPLES.exe });
    expect(renamed.ok ? undefined : renamed.errors.file).toMatch(/^This file is not a PDF, a PowerPoint/);
    const empty = validateMaterial({ kind: 'slides', title: 'Slides' }, { name: 'slides.pdf', bytes: new Uint8Array(0) });
    expect(empty.ok ? undefined : empty.errors.file).toBe('The file is empty. Choose the file again; it may not have finished saving.');
    const recording = validateMaterial({ kind: 'recording', title: 'Recording' }, { name: 'talk.pdf', bytes: SAMPLES.pdf });
    expect(recording.ok ? undefined : recording.errors.file).toMatch(/^A recording must be a video file: MP4 or WebM\./);
    const video = validateMaterial({ kind: 'slides', title: 'Slides' }, { name: 'talk.mp4', bytes: VIDEO_SAMPLES.mp4 });
    expect(video.ok ? undefined : video.errors.file).toBe('This is a video: add it as a recording (choose “Recording” as the kind).');
    const recorded = validateMaterial({ kind: 'recording', title: 'Recording' }, { name: 'talk', bytes: VIDEO_SAMPLES.webm });
    expect(recorded.ok && recorded.value.upload?.type.contentType).toBe('video/webm');
  });
});

describe('download names', () => {
  it('keep the uploaded name but always carry the detected extension', () => {
    expect(downloadName({ kind: 'slides', file: { originalName: 'Slides v2.pptx', extension: 'pdf' } })).toBe('Slides v2.pdf');
    expect(downloadName({ kind: 'slides', file: { originalName: 'invoice.pdf.exe', extension: 'pdf' } })).toBe('invoice.pdf.pdf');
    expect(downloadName({ kind: 'slides', file: { originalName: '..', extension: 'key' } })).toBe('slides.key');
    expect(downloadName({ kind: 'link', file: { originalName: 'a"b;c<d>.odp', extension: 'odp' } })).toBe('a_b;c_d_.odp');
  });

  it('are sent with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Översikt 陈静 (final).pdf')).toBe(
      `attachment; filename="Oversikt __ (final).pdf"; filename*=UTF-8''%C3%96versikt%20%E9%99%88%E9%9D%99%20%28final%29.pdf`,
    );
  });
});
