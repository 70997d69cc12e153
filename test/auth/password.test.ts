import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/auth/password.js';

describe('password hashing', () => {
  it('stores scrypt parameters, a 16-byte salt and a 32-byte hash, never the password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    const parts = stored.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(parts[4]!, 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5]!, 'base64')).toHaveLength(32);
    expect(parts).toHaveLength(6);
    expect(stored).not.toContain('correct horse');
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash, so the same password hashes differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same password twice'), hashPassword('same password twice')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password twice', b)).toBe(true);
  });

  it('matches a password typed with composed or decomposed accents', async () => {
    const stored = await hashPassword('Smörgåsbord på fredag');
    expect(await verifyPassword('Smörgåsbord på fredag'.normalize('NFD'), stored)).toBe(true);
  });

  it('refuses stored values that are not its hashes instead of throwing', async () => {
    const good = (await hashPassword('correct horse battery staple')).split('$');
    const variants = [
      '',
      'plain text password',
      'bcrypt$2b$10$abc',
      ['scrypt', '33000', ...good.slice(2)].join('$'),
      ['scrypt', String(2 ** 24), ...good.slice(2)].join('$'),
      ['scrypt', '32768', '8', '1', '', good[5]].join('$'),
    ];
    for (const stored of variants) expect(await verifyPassword('correct horse battery staple', stored)).toBe(false);
  });
});
