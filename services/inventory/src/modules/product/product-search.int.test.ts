import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { createInventoryService } from '../../create-inventory-service.js';

let subgraph: TestSubgraph;
const search = 'query($t: String!, $n: Int) { searchProducts(text: $t, first: $n) { sku } }';
const skus = async (text: string, first?: number): Promise<string[]> => {
  const result = await subgraph.gql<{ searchProducts: { sku: string }[] }>(search, { t: text, n: first ?? null });
  expect(result.errors).toBeUndefined();
  return result.data!.searchProducts.map((p) => p.sku);
};

beforeAll(async () => {
  subgraph = await startTestSubgraph('inventory', createInventoryService);
  for (const [sku, name, specification] of [
    ['PUMP-200', 'Centrifugal pump 200 l/min', 'stainless steel, 400 V'],
    ['PUMP-50', 'Submersible pump', 'cast iron housing'],
    ['VALVE-DN50', 'Ball valve DN50', 'brass, PN16'],
    ['HOSE-1', 'Pressure hose', 'for centrifugal pumps'],
    ['GEAR-7', 'Worm gear', 'steel, ratio 7'],
    ['VANE-3', 'Rotary vane pump', 'oil-free'],
  ]) {
    const created = await subgraph.gql('mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }', {
      i: { sku, name, specification, listPrice: { amount: '10', currency: 'EUR' } },
    });
    expect(created.errors).toBeUndefined();
  }
});
afterAll(async () => subgraph?.stop());

describe('searchProducts', () => {
  it('finds a product by a word of its name with one typo', async () => {
    expect(await skus('centrifgual')).toContain('PUMP-200');
    expect(await skus('submersable')).toEqual(['PUMP-50']);
  });

  it('finds a short word with two letters swapped or one wrong, missing or extra (Levenshtein stand-ins), and not a word typed right as a neighbour', async () => {
    expect(await skus('gaer')).toEqual(['GEAR-7']);
    expect(await skus('vnae')).toEqual(['VANE-3']);
    expect(await skus('worm gaer')).toEqual(['GEAR-7']);
    expect(await skus('rotray vnae')).toEqual(['VANE-3']);
    expect(await skus('geer')).toEqual(['GEAR-7']); // one wrong letter
    expect(await skus('vae pump')).toEqual([]); // three letters: too short for edits
    expect(await skus('vanne')).toEqual(['VANE-3']); // one extra letter
    // "worm" is a known word: products holding a word one edit from it ("form", "warm") are not offered for it.
    expect(await skus('worm')).toEqual(['GEAR-7']);
  });

  it('searches code, name and specification together, what is found as typed first', async () => {
    expect(await skus('brass')).toEqual(['VALVE-DN50']);
    expect((await skus('pump-50'))[0]).toBe('PUMP-50');
    // Name and specification both mention centrifugal pumps: both are found, the one with the text as typed first.
    expect(await skus('centrifugal pump')).toEqual(['PUMP-200', 'HOSE-1']);
  });

  it('finds words still being typed, codes by their beginning first, and words of products added or renamed later', async () => {
    expect(await skus('centrif pum')).toEqual(['PUMP-200', 'HOSE-1']);
    expect((await skus('pump-')).slice(0, 2)).toEqual(['PUMP-200', 'PUMP-50']);
    const created = await subgraph.gql<{ createProduct: { id: string } }>('mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }', {
      i: { sku: 'SEAL-9', name: 'Shaft seal', specification: 'zirconia faces', listPrice: { amount: '10', currency: 'EUR' } },
    });
    expect(created.errors).toBeUndefined();
    expect(await skus('zirconai')).toEqual(['SEAL-9']);
    const renamed = await subgraph.gql('mutation($id: ID!, $i: UpdateProductInput!) { updateProduct(id: $id, input: $i) { id } }', {
      id: created.data!.createProduct.id,
      i: { name: 'Mechanical seal' },
    });
    expect(renamed.errors).toBeUndefined();
    expect(await skus('mechanicl seal')).toEqual(['SEAL-9']);
    expect(await skus('shaft')).toEqual([]);
  });

  it('finds nothing for unrelated text, leaves deleted products out, and names bad arguments', async () => {
    expect(await skus('xylophone')).toEqual([]);
    const [row] = await subgraph.service.orm.em.fork().getConnection().execute<{ id: string }[]>("select id from product where sku = 'HOSE-1'");
    await subgraph.service.orm.em.fork().getConnection().execute('update product set deleted_at = now() where id = ?', [row!.id]);
    expect(await skus('pressure hose')).toEqual([]);
    const short = await subgraph.gql(search, { t: 'p' });
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    const many = await subgraph.gql(search, { t: 'pump', n: 51 });
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
