import { randomUUID } from 'node:crypto';
import type { Role } from '@rapport/auth';
import { startTestSubgraph, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurchasingService } from '../../create-purchasing-service.js';

let subgraph: TestSubgraph;

const createSupplierMutation = 'mutation Create($input: CreateSupplierInput!) { createSupplier(input: $input) { id name } }';
const supplierQuery = 'query One($id: ID!) { supplier(id: $id) { id name } }';
const suppliersQuery = '{ suppliers(first: 100) { edges { node { id } } } }';
const supplierEntities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Supplier { id name } } }';

const as = (role: Role): TestPrincipal => ({ role, userId: randomUUID(), teamIds: [randomUUID()] });
const supplierInput = (name: string) => ({ name, currency: 'EUR' });

const sql = async <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);
const countSuppliers = async () => (await sql<{ n: number }>('select count(*)::int as n from supplier'))[0]!.n;
const supplierQueries = () => subgraph.queries.filter((q) => /from "supplier"/.test(q));

async function listedIds(principal: TestPrincipal): Promise<string[]> {
  const result = await subgraph.gqlAs<{ suppliers: { edges: { node: { id: string } }[] } }>(principal, suppliersQuery);
  expect(result.errors).toBeUndefined();
  return result.data!.suppliers.edges.map((e) => e.node.id);
}

let existing: string;

beforeAll(async () => {
  subgraph = await startTestSubgraph('purchasing', createPurchasingService);
  const created = await subgraph.gql<{ createSupplier: { id: string } }>(createSupplierMutation, { input: supplierInput('Nordic Valves AB') });
  existing = created.data!.createSupplier.id;
});
afterAll(async () => subgraph?.stop());

describe('purchasing subgraph: who sees and manages suppliers', () => {
  it('lets buyers and directors create suppliers and see every one', async () => {
    for (const role of ['BUYER', 'DIRECTOR'] as const) {
      const caller = as(role);
      const created = await subgraph.gqlAs<{ createSupplier: { id: string } }>(caller, createSupplierMutation, { input: supplierInput(`Supplier for ${role}`) });
      expect(created.errors, role).toBeUndefined();
      expect(await listedIds(caller)).toEqual(expect.arrayContaining([existing, created.data!.createSupplier.id]));
      const one = await subgraph.gqlAs<{ supplier: { id: string } }>(caller, supplierQuery, { id: existing });
      expect(one.data!.supplier.id).toBe(existing);
    }
  });

  it('lets accountants and warehouse clerks read every supplier but forbids them to create one, writing nothing', async () => {
    for (const role of ['ACCOUNTANT', 'WAREHOUSE_CLERK'] as const) {
      const caller = as(role);
      expect(await listedIds(caller)).toContain(existing);
      const one = await subgraph.gqlAs<{ supplier: { id: string } }>(caller, supplierQuery, { id: existing });
      expect(one.data!.supplier.id).toBe(existing);
      const refs = await subgraph.gqlAs<{ _entities: ({ id: string } | null)[] }>(caller, supplierEntities, { r: [{ __typename: 'Supplier', id: existing }] });
      expect(refs.data!._entities).toEqual([{ id: existing, name: 'Nordic Valves AB' }]);
      const before = await countSuppliers();
      const created = await subgraph.gqlAs(caller, createSupplierMutation, { input: supplierInput(`Not by ${role}`) });
      expect(created.errors?.[0]?.extensions, role).toMatchObject({ code: 'FORBIDDEN', reason: 'READ_ONLY' });
      expect(await countSuppliers()).toBe(before);
    }
  });

  it('forbids sales and support every root field on suppliers, and resolves no Supplier reference for them without a query', async () => {
    for (const role of ['SALES_REP', 'SALES_MANAGER', 'SUPPORT_AGENT'] as const) {
      const caller = as(role);
      const before = await countSuppliers();
      const forbidden = { code: 'FORBIDDEN', reason: 'DEPARTMENT_FORBIDDEN' };
      expect((await subgraph.gqlAs(caller, suppliersQuery)).errors?.[0]?.extensions, role).toMatchObject(forbidden);
      expect((await subgraph.gqlAs(caller, supplierQuery, { id: existing })).errors?.[0]?.extensions, role).toMatchObject(forbidden);
      expect((await subgraph.gqlAs(caller, createSupplierMutation, { input: supplierInput('Nope') })).errors?.[0]?.extensions, role).toMatchObject(forbidden);
      expect(await countSuppliers()).toBe(before);
      subgraph.resetQueries();
      const refs = await subgraph.gqlAs<{ _entities: unknown[] }>(caller, supplierEntities, { r: [{ __typename: 'Supplier', id: existing }] });
      expect(refs.errors).toBeUndefined();
      expect(refs.data!._entities).toEqual([null]);
      expect(supplierQueries()).toHaveLength(0);
    }
  });

  it('keeps no customer_access read model: suppliers belong to no customer', async () => {
    const [row] = await sql<{ table: string | null }>("select to_regclass('customer_access')::text as table");
    expect(row!.table).toBeNull();
  });
});
