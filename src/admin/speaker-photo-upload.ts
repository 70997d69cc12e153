// Reads a speaker photo from a request: a multipart form with a `file` (the workspace's form and the
// API), streamed through the slides' upload reader so that the same limits and CSRF handshake
// apply, or, for the API, the image as the raw body. What the bytes are is decided by checkPhoto.
import { tmpdir } from 'node:os';
import { message } from '../i18n/message.js';
import type { Context } from 'hono';
import { ValidationError } from '../errors.js';
import { translate } from '../i18n/catalogue.js';
import type { Language } from '../i18n/languages.js';
import { bodyKind, isMultipart } from '../http/body.js';
import { tokenCheckBeforeFile } from '../http/uploads.js';
import { receiveUploadForm } from '../materials/upload-receiver.js';
import { MAX_PHOTO_BYTES, checkPhoto, photoTooLargeMessage, type PhotoCheck } from '../programme/photo-check.js';
import type { PhotoUpload } from '../programme/speaker-photo.service.js';

/** Room for the multipart envelope and the token around the largest photo. */
export const PHOTO_BODY_LIMIT = MAX_PHOTO_BYTES + 256 * 1024;
/**
 * The workspace form takes more: a phone's photo of 6 to 30 MB is then counted, not kept (nothing
 * past 5 MB is written anywhere), and refused in the form with the reason instead of an error page.
 */
export const PHOTO_FORM_BODY_LIMIT = 30 * 1024 * 1024;

export type PhotoReading = { ok: true; upload: PhotoUpload } | Extract<PhotoCheck, { ok: false }>;

export type ReadPhotoOptions = {
  /** Where a multipart upload waits while it is checked; os.tmpdir() unless given. */
  dir?: string;
  /** Whether the body may be the image itself (the API) rather than a form. */
  allowRawBody: boolean;
  /** The largest multipart body read (PHOTO_BODY_LIMIT unless given); past it, `tooLarge`. */
  maxBodyBytes?: number;
  /** The answer to a body over the limit, refused before it is read when it says its length. */
  tooLarge: (c: Context) => Error;
  /** The language of a refusal: the request's for the workspace's form, English for the API. */
  language: Language;
};

const noFile = (language: Language) => ({ ok: false, reason: 'empty', message: translate(language, 'speakerAdmin.photo.noFile') }) as const;
const tooLarge = (language: Language) => ({ ok: false, reason: 'too-large', message: photoTooLargeMessage(language) }) as const;

export async function readPhotoRequest(c: Context, options: ReadPhotoOptions): Promise<PhotoReading> {
  const declared = Number(c.req.header('content-length'));
  if (isMultipart(c)) {
    if (declared > (options.maxBodyBytes ?? PHOTO_BODY_LIMIT)) throw options.tooLarge(c);
    return readPhotoForm(c, options);
  }
  const kind = bodyKind(c);
  if (kind === 'form') return noFile(options.language);
  if (!options.allowRawBody || kind === 'json') {
    throw new ValidationError(
      {
        body: options.allowRawBody
          ? 'Send the photo as multipart/form-data with a "file" field, or as the body with its image Content-Type.'
          : message('speakerAdmin.photo.sendWithForm'),
      },
      400,
    );
  }
  // A body that says it is too large is refused unread; one that does not say is counted.
  if (declared > MAX_PHOTO_BYTES) return tooLarge(options.language);
  const bytes = await readAtMost(c.req.raw, MAX_PHOTO_BYTES);
  return bytes ? checked(bytes, options.language) : tooLarge(options.language);
}

async function readPhotoForm(c: Context, options: ReadPhotoOptions): Promise<PhotoReading> {
  const form = await receiveUploadForm(await unreadRequest(c), {
    dir: options.dir ?? tmpdir(),
    maxFileBytes: MAX_PHOTO_BYTES,
    maxBodyBytes: options.maxBodyBytes ?? PHOTO_BODY_LIMIT,
    bodyTooLarge: () => options.tooLarge(c),
    checkToken: tokenCheckBeforeFile(c),
    // A photo is small enough to hold: what the reader finds is its bytes, checked (checkPhoto),
    // hashed and stored from memory below.
    detectType: (sizeBytes, read) => read(0, sizeBytes),
  });
  try {
    const file = form.file;
    // A form whose file input was left empty still sends a nameless, empty part: that is no file.
    if (!file || (file.name === '' && file.sizeBytes === 0)) return noFile(options.language);
    // Only a file over the limit is not looked at.
    if (!file.type) return tooLarge(options.language);
    return checked(file.type, options.language);
  } finally {
    await form.dispose();
  }
}

/** The request with its body still to read; a guard that read the form already left it in Hono's cache. */
async function unreadRequest(c: Context): Promise<Request> {
  if (!c.req.raw.bodyUsed) return c.req.raw;
  return new Request(c.req.url, { method: c.req.method, body: await c.req.formData() });
}

function checked(bytes: Uint8Array, language: Language): PhotoReading {
  const check = checkPhoto(bytes, language);
  return check.ok ? { ok: true, upload: { photo: check.photo, bytes } } : check;
}

/** The whole body, or undefined once it passes `maxBytes` (the rest is not read). */
async function readAtMost(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) return undefined;
      chunks.push(value);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks, total);
}
