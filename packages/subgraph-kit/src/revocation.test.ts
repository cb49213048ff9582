import { createTokenVerifier, generateSigningKey, jwksOf, signAccessToken, type Principal } from '@rapport/auth';
import { describe, expect, it } from 'vitest';
import { RevocationList, revokingVerifier } from './revocation.js';

const principal = (overrides: Partial<Principal> = {}): Principal => ({
  userId: 'u1',
  email: 'u1@rapport.example',
  role: 'SALES_REP',
  teamIds: [],
  tokenId: 'jti-1',
  issuedAt: 1_000,
  ...overrides,
});
const inAMinute = (): Date => new Date(Date.now() + 60_000);

describe('the deny list of revoked access tokens', () => {
  it('refuses a token revoked by id, and no other token of the user', () => {
    const list = new RevocationList();
    list.add({ id: 'e1', userId: 'u1', tokenIds: ['jti-1'], issuedBefore: null, expiresAt: inAMinute() });
    expect(list.isRevoked(principal())).toBe(true);
    expect(list.isRevoked(principal({ tokenId: 'jti-2' }))).toBe(false);
    expect(list.isRevoked(principal({ userId: 'u2' }))).toBe(false);
  });

  it('refuses every token of the user issued up to the instant, in whole seconds, and a token without iat', () => {
    const list = new RevocationList();
    list.add({ id: 'e1', userId: 'u1', tokenIds: [], issuedBefore: new Date(1_000_500), expiresAt: inAMinute() });
    expect(list.isRevoked(principal({ issuedAt: 999 }))).toBe(true);
    expect(list.isRevoked(principal({ issuedAt: 1_000 }))).toBe(true);
    expect(list.isRevoked(principal({ issuedAt: 1_001 }))).toBe(false);
    const { issuedAt: _, ...withoutIat } = principal();
    expect(list.isRevoked(withoutIat)).toBe(true);
  });

  it('forgets entries once every token they name has expired', () => {
    const list = new RevocationList();
    list.add({ id: 'e1', userId: 'u1', tokenIds: ['jti-1'], issuedBefore: null, expiresAt: new Date(Date.now() + 1_000) });
    list.add({ id: 'e1', userId: 'u1', tokenIds: ['jti-1'], issuedBefore: null, expiresAt: new Date(Date.now() + 1_000) });
    expect(list.prune()).toBe(1);
    expect(list.isRevoked(principal(), Date.now() + 2_000)).toBe(false);
    expect(list.prune()).toBe(0);
    list.add({ id: 'e2', userId: 'u1', tokenIds: ['jti-1'], issuedBefore: null, expiresAt: new Date(Date.now() - 1) });
    expect(list.isRevoked(principal())).toBe(false);
  });

  it('refuses a revoked token even after the verifier has remembered it as valid', async () => {
    const key = await generateSigningKey('k1');
    const list = new RevocationList();
    const verify = revokingVerifier(createTokenVerifier({ jwks: jwksOf([key]) }), list);
    const { token } = await signAccessToken(key, { userId: 'u1', email: 'u1@rapport.example', role: 'SALES_REP', teamIds: [] });
    const first = await verify(token);
    expect(await verify(token)).toEqual(first);
    list.add({ id: 'e1', userId: 'u1', tokenIds: [first.tokenId], issuedBefore: null, expiresAt: inAMinute() });
    await expect(verify(token)).rejects.toMatchObject({ code: 'TOKEN_REVOKED' });
  });
});
