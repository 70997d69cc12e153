// Reads a multipart upload form as it arrives: its text fields into memory, its file into a
// temporary file, counted on the way, so that an upload of any size holds a few chunks in memory.
// The file's size and type are known when the form has been read; storing it is the caller's.
import { Readable } from 'node:stream';
import { message } from '../i18n/message.js';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { HTTPException } from 'hono/http-exception';
import { RefusedError, ValidationError } from '../errors.js';
import type { Input } from '../validation.js';
import { createTempFile, type TempFile } from './temp-file.js';
import { detectUploadTypeIn, type UploadType } from './upload-check.js';

/** The form's `file`, as received; `T` is what the file was found to be (a slide format unless the reader was told otherwise). */
export type ReceivedFile<T = UploadType> = {
  /** The name the browser sent; only ever shown. */
  name: string;
  /** Every byte of the part, counted even past the limit. */
  sizeBytes: number;
  /** The limit it was kept up to (see ReceiveOptions.maxFileBytes). */
  maxBytes: number;
  /** The temporary file holding it; already removed when `sizeBytes` is over the limit. */
  path: string;
  /** What its bytes are, read from the temporary file; undefined when none of the accepted types, or too large to look at. */
  type: T | undefined;
};

export type ReceivedForm<T = UploadType> = {
  input: Input;
  file?: ReceivedFile<T>;
  /** Removes the temporary file. Call it once the request is done with the file, whatever happened. */
  dispose(): Promise<void>;
};

/** Reads what a kept file is, asking `read` for the ranges it needs (see detectUploadTypeIn). */
export type DetectType<T> = (sizeBytes: number, read: (offset: number, length: number) => Promise<Uint8Array>) => Promise<T | undefined>;

export type ReceiveOptions<T = UploadType> = {
  /** Where the file waits: os.tmpdir() in the hub. */
  dir: string;
  /**
   * Past this, nothing more of the file is kept; the part is only counted to its end. A function
   * gets the fields read before the file (the workspace form sends the material's kind first).
   */
  maxFileBytes: number | ((fieldsBefore: Input) => number);
  /** Past this, the reading stops and `bodyTooLarge(limit)` is thrown. */
  maxBodyBytes: number;
  /**
   * Once the file's limit is known (its part begins), the body may only be this much larger than
   * the file: a slides form is stopped at 51 MB though a recording's may reach 2 GB, and one whose
   * Content-Length says more is refused before its file is read.
   */
  fileEnvelopeBytes?: number;
  bodyTooLarge: (limitBytes: number) => Error;
  /**
   * Gets the `_csrf` field (undefined when missing or sent twice) before any byte of a file is
   * kept, or at the end of a form without a file; throws to refuse the form.
   */
  checkToken?: (sent: string | undefined) => void;
  /** What the file is; slides' formats (detectUploadTypeIn) unless given. */
  detectType?: DetectType<T>;
};

/** Text fields are short (a title, an address): these bound what a form can make us hold. */
const MAX_FIELD_BYTES = 64 * 1024;
const MAX_FIELDS = 50;

/**
 * Reads `request`'s multipart body. Fields are kept as parseBody({ all: true }) keeps them (a
 * repeated name gives a list), without `_csrf` and `file`; other file parts are read past, not
 * kept. Refusals (a second file, a token that fails, a body over the limit) stop the reading at
 * once and remove the temporary file.
 */
