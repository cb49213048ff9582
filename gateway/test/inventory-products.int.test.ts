import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';

// The product catalogue as a client reaches it through the gateway: a CSV import tried first as a
// dry run, then imported row by row with one bad row reported (not thrown), an imported product
// found by a misspelt name, and changed.

let system: TestSystem;
let clerk = '';

const importMutation = `mutation($input: ImportProductsInput!) { importProducts(input: $input) {
  dryRun mode rolledBack rows created updated unchanged failed errorCount errors { row field code message } } }`;
interface Report {
  dryRun: boolean;
  mode: string;
  rolledBack: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errorCount: number;
  errors: { row: number; field: string; code: string; message: string }[];
}
const search = 'query($t: String!) { searchProducts(text: $t, first: 5) { id sku name listPrice { amount currency } } }';
type Found = { searchProducts: { id: string; sku: string; name: string; listPrice: { amount: string; currency: string } | null }[] };

const csv = [
  'sku,name,specification,category,unit,list price,currency',
  'GWI-1,Centrifugal pump,"Cast iron, 200 l/min",Pumps,pcs,1250.50,EUR',
  'GWI-2,Butterfly valve,DN 80,Valves,pcs,-12,EUR',
  'GWI-3,Shaft seal,,Seals,pcs,8.75,EUR',
].join('\n');

beforeAll(async () => {
  system = await startTestSystem('inventory-products');
  clerk = (await system.createUser({ email: 'ida.import@rapport.example', role: 'WAREHOUSE_CLERK' })).token;
}, 240_000);
afterAll(async () => system?.stop());

describe('products through the gateway', () => {
  it('imports a CSV: the dry run reports what would happen, PER_ROW writes the good rows and reports the bad one by field', async () => {
    const badRow = { row: 1, field: 'rows[1].listPrice.amount', code: expect.any(String), message: expect.stringContaining('rows[1].listPrice.amount') };
    const dry = await system.must<{ importProducts: Report }>(clerk, importMutation, { input: { body: csv, dryRun: true, mode: 'PER_ROW' } });
    expect(dry.importProducts).toEqual({
      dryRun: true,
      mode: 'PER_ROW',
      rolledBack: false,
      rows: 3,
      created: 2,
      updated: 0,
      unchanged: 0,
      failed: 1,
      errorCount: 1,
      errors: [badRow],
    });
    expect((await system.must<Found>(clerk, search, { t: 'gwi-' })).searchProducts).toEqual([]);

    const done = await system.must<{ importProducts: Report }>(clerk, importMutation, { input: { body: csv, dryRun: false, mode: 'PER_ROW' } });
    expect(done.importProducts).toEqual({ ...dry.importProducts, dryRun: false });
    expect((await system.must<Found>(clerk, search, { t: 'gwi-' })).searchProducts.map((p) => p.sku)).toEqual(['GWI-1', 'GWI-3']);
  });

  it('finds an imported product by a misspelt name and changes it', async () => {
    const [found] = (await system.must<Found>(clerk, search, { t: 'centrifgual pmup' })).searchProducts;
    expect(found).toMatchObject({ sku: 'GWI-1', name: 'Centrifugal pump' });

    const changed = await system.must<{ updateProduct: { name: string; specification: string } }>(
      clerk,
      'mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { name specification } }',
      { id: found!.id, input: { name: 'Centrifugal pump CP-200', specification: 'Cast iron, 220 l/min' } },
    );
    expect(changed.updateProduct).toEqual({ name: 'Centrifugal pump CP-200', specification: 'Cast iron, 220 l/min' });
    expect((await system.must<Found>(clerk, search, { t: 'cp-200' })).searchProducts.map((p) => p.id)).toEqual([found!.id]);
  });
});
