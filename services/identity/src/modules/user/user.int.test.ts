import { leanAndHydrated, startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { User } from './user.entity.js';
import { usersByIds } from './user.loaders.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityService } from '../../create-identity-service.js';

let subgraph: TestSubgraph;
let salesTeamId: string;
const unknownId = '0191b3a0-0000-7000-8000-000000000999';

const createUser = `mutation Create($input: CreateUserInput!) {
  createUser(input: $input) { id email displayName role active team { id name } createdAt }
}`;

let sequence = 0;
const userFactory = (overrides: Record<string, unknown> = {}) => ({
  email: `user${++sequence}@rapport.example`,
  displayName: `User ${sequence}`,
  role: 'SALES_REP',
  ...overrides,
});

const countUsers = async (): Promise<unknown> => subgraph.service.orm.em.fork().getConnection().execute('select count(*)::int as n from app_user');

beforeAll(async () => {
  subgraph = await startTestSubgraph('identity', createIdentityService);
  const team = await subgraph.gql<{ createTeam: { id: string } }>('mutation { createTeam(input: { name: "Sales North" }) { id } }');
  salesTeamId = team.data!.createTeam.id;
});
afterAll(async () => subgraph?.stop());

describe('identity users', () => {
  it('reads users as plain rows (references by id) holding exactly what hydrated entities hold, the lazy password hash left out', async () => {
    await subgraph.gql(createUser, { input: userFactory({ teamId: salesTeamId }) });
    const { lean, hydrated } = await leanAndHydrated(subgraph.service.orm.em.fork(), (em) =>
      em
        .createQueryBuilder(User, 'u')
        .select(
          em
            .getMetadata(User)
            .props.filter((prop) => !prop.lazy)
            .map((prop) => prop.name),
        )
        .orderBy({ id: 'asc' }),
    );
    expect(lean.length).toBeGreaterThan(0);
    expect(lean).toEqual(hydrated);
    expect(lean.every((user) => user.passwordHash === undefined)).toBe(true);
    // The loader's prepared select (`usersByIds`) gives the same rows.
    const ids = hydrated.map((user) => user.id as string);
    const rows = await usersByIds(subgraph.service.orm.em.fork(), ids);
    expect([...rows].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(hydrated);
    expect(await usersByIds(subgraph.service.orm.em.fork(), ids.slice(0, 1))).toEqual(hydrated.slice(0, 1));
  });

  it('creates an active user in a team with the email lower-cased', async () => {
    const result = await subgraph.gql<{ createUser: { id: string; email: string; role: string; active: boolean; team: { id: string; name: string } } }>(createUser, {
      input: userFactory({ email: '  Anna.Rep@Rapport.Example ', displayName: 'Anna Rep', teamId: salesTeamId }),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createUser).toMatchObject({
      email: 'anna.rep@rapport.example',
      role: 'SALES_REP',
      active: true,
      team: { id: salesTeamId, name: 'Sales North' },
    });
    const fetched = await subgraph.gql<{ user: { displayName: string; createdAt: string } }>(`{ user(id: "${result.data!.createUser.id}") { displayName createdAt } }`);
    expect(fetched.data!.user.displayName).toBe('Anna Rep');
    expect(new Date(fetched.data!.user.createdAt).toISOString()).toBe(fetched.data!.user.createdAt);
  });

  it('rejects an email already taken, whatever its case, as CONFLICT on input.email and writes nothing', async () => {
    await subgraph.gql(createUser, { input: userFactory({ email: 'taken@rapport.example' }) });
    const before = await countUsers();
    const result = await subgraph.gql(createUser, { input: userFactory({ email: 'TAKEN@rapport.example' }) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
    expect(await countUsers()).toEqual(before);
  });

  it('answers an unknown team with NOT_FOUND naming input.teamId and writes nothing', async () => {
    const before = await countUsers();
    const result = await subgraph.gql(createUser, { input: userFactory({ teamId: unknownId }) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.teamId' });
    expect(await countUsers()).toEqual(before);
  });

  it('rejects a malformed email, a blank display name and a malformed team id, naming each field', async () => {
    const badEmail = await subgraph.gql(createUser, { input: userFactory({ email: 'nope' }) });
    expect(badEmail.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const blankEmail = await subgraph.gql(createUser, { input: userFactory({ email: '  ' }) });
    expect(blankEmail.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const blankName = await subgraph.gql(createUser, { input: userFactory({ displayName: ' ' }) });
    expect(blankName.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.displayName' });
    const badTeam = await subgraph.gql(createUser, { input: userFactory({ teamId: 'sales' }) });
    expect(badTeam.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.teamId' });
    const badRole = await subgraph.gql(createUser, { input: userFactory({ role: 'CEO' }) });
    expect(badRole.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers an unknown user id with NOT_FOUND and a malformed one with BAD_USER_INPUT', async () => {
    const unknown = await subgraph.gql(`{ user(id: "${unknownId}") { id } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await subgraph.gql('{ user(id: "42") { id } }');
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('pages users by cursor in display-name order, filtered by role, team and search', async () => {
    const buyers = await subgraph.gql<{ createTeam: { id: string } }>('mutation { createTeam(input: { name: "Buying" }) { id } }');
    const buyingTeamId = buyers.data!.createTeam.id;
    for (const displayName of ['Zoe Buyer', 'Bea Buyer', 'Cara Buyer']) {
      await subgraph.gql(createUser, { input: userFactory({ displayName, role: 'BUYER', teamId: buyingTeamId }) });
    }
    await subgraph.gql(createUser, { input: userFactory({ displayName: 'Abe Accountant', role: 'ACCOUNTANT', teamId: buyingTeamId }) });
    const page = `query Page($after: String) { users(filter: { role: BUYER, teamId: "${buyingTeamId}" }, first: 2, after: $after) {
      edges { node { displayName } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { users: { edges: { node: { displayName: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const one = await subgraph.gql<Page>(page);
    expect(one.data!.users.edges.map((e) => e.node.displayName)).toEqual(['Bea Buyer', 'Cara Buyer']);
    expect(one.data!.users.pageInfo.hasNextPage).toBe(true);
    const two = await subgraph.gql<Page>(page, { after: one.data!.users.pageInfo.endCursor });
    expect(two.data!.users.edges.map((e) => e.node.displayName)).toEqual(['Zoe Buyer']);
    expect(two.data!.users.pageInfo.hasNextPage).toBe(false);

    const search = await subgraph.gql<Page>('{ users(filter: { search: "cara" }) { edges { node { displayName } } pageInfo { hasNextPage endCursor } } }');
    expect(search.data!.users.edges.map((e) => e.node.displayName)).toEqual(['Cara Buyer']);
    const bad = await subgraph.gql<Page>(page, { after: 'garbage' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const tooMany = await subgraph.gql('{ users(first: 101) { edges { cursor } } }');
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('resolves N User references, and their teams, with one SQL query each (_entities batches)', async () => {
    const list = await subgraph.gql<{ users: { edges: { node: { id: string } }[] } }>('{ users(first: 10) { edges { node { id } } } }');
    const ids = list.data!.users.edges.map((e) => e.node.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    subgraph.resetQueries();
    const result = await subgraph.gql<{ _entities: ({ id: string; email: string; team: { name: string } | null } | null)[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email team { name } } } }',
      { r: [...ids, unknownId].map((id) => ({ __typename: 'User', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.slice(0, ids.length).map((u) => u?.id)).toEqual(ids);
    expect(result.data!._entities.at(-1)).toBeNull();
    expect(subgraph.queries.filter((q) => /from "app_user"/.test(q))).toHaveLength(1);
    expect(subgraph.queries.filter((q) => /from "team"/.test(q))).toHaveLength(1);
  });
});

describe('identity user administration', () => {
  const rep = { role: 'SALES_REP' as const, userId: '0191b3a0-0000-7000-8000-0000000000a1', email: 'rep@rapport.example', teamIds: [] };
  const readUser = async (id: string) => (await subgraph.gql<{ user: { role: string; active: boolean } }>(`{ user(id: "${id}") { role active } }`)).data!.user;
  const lockedState = async (id: string) =>
    (await subgraph.service.orm.em.fork().getConnection().execute('select failed_sign_ins, locked_until, password_hash from app_user where id = ?', [id]))[0] as {
      failed_sign_ins: number;
      locked_until: Date | null;
      password_hash: string | null;
    };

  it('refuses createUser, setUserRole, deactivateUser and resetPassword to a non-admin with FORBIDDEN, writing nothing', async () => {
    const target = (await subgraph.gql<{ createUser: { id: string } }>(createUser, { input: userFactory() })).data!.createUser.id;
    const before = await countUsers();
    const attempts = [
      await subgraph.gqlAs(rep, createUser, { input: userFactory() }),
      await subgraph.gqlAs(rep, `mutation { setUserRole(id: "${target}", role: ADMIN) { id } }`),
      await subgraph.gqlAs(rep, `mutation { deactivateUser(id: "${target}") { id } }`),
      await subgraph.gqlAs(rep, `mutation { resetPassword(id: "${target}", newPassword: "a password of mine") }`),
    ];
    for (const attempt of attempts) expect(attempt.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ADMIN_ONLY' });
    expect(await countUsers()).toEqual(before);
    expect(await readUser(target)).toEqual({ role: 'SALES_REP', active: true });
    expect((await lockedState(target)).password_hash).toBeNull();
  });

  it('lets a non-admin read users and teams', async () => {
    const users = await subgraph.gqlAs<{ users: { edges: unknown[] } }>(rep, '{ users(first: 2) { edges { node { id } } } teams { id } }');
    expect(users.errors).toBeUndefined();
    expect(users.data!.users.edges.length).toBeGreaterThan(0);
  });

  it('creates a user with a password stored only as a scrypt hash, and rejects a password outside 10–200 characters naming the field', async () => {
    const created = await subgraph.gql<{ createUser: { id: string } }>(createUser, { input: userFactory({ password: 'ten chars!' }) });
    expect(created.errors).toBeUndefined();
    expect((await lockedState(created.data!.createUser.id)).password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    const before = await countUsers();
    const short = await subgraph.gql(createUser, { input: userFactory({ password: 'nine char' }) });
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    const long = await subgraph.gql(createUser, { input: userFactory({ password: 'x'.repeat(201) }) });
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    expect(await countUsers()).toEqual(before);
  });

  it('lets an admin change a role, deactivate a user and reset a password', async () => {
    const id = (await subgraph.gql<{ createUser: { id: string } }>(createUser, { input: userFactory() })).data!.createUser.id;
    const promoted = await subgraph.gql<{ setUserRole: { role: string } }>(`mutation { setUserRole(id: "${id}", role: SALES_MANAGER) { role } }`);
    expect(promoted.errors).toBeUndefined();
    expect(promoted.data!.setUserRole.role).toBe('SALES_MANAGER');
    const reset = await subgraph.gql<{ resetPassword: boolean }>(`mutation { resetPassword(id: "${id}", newPassword: "an admin-set password") }`);
    expect(reset.data?.resetPassword).toBe(true);
    expect((await lockedState(id)).password_hash).toMatch(/^scrypt\$/);
    const deactivated = await subgraph.gql<{ deactivateUser: { active: boolean } }>(`mutation { deactivateUser(id: "${id}") { active } }`);
    expect(deactivated.data?.deactivateUser.active).toBe(false);
    expect(await readUser(id)).toEqual({ role: 'SALES_MANAGER', active: false });
  });

  it('answers unknown or malformed ids, a bad role and a short password with the field named', async () => {
    const unknown = await subgraph.gql(`mutation { deactivateUser(id: "${unknownId}") { id } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await subgraph.gql('mutation { setUserRole(id: "42", role: BUYER) { id } }');
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const badRole = await subgraph.gql('mutation($role: Role!) { setUserRole(id: "0191b3a0-0000-7000-8000-000000000999", role: $role) { id } }', { role: 'CEO' });
    expect(badRole.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const short = await subgraph.gql(`mutation { resetPassword(id: "${unknownId}", newPassword: "short") }`);
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
  });

  it('refuses to demote or deactivate the last active administrator', async () => {
    const admins = await subgraph.gql<{ users: { edges: { node: { id: string } }[] } }>('{ users(filter: { role: ADMIN }) { edges { node { id } } } }');
    expect(admins.data!.users.edges).toHaveLength(1);
    const onlyAdmin = admins.data!.users.edges[0]!.node.id;
    const demoted = await subgraph.gql(`mutation { setUserRole(id: "${onlyAdmin}", role: DIRECTOR) { id } }`);
    expect(demoted.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMIN' });
    const deactivated = await subgraph.gql(`mutation { deactivateUser(id: "${onlyAdmin}") { id } }`);
    expect(deactivated.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMIN' });
    expect(await readUser(onlyAdmin)).toEqual({ role: 'ADMIN', active: true });

    const second = (await subgraph.gql<{ createUser: { id: string } }>(createUser, { input: userFactory({ role: 'ADMIN' }) })).data!.createUser.id;
    const nowAllowed = await subgraph.gql<{ setUserRole: { role: string } }>(`mutation { setUserRole(id: "${second}", role: DIRECTOR) { role } }`);
    expect(nowAllowed.data?.setUserRole.role).toBe('DIRECTOR');
  });
});
