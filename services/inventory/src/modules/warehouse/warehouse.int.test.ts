import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInventoryService } from '../../create-inventory-service.js';

let subgraph: TestSubgraph;
const unknownId = '0191b3a0-0000-7000-8000-000000000999';
const createMutation = 'mutation($input: CreateWarehouseInput!) { createWarehouse(input: $input) { id code name address allowNegativeStock } }';
interface WarehouseResult {
  id: string;
  code: string;
  name: string;
  address: string | null;
  allowNegativeStock: boolean;
}

async function create(input: Record<string, unknown>): Promise<WarehouseResult> {
  const result = await subgraph.gql<{ createWarehouse: WarehouseResult }>(createMutation, { input: { name: 'Central', ...input } });
  expect(result.errors).toBeUndefined();
  return result.data!.createWarehouse;
}

beforeAll(async () => {
  subgraph = await startTestSubgraph('inventory', createInventoryService);
});
afterAll(async () => subgraph?.stop());

describe('warehouses', () => {
  it('creates warehouses with an upper-case code, refusing negative stock unless told, and lists them by code', async () => {
    const berlin = await create({ code: 'ber-1', name: 'Berlin', address: 'Lagerstraße 1\n10115 Berlin' });
    expect(berlin).toMatchObject({ code: 'BER-1', allowNegativeStock: false, address: 'Lagerstraße 1\n10115 Berlin' });
    await create({ code: 'AMS-1', name: 'Amsterdam', allowNegativeStock: true });
    type Page = { warehouses: { edges: { node: { code: string } }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } };
    const first = await subgraph.gql<Page>('{ warehouses(first: 1) { edges { node { code } } pageInfo { endCursor hasNextPage } } }');
    expect(first.data!.warehouses.edges.map((e) => e.node.code)).toEqual(['AMS-1']);
    const next = await subgraph.gql<Page>('query($after: String) { warehouses(first: 5, after: $after) { edges { node { code } } pageInfo { endCursor hasNextPage } } }', {
      after: first.data!.warehouses.pageInfo.endCursor,
    });
    expect(next.data!.warehouses.edges.map((e) => e.node.code)).toEqual(['BER-1']);
  });

  it('refuses a taken code with CONFLICT and bad input naming the field', async () => {
    await create({ code: 'DUP-1' });
    const taken = await subgraph.gql(createMutation, { input: { code: 'dup-1', name: 'Again' } });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code', reason: 'WAREHOUSE_CODE_TAKEN' });
    for (const [input, field] of [
      [{ code: 'A B', name: 'x' }, 'input.code'],
      [{ code: 'OK-1', name: ' ' }, 'input.name'],
    ] as const) {
      const result = await subgraph.gql(createMutation, { input });
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('changes the fields given, and answers an unknown warehouse with NOT_FOUND', async () => {
    const warehouse = await create({ code: 'UPD-W', address: 'old' });
    const update = 'mutation($id: ID!, $input: UpdateWarehouseInput!) { updateWarehouse(id: $id, input: $input) { name address allowNegativeStock } }';
    const changed = await subgraph.gql<{ updateWarehouse: Record<string, unknown> }>(update, { id: warehouse.id, input: { address: null, allowNegativeStock: true } });
    expect(changed.data!.updateWarehouse).toEqual({ name: 'Central', address: null, allowNegativeStock: true });
    const unknown = await subgraph.gql(update, { id: unknownId, input: { name: 'x' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('resolves N Warehouse references with one SQL query (_entities batches)', async () => {
    const ids = [(await create({ code: 'REF-1' })).id, (await create({ code: 'REF-2' })).id];
    subgraph.resetQueries();
    const result = await subgraph.gql<{ _entities: ({ id: string; code: string } | null)[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Warehouse { id code } } }',
      {
        r: [...ids, unknownId].map((id) => ({ __typename: 'Warehouse', id })),
      },
    );
    expect(result.data!._entities).toEqual([{ id: ids[0], code: 'REF-1' }, { id: ids[1], code: 'REF-2' }, null]);
    expect(subgraph.queries.filter((q) => /from "warehouse"/.test(q))).toHaveLength(1);
  });
});

describe('who sees warehouses', () => {
  it('lets every department read warehouses, but only the warehouse, directors and admins create them', async () => {
    const warehouse = await create({ code: 'SEEN-1' });
    for (const role of ['SALES_REP', 'SALES_MANAGER', 'SUPPORT_AGENT', 'BUYER', 'ACCOUNTANT', 'WAREHOUSE_CLERK'] as const) {
      const read = await subgraph.gqlAs<{ warehouse: { code: string } }>({ role }, `{ warehouse(id: "${warehouse.id}") { code } }`);
      expect(read.data?.warehouse.code, role).toBe('SEEN-1');
    }
    const clerk = await subgraph.gqlAs({ role: 'WAREHOUSE_CLERK' }, createMutation, { input: { code: 'CLERK-1', name: 'x' } });
    expect(clerk.errors).toBeUndefined();
    for (const role of ['SALES_REP', 'BUYER', 'ACCOUNTANT'] as const) {
      const refused = await subgraph.gqlAs({ role }, createMutation, { input: { code: `NO-${role}`, name: 'x' } });
      expect(refused.errors?.[0]?.extensions, role).toMatchObject({ code: 'FORBIDDEN' });
    }
    const anonymous = await subgraph.gqlAs(null, '{ warehouses { edges { node { id } } } }');
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