export async function receiveUploadForm<T = UploadType>(request: Request, options: ReceiveOptions<T>): Promise<ReceivedForm<T>> {
  const temps: TempFile[] = [];
  const dispose = async () => {
    await Promise.all(temps.splice(0).map((temp) => temp.remove()));
  };
  try {
    return { ...(await readParts(request, options, temps)), dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

function unreadable(): ValidationError {
  return new ValidationError({ body: message('refusals.body.unreadable') }, 400);
}

async function readParts<T>(request: Request, options: ReceiveOptions<T>, temps: TempFile[]): Promise<{ input: Input; file?: ReceivedFile<T> }> {
  if (!request.body) throw unreadable();
  let parser: busboy.Busboy;
  try {
    // Browsers send file names as UTF-8, which is what undici's formData() reads too.
    parser = busboy({
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
      defParamCharset: 'utf8',
      limits: { fieldSize: MAX_FIELD_BYTES, fields: MAX_FIELDS },
    });
  } catch {
    throw unreadable();
  }
  const body = request.body.getReader();
  const stopping = new AbortController();
  /** Why we stopped reading before the end: a refusal of ours, or a failure to keep the file. */
  let refusal: { error: unknown } | undefined;
  const refuse = (error: unknown) => {
    refusal ??= { error };
    // Cancelling ends a read that is waiting for the client, so nothing waits on a slow sender.
    body.cancel().catch(() => undefined);
    stopping.abort();
  };

  const input: Input = {};
  const tokens: string[] = [];
  let tokenChecked = false;
  const checkToken = () => {
    if (tokenChecked || !options.checkToken) return;
    tokenChecked = true;
    options.checkToken(tokens.length === 1 ? tokens[0] : undefined);
  };
  let file: ReceivedFile<T> | undefined;
  let saving: Promise<void> = Promise.resolve();
  const limit = { bodyBytes: options.maxBodyBytes };
  const declaredBytes = Number(request.headers.get('content-length') ?? Number.NaN);

  // A malformed form: stop reading at once rather than wait for the rest of it.
  parser.on('error', () => body.cancel().catch(() => undefined));
  parser.on('field', (name, value, info) => {
    if (info.nameTruncated || info.valueTruncated) return refuse(unreadable());
    if (name === '_csrf') tokens.push(value);
    else if (name !== 'file') addField(input, name, value);
  });
  parser.on('fieldsLimit', () => refuse(unreadable()));
  parser.on('file', (name, stream, info) => {
    // A part cut short errors its stream as well as the form: the form's reader reports it.
    stream.on('error', () => undefined);
    try {
      checkToken();
    } catch (error) {
      stream.resume();
      return refuse(error);
    }
    if (refusal || name !== 'file') return void stream.resume();
    if (file) {
      stream.resume();
      return refuse(new ValidationError({ file: message('materials.error.oneFile') }, 422));
    }
    const maxBytes = typeof options.maxFileBytes === 'function' ? options.maxFileBytes(input) : options.maxFileBytes;
    if (options.fileEnvelopeBytes !== undefined) {
      limit.bodyBytes = Math.min(options.maxBodyBytes, maxBytes + options.fileEnvelopeBytes);
      if (declaredBytes > limit.bodyBytes) {
        stream.resume();
        return refuse(options.bodyTooLarge(limit.bodyBytes));
      }
    }
    const received: ReceivedFile<T> = { name: info.filename ?? '', sizeBytes: 0, maxBytes, path: '', type: undefined };
    file = received;
    saving = saveFile(stream, received, options.dir, temps, options.detectType).catch(refuse);
  });

  try {
    await pipeline(Readable.from(countedChunks(body, limit, options.bodyTooLarge), { objectMode: false }), parser, { signal: stopping.signal });
  } catch (error) {
    await saving;
    if (!refusal) throw error instanceof HTTPException || error instanceof RefusedError ? error : unreadable();
  }
  await saving;
  if (refusal) throw refusal.error;
  checkToken();
  return file ? { input, file } : { input };
}

/** The body's chunks as they come, until it passes the limit (which may be lowered as the form is read). */
async function* countedChunks(
  body: ReadableStreamDefaultReader<Uint8Array>,
  limit: { bodyBytes: number },
  bodyTooLarge: (limitBytes: number) => Error,
): AsyncGenerator<Uint8Array> {
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await body.read();
      if (done) return;
      total += value.byteLength;
      if (total > limit.bodyBytes) throw bodyTooLarge(limit.bodyBytes);
      yield value;
    }
  } finally {
    // Stopped early: the rest is never read here (the server drains or closes the connection).
    await body.cancel().catch(() => undefined);
  }
}

/**
 * Writes the part to a new temporary file, then reads its type there. Past `maxFileBytes` the file
 * is removed and the rest only counted, so that the form's later fields still arrive and the
 * caller can answer "too large" as for a file that fitted the body. Rejects only when the file
 * cannot be kept (the folder is missing or full); a form cut short is the body reader's to report.
 */
async function saveFile<T>(stream: Readable, received: ReceivedFile<T>, dir: string, temps: TempFile[], detectType?: DetectType<T>): Promise<void> {
  const temp = await createTempFile(dir);
  temps.push(temp);
  received.path = temp.path;
  let writeError: { error: unknown } | undefined;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      received.sizeBytes += chunk.length;
      if (received.sizeBytes > received.maxBytes) {
        await temp.remove();
        continue;
      }
      try {
        await temp.append(chunk);
      } catch (error) {
        writeError = { error };
        break;
      }
    }
  } catch {
    return;
  }
  if (writeError) throw writeError.error;
  // Without its own detectType a reader is a slides reader (T is UploadType, the default).
  const detect = detectType ?? (detectUploadTypeIn as unknown as DetectType<T>);
  if (received.sizeBytes <= received.maxBytes) received.type = await detect(received.sizeBytes, temp.read);
}

function addField(input: Input, name: string, value: string): void {
  const earlier = input[name];
  if (earlier === undefined) input[name] = name.endsWith('[]') ? [value] : value;
  else input[name] = Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
}
