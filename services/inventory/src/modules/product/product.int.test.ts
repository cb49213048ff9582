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

const updateProduct = `mutation Update($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) {
  id sku name specification category unit listPrice { amount currency } standardCost { amount currency } active } }`;

describe('product details, costs and changes', () => {
  it('keeps specification, category and standard cost, and reports the product active', async () => {
    const product = await create({ sku: 'SPEC-1', specification: 'Cast iron, 200 l/min at 3 bar', category: 'Pumps', standardCost: { amount: '700.125', currency: 'EUR' } });
    const read = await subgraph.gql<{ product: Record<string, unknown> }>(`{ product(id: "${product.id}") { specification category standardCost { amount currency } active } }`);
    expect(read.data!.product).toEqual({ specification: 'Cast iron, 200 l/min at 3 bar', category: 'Pumps', standardCost: { amount: '700.125', currency: 'EUR' }, active: true });
  });

  it('changes only the fields given, and clears a specification given as null', async () => {
    const product = await create({ sku: 'UPD-1', specification: 'old', category: 'Valves' });
    const result = await subgraph.gql<{ updateProduct: Record<string, unknown> }>(updateProduct, {
      id: product.id,
      input: { sku: 'upd-1b', name: 'Ball valve DN50', specification: null, listPrice: { amount: '99.9', currency: 'EUR' } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateProduct).toMatchObject({
      sku: 'UPD-1B',
      name: 'Ball valve DN50',
      specification: null,
      category: 'Valves',
      unit: 'pcs',
      listPrice: { amount: '99.90' },
    });
  });

  it('refuses a taken SKU, a cost in another currency and a price in a new currency without its cost, naming the field', async () => {
    await create({ sku: 'UPD-TAKEN' });
    const product = await create({ sku: 'UPD-2' });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ sku: 'upd-taken' }, 'CONFLICT', 'input.sku'],
      [{ standardCost: { amount: '1', currency: 'USD' } }, 'BAD_USER_INPUT', 'input.standardCost.currency'],
      [{ listPrice: { amount: '1', currency: 'USD' } }, 'BAD_USER_INPUT', 'input.standardCost'],
      [{ standardCost: { amount: '-1', currency: 'EUR' } }, 'BAD_USER_INPUT', 'input.standardCost.amount'],
      [{ name: ' ' }, 'BAD_USER_INPUT', 'input.name'],
    ];
    for (const [input, code, field] of cases) {
      const result = await subgraph.gql(updateProduct, { id: product.id, input });
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code, field });
    }
    const moved = await subgraph.gql<{ updateProduct: Record<string, unknown> }>(updateProduct, {
      id: product.id,
      input: { listPrice: { amount: '2', currency: 'USD' }, standardCost: { amount: '1', currency: 'usd' } },
    });
    expect(moved.data?.updateProduct).toMatchObject({ listPrice: { currency: 'USD' }, standardCost: { amount: '1.00', currency: 'USD' } });
  });

  it('answers a retired product as inactive to the call that retires it, and refuses to change it', async () => {
    const product = await create({ sku: 'UPD-RETIRED' });
    const retired = await subgraph.gql<{ deleteProduct: { active: boolean } }>(`mutation { deleteProduct(id: "${product.id}") { active } }`);
    expect(retired.data!.deleteProduct.active).toBe(false);
    const result = await subgraph.gql(updateProduct, { id: product.id, input: { name: 'x' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
});

describe('who sees costs', () => {
  const costReaders = ['ADMIN', 'DIRECTOR', 'WAREHOUSE_CLERK', 'BUYER', 'ACCOUNTANT'] as const;
  const noCosts = ['SALES_REP', 'SALES_MANAGER', 'SUPPORT_AGENT'] as const;

  it('shows the standard cost and its history to the warehouse, purchasing and finance', async () => {
    const product = await create({ sku: 'COST-SEEN', standardCost: { amount: '12', currency: 'EUR' } });
    await subgraph.gql(updateProduct, { id: product.id, input: { standardCost: { amount: '13', currency: 'EUR' } } });
    for (const role of costReaders) {
      const result = await subgraph.gqlAs<{ product: { standardCost: { amount: string } | null; history: { changes: { field: string }[] }[] } }>(
        { role },
        `{ product(id: "${product.id}") { standardCost { amount } history { changes { field } } } }`,
      );
      expect(result.data?.product.standardCost, role).toEqual({ amount: '13.00' });
      expect(
        result.data?.product.history.flatMap((h) => h.changes.map((c) => c.field)),
        role,
      ).toContain('standardCost');
    }
  });

  it('hides the standard cost and its history from sales and support, and refuses them setting it', async () => {
    const product = await create({ sku: 'COST-HIDDEN', standardCost: { amount: '12', currency: 'EUR' } });
    await subgraph.gql(updateProduct, { id: product.id, input: { standardCost: { amount: '13', currency: 'EUR' } } });
    for (const role of noCosts) {
      const result = await subgraph.gqlAs<{ product: { listPrice: { amount: string }; standardCost: unknown; history: { changes: { field: string }[] }[] } }>(
        { role },
        `{ product(id: "${product.id}") { listPrice { amount } standardCost { amount } history { changes { field } } } }`,
      );
      expect(result.errors, role).toBeUndefined();
      expect(result.data?.product.listPrice.amount, role).toBe('1250.50');
      expect(result.data?.product.standardCost, role).toBeNull();
      expect(
        result.data?.product.history.flatMap((h) => h.changes.map((c) => c.field)),
        role,
      ).not.toContain('standardCost');
    }
  });

  it('hides the list price and its history from the warehouse (its role sees no prices beyond cost), shows them to every other department', async () => {
    const product = await create({ sku: 'PRICE-HIDDEN' });
    await subgraph.gql(updateProduct, { id: product.id, input: { listPrice: { amount: '1300', currency: 'EUR' } } });
    const read = (role: (typeof costReaders)[number] | (typeof noCosts)[number]) =>
      subgraph.gqlAs<{ product: { listPrice: { amount: string } | null; history: { changes: { field: string }[] }[] } }>(
        { role },
        `{ product(id: "${product.id}") { listPrice { amount } history { changes { field } } } }`,
      );
    const clerk = await read('WAREHOUSE_CLERK');
    expect(clerk.errors).toBeUndefined();
    expect(clerk.data?.product.listPrice).toBeNull();
    expect(clerk.data?.product.history.flatMap((h) => h.changes.map((c) => c.field))).not.toContain('listPrice');
    for (const role of ['ADMIN', 'DIRECTOR', 'BUYER', 'ACCOUNTANT', ...noCosts] as const) {
      const result = await read(role);
      expect(result.data?.product.listPrice, role).toEqual({ amount: '1300.00' });
      expect(
        result.data?.product.history.flatMap((h) => h.changes.map((c) => c.field)),
        role,
      ).toContain('listPrice');
    }
  });

  it('lets the warehouse set costs and refuses roles that may change products but not costs', async () => {
    const product = await create({ sku: 'COST-SET' });
    const clerk = await subgraph.gqlAs({ role: 'WAREHOUSE_CLERK' }, updateProduct, { id: product.id, input: { standardCost: { amount: '3', currency: 'EUR' } } });
    expect(clerk.errors).toBeUndefined();
    const rep = await subgraph.gqlAs({ role: 'SALES_REP' }, updateProduct, { id: product.id, input: { standardCost: { amount: '4', currency: 'EUR' } } });
    expect(rep.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
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
