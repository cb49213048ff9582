import { createTokenVerifier } from '@rapport/auth';
import { graphqlRequest, startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import type { JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDENTITY_OPTIONS, type IdentityOptions } from '../../config.js';
import { createIdentityService } from '../../create-identity-service.js';
import { ensureFirstAdmin } from '../user/user.service.js';
import { callWith, createTeam, createUserWithPassword, PASSWORD, signIn, trySignIn, tryRefresh } from './session.fixtures.js';

let subgraph: TestSubgraph;
let jwksUrl: string;

const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute(query, params);

const ME = '{ me { id email role } }';

/** A second identity instance on the test subgraph's database (no Kafka), with `options` if given. */
const secondInstance = (options: IdentityOptions = DEFAULT_IDENTITY_OPTIONS): ReturnType<typeof createIdentityService> =>
  createIdentityService(
    {
      port: 0,
      host: '127.0.0.1',
      databaseUrl: subgraph.database.url,
      kafkaBrokers: [],
      topicPrefix: subgraph.topicPrefix,
      logLevel: 'warn',
      outboxPollMs: 50,
      logger: subgraph.service.logger,
      verifier: async () => {
        throw new Error('not reached: tokens signed by identity are verified with its own keys');
      },
    },
    options,
  );

beforeAll(async () => {
  subgraph = await startTestSubgraph('identity', createIdentityService);
  jwksUrl = `${subgraph.service.url}/.well-known/jwks.json`;
});
afterAll(async () => subgraph?.stop());

describe('signing in', () => {
  it('returns an access token that verifies against /.well-known/jwks.json and carries the role and team', async () => {
    const salesId = await createTeam(subgraph, 'Sales');
    const rep = await createUserWithPassword(subgraph, { role: 'SALES_REP', teamId: salesId });
    const session = await signIn(subgraph, rep.email.toUpperCase());

    const response = await fetch(jwksUrl);
    expect(response.status).toBe(200);
    const jwks = (await response.json()) as JSONWebKeySet;
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');

    const principal = await createTokenVerifier({ jwks })(session.accessToken);
    expect(principal).toMatchObject({ userId: rep.id, email: rep.email, role: 'SALES_REP', teamIds: [salesId] });
    expect(session.user).toEqual({ id: rep.id, email: rep.email, role: 'SALES_REP' });
    const ttl = Date.parse(session.accessTokenExpiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
    const refreshTtl = Date.parse(session.refreshTokenExpiresAt) - Date.now();
    expect(refreshTtl).toBeGreaterThan(29 * 24 * 3_600_000);
    expect(session.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('gives a sales manager the team and every team below it, and others only their own team', async () => {
    const north = await createTeam(subgraph, 'North');
    const northEast = await createTeam(subgraph, 'North East', north);
    const northEastCity = await createTeam(subgraph, 'North East City', northEast);
    const south = await createTeam(subgraph, 'South');
    const verify = createTokenVerifier({ jwks: jwksUrl });

    const manager = await createUserWithPassword(subgraph, { role: 'SALES_MANAGER', teamId: north });
    const managerTeams = (await verify((await signIn(subgraph, manager.email)).accessToken)).teamIds;
    expect([...managerTeams].sort()).toEqual([north, northEast, northEastCity].sort());
    expect(managerTeams[0]).toBe(north);
    expect(managerTeams).not.toContain(south);

    const director = await createUserWithPassword(subgraph, { role: 'DIRECTOR', teamId: north });
    expect((await verify((await signIn(subgraph, director.email)).accessToken)).teamIds).toEqual([north]);
    const loner = await createUserWithPassword(subgraph, { role: 'BUYER' });
    expect((await verify((await signIn(subgraph, loner.email)).accessToken)).teamIds).toEqual([]);
  });

  it('lets the signed-in user call identity with the token, e.g. `me`', async () => {
    const user = await createUserWithPassword(subgraph, { role: 'ACCOUNTANT' });
    const session = await signIn(subgraph, user.email);
    const me = await callWith<{ me: { id: string; email: string; role: string } }>(subgraph, session.accessToken, ME);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toEqual({ id: user.id, email: user.email, role: 'ACCOUNTANT' });
  });

  it('answers a wrong password and an unknown email with the same error', async () => {
    const user = await createUserWithPassword(subgraph);
    const wrongPassword = await trySignIn(subgraph, user.email, 'not the right password');
    const unknownEmail = await trySignIn(subgraph, 'nobody.here@rapport.example', PASSWORD);
    expect(wrongPassword.data).toBeNull();
    expect(wrongPassword.errors).toHaveLength(1);
    expect(wrongPassword.errors?.[0]).toMatchObject({ message: 'email or password is wrong', extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' } });
    expect(unknownEmail.errors).toEqual(wrongPassword.errors);
  });

  it('refuses a user without a password, and a deactivated user, to sign in', async () => {
    const passwordless = await createUserWithPassword(subgraph, { password: null });
    const noPassword = await trySignIn(subgraph, passwordless.email, PASSWORD);
    expect(noPassword.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });

    const leaver = await createUserWithPassword(subgraph);
    const session = await signIn(subgraph, leaver.email);
    const deactivated = await subgraph.gql(`mutation { deactivateUser(id: "${leaver.id}") { active } }`);
    expect(deactivated.errors).toBeUndefined();
    const refused = await trySignIn(subgraph, leaver.email, PASSWORD);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_DISABLED' });
    const refreshed = await tryRefresh(subgraph, session.refreshToken);
    expect(refreshed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a blank email or password as BAD_USER_INPUT naming the field', async () => {
    const blankEmail = await trySignIn(subgraph, '  ', PASSWORD);
    expect(blankEmail.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const blankPassword = await trySignIn(subgraph, 'someone@rapport.example', '');
    expect(blankPassword.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
  });
});

describe('lockout', () => {
  it('locks the account for 15 minutes after 5 wrong passwords; the right password is refused while locked', async () => {
    const user = await createUserWithPassword(subgraph);
    const reasons: unknown[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) reasons.push((await trySignIn(subgraph, user.email, `wrong password ${attempt}`)).errors?.[0]?.extensions?.reason);
    expect(reasons).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);

    const sixth = await trySignIn(subgraph, user.email, PASSWORD);
    expect(sixth.data).toBeNull();
    expect(sixth.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_LOCKED' });
    const [row] = await sql<{ minutes: number }>('select extract(epoch from locked_until - now()) / 60 as minutes from app_user where id = ?', [user.id]);
    expect(Number(row!.minutes)).toBeGreaterThan(14);
    expect(Number(row!.minutes)).toBeLessThanOrEqual(15);

    // Once the lock has passed, the right password works again.
    await sql("update app_user set locked_until = now() - interval '1 second' where id = ?", [user.id]);
    await signIn(subgraph, user.email);
  });

  it('resets the count of wrong passwords on a successful sign-in', async () => {
    const user = await createUserWithPassword(subgraph);
    for (let attempt = 1; attempt <= 4; attempt++) await trySignIn(subgraph, user.email, 'wrong password!');
    await signIn(subgraph, user.email);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await trySignIn(subgraph, user.email, 'wrong password!')).errors?.[0]?.extensions?.reason).toBe('INVALID_CREDENTIALS');
    }
    await signIn(subgraph, user.email);
  });

  it('unlocks an account when an administrator resets its password', async () => {
    const user = await createUserWithPassword(subgraph);
    for (let attempt = 1; attempt <= 5; attempt++) await trySignIn(subgraph, user.email, 'wrong password!');
    expect((await trySignIn(subgraph, user.email, PASSWORD)).errors?.[0]?.extensions?.reason).toBe('ACCOUNT_LOCKED');
    const reset = await subgraph.gql(`mutation { resetPassword(id: "${user.id}", newPassword: "a brand new password") }`);
    expect(reset.errors).toBeUndefined();
    await signIn(subgraph, user.email, 'a brand new password');
  });
});

describe('refreshing', () => {
  it('rotates the refresh token: the new session works and the old refresh token is refused', async () => {
    const user = await createUserWithPassword(subgraph, { role: 'SUPPORT_AGENT' });
    const first = await signIn(subgraph, user.email);
    const refreshed = await tryRefresh(subgraph, first.refreshToken);
    expect(refreshed.errors).toBeUndefined();
    const second = refreshed.data!.refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.user).toEqual({ id: user.id, email: user.email, role: 'SUPPORT_AGENT' });
    expect((await callWith<{ me: { id: string } }>(subgraph, second.accessToken, ME)).data?.me.id).toBe(user.id);

    const [old] = await sql<{ revoked: boolean; replaced_by: string | null }>(
      'select revoked_at is not null as revoked, replaced_by from refresh_token where user_id = ? order by created_at limit 1',
      [user.id],
    );
    expect(old!.revoked).toBe(true);
    expect(old!.replaced_by).not.toBeNull();
  });

  it('treats a used refresh token presented again as theft: refuses it and revokes the token that replaced it', async () => {
    const user = await createUserWithPassword(subgraph);
    const first = await signIn(subgraph, user.email);
    const second = (await tryRefresh(subgraph, first.refreshToken)).data!.refreshSession;
    const third = (await tryRefresh(subgraph, second.refreshToken)).data!.refreshSession;

    const replay = await tryRefresh(subgraph, first.refreshToken);
    expect(replay.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REFRESH_TOKEN_REVOKED' });
    const afterReplay = await tryRefresh(subgraph, third.refreshToken);
    expect(afterReplay.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const [active] = await sql<{ n: number }>('select count(*)::int as n from refresh_token where user_id = ? and revoked_at is null', [user.id]);
    expect(active!.n).toBe(0);
  });

  it('lets only one of two simultaneous refreshes with the same token win', async () => {
    const user = await createUserWithPassword(subgraph);
    const session = await signIn(subgraph, user.email);
    const results = await Promise.all([tryRefresh(subgraph, session.refreshToken), tryRefresh(subgraph, session.refreshToken)]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED')).toHaveLength(1);
  });

  it('refuses an unknown refresh token and one that has expired', async () => {
    const unknown = await tryRefresh(subgraph, 'bm90IGEgcmVhbCByZWZyZXNoIHRva2VuIGF0IGFsbA');
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_REFRESH_TOKEN' });
    const user = await createUserWithPassword(subgraph);
    const session = await signIn(subgraph, user.email);
    await sql("update refresh_token set expires_at = now() - interval '1 second' where user_id = ?", [user.id]);
    const expired = await tryRefresh(subgraph, session.refreshToken);
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REFRESH_TOKEN_EXPIRED' });
  });

  it('stores refresh tokens only as SHA-256 hashes', async () => {
    const user = await createUserWithPassword(subgraph);
    const session = await signIn(subgraph, user.email);
    const rows = await sql<{ token_hash: string }>('select token_hash from refresh_token where user_id = ?', [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(session.refreshToken);
  });
});

describe('signing out', () => {
  const SIGN_OUT = 'mutation($token: String!) { signOut(refreshToken: $token) }';

  it('revokes the refresh token, so it can no longer be refreshed', async () => {
    const user = await createUserWithPassword(subgraph);
    const session = await signIn(subgraph, user.email);
    const result = await callWith<{ signOut: boolean }>(subgraph, session.accessToken, SIGN_OUT, { token: session.refreshToken });
    expect(result.errors).toBeUndefined();
    expect(result.data!.signOut).toBe(true);
    expect((await tryRefresh(subgraph, session.refreshToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("refuses to sign out someone else's session, or without an access token", async () => {
    const owner = await createUserWithPassword(subgraph);
    const other = await createUserWithPassword(subgraph);
    const ownerSession = await signIn(subgraph, owner.email);
    const otherSession = await signIn(subgraph, other.email);
    const foreign = await callWith(subgraph, otherSession.accessToken, SIGN_OUT, { token: ownerSession.refreshToken });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_SESSION' });
    const anonymous = await callWith(subgraph, null, SIGN_OUT, { token: ownerSession.refreshToken });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const unknown = await callWith(subgraph, otherSession.accessToken, SIGN_OUT, { token: 'no-such-token' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'refreshToken' });
    expect((await tryRefresh(subgraph, ownerSession.refreshToken)).errors).toBeUndefined();
  });
});

describe('changing the password', () => {
  const CHANGE = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }';

  it('changes it after checking the current one and signs every session out', async () => {
    const user = await createUserWithPassword(subgraph);
    const session = await signIn(subgraph, user.email);
    const other = await signIn(subgraph, user.email);
    const result = await callWith<{ changePassword: boolean }>(subgraph, session.accessToken, CHANGE, {
      input: { currentPassword: PASSWORD, newPassword: 'my new secret password' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.changePassword).toBe(true);

    expect((await trySignIn(subgraph, user.email, PASSWORD)).errors?.[0]?.extensions?.reason).toBe('INVALID_CREDENTIALS');
    await signIn(subgraph, user.email, 'my new secret password');
    expect((await tryRefresh(subgraph, session.refreshToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await tryRefresh(subgraph, other.refreshToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong current password as UNAUTHENTICATED and a short new one naming the field, changing nothing', async () => {
    const user = await createUserWithPassword(subgraph);
    const session = await signIn(subgraph, user.email);
    const wrong = await callWith(subgraph, session.accessToken, CHANGE, { input: { currentPassword: 'not my password', newPassword: 'my new secret password' } });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
    const short = await callWith(subgraph, session.accessToken, CHANGE, { input: { currentPassword: PASSWORD, newPassword: 'short' } });
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.newPassword' });
    const same = await callWith(subgraph, session.accessToken, CHANGE, { input: { currentPassword: PASSWORD, newPassword: PASSWORD } });
    expect(same.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.newPassword' });
    await signIn(subgraph, user.email, PASSWORD);
    expect((await tryRefresh(subgraph, session.refreshToken)).errors).toBeUndefined();
  });
});

describe('the first administrator and the signing key', () => {
  it('creates the first administrator from the configuration, who may then create users', async () => {
    const admin = await signIn(subgraph, DEFAULT_IDENTITY_OPTIONS.adminEmail, DEFAULT_IDENTITY_OPTIONS.adminPassword);
    expect(admin.user.role).toBe('ADMIN');
    const created = await callWith<{ createUser: { email: string } }>(subgraph, admin.accessToken, 'mutation($input: CreateUserInput!) { createUser(input: $input) { email } }', {
      input: { email: 'made.by.admin@rapport.example', displayName: 'Made By Admin', role: 'SALES_REP', password: PASSWORD },
    });
    expect(created.errors).toBeUndefined();
    await signIn(subgraph, 'made.by.admin@rapport.example');
  });

  it('does not create another administrator once one exists', async () => {
    const again = await ensureFirstAdmin(subgraph.service.orm.em.fork(), { email: 'second.admin@rapport.example', password: PASSWORD });
    expect(again).toBeNull();
    const [admins] = await sql<{ n: number }>("select count(*)::int as n from app_user where role = 'ADMIN'");
    expect(admins!.n).toBe(1);
  });

  it('hashes new passwords at the cost its passwordHashing option gives (a test system asks for less; the default stays N=2^15), and checks each stored hash at its own', async () => {
    const cheap = secondInstance({ ...DEFAULT_IDENTITY_OPTIONS, passwordHashing: { N: 2 ** 10, r: 8, p: 1 } });
    await cheap.start();
    try {
      const admin = await signIn(subgraph, DEFAULT_IDENTITY_OPTIONS.adminEmail, DEFAULT_IDENTITY_OPTIONS.adminPassword);
      const created = await graphqlRequest<{ createUser: { id: string } }>(
        `${cheap.url}/graphql`,
        'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
        { input: { email: 'cheap.hash@rapport.example', displayName: 'Cheap Hash', role: 'SALES_REP', password: PASSWORD } },
        { authorization: `Bearer ${admin.accessToken}` },
      );
      expect(created.errors).toBeUndefined();
      const [cheapRow] = await sql<{ password_hash: string }>('select password_hash from app_user where id = ?', [created.data!.createUser.id]);
      expect(cheapRow!.password_hash).toMatch(/^scrypt\$1024\$8\$1\$/);
      // The default instance signs the cheaply hashed user in, by the parameters stored with the hash.
      await signIn(subgraph, 'cheap.hash@rapport.example');
      const signedIn = await graphqlRequest<{ signIn: { accessToken: string } }>(`${cheap.url}/graphql`, 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', {
        i: { email: 'cheap.hash@rapport.example', password: PASSWORD },
      });
      expect(signedIn.errors).toBeUndefined();
      const byDefault = await createUserWithPassword(subgraph);
      const [defaultRow] = await sql<{ password_hash: string }>('select password_hash from app_user where id = ?', [byDefault.id]);
      expect(defaultRow!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    } finally {
      await cheap.stop();
    }
  });

  it('keeps its signing key across restarts: a second instance on the same database accepts the first one’s tokens', async () => {
    const user = await createUserWithPassword(subgraph);
    const session = await signIn(subgraph, user.email);
    const second = secondInstance();
    await second.start();
    try {
      const firstJwks = await (await fetch(jwksUrl)).json();
      const secondJwks = await (await fetch(`${second.url}/.well-known/jwks.json`)).json();
      expect(secondJwks).toEqual(firstJwks);
      const me = await graphqlRequest<{ me: { id: string } }>(`${second.url}/graphql`, ME, {}, { authorization: `Bearer ${session.accessToken}` });
      expect(me.errors).toBeUndefined();
      expect(me.data!.me.id).toBe(user.id);
    } finally {
      await second.stop();
    }
    const [keys] = await sql<{ n: number }>('select count(*)::int as n from signing_key');
    expect(keys!.n).toBe(1);
  });
});
