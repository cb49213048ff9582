import { randomUUID } from 'node:crypto';
import { countAuditEntries, raceBehindRow, startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityService } from './create-identity-service.js';

let subgraph: TestSubgraph;
const RACERS = 20;

beforeAll(async () => {
  subgraph = await startTestSubgraph('identity', createIdentityService);
});
afterAll(async () => subgraph?.stop());

describe('concurrent transitions of one user', () => {
  it('20 concurrent deactivateUser calls: one wins, 19 get CONFLICT, one audit entry', async () => {
    const created = await subgraph.gql<{ createUser: { id: string } }>('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email: `raced.${randomUUID().slice(0, 8)}@rapport.example`, displayName: 'Raced User', role: 'SALES_REP' },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createUser.id;
    const outcome = await raceBehindRow(subgraph.database.url, 'app_user', id, () => subgraph.gql('mutation($id: ID!) { deactivateUser(id: $id) { id active } }', { id }), RACERS);

    expect(outcome.other).toEqual([]);
    expect(outcome.won).toHaveLength(1);
    expect(outcome.conflicts).toHaveLength(RACERS - 1);
    expect(outcome.conflicts[0]!.extensions).toMatchObject({ reason: 'USER_INACTIVE' });
    expect(await countAuditEntries(subgraph.service.orm.em.fork(), 'User', id, 'UPDATE')).toBe(1);
  });
});
