import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, checkUpload, checkUploadSize, detectUploadType, detectUploadTypeIn, readZipEntries } from '../../src/materials/upload-check.js';
import { SAMPLES, zip } from './material-helpers.js';

const REFUSED_TYPE =
  'This file is not a PDF, a PowerPoint (.pptx), an OpenDocument presentation (.odp) or a Keynote (.key) file. Upload one of these, or publish the material as a link.';

describe('detectUploadType', () => {
  it('recognises a PDF by its %PDF- header', () => {
    expect(checkUpload(SAMPLES.pdf)).toEqual({ ok: true, type: { contentType: 'application/pdf', extension: 'pdf', label: 'PDF' } });
  });

  it('recognises a PPTX by [Content_Types].xml and ppt/ entries in its ZIP directory', () => {
    expect(detectUploadType(SAMPLES.pptx)).toEqual({
      contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      extension: 'pptx',
      label: 'PowerPoint',
    });
  });

  it('recognises an ODP by its first, stored mimetype entry', () => {
    expect(detectUploadType(SAMPLES.odp)?.contentType).toBe('application/vnd.oasis.opendocument.presentation');
    expect(detectUploadType(SAMPLES.odp)?.extension).toBe('odp');
  });

  it('recognises Keynote by Index/*.iwa entries, and the older Index.zip', () => {
    expect(detectUploadType(SAMPLES.keynote)).toEqual({ contentType: 'application/vnd.apple.keynote', extension: 'key', label: 'Keynote' });
    expect(detectUploadType(SAMPLES.keynote09)?.extension).toBe('key');
  });

  it('reads the entry names from the central directory', () => {
    expect(readZipEntries(SAMPLES.odp)?.map((entry) => [entry.name, entry.method])).toEqual([
      ['mimetype', 0],
      ['content.xml', 8],
      ['META-INF/manifest.xml', 8],
    ]);
  });

  it('refuses other ZIP documents: a Word file, an OpenDocument text, a plain archive', () => {
    for (const bytes of [SAMPLES.docx, SAMPLES.odt, zip([{ name: 'notes.txt', data: 'hello' }])]) {
      expect(checkUpload(bytes)).toEqual({ ok: false, reason: 'type', message: REFUSED_TYPE });
    }
  });

  it('does not take an ODP mimetype that is not the first entry, or is compressed', () => {
    const second = zip([
      { name: 'content.xml', data: '<x/>' },
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.presentation', store: true },
    ]);
    const deflated = zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.presentation' }]);
    expect(detectUploadType(second)).toBeUndefined();
    expect(detectUploadType(deflated)).toBeUndefined();
  });

  it('refuses an executable and a text file, whatever they are called', () => {
    expect(checkUpload(SAMPLES.exe)).toEqual({ ok: false, reason: 'type', message: REFUSED_TYPE });
    expect(checkUpload(SAMPLES.text)).toEqual({ ok: false, reason: 'type', message: REFUSED_TYPE });
  });

  it('refuses a truncated ZIP whose central directory is missing or points outside the file', () => {
    expect(detectUploadType(SAMPLES.pptx.subarray(0, SAMPLES.pptx.length - 30))).toBeUndefined();
    const broken = new Uint8Array(SAMPLES.pptx);
    new DataView(broken.buffer).setUint32(broken.length - 6, 0x7fffffff, true);
    expect(detectUploadType(broken)).toBeUndefined();
    expect(detectUploadType(new Uint8Array(Buffer.from('PK\x03\x04', 'latin1')))).toBeUndefined();
  });
});

describe('size rules', () => {
  it('refuses an empty file', () => {
    expect(checkUpload(new Uint8Array(0))).toEqual({
      ok: false,
      reason: 'empty',
      message: 'The file is empty. Choose the file again; it may not have finished saving.',
    });
  });

  it('refuses a file over the limit, at most 50 MB by default', () => {
    expect(MAX_UPLOAD_BYTES).toBe(50 * 1024 * 1024);
    expect(checkUpload(SAMPLES.pdf, { maxBytes: SAMPLES.pdf.length - 1 })).toMatchObject({ ok: false, reason: 'too-large' });
    expect(checkUpload(SAMPLES.pdf, { maxBytes: SAMPLES.pdf.length })).toMatchObject({ ok: true });
    expect(checkUploadSize(MAX_UPLOAD_BYTES + 1)).toEqual({
      ok: false,
      reason: 'too-large',
      message: 'The file is larger than 50 MB. Upload a video as a recording (up to 2 GB), or publish large files as a link.',
    });
    expect(checkUploadSize(MAX_UPLOAD_BYTES)).toBeUndefined();
  });
});

describe('detectUploadTypeIn (a file on disk, read by range)', () => {
  const reader = (bytes: Uint8Array) => {
    const ranges: Array<[number, number]> = [];
    const read = async (offset: number, length: number) => {
      ranges.push([offset, length]);
      return bytes.slice(offset, offset + length);
    };
    return { read, ranges };
  };

  it('decides every sample as detectUploadType does', async () => {
    for (const [name, bytes] of Object.entries(SAMPLES)) {
      expect(await detectUploadTypeIn(bytes.length, reader(bytes).read), name).toEqual(detectUploadType(bytes));
    }
  });

  it('reads the start, the end, the directory and the mimetype of a large ODP, not the whole file', async () => {
    const bytes = zip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.presentation', store: true },
      { name: 'Pictures/photo.jpg', data: new Uint8Array(5 * 1024 * 1024).fill(7), store: true },
      { name: 'content.xml', data: '<office:document-content/>' },
    ]);
    const { read, ranges } = reader(bytes);
    expect((await detectUploadTypeIn(bytes.length, read))?.extension).toBe('odp');
    const end = bytes.length - 22;
    const directory = end - (46 * 3 + 'mimetype'.length + 'Pictures/photo.jpg'.length + 'content.xml'.length);
    expect(ranges).toEqual([
      [0, 64],
      [bytes.length - 22 - 0xffff, 22 + 0xffff],
      [directory, end - directory],
      [0, 30],
      [38, 47],
    ]);
  });
});
