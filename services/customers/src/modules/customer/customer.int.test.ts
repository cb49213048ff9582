import { testToken } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { useCustomersSubgraph } from '../../testing.js';

const subgraph = useCustomersSubgraph();
const ownerId = '0191b3a0-0000-7000-8000-0000000000aa';

const createCustomer = `mutation Create($input: CreateCustomerInput!) {
  createCustomer(input: $input) { id name kind lifecycleState email owner { id } createdAt }
}`;

const customerFactory = (overrides: Record<string, unknown> = {}) => ({ name: 'Acme Pumps', kind: 'COMPANY', ownerId, ...overrides });

describe('customers subgraph', () => {
  it('creates a customer and writes its event to the outbox in the same transaction', async () => {
    const result = await subgraph.gql<{ createCustomer: { id: string; lifecycleState: string; owner: { id: string } } }>(createCustomer, {
      input: customerFactory({ email: 'Sales@Acme.example' }),
    });
    expect(result.errors).toBeUndefined();
    const id = result.data!.createCustomer.id;
    expect(result.data!.createCustomer.lifecycleState).toBe('PROSPECT');
    expect(result.data!.createCustomer.owner.id).toBe(ownerId);
    const outbox = await subgraph.service.orm.em.fork().getConnection().execute('select type, message_key from outbox_message where message_key = ?', [id]);
    expect(outbox).toEqual([{ type: 'customers.customer.created.v1', message_key: id }]);
  });

  it('rejects a blank name, naming the field, and writes nothing', async () => {
    const before = await subgraph.service.orm.em.fork().getConnection().execute('select count(*)::int as n from customer');
    const result = await subgraph.gql(createCustomer, { input: customerFactory({ name: '   ' }) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const after = await subgraph.service.orm.em.fork().getConnection().execute('select count(*)::int as n from customer');
    expect(after).toEqual(before);
  });

  it('rejects a malformed owner id and an invalid email with the field', async () => {
    const badId = await subgraph.gql(createCustomer, { input: customerFactory({ ownerId: 'abc' }) });
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ownerId' });
    const badEmail = await subgraph.gql(createCustomer, { input: customerFactory({ email: 'nope' }) });
    expect(badEmail.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
  });

  it('answers an unknown id with NOT_FOUND and a malformed one with BAD_USER_INPUT', async () => {
    const unknown = await subgraph.gql('query { customer(id: "0191b3a0-0000-7000-8000-000000000999") { id } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await subgraph.gql('query { customer(id: "42") { id } }');
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(JSON.stringify(malformed)).not.toMatch(/stack|at .*\.ts/);
  });

  it('pages customers by cursor in name order', async () => {
    for (const name of ['Zeta Mills', 'Beta Labs', 'Gamma Foods']) await subgraph.gql(createCustomer, { input: customerFactory({ name }) });
    const page = `query Page($after: String) { customers(filter: { ownerId: "${ownerId}" }, first: 2, after: $after) {
      edges { node { name } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { customers: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const one = await subgraph.gql<Page>(page);
    expect(one.data!.customers.edges.map((e) => e.node.name)).toEqual(['Acme Pumps', 'Beta Labs']);
    expect(one.data!.customers.pageInfo.hasNextPage).toBe(true);
    const two = await subgraph.gql<Page>(page, { after: one.data!.customers.pageInfo.endCursor });
    expect(two.data!.customers.edges.map((e) => e.node.name)).toEqual(['Gamma Foods', 'Zeta Mills']);
    expect(two.data!.customers.pageInfo.hasNextPage).toBe(false);
    const bad = await subgraph.gql<Page>(page, { after: 'garbage' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('resolves N Customer references with one SQL query (_entities batches)', async () => {
    const list = await subgraph.gql<{ customers: { edges: { node: { id: string } }[] } }>('{ customers(first: 10) { edges { node { id } } } }');
    const ids = list.data!.customers.edges.map((e) => e.node.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    subgraph.resetQueries();
    const result = await subgraph.gql<{ _entities: ({ id: string; name: string } | null)[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id name } } }',
      { r: [...ids, '0191b3a0-0000-7000-8000-000000000999'].map((id) => ({ __typename: 'Customer', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.slice(0, ids.length).map((c) => c?.id)).toEqual(ids);
    expect(result.data!._entities.at(-1)).toBeNull();
    expect(subgraph.queries.filter((q) => /from "customer"/.test(q))).toHaveLength(1);
  });

  it('does not offer inline traces (ftv1) to callers who ask for them', async () => {
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-federation-include-trace': 'ftv1', authorization: `Bearer ${await testToken()}` },
      body: JSON.stringify({ query: '{ customers(first: 1) { edges { cursor } } }' }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown; extensions?: Record<string, unknown> };
    expect(body.errors).toBeUndefined();
    expect(body.data).toBeDefined();
    expect(body.extensions?.ftv1).toBeUndefined();
  });

  it('serves liveness and readiness', async () => {
    const base = subgraph.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { database: true } });
  });
});
