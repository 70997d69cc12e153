// Reads a request body as form fields or a JSON object, refusing anything else with a 4xx.
import type { Context, MiddlewareHandler } from 'hono';
import { message } from '../i18n/message.js';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { ValidationError, RefusedError } from '../errors.js';
import type { Input } from '../validation.js';

export type BodyKind = 'form' | 'json';

export function bodyKind(c: Context): BodyKind | undefined {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) return 'form';
  if (type.startsWith('application/json')) return 'json';
  return undefined;
}

/** A multipart form: one that may carry a file, so that it is streamed rather than read whole. */
export function isMultipart(c: Context): boolean {
  return (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
}

export async function readForm(c: Context): Promise<Input> {
  if (bodyKind(c) !== 'form') throw new ValidationError({ body: message('refusals.body.form') }, 400);
  try {
    const body = await c.req.parseBody({ all: true });
    // Files are never expected in these forms; a stray one is ignored rather than stored.
    return Object.fromEntries(Object.entries(body).filter(([, value]) => typeof value === 'string' || Array.isArray(value)));
  } catch (error) {
    // A body over the limit is refused as such (413), not as unreadable.
    if (error instanceof HTTPException || error instanceof RefusedError) throw error;
    throw new ValidationError({ body: message('refusals.body.unreadable') }, 400);
  }
}

/** What a visitor typed, to show a refused form again: strings (shortened) and lists of strings. */
export function formValues(input: Input): Record<string, string | string[] | undefined> {
  return Object.fromEntries(
    Object.entries(input).map(([key, value]) => [
      key,
      typeof value === 'string' ? value.slice(0, 5000) : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined,
    ]),
  );
}

export async function readJsonObject(c: Context): Promise<Input> {
  if (bodyKind(c) !== 'json') throw new ValidationError({ body: message('refusals.body.json') }, 400);
  let value: unknown;
  try {
    value = await c.req.json();
  } catch (error) {
    if (error instanceof HTTPException || error instanceof RefusedError) throw error;
    throw new ValidationError({ body: message('refusals.body.notJson') }, 400);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError({ body: message('refusals.body.notObject') }, 400);
  return value as Input;
}

/** Requests whose body is already limited: the stream is wrapped once and read once. */
const appliedLimits = new WeakMap<Context, number>();

/**
 * Refuses bodies over `maxBytes` with 413 before they are read into memory. A request already held
 * to a limit by a guard in front of the route keeps that one: the guard may have read the body
 * (for its CSRF token), and a second wrapper would find the stream locked.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = (): never => {
    throw new RefusedError(413, message('refusals.body.tooLarge', { kilobytes: String(Math.round(maxBytes / 1024)) }));
  };
  const limit = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async function limitRequestBody(c, next) {
    if (appliedLimits.has(c)) return next();
    appliedLimits.set(c, maxBytes);
    // With a Content-Length and no Transfer-Encoding, Node's parser delivers exactly that many
    // bytes, so the header decides; the body stays untouched and @hono/node-server reads it
    // straight from the socket (a web stream around it was 5 % of a JSON registration's cost).
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined && /^\d+$/.test(length.trim())) {
      if (Number(length) > maxBytes) tooLarge();
      return next();
    }
    return limit(c, next);
  };
}
