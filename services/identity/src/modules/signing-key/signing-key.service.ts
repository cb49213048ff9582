import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { cachingVerifier, createTokenVerifier, DEFAULT_TOKEN_CACHE_SIZE, generateSigningKey, type SigningKey, type TokenVerifier } from '@rapport/auth';
import { decodeProtectedHeader, exportJWK, importJWK, type CryptoKey, type JSONWebKeySet } from 'jose';
import { SigningKeyRow, type ISigningKeyRow } from './signing-key.entity.js';

/**
 * Identity's signing keys in memory, loaded from `signing_key` at start: the active key signs new
 * access tokens; every key not retired verifies them and is published in the JWKS.
 */
export interface KeyRing {
  /** Loads the keys not retired, creating and storing the first one when there is none. */
  load(em: SqlEntityManager): Promise<{ created: boolean }>;
  /** The key new access tokens are signed with. */
  active(): SigningKey;
  /** The public keys not retired, as served at `/.well-known/jwks.json`. */
  jwks(): JSONWebKeySet;
  /** Whether `kid` names one of the loaded keys. */
  has(kid: string): boolean;
  /** Verifies a token against the loaded keys only, in memory. */
  verify: TokenVerifier;
}

const toSigningKey = async (row: ISigningKeyRow): Promise<SigningKey> => ({
  kid: row.kid,
  privateKey: (await importJWK(row.privateJwk, 'EdDSA')) as CryptoKey,
  publicJwk: row.publicJwk,
});

export function createKeyRing(): KeyRing {
  let keys: SigningKey[] = [];
  let verifier: TokenVerifier | undefined;
  const notLoaded = (): Error => new Error('the signing keys are not loaded yet');

  return {
    async load(em) {
      const created = await em.transactional(async (tx) => {
        // Two instances starting together on an empty table must not both create a key.
        await tx.execute("select pg_advisory_xact_lock(hashtext('identity:signing-key'))");
        if ((await tx.count(SigningKeyRow, { retiredAt: null })) > 0) return false;
        const key = await generateSigningKey();
        tx.create(SigningKeyRow, { kid: key.kid, privateJwk: await exportJWK(key.privateKey), publicJwk: key.publicJwk, retiredAt: null });
        return true;
      });
      const rows = await em.fork().find(SigningKeyRow, { retiredAt: null }, { orderBy: { createdAt: 'desc', kid: 'asc' } });
      keys = await Promise.all(rows.map(toSigningKey));
      verifier = createTokenVerifier({ jwks: { keys: keys.map((k) => k.publicJwk) } });
      return { created };
    },
    active() {
      const [newest] = keys;
      if (!newest) throw notLoaded();
      return newest;
    },
    jwks: () => ({ keys: keys.map((k) => k.publicJwk) }),
    has: (kid) => keys.some((k) => k.kid === kid),
    verify: async (token) => {
      if (!verifier) throw notLoaded();
      return verifier(token);
    },
  };
}

/** The `kid` in a token's header, or null when there is none or the token is not a JWS. */
export function tokenKid(token: string): string | null {
  try {
    return decodeProtectedHeader(token).kid ?? null;
  } catch {
    return null;
  }
}

/**
 * Identity's own verifier. Identity signs tokens, so it trusts its own keys directly, in memory
 * (asking its own JWKS URL over HTTP would be circular). A token whose `kid` names one of those
 * keys is verified against them alone; any other token goes to `fallback`, the verifier the
 * runtime config carries: from the environment that refuses everything unless an external issuer
 * is configured (see config.ts); under the test harness it trusts the harness's test key, so tests
 * can call identity both as harness principals and with tokens identity issued.
 */
export const identityVerifier = (ring: KeyRing, fallback: TokenVerifier): TokenVerifier =>
  // Remembered per token until it expires, as both verifiers it chooses between remember it: without
  // this, every request decoded the token's header again only to find the kid (the ring's keys are
  // loaded once, at start, so the choice for a token does not change). Revocations are checked by
  // the kit on each request after this (revokingVerifier).
  cachingVerifier((token) => {
    const kid = tokenKid(token);
    return kid !== null && ring.has(kid) ? ring.verify(token) : fallback(token);
  }, DEFAULT_TOKEN_CACHE_SIZE);
