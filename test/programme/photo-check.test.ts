// What counts as a speaker photo: JPEG, PNG or WebP by their bytes, with a header whose size can
// be read and is at most 4096×4096, at most 5 MB; everything else refused with a message that says why.
import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES, checkPhoto } from '../../src/programme/photo-check.js';
import { JPEG_3X2, SVG_IMAGE, WEBP_LOSSLESS_3X2, WEBP_LOSSY_3X2, jpegSaying, pngImage, webpExtended } from './photo-fixtures.js';

describe('checkPhoto', () => {
  it('reads the size of a PNG, a JPEG and the three kinds of WebP', () => {
    expect(checkPhoto(pngImage(40, 30))).toEqual({ ok: true, photo: { contentType: 'image/png', extension: 'png', label: 'PNG', width: 40, height: 30 } });
    expect(checkPhoto(JPEG_3X2)).toEqual({ ok: true, photo: { contentType: 'image/jpeg', extension: 'jpg', label: 'JPEG', width: 3, height: 2 } });
    for (const webp of [WEBP_LOSSY_3X2, WEBP_LOSSLESS_3X2, webpExtended(3, 2)]) {
      expect(checkPhoto(webp)).toEqual({ ok: true, photo: { contentType: 'image/webp', extension: 'webp', label: 'WebP', width: 3, height: 2 } });
    }
  });

  it('accepts 4096×4096 and refuses one pixel more on either side, saying the size', () => {
    expect(checkPhoto(pngImage(4096, 1))).toMatchObject({ ok: true, photo: { width: 4096, height: 1 } });
    expect(checkPhoto(jpegSaying(4096, 4096))).toMatchObject({ ok: true, photo: { width: 4096, height: 4096 } });
    expect(checkPhoto(pngImage(4097, 1))).toEqual({
      ok: false,
      reason: 'dimensions',
      message: 'The photo is 4097×1 pixels; at most 4096×4096 is accepted. Save it smaller and upload it again.',
    });
    expect(checkPhoto(jpegSaying(3, 5000))).toMatchObject({ ok: false, reason: 'dimensions' });
    expect(checkPhoto(webpExtended(8000, 10))).toMatchObject({ ok: false, reason: 'dimensions', message: expect.stringContaining('8000×10') });
  });

  it('refuses a text file, whatever it is called, as not an image', () => {
    expect(checkPhoto(Buffer.from('These are my speaker notes, not a photo.\n'))).toEqual({
      ok: false,
      reason: 'type',
      message: 'This file is not a JPEG, PNG or WebP image. Upload a JPEG, PNG or WebP image.',
    });
  });

  it('refuses SVG (with or without an XML declaration), GIF and HEIC with a message naming them', () => {
    expect(checkPhoto(SVG_IMAGE)).toEqual({
      ok: false,
      reason: 'type',
      message: 'SVG images are not accepted as photos. Upload a JPEG, PNG or WebP image (export the SVG as PNG).',
    });
    expect(checkPhoto(Buffer.from('  <svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toMatchObject({
      reason: 'type',
      message: expect.stringMatching(/^SVG images/),
    });
    expect(checkPhoto(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toMatchObject({ reason: 'type', message: expect.stringMatching(/^GIF images/) });
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1')]);
    expect(checkPhoto(heic)).toMatchObject({ reason: 'type', message: expect.stringMatching(/^HEIC photos/) });
  });

  it('refuses a file that starts like an image but whose header cannot be read', () => {
    const cut = pngImage(10, 10).subarray(0, 20);
    expect(checkPhoto(cut)).toEqual({
      ok: false,
      reason: 'damaged',
      message: 'This file starts like a PNG image, but its header cannot be read: it may be damaged or cut short. Save the photo again and upload it.',
    });
    // A JPEG signature and then no frame header before the end.
    expect(checkPhoto(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toMatchObject({ ok: false, reason: 'damaged' });
    const zeroWide = pngImage(10, 10);
    zeroWide.writeUInt32BE(0, 16);
    expect(checkPhoto(zeroWide)).toMatchObject({ ok: false, reason: 'damaged' });
    const bogusDepth = pngImage(10, 10);
    bogusDepth[24] = 3;
    expect(checkPhoto(bogusDepth)).toMatchObject({ ok: false, reason: 'damaged' });
  });

  it('refuses an empty file and one over 5 MB', () => {
    expect(checkPhoto(new Uint8Array(0))).toMatchObject({ ok: false, reason: 'empty' });
    const big = Buffer.concat([pngImage(10, 10), Buffer.alloc(MAX_PHOTO_BYTES)]);
    expect(checkPhoto(big)).toEqual({
      ok: false,
      reason: 'too-large',
      message: 'The photo is larger than 5 MB. Save it smaller (1000×1000 pixels is plenty for a portrait) and upload it again.',
    });
  });
});
