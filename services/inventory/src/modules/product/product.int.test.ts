import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInventoryService } from '../../create-inventory-service.js';

let subgraph: TestSubgraph;
const unknownId = '0191b3a0-0000-7000-8000-000000000999';

interface ProductResult {
  id: string;
  sku: string;
  name: string;
  unit: string;
  listPrice: { amount: string; currency: string };
  createdAt: string;
}

const createProduct = `mutation Create($input: CreateProductInput!) { createProduct(input: $input) { id sku name unit listPrice { amount currency } createdAt } }`;

let skuSeq = 0;
const productFactory = (overrides: Record<string, unknown> = {}) => ({
  sku: `pump-${++skuSeq}`,
  name: 'Centrifugal pump 200 l/min',
  listPrice: { amount: '1250.5', currency: 'eur' },
  ...overrides,
});

const count = async (): Promise<number> => {
  const [row] = await subgraph.service.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from product');
  return row?.n ?? 0;
};

async function create(overrides: Record<string, unknown> = {}): Promise<ProductResult> {
  const result = await subgraph.gql<{ createProduct: ProductResult }>(createProduct, { input: productFactory(overrides) });
  expect(result.errors).toBeUndefined();
  return result.data!.createProduct;
}

beforeAll(async () => {
  subgraph = await startTestSubgraph('inventory', createInventoryService);
});
afterAll(async () => subgraph?.stop());

describe('products', () => {
  it('creates a product with an upper-case SKU, pcs by default and a normalised list price', async () => {
    const product = await create({ sku: ' valve-10 ' });
    expect(product).toMatchObject({ sku: 'VALVE-10', unit: 'pcs', listPrice: { amount: '1250.50', currency: 'EUR' } });
    expect(product.createdAt).toMatch(/Z$/);
    const reread = await subgraph.gql<{ product: ProductResult }>(`{ product(id: "${product.id}") { sku name } }`);
    expect(reread.data!.product).toEqual({ sku: 'VALVE-10', name: 'Centrifugal pump 200 l/min' });
  });

  it('rejects a SKU that is taken with CONFLICT naming input.sku, whatever its case', async () => {
    await create({ sku: 'SEAL-1' });
    const before = await count();
    const result = await subgraph.gql(createProduct, { input: productFactory({ sku: 'seal-1' }) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.sku', reason: 'SKU_TAKEN' });
    expect(await count()).toBe(before);
  });

  it('rejects bad input naming the field, and writes nothing', async () => {
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ sku: '  ' }, 'input.sku'],
      [{ sku: 'PUMP 200' }, 'input.sku'],
      [{ name: '' }, 'input.name'],
      [{ unit: ' ' }, 'input.unit'],
      [{ listPrice: { amount: '-1', currency: 'EUR' } }, 'input.listPrice.amount'],
      [{ listPrice: { amount: '1.2.3', currency: 'EUR' } }, 'input.listPrice.amount'],
      [{ listPrice: { amount: '1', currency: 'E1' } }, 'input.listPrice.currency'],
    ];
    for (const [overrides, field] of cases) {
      const result = await subgraph.gql(createProduct, { input: productFactory(overrides) });
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await count()).toBe(before);
  });

  it('answers an unknown id with NOT_FOUND and a malformed one with BAD_USER_INPUT', async () => {
    const unknown = await subgraph.gql(`{ product(id: "${unknownId}") { id } }`);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const malformed = await subgraph.gql('{ product(id: "PUMP-1") { id } }');
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('searches products by name or SKU and pages them by cursor in name order', async () => {
    await create({ sku: 'FLT-A', name: 'Filter cartridge', unit: 'box' });
    await create({ sku: 'FLT-B', name: 'Filter housing' });
    await create({ sku: 'HOSE-FLT', name: 'Braided hose' });
    const page = `query Page($after: String) { products(filter: { search: "flt" }, first: 2, after: $after) {
      edges { node { sku unit } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { products: { edges: { node: { sku: string; unit: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const one = await subgraph.gql<Page>(page);
    expect(one.data!.products.edges.map((e) => e.node)).toEqual([
      { sku: 'HOSE-FLT', unit: 'pcs' },
      { sku: 'FLT-A', unit: 'box' },
    ]);
    expect(one.data!.products.pageInfo.hasNextPage).toBe(true);
    const two = await subgraph.gql<Page>(page, { after: one.data!.products.pageInfo.endCursor });
    expect(two.data!.products.edges.map((e) => e.node.sku)).toEqual(['FLT-B']);
    expect(two.data!.products.pageInfo.hasNextPage).toBe(false);
    const bad = await subgraph.gql<Page>(page, { after: 'garbage' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('resolves N Product references with one SQL query (_entities batches)', async () => {
    const ids = [(await create()).id, (await create()).id, (await create()).id];
    subgraph.resetQueries();
    const result = await subgraph.gql<{ _entities: ({ id: string; sku: string } | null)[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id sku listPrice { amount } } } }',
      { r: [...ids, unknownId, 'not-a-uuid'].map((id) => ({ __typename: 'Product', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.slice(0, ids.length).map((p) => p?.id)).toEqual(ids);
    expect(result.data!._entities.slice(ids.length)).toEqual([null, null]);
    expect(subgraph.queries.filter((q) => /from "product"/.test(q))).toHaveLength(1);
  });
});

describe('who sees products', () => {
  const readers = ['SALES_REP', 'SALES_MANAGER', 'SUPPORT_AGENT', 'BUYER', 'ACCOUNTANT'] as const;
  const keepers = ['ADMIN', 'DIRECTOR', 'WAREHOUSE_CLERK'] as const;

  it('lets every role read the whole catalogue, by list, by id and by reference, whatever customers they see', async () => {
    const product = await create({ sku: 'CAT-READ' });
    for (const role of [...readers, ...keepers]) {
      const principal = { role, teamIds: [] };
      const listed = await subgraph.gqlAs<{ products: { edges: { node: { id: string } }[] } }>(principal, '{ products(filter: { search: "CAT-READ" }) { edges { node { id } } } }');
      expect(
        listed.data?.products.edges.map((e) => e.node.id),
        role,
      ).toEqual([product.id]);
      const byId = await subgraph.gqlAs<{ product: { id: string } }>(principal, `{ product(id: "${product.id}") { id } }`);
      expect(byId.data?.product.id, role).toBe(product.id);
      const refs = await subgraph.gqlAs<{ _entities: ({ id: string } | null)[] }>(principal, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id } } }', {
        r: [{ __typename: 'Product', id: product.id }],
      });
      expect(refs.data?._entities, role).toEqual([{ id: product.id }]);
    }
  });

  it('lets only the warehouse, directors and admins create products; other roles get FORBIDDEN and nothing is written', async () => {
    for (const role of keepers) {
      const result = await subgraph.gqlAs<{ createProduct: ProductResult }>({ role }, createProduct, { input: productFactory() });
      expect(result.errors, role).toBeUndefined();
    }
    const before = await count();
    for (const role of readers) {
      const result = await subgraph.gqlAs({ role }, createProduct, { input: productFactory() });
      expect(result.errors?.[0]?.extensions, role).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await count()).toBe(before);
  });
});
