import { leanSql } from '@rapport/subgraph-kit';
import { leanAndHydrated, testCast } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCustomersSubgraph } from '../../testing.js';
import { Customer } from './customer.entity.js';

const { team, otherTeam, rep: repA, otherRep: repB, repElsewhere, head, agent, buyer } = testCast();
const subgraph = useCustomersSubgraph();
let acmeOfA = '';
let globexOfB = '';

const create = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id ownerId: owner { id } team { id } } }`;
const names = `{ customers(first: 50) { edges { node { name } } } }`;
type Names = { customers: { edges: { node: { name: string } }[] } };
const namesOf = (r: { data?: Names | null }) => r.data?.customers.edges.map((e) => e.node.name) ?? [];

beforeAll(async () => {
  const a = await subgraph.gqlAs<{ createCustomer: { id: string } }>(repA, create, { input: { name: 'Acme (A)', kind: 'COMPANY' } });
  expect(a.errors).toBeUndefined();
  acmeOfA = a.data!.createCustomer.id;
  const b = await subgraph.gqlAs<{ createCustomer: { id: string } }>(repB, create, { input: { name: 'Globex (B)', kind: 'COMPANY' } });
  globexOfB = b.data!.createCustomer.id;
  await subgraph.gqlAs(repElsewhere, create, { input: { name: 'Initech (elsewhere)', kind: 'COMPANY' } });
});

describe('who sees which customers', () => {
  it('reads customers as plain rows (the customers list) holding exactly what hydrated entities hold', async () => {
    const { lean, hydrated } = await leanAndHydrated(subgraph.service.orm.em.fork(), (em) =>
      em
        .createQueryBuilder(Customer, 'c')
        .select('*')
        .where({ id: { $in: [acmeOfA, globexOfB] } })
        .orderBy({ id: 'asc' }),
    );
    expect(lean).toHaveLength(2);
    expect(lean).toEqual(hydrated);
    // The list's hand-written select (`leanSql`) gives the same rows.
    const ids = [acmeOfA, globexOfB];
    expect(await leanSql(subgraph.service.orm.em.fork(), Customer, 'select "c".* from "customer" as "c" where "c"."id" in (?, ?) order by "c"."id"', ids)).toEqual(hydrated);
  });

  it('lets a rep create customers for themselves only, in their own team', async () => {
    const mine = await subgraph.gqlAs<{ createCustomer: { ownerId: { id: string }; team: { id: string } } }>(repA, create, {
      input: { name: 'Hooli (A)', kind: 'COMPANY' },
    });
    expect(mine.data!.createCustomer).toMatchObject({ ownerId: { id: repA.userId }, team: { id: team } });
    const forOther = await subgraph.gqlAs(repA, create, { input: { name: 'Sneaky', kind: 'COMPANY', ownerId: repB.userId } });
    expect(forOther.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.ownerId' });
  });

  it('shows a rep their own customers only, in lists, lookups and references', async () => {
    expect(namesOf(await subgraph.gqlAs<Names>(repA, names))).toEqual(['Acme (A)', 'Hooli (A)']);
    const theirs = await subgraph.gqlAs(repA, `query($id: ID!) { customer(id: $id) { name } }`, { id: globexOfB });
    expect(theirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const refs = await subgraph.gqlAs<{ _entities: ({ name: string } | null)[] }>(repA, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { name } } }`, {
      r: [acmeOfA, globexOfB].map((id) => ({ __typename: 'Customer', id })),
    });
    expect(refs.data!._entities).toEqual([{ name: 'Acme (A)' }, null]);
    // Filtered by owner: their own (read without the visibility join), and nothing of another rep's.
    const byOwner = `query($o: ID) { customers(filter: { ownerId: $o }, first: 50) { edges { node { name } } } }`;
    expect(namesOf(await subgraph.gqlAs<Names>(repA, byOwner, { o: repA.userId }))).toEqual(['Acme (A)', 'Hooli (A)']);
    expect(namesOf(await subgraph.gqlAs<Names>(repA, byOwner, { o: repB.userId }))).toEqual([]);
    expect(namesOf(await subgraph.gqlAs<Names>(head, byOwner, { o: repB.userId }))).toEqual(['Globex (B)']);
  });

  it('shows a team head every customer of their team, and not other teams’', async () => {
    expect(namesOf(await subgraph.gqlAs<Names>(head, names))).toEqual(['Acme (A)', 'Globex (B)', 'Hooli (A)']);
  });

  it('lets support read every customer but change none, and keeps buyers out', async () => {
    expect(namesOf(await subgraph.gqlAs<Names>(agent, names))).toHaveLength(4);
    const write = await subgraph.gqlAs(agent, create, { input: { name: 'Nope', kind: 'PERSON' } });
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await subgraph.gqlAs(buyer, names);
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows a shared customer to the user it is shared with, until it is unshared', async () => {
    const share = `mutation($input: ShareCustomerInput!) { shareCustomer(input: $input) { sharedWith { id } } }`;
    const byOther = await subgraph.gqlAs(repA, share, { input: { customerId: globexOfB, userId: repA.userId } });
    expect(byOther.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const shared = await subgraph.gqlAs<{ shareCustomer: { sharedWith: { id: string }[] } }>(repB, share, { input: { customerId: globexOfB, userId: repA.userId } });
    expect(shared.data!.shareCustomer.sharedWith).toEqual([{ id: repA.userId }]);
    expect(namesOf(await subgraph.gqlAs<Names>(repA, names))).toContain('Globex (B)');
    await subgraph.gqlAs(repB, `mutation($input: ShareCustomerInput!) { unshareCustomer(input: $input) { id } }`, { input: { customerId: globexOfB, userId: repA.userId } });
    expect(namesOf(await subgraph.gqlAs<Names>(repA, names))).not.toContain('Globex (B)');
  });

  it('transfers a customer between reps when a team head asks, and never when a rep does', async () => {
    const transfer = `mutation($input: TransferCustomerInput!) { transferCustomer(input: $input) { owner { id } } }`;
    const byRep = await subgraph.gqlAs(repA, transfer, { input: { customerId: acmeOfA, toOwnerId: repB.userId } });
    expect(byRep.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byHead = await subgraph.gqlAs<{ transferCustomer: { owner: { id: string } } }>(head, transfer, { input: { customerId: acmeOfA, toOwnerId: repB.userId } });
    expect(byHead.data!.transferCustomer.owner.id).toBe(repB.userId);
    expect(namesOf(await subgraph.gqlAs<Names>(repA, names))).not.toContain('Acme (A)');
    expect(namesOf(await subgraph.gqlAs<Names>(repB, names))).toContain('Acme (A)');
    const events = await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute(`select payload->'data'->>'toOwnerId' as to_owner from outbox_message where type = 'customers.customer.transferred.v1' and message_key = ?`, [acmeOfA]);
    expect(events).toEqual([{ to_owner: repB.userId }]);
  });

  it('refuses every operation without a token, except the schema for composition', async () => {
    const anonymous = await subgraph.gqlAs(null, names);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const sdl = await subgraph.gqlAs<{ _service: { sdl: string } }>(null, `{ _service { sdl } }`);
    expect(sdl.data?._service.sdl).toContain('type Customer');
  });
});
