// Uploads the way a browser or a script sends them, without holding them: the file's bytes are made
// 64 KiB at a time as the reader takes them, and hashed on the way; over a real connection, or as a
// streamed body for app.request. Also reads a process's memory from /proc, for what an upload costs.
import { createHash, randomFillSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';

export type UploadResult = {
  /** 0 when the upload was cut off before an answer came. */
  status: number;
  body: string;
  /** The file's bytes, as sent. */
  sha256: string;
  sentFileBytes: number;
};

export type UploadOptions = {
  fields: Record<string, string>;
  file: { name: string; sizeBytes: number; contentType?: string };
  headers?: Record<string, string>;
  /** Send Content-Length, as browsers do (default); without it the body goes chunked. */
  declareLength?: boolean;
  /**
   * Send the form's start (and `earlyAnswerAfterFileBytes` of the file), then wait this long for an
   * answer before sending the rest: a hub that answers from the headers (or the fields) alone is
   * then seen to, and its answer is not lost to a connection it closes while the file is coming.
   */
  waitForEarlyAnswerMs?: number;
  earlyAnswerAfterFileBytes?: number;
  /** Cut the connection once this much of the file is sent, after `beforeAbort` resolves. */
  abortAfterBytes?: number;
  beforeAbort?: () => Promise<void>;
};

const CHUNK = 64 * 1024;
const PDF_START = Buffer.from('%PDF-1.4\n');

/** POSTs a multipart form whose `file` is a PDF of `file.sizeBytes` random bytes. */
export function postUpload(url: string, options: UploadOptions): Promise<UploadResult> {
  const boundary = `----hub-test-${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    Object.entries(options.fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.file.name}"\r\nContent-Type: ${options.file.contentType ?? 'application/pdf'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}`, ...options.headers };
  if (options.declareLength ?? true) headers['content-length'] = String(head.length + options.file.sizeBytes + tail.length);

  const hash = createHash('sha256');
  let sentFileBytes = 0;
  return new Promise<UploadResult>((resolve, reject) => {
    let answered = false;
    const req: ClientRequest = request(url, { method: 'POST', headers });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body, sha256: hash.digest('hex'), sentFileBytes });
        req.destroy();
      });
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body, sha256: '', sentFileBytes }));
    });
    // A server that answers early (413) may close the connection while the rest is still being sent.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });

    const send = async () => {
      const write = async (chunk: Buffer) => {
        if (req.destroyed || answered) return false;
        if (!req.write(chunk)) {
          await new Promise<void>((done) => {
            const settle = () => {
              req.off('drain', settle);
              req.off('close', settle);
              done();
            };
            req.on('drain', settle);
            req.on('close', settle);
          });
        }
        return !req.destroyed && !answered;
      };
      if (!(await write(head))) return;
      const waitForEarlyAnswer = async () => {
        await new Promise<void>((done) => {
          const timer = setTimeout(done, options.waitForEarlyAnswerMs);
          req.once('response', () => {
            clearTimeout(timer);
            done();
          });
        });
      };
      const waitAfter = options.earlyAnswerAfterFileBytes ?? 0;
      if (options.waitForEarlyAnswerMs !== undefined && waitAfter === 0) {
        await waitForEarlyAnswer();
        if (answered) return;
      }
      while (sentFileBytes < options.file.sizeBytes) {
        if (options.waitForEarlyAnswerMs !== undefined && waitAfter > 0 && sentFileBytes === waitAfter) {
          await waitForEarlyAnswer();
          if (answered) return;
        }
        const chunk = Buffer.allocUnsafe(Math.min(CHUNK, options.file.sizeBytes - sentFileBytes));
        randomFillSync(chunk);
        if (sentFileBytes === 0) PDF_START.copy(chunk, 0, 0, Math.min(PDF_START.length, chunk.length));
        hash.update(chunk);
        sentFileBytes += chunk.length;
        if (!(await write(chunk))) return;
        if (options.abortAfterBytes !== undefined && sentFileBytes >= options.abortAfterBytes) {
          await options.beforeAbort?.();
          req.destroy();
          resolve({ status: 0, body: '', sha256: hash.digest('hex'), sentFileBytes });
          return;
        }
      }
      if (await write(tail)) req.end();
    };
    send().catch(reject);
  });
}

export type FormPart = { name: string; value: string } | { name: string; fileName: string; sizeBytes: number };

export type StreamedForm = {
  /** For app.request: the body is pulled only as the app reads it. */
  init: RequestInit;
  /** The SHA-256 of the file bytes made so far (all of them once the body was read to its end). */
  sha256(): string;
  /** How many bytes of the body the app has read. */
  pulled(): number;
  /** Whether the app stopped reading and cancelled the body. */
  cancelled(): boolean;
};

/**
 * A multipart body made as it is read (files are PDFs of random bytes; `sizeBytes: Infinity` never
 * ends). `failAfterBytes` errors the body there, as a connection that breaks; `onPull` sees each
 * chunk go.
 */
export function streamedForm(
  parts: FormPart[],
  options: { headers?: Record<string, string>; failAfterBytes?: number; onPull?: (pulled: number) => void } = {},
): StreamedForm {
  const boundary = `----hub-test-${Math.random().toString(16).slice(2)}`;
  const hash = createHash('sha256');
  function* chunks(): Generator<Buffer> {
    for (const part of parts) {
      if ('value' in part) {
        yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`);
        continue;
      }
      yield Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
      );
      for (let made = 0; made < part.sizeBytes; ) {
        const chunk = Buffer.allocUnsafe(Math.min(CHUNK, part.sizeBytes - made));
        randomFillSync(chunk);
        if (made === 0) PDF_START.copy(chunk, 0, 0, Math.min(PDF_START.length, chunk.length));
        hash.update(chunk);
        made += chunk.length;
        yield chunk;
      }
      yield Buffer.from('\r\n');
    }
    yield Buffer.from(`--${boundary}--\r\n`);
  }
  const source = chunks();
  let pulled = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (options.failAfterBytes !== undefined && pulled >= options.failAfterBytes) return controller.error(new Error('The connection was reset.'));
        const next = source.next();
        if (next.done) return controller.close();
        pulled += next.value.length;
        options.onPull?.(pulled);
        controller.enqueue(new Uint8Array(next.value));
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const init = { method: 'POST', body, duplex: 'half', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...options.headers } };
  return { init: init as RequestInit, sha256: () => hash.copy().digest('hex'), pulled: () => pulled, cancelled: () => cancelled };
}

/** The SHA-256 of a response body, read as it streams. */
export async function sha256Of(res: Response): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** A process's resident memory now and at its peak, in bytes, from /proc (Linux). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Resets the peak (VmHWM) to the current resident size; false where the kernel does not allow it. */
export function resetPeakMemory(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Samples a process's resident memory every few milliseconds; `stop()` gives the highest seen. */
export function sampleMemory(pid: number, everyMs = 5): { stop(): number } {
  let highest = memoryOf(pid).rss;
  const timer = setInterval(() => {
    try {
      highest = Math.max(highest, memoryOf(pid).rss);
    } catch {
      // The process ended; the test that started it says why.
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return highest;
    },
  };
}
