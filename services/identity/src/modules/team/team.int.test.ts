import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityService } from '../../create-identity-service.js';

let subgraph: TestSubgraph;
const unknownId = '0191b3a0-0000-7000-8000-000000000999';

const createTeam = `mutation Create($input: CreateTeamInput!) { createTeam(input: $input) { id name parent { id name } members { id } createdAt } }`;

interface TeamResult {
  createTeam: { id: string; name: string; parent: { id: string; name: string } | null; members: { id: string }[]; createdAt: string };
}

const addTeam = async (name: string, parentId?: string): Promise<string> => {
  const result = await subgraph.gql<TeamResult>(createTeam, { input: { name, ...(parentId ? { parentId } : {}) } });
  expect(result.errors).toBeUndefined();
  return result.data!.createTeam.id;
};

const addUser = async (displayName: string, teamId: string): Promise<string> => {
  const result = await subgraph.gql<{ createUser: { id: string } }>('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: { email: `${displayName.toLowerCase().replace(/\W+/g, '.')}@rapport.example`, displayName, role: 'SALES_REP', teamId },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createUser.id;
};

const countTeams = async (): Promise<unknown> => subgraph.service.orm.em.fork().getConnection().execute('select count(*)::int as n from team');

beforeAll(async () => {
  subgraph = await startTestSubgraph('identity', createIdentityService);
});
afterAll(async () => subgraph?.stop());

describe('identity teams', () => {
  it('creates a team under a parent and lists every team by name', async () => {
    const salesId = await addTeam('Sales');
    const result = await subgraph.gql<TeamResult>(createTeam, { input: { name: '  Sales North  ', parentId: salesId } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createTeam).toMatchObject({ name: 'Sales North', parent: { id: salesId, name: 'Sales' }, members: [] });
    const teams = await subgraph.gql<{ teams: { name: string; parent: { name: string } | null }[] }>('{ teams { name parent { name } } }');
    expect(teams.data!.teams).toEqual([
      { name: 'Sales', parent: null },
      { name: 'Sales North', parent: { name: 'Sales' } },
    ]);
  });

  it('rejects a name already taken, ignoring case, as CONFLICT on input.name and writes nothing', async () => {
    await addTeam('Warehouse');
    const before = await countTeams();
    const result = await subgraph.gql(createTeam, { input: { name: 'WAREHOUSE' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
    expect(await countTeams()).toEqual(before);
  });

  it('answers an unknown parent with NOT_FOUND naming input.parentId, and bad input with the field', async () => {
    const before = await countTeams();
    const unknown = await subgraph.gql(createTeam, { input: { name: 'Orphans', parentId: unknownId } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.parentId' });
    const malformed = await subgraph.gql(createTeam, { input: { name: 'Orphans', parentId: 'top' } });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    const blank = await subgraph.gql(createTeam, { input: { name: '   ' } });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(await countTeams()).toEqual(before);
  });

  it('lists the members of every team with one SQL query, by display name', async () => {
    const eastId = await addTeam('Support East');
    const westId = await addTeam('Support West');
    const zed = await addUser('Zed East', eastId);
    const amy = await addUser('Amy East', eastId);
    const wes = await addUser('Wes West', westId);
    subgraph.resetQueries();
    const result = await subgraph.gql<{ teams: { name: string; members: { id: string }[] }[] }>('{ teams { name members { id } } }');
    expect(result.errors).toBeUndefined();
    const members = Object.fromEntries(result.data!.teams.map((t) => [t.name, t.members.map((m) => m.id)]));
    expect(members['Support East']).toEqual([amy, zed]);
    expect(members['Support West']).toEqual([wes]);
    expect(subgraph.queries.filter((q) => /from "app_user"/.test(q))).toHaveLength(1);
  });

  it('resolves N Team references with one SQL query (_entities batches)', async () => {
    const list = await subgraph.gql<{ teams: { id: string }[] }>('{ teams { id } }');
    const ids = list.data!.teams.map((t) => t.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    subgraph.resetQueries();
    const result = await subgraph.gql<{ _entities: ({ id: string; name: string } | null)[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Team { id name } } }',
      { r: [...ids, unknownId].map((id) => ({ __typename: 'Team', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.slice(0, ids.length).map((t) => t?.id)).toEqual(ids);
    expect(result.data!._entities.at(-1)).toBeNull();
    expect(subgraph.queries.filter((q) => /from "team"/.test(q))).toHaveLength(1);
  });

  it('refuses createTeam to a non-admin with FORBIDDEN and writes nothing, but lets them list teams', async () => {
    const before = await countTeams();
    const rep = { role: 'SALES_MANAGER' as const };
    const refused = await subgraph.gqlAs(rep, createTeam, { input: { name: 'Shadow Team' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ADMIN_ONLY' });
    expect(await countTeams()).toEqual(before);
    const listed = await subgraph.gqlAs<{ teams: { id: string }[] }>(rep, '{ teams { id } }');
    expect(listed.errors).toBeUndefined();
  });

  it('refuses every team operation without a token', async () => {
    const result = await subgraph.gqlAs(null, '{ teams { id } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
