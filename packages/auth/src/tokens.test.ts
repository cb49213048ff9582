import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bearerToken, cachingVerifier, createTokenVerifier, generateSigningKey, jwksOf, signAccessToken, type TokenVerifier } from './tokens.js';
import { type ROLES, seesEverything } from './principal.js';

const rep = { userId: '0191b3a0-0000-7000-8000-000000000001', email: 'rita@rapport.example', role: 'SALES_REP' as const, teamIds: ['t1'] };
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('access tokens', () => {
  it('verifies a token signed by a published key and maps its claims', async () => {
    const key = await generateSigningKey('k1');
    const verify = createTokenVerifier({ jwks: jwksOf([key]) });
    const { token } = await signAccessToken(key, rep);
    const principal = await verify(token);
    expect(principal).toMatchObject({ userId: rep.userId, email: rep.email, role: 'SALES_REP', teamIds: ['t1'] });
    expect(principal.tokenId).toMatch(/[0-9a-f-]{36}/);
  });

  it('verifies against a remote key set (made on the first token since start-up), fetched once', async () => {
    const key = await generateSigningKey('k1');
    let fetches = 0;
    const server = createServer((_req, res) => {
      fetches += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(jwksOf([key])));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const verify = createTokenVerifier({ jwks: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json` });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fetches).toBe(0);
      const { token } = await signAccessToken(key, rep);
      await expect(verify(token)).resolves.toMatchObject({ userId: rep.userId });
      const { token: another } = await signAccessToken(key, rep);
      await expect(verify(another)).resolves.toMatchObject({ userId: rep.userId });
      expect(fetches).toBe(1);
    } finally {
      server.close();
    }
  });

  it('refuses a token signed by another key', async () => {
    const verify = createTokenVerifier({ jwks: jwksOf([await generateSigningKey('k1')]) });
    const { token } = await signAccessToken(await generateSigningKey('k1'), rep);
    await expect(verify(token)).rejects.toMatchObject({ category: 'UNAUTHENTICATED' });
  });

  it('refuses an expired token and says so', async () => {
    const key = await generateSigningKey();
    const { token } = await signAccessToken(key, rep, { ttlSeconds: -60 });
    await expect(createTokenVerifier({ jwks: jwksOf([key]) })(token)).rejects.toThrow(/expired/);
  });

  it('refuses alg none and an HMAC token keyed with the public key', async () => {
    const key = await generateSigningKey('k1');
    const verify = createTokenVerifier({ jwks: jwksOf([key]) });
    const claims = { sub: rep.userId, email: rep.email, role: 'ADMIN', teams: [], iss: 'rapport-identity', aud: 'rapport', exp: Math.floor(Date.now() / 1000) + 600 };
    await expect(verify(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`)).rejects.toMatchObject({ category: 'UNAUTHENTICATED' });
    const hmac = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).sign(new TextEncoder().encode(JSON.stringify(key.publicJwk)));
    await expect(verify(hmac)).rejects.toMatchObject({ category: 'UNAUTHENTICATED' });
  });

  it('refuses a token for another audience or with an unknown role', async () => {
    const key = await generateSigningKey();
    const verify = createTokenVerifier({ jwks: jwksOf([key]) });
    const { token: foreign } = await signAccessToken(key, rep, { audience: 'someone-else' });
    await expect(verify(foreign)).rejects.toMatchObject({ category: 'UNAUTHENTICATED' });
    const odd = await new SignJWT({ email: rep.email, role: 'OVERLORD', teams: [] })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
      .setSubject(rep.userId)
      .setIssuer('rapport-identity')
      .setAudience('rapport')
      .setExpirationTime('5m')
      .sign(key.privateKey);
    await expect(verify(odd)).rejects.toThrow(/claims/);
  });

  it('maps an external OpenID Connect issuer’s claims', async () => {
    const key = await generateSigningKey();
    const token = await new SignJWT({ mail: 'ext@corp.example', rapport_role: 'ACCOUNTANT', groups: ['fin'] })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
      .setSubject('ext-user-1')
      .setIssuer('https://login.corp.example')
      .setAudience('rapport')
      .setExpirationTime('5m')
      .sign(key.privateKey);
    const verify = createTokenVerifier({
      jwks: jwksOf([key]),
      issuer: 'https://login.corp.example',
      claims: { userId: 'sub', email: 'mail', role: 'rapport_role', teams: 'groups' },
    });
    expect(await verify(token)).toMatchObject({ userId: 'ext-user-1', email: 'ext@corp.example', role: 'ACCOUNTANT', teamIds: ['fin'] });
  });

  it('reads only a well-formed bearer header', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});

describe('the cache of verified tokens', () => {
  afterEach(() => vi.useRealTimers());
  /** A verifier that accepts any token of `key`, counting how often it really verifies. */
  const counted = (inner: TokenVerifier): { verify: TokenVerifier; calls: () => number } => {
    let calls = 0;
    return {
      verify: (token) => {
        calls++;
        return inner(token);
      },
      calls: () => calls,
    };
  };

  it('verifies a token once, and answers the same principal, frozen, the next times', async () => {
    const key = await generateSigningKey('k1');
    const inner = counted(createTokenVerifier({ jwks: jwksOf([key]), cacheSize: 0 }));
    const verify = cachingVerifier(inner.verify, 10);
    const { token } = await signAccessToken(key, rep);
    const [a, b] = await Promise.all([verify(token), verify(token)]);
    const c = await verify(token);
    expect(inner.calls()).toBe(1);
    expect(c).toEqual(a);
    expect(b).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.teamIds)).toBe(true);
  });

  it('refuses a remembered token once it has expired', async () => {
    const key = await generateSigningKey('k1');
    const verify = createTokenVerifier({ jwks: jwksOf([key]) });
    const { token } = await signAccessToken(key, rep, { ttlSeconds: 60 });
    expect(await verify(token)).toMatchObject({ userId: rep.userId });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    await expect(verify(token)).rejects.toThrow(/expired/);
  });

  it('does not remember a refusal, and forgets the least recently used token beyond its size', async () => {
    const key = await generateSigningKey('k1');
    const real = createTokenVerifier({ jwks: jwksOf([key]), cacheSize: 0 });
    let refuse = true;
    const inner = counted((token) => (refuse ? Promise.reject(new Error('refused')) : real(token)));
    const verify = cachingVerifier(inner.verify, 2);
    const [t1, t2, t3] = await Promise.all([1, 2, 3].map(async () => (await signAccessToken(key, rep)).token));
    await expect(verify(t1!)).rejects.toThrow('refused');
    refuse = false;
    await verify(t1!);
    expect(inner.calls()).toBe(2);
    await verify(t2!);
    await verify(t1!); // t1 is now the most recent, t2 the least
    await verify(t3!); // evicts t2
    expect(inner.calls()).toBe(4);
    await verify(t1!);
    expect(inner.calls()).toBe(4);
    await verify(t2!);
    expect(inner.calls()).toBe(5);
  });
});

describe('roles', () => {
  // Which department may do what is the kit's policy table (POLICIES); its tests keep sales out of purchasing.
  it('let directors and admins see every record, and nobody else', () => {
    const as = (role: (typeof ROLES)[number]) => ({ ...rep, role, tokenId: 'x' });
    expect(seesEverything(as('DIRECTOR'))).toBe(true);
    expect(seesEverything(as('SALES_MANAGER'))).toBe(false);
  });
});
