import { generateSigningKey, signAccessToken, type SigningKey } from '@rapport/auth';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { importJWK, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityService } from '../../create-identity-service.js';
import { callWith, createUserWithPassword, signIn } from './session.fixtures.js';

let subgraph: TestSubgraph;
let user: { id: string; email: string };
/** Identity's own signing key, read from its table: lets a test sign tokens identity would otherwise accept. */
let identityKey: SigningKey;

const USERS = '{ users(first: 1) { edges { node { id } } } }';
const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (u: { id: string; email: string }) => ({ userId: u.id, email: u.email, role: 'ADMIN' as const, teamIds: [] });

const expectUnauthenticated = (result: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }): void => {
  expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(result.data ?? null).toBeNull();
};

beforeAll(async () => {
  subgraph = await startTestSubgraph('identity', createIdentityService);
  user = await createUserWithPassword(subgraph, { role: 'SALES_REP' });
  const [row] = await subgraph.service.orm.em
    .fork()
    .getConnection()
    .execute<{ kid: string; private_jwk: JWK; public_jwk: JWK }[]>('select kid, private_jwk, public_jwk from signing_key where retired_at is null');
  identityKey = { kid: row!.kid, privateKey: (await importJWK(row!.private_jwk, 'EdDSA')) as CryptoKey, publicJwk: row!.public_jwk };
});
afterAll(async () => subgraph?.stop());

describe('who may call identity', () => {
  it('refuses `users` without a token', async () => {
    const result = await callWith(subgraph, null, USERS);
    expectUnauthenticated(result);
    expect(result.errors?.[0]?.message).toMatch(/sign in first/);
  });

  it('lets any signed-in user read users and teams', async () => {
    const session = await signIn(subgraph, user.email);
    const result = await callWith<{ users: { edges: unknown[] }; teams: unknown[] }>(subgraph, session.accessToken, `{ users(first: 1) { edges { node { id } } } teams { id } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.users.edges).toHaveLength(1);
  });

  it('accepts a token signed with its own key, even one it did not issue through signIn', async () => {
    const { token } = await signAccessToken(identityKey, { ...claimsOf(user), role: 'SALES_REP' });
    const result = await callWith<{ me: { id: string } }>(subgraph, token, '{ me { id } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.me.id).toBe(user.id);
  });

  it('refuses a token signed by another key, even one claiming the same key id', async () => {
    const stranger = await generateSigningKey();
    expectUnauthenticated(await callWith(subgraph, (await signAccessToken(stranger, claimsOf(user))).token, USERS));
    const impostor = { ...(await generateSigningKey()), kid: identityKey.kid };
    expectUnauthenticated(await callWith(subgraph, (await signAccessToken(impostor, claimsOf(user))).token, USERS));
  });

  it('refuses an expired token signed with its own key', async () => {
    const { token } = await signAccessToken(identityKey, claimsOf(user), { ttlSeconds: -10 });
    const result = await callWith(subgraph, token, USERS);
    expectUnauthenticated(result);
    expect(result.errors?.[0]?.message).toMatch(/expired/);
  });

  it('refuses a token for another issuer or audience signed with its own key', async () => {
    expectUnauthenticated(await callWith(subgraph, (await signAccessToken(identityKey, claimsOf(user), { issuer: 'someone-else' })).token, USERS));
    expectUnauthenticated(await callWith(subgraph, (await signAccessToken(identityKey, claimsOf(user), { audience: 'another-app' })).token, USERS));
  });

  it('refuses an unsigned `alg: none` token naming its key', async () => {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url({ alg: 'none', typ: 'JWT', kid: identityKey.kid });
    const payload = base64url({ sub: user.id, email: user.email, role: 'ADMIN', teams: [], iss: 'rapport-identity', aud: 'rapport', iat: now, exp: now + 600 });
    expectUnauthenticated(await callWith(subgraph, `${header}.${payload}.`, USERS));
    expectUnauthenticated(await callWith(subgraph, `${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.`, USERS));
  });

  it('refuses a token whose claims were edited after signing', async () => {
    const { token } = await signAccessToken(identityKey, { ...claimsOf(user), role: 'SALES_REP' });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${header}.${base64url({ ...claims, role: 'ADMIN' })}.${signature}`;
    expectUnauthenticated(await callWith(subgraph, forged, 'mutation { createTeam(input: { name: "Forged" }) { id } }'));
  });

  it('ignores identity headers a client could set: x-user-id and x-user-role without a token are refused', async () => {
    const result = await callWith(subgraph, null, USERS, {}, { 'x-user-id': user.id, 'x-user-role': 'ADMIN', 'x-user-email': user.email });
    expectUnauthenticated(result);
  });

  it('refuses a malformed bearer token even on a public field', async () => {
    const result = await callWith(subgraph, 'not.a.token', 'mutation { signIn(input: { email: "a@rapport.example", password: "whatever it is" }) { accessToken } }');
    expectUnauthenticated(result);
  });

  it('lets anyone call signIn without a token, but nothing else in the same operation', async () => {
    const mixed = await callWith(
      subgraph,
      null,
      `mutation { signIn(input: { email: "${user.email}", password: "a long enough password" }) { accessToken } createTeam(input: { name: "Sneaky" }) { id } }`,
    );
    expectUnauthenticated(mixed);
  });
});
