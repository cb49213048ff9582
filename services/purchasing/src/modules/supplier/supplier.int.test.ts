import { resolveEntities, startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurchasingService } from '../../create-purchasing-service.js';

let subgraph: TestSubgraph;
const unknownId = '0191b3a0-0000-7000-8000-000000000999';

const createSupplier = `mutation Create($input: CreateSupplierInput!) {
  createSupplier(input: $input) { id name email phone currency paymentTermsDays createdAt }
}`;

const supplierFactory = (overrides: Record<string, unknown> = {}) => ({ name: 'Nordic Valves AB', currency: 'SEK', ...overrides });

const countSuppliers = async (): Promise<unknown> => subgraph.service.orm.em.fork().getConnection().execute('select count(*)::int as n from supplier');

beforeAll(async () => {
  subgraph = await startTestSubgraph('purchasing', createPurchasingService);
});
afterAll(async () => subgraph?.stop());

describe('purchasing suppliers', () => {
  it('creates a supplier with its billing currency and 30-day terms by default', async () => {
    const result = await subgraph.gql<{ createSupplier: { id: string; email: string; currency: string; paymentTermsDays: number } }>(createSupplier, {
      input: supplierFactory({ email: 'Orders@NordicValves.example', currency: 'sek' }),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createSupplier).toMatchObject({ email: 'orders@nordicvalves.example', currency: 'SEK', paymentTermsDays: 30 });
    const fetched = await subgraph.gql<{ supplier: { name: string } }>(`{ supplier(id: "${result.data!.createSupplier.id}") { name } }`);
    expect(fetched.data!.supplier.name).toBe('Nordic Valves AB');
    const rows = await subgraph.service.orm.em.fork().getConnection().execute('select currency, payment_terms_days from supplier where id = ?', [result.data!.createSupplier.id]);
    expect(rows).toEqual([{ currency: 'SEK', payment_terms_days: 30 }]);
  });

  it('keeps the payment terms given', async () => {
    const result = await subgraph.gql<{ createSupplier: { paymentTermsDays: number } }>(createSupplier, {
      input: supplierFactory({ name: 'Beta Castings', currency: 'EUR', paymentTermsDays: 0 }),
    });
    expect(result.data!.createSupplier.paymentTermsDays).toBe(0);
  });

  it('rejects a blank name, a bad currency, bad terms and a bad email, naming each field, and writes nothing', async () => {
    const before = await countSuppliers();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '  ' }, 'input.name'],
      [{ currency: 'EURO' }, 'input.currency'],
      [{ paymentTermsDays: -1 }, 'input.paymentTermsDays'],
      [{ paymentTermsDays: 400 }, 'input.paymentTermsDays'],
      [{ email: 'nope' }, 'input.email'],
    ];
    for (const [overrides, field] of cases) {
      const result = await subgraph.gql(createSupplier, { input: supplierFactory(overrides) });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await countSuppliers()).toEqual(before);
  });

  it('answers an unknown id with NOT_FOUND and a malformed one with BAD_USER_INPUT', async () => {
    const unknown = await subgraph.gql(`{ supplier(id: "${unknownId}") { id } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await subgraph.gql('{ supplier(id: "42") { id } }');
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('pages suppliers by cursor in name order and finds them by search', async () => {
    for (const name of ['Zenith Steel', 'Gamma Plastics', 'Delta Fasteners']) await subgraph.gql(createSupplier, { input: supplierFactory({ name }) });
    const page = `query Page($after: String) { suppliers(first: 3, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { suppliers: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const one = await subgraph.gql<Page>(page);
    expect(one.data!.suppliers.edges.map((e) => e.node.name)).toEqual(['Beta Castings', 'Delta Fasteners', 'Gamma Plastics']);
    expect(one.data!.suppliers.pageInfo.hasNextPage).toBe(true);
    const two = await subgraph.gql<Page>(page, { after: one.data!.suppliers.pageInfo.endCursor });
    expect(two.data!.suppliers.edges.map((e) => e.node.name)).toEqual(['Nordic Valves AB', 'Zenith Steel']);
    expect(two.data!.suppliers.pageInfo.hasNextPage).toBe(false);

    const search = await subgraph.gql<Page>('{ suppliers(filter: { search: "STEEL" }) { edges { node { name } } pageInfo { hasNextPage endCursor } } }');
    expect(search.data!.suppliers.edges.map((e) => e.node.name)).toEqual(['Zenith Steel']);
    const bad = await subgraph.gql<Page>(page, { after: 'garbage' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('resolves N Supplier references with one SQL query (_entities batches)', async () => {
    const list = await subgraph.gql<{ suppliers: { edges: { node: { id: string } }[] } }>('{ suppliers(first: 10) { edges { node { id } } } }');
    const ids = list.data!.suppliers.edges.map((e) => e.node.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    const { entities, queries } = await resolveEntities(subgraph, 'Supplier', [...ids, unknownId], 'id name currency');
    expect(entities.slice(0, ids.length).map((s) => s?.id)).toEqual(ids);
    expect(entities.at(-1)).toBeNull();
    expect(queries.filter((q) => /from "supplier"/.test(q))).toHaveLength(1);
  });
});
