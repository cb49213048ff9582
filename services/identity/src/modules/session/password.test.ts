import { describe, expect, it } from 'vitest';
import { fieldOfThrown } from '@rapport/errors';
import { hashPassword, requirePassword, verifyAgainstDummy, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('stores a self-describing scrypt hash with N=2^15, r=8, p=1, a 16-byte salt and a 64-byte key', async () => {
    const stored = await hashPassword('correct horse battery');
    const [scheme, n, r, p, salt, key] = stored.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64')).toHaveLength(64);
  });

  it('hashes at the cost it is given, and verifies by the cost stored with the hash', async () => {
    const cheap = await hashPassword('correct horse battery', { N: 2 ** 10, r: 8, p: 1 });
    expect(cheap.split('$').slice(0, 4)).toEqual(['scrypt', '1024', '8', '1']);
    expect(await verifyPassword('correct horse battery', cheap)).toBe(true);
    expect(await verifyPassword('correct horse batterY', cheap)).toBe(false);
    expect(await verifyAgainstDummy('correct horse battery', { N: 2 ** 10, r: 8, p: 1 })).toBe(false);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
  });

  it('salts every hash, so the same password never hashes alike', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it('refuses any password against a malformed or tampered hash', async () => {
    const stored = await hashPassword('correct horse battery');
    const parts = stored.split('$');
    const tampered = [...parts.slice(0, 5), Buffer.alloc(64).toString('base64')].join('$');
    expect(await verifyPassword('correct horse battery', tampered)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'plaintext')).toBe(false);
    expect(await verifyPassword('correct horse battery', stored.replace('$32768$', '$99999999$'))).toBe(false);
  });
});

describe('password rules', () => {
  it('accepts 10 to 200 characters and names the field otherwise', () => {
    expect(requirePassword('input.password', 'a'.repeat(10))).toBe('a'.repeat(10));
    expect(requirePassword('input.password', 'a'.repeat(200))).toBe('a'.repeat(200));
    expect(fieldOfThrown(() => requirePassword('input.password', 'a'.repeat(9)))).toBe('input.password');
    expect(fieldOfThrown(() => requirePassword('newPassword', 'a'.repeat(201)))).toBe('newPassword');
  });
});
