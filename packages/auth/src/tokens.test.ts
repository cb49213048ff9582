import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { bearerToken, createTokenVerifier, generateSigningKey, jwksOf, signAccessToken } from './tokens.js';
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

describe('roles', () => {
  // Which department may do what is the kit's policy table (POLICIES); its tests keep sales out of purchasing.
  it('let directors and admins see every record, and nobody else', () => {
    const as = (role: (typeof ROLES)[number]) => ({ ...rep, role, tokenId: 'x' });
    expect(seesEverything(as('DIRECTOR'))).toBe(true);
    expect(seesEverything(as('SALES_MANAGER'))).toBe(false);
  });
});
