import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { badInput } from '@rapport/errors';

/**
 * Password hashing with scrypt (memory-hard): N = 2^15, r = 8, p = 1, a 16-byte random salt and a
 * 64-byte key, stored self-describing as `scrypt$N$r$p$salt$hash` (salt and hash in base64) so the
 * parameters can be raised later without invalidating stored hashes.
 */
export const SCRYPT_PARAMS: PasswordHashing = { N: 2 ** 15, r: 8, p: 1 };

/**
 * The scrypt cost new hashes are made with (stored hashes are checked with their own). Production
 * always uses SCRYPT_PARAMS; the gateway's test system passes a cheaper one (identity's
 * `passwordHashing` option), since each test user costs a hash and a sign-in, ~0.1 s of CPU apiece.
 */
export interface PasswordHashing {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}
const SALT_BYTES = 16;
const KEY_BYTES = 64;
/** 128·N·r is 32 MiB at these parameters, exactly Node's default limit; leave headroom. */
const MAX_MEMORY = 256 * 1024 * 1024;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

const derive = (password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, keyLength, { ...options, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key))));

/** Enforces the password rules (10–200 characters), naming `field`; returns the password unchanged. */
export function requirePassword(field: string, value: string): string {
  if (value.length < PASSWORD_MIN_LENGTH) throw badInput(field, `${field} must be at least ${PASSWORD_MIN_LENGTH} characters`, 'PASSWORD_TOO_SHORT');
  if (value.length > PASSWORD_MAX_LENGTH) throw badInput(field, `${field} must be at most ${PASSWORD_MAX_LENGTH} characters`, 'PASSWORD_TOO_LONG');
  return value;
}

/** A new salted scrypt hash of `password`, at cost `params`. */
export async function hashPassword(password: string, params: PasswordHashing = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  options: { N: number; r: number; p: number };
  salt: Buffer;
  key: Buffer;
}

const integerIn = (text: string | undefined, min: number, max: number): number | null => {
  if (!text || !/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
};

/** Parses a stored hash; null when it is not one this code wrote (bounded, so a bad row cannot exhaust memory). */
function parseHash(stored: string): ParsedHash | null {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || !salt || !key) return null;
  const N = integerIn(n, 2, 2 ** 20);
  const blockSize = integerIn(r, 1, 32);
  const parallel = integerIn(p, 1, 16);
  if (N === null || blockSize === null || parallel === null || (N & (N - 1)) !== 0) return null;
  const saltBytes = Buffer.from(salt, 'base64');
  const keyBytes = Buffer.from(key, 'base64');
  if (saltBytes.length < 8 || keyBytes.length < 16 || keyBytes.length > 256) return null;
  return { options: { N, r: blockSize, p: parallel }, salt: saltBytes, key: keyBytes };
}

/** Whether `password` matches `stored`, compared in constant time; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.key.length, parsed.options);
  return timingSafeEqual(candidate, parsed.key);
}

const dummies = new Map<string, Promise<string>>();
/**
 * Spends the time of one verification (at the cost new hashes are made with) for a user who does not
 * exist (or has no password), so a wrong email cannot be told from a wrong password by how long the
 * answer takes.
 */
export async function verifyAgainstDummy(password: string, params: PasswordHashing = SCRYPT_PARAMS): Promise<false> {
  const cost = `${params.N}/${params.r}/${params.p}`;
  let dummy = dummies.get(cost);
  if (!dummy) {
    dummy = hashPassword(randomBytes(32).toString('base64'), params);
    dummies.set(cost, dummy);
  }
  await verifyPassword(password, await dummy);
  return false;
}
