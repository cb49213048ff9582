import { randomUUID } from 'node:crypto';
import { AppError, BoundedMap } from '@rapport/errors';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { isRole, type Principal } from './principal.js';

/** The only algorithms accepted; `none` and HMAC never are. */
export const ACCEPTED_ALGORITHMS = ['EdDSA', 'ES256', 'RS256'];
export const DEFAULT_ISSUER = 'rapport-identity';
export const DEFAULT_AUDIENCE = 'rapport';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** A new Ed25519 signing key with its public JWK. */
export async function generateSigningKey(kid: string = randomUUID()): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  return { kid, privateKey, publicJwk };
}

export const jwksOf = (keys: SigningKey[]): JSONWebKeySet => ({ keys: keys.map((k) => k.publicJwk) });

export interface AccessTokenOptions {
  issuer?: string;
  audience?: string;
  ttlSeconds?: number;
}

/** Signs a short-lived access token for `principal` (identity is the only signer). */
export async function signAccessToken(key: SigningKey, principal: Omit<Principal, 'tokenId'>, options: AccessTokenOptions = {}): Promise<{ token: string; expiresAt: Date }> {
  const ttl = options.ttlSeconds ?? 900;
  const expiresAt = new Date(Date.now() + ttl * 1000);
  const token = await new SignJWT({ email: principal.email, role: principal.role, teams: [...principal.teamIds] })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
    .setSubject(principal.userId)
    .setIssuer(options.issuer ?? DEFAULT_ISSUER)
    .setAudience(options.audience ?? DEFAULT_AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key.privateKey);
  return { token, expiresAt };
}

/** Where each Principal field is read from in the token; lets an external OIDC issuer's claims map in. */
export interface ClaimsMap {
  userId: string;
  email: string;
  role: string;
  teams: string;
}

export const RAPPORT_CLAIMS: ClaimsMap = { userId: 'sub', email: 'email', role: 'role', teams: 'teams' };

export interface VerifierOptions {
  /** A JWKS URL (identity's `/.well-known/jwks.json` or an OIDC issuer's), or a key set in memory. */
  jwks: string | JSONWebKeySet;
  issuer?: string;
  audience?: string;
  claims?: ClaimsMap;
  /**
   * How many verified tokens to remember (each until its `exp`), so a token presented again is not
   * verified again; 0 remembers none. Default 10,000. Revocation is not affected: the kit's
   * `revokingVerifier` wraps this one and checks the deny list on every call.
   */
  cacheSize?: number;
}

export type TokenVerifier = (token: string) => Promise<Principal>;

const unauthenticated = (message: string): AppError => new AppError('UNAUTHENTICATED', 'INVALID_TOKEN', message);

/**
 * Verifies a bearer token's signature (only against the issuer's published keys, only with the
 * accepted algorithms), issuer, audience and expiry, and maps its claims to a Principal.
 * Anything wrong is UNAUTHENTICATED, without saying which check failed beyond a short reason.
 */
export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  return cachingVerifier(uncachedVerifier(options), options.cacheSize ?? DEFAULT_TOKEN_CACHE_SIZE);
}

export const DEFAULT_TOKEN_CACHE_SIZE = 10_000;

/**
 * `verifier`, remembering each token it accepted until the token's `exp` (at most `size` tokens; the
 * least recently used goes first). Concurrent calls with one token share one verification; refusals
 * are not remembered. Every request of a federated query carries the same token to the gateway and
 * each subgraph, so this saves one signature check per request after the first.
 */
export function cachingVerifier(verifier: TokenVerifier, size: number): TokenVerifier {
  if (size <= 0) return verifier;
  // Least recently used out first.
  const accepted = new BoundedMap<string, { principal: Promise<Principal>; expiresAtMs: number }>(size);
  return (token) => {
    const now = Date.now();
    const hit = accepted.use(token);
    if (hit && hit.expiresAtMs > now) return hit.principal;
    if (hit) accepted.delete(token);
    const expiresAtMs = expiryMs(token);
    // Frozen: one principal now serves many requests, so none may change it for the others.
    const principal = verifier(token).then((p) => Object.freeze({ ...p, teamIds: Object.freeze([...p.teamIds]) }) as Principal);
    if (expiresAtMs === null || expiresAtMs <= now) return principal;
    const entry = { principal, expiresAtMs };
    accepted.set(token, entry);
    principal.catch(() => {
      if (accepted.get(token) === entry) accepted.delete(token);
    });
    return principal;
  };
}

/** The token's `exp` in ms, read without verifying (only used to bound a cache entry of a token that then verifies); null if unreadable. */
function expiryMs(token: string): number | null {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * The key set at `url`, made on the first token to verify: jose's remote key set builds its fetch
 * `Headers` when made, which loads Node's internal undici (~0.1 s of a subgraph's start-up, which
 * verifies nothing until a request comes). The first token's verification fetches the keys anyway.
 */
function remoteKeysOnFirstUse(url: URL): JWTVerifyGetKey {
  let remote: JWTVerifyGetKey | undefined;
  return (header, token) => {
    remote ??= createRemoteJWKSet(url, { cooldownDuration: 5000 });
    return remote(header, token);
  };
}

function uncachedVerifier(options: VerifierOptions): TokenVerifier {
  const keys: JWTVerifyGetKey = typeof options.jwks === 'string' ? remoteKeysOnFirstUse(new URL(options.jwks)) : createLocalJWKSet(options.jwks);
  const claims = options.claims ?? RAPPORT_CLAIMS;
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ACCEPTED_ALGORITHMS,
        issuer: options.issuer ?? DEFAULT_ISSUER,
        audience: options.audience ?? DEFAULT_AUDIENCE,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw unauthenticated(code === 'ERR_JWT_EXPIRED' ? 'the access token has expired' : 'the access token is not valid');
    }
    const userId = payload[claims.userId];
    const email = payload[claims.email];
    const role = payload[claims.role];
    const teams = payload[claims.teams] ?? [];
    if (typeof userId !== 'string' || typeof email !== 'string' || !isRole(role) || !Array.isArray(teams) || !teams.every((t) => typeof t === 'string')) {
      throw unauthenticated('the access token lacks the claims Rapport needs');
    }
    return {
      userId,
      email,
      role,
      teamIds: teams,
      tokenId: typeof payload.jti === 'string' ? payload.jti : '',
      ...(typeof payload.iat === 'number' ? { issuedAt: payload.iat } : {}),
    };
  };
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}
