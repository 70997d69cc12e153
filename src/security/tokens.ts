// Secret links: 256 random bits, looked up through a hash and compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes (256 bits) as URL-safe base64: 43 characters. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The key under which a token is looked up, so that the database index never compares the secret itself. */
export function tokenLookup(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function tokensEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A token as it appears in a URL: refuse anything that could not be one before touching the database. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
