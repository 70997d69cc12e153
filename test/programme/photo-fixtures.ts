// Real small images for the photo tests: PNGs built here (zlib and CRC-32 as the format says), and a
// JPEG and WebP frames that Chromium's canvas encoder wrote (a 3×2 picture, the ICC profile left out).
import { crc32, deflateSync } from 'node:zlib';

/** A valid RGB PNG of the given size, one colour. */
export function pngImage(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  // Each row: filter type 0, then RGB pixels.
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x5a)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

/** A 3×2 baseline JPEG (JFIF) from Chromium's encoder. */
export const JPEG_3X2 = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCAACAAMDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAbEAACAwEBAQAAAAAAAAAAAAABAgADBEERMf/EABUBAQEAAAAAAAAAAAAAAAAAAAUI/8QAGhEAAgIDAAAAAAAAAAAAAAAAAAECAzEzcf/aAAwDAQACEQMRAD8Al1bL91q2ab7NFiolQe1yxCIoRF9PFVVUDgAA+REQN5Jft2S6z//Z',
  'base64',
);

const VP8_CHUNK = Buffer.from('VlA4IDoAAACwAQCdASoDAAIAAUAmJagCdADx9FgAAMyceOfVqBuFOH56ikC/1VT1+N3/1n0J//69H//mfQn+twAA', 'base64');
const VP8L_CHUNK = Buffer.from('VlA4TBYAAAAvAkAAAA/wKtWLdN8sc/4jDSMQ0f8I', 'base64');

function riffWebp(...chunks: Buffer[]): Buffer {
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), ...chunks]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), size, body]);
}

/** A 3×2 lossy WebP (a VP8 key frame). */
export const WEBP_LOSSY_3X2 = riffWebp(VP8_CHUNK);
/** A 3×2 lossless WebP (VP8L). */
export const WEBP_LOSSLESS_3X2 = riffWebp(VP8L_CHUNK);

/** An extended WebP (VP8X) saying it is `width`×`height`, followed by the lossless frame. */
export function webpExtended(width: number, height: number): Buffer {
  const header = Buffer.alloc(18);
  header.write('VP8X', 0, 'latin1');
  header.writeUInt32LE(10, 4);
  header.writeUIntLE(width - 1, 12, 3);
  header.writeUIntLE(height - 1, 15, 3);
  return riffWebp(header, VP8L_CHUNK);
}

/** The JPEG with its frame header saying `width`×`height`. */
export function jpegSaying(width: number, height: number): Buffer {
  const copy = Buffer.from(JPEG_3X2);
  const sof = copy.indexOf(Buffer.from([0xff, 0xc0]));
  copy.writeUInt16BE(height, sof + 5);
  copy.writeUInt16BE(width, sof + 7);
  return copy;
}

export const SVG_IMAGE = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
