import { randomUUID } from 'node:crypto';
import { writeXlsx } from '@rapport/subgraph-kit';
import type { TestPrincipal } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { useCheckedInventorySubgraph } from '../../test-fixtures.js';

const subgraph = useCheckedInventorySubgraph();
const clerk: TestPrincipal = { userId: randomUUID(), role: 'WAREHOUSE_CLERK' };
const manager: TestPrincipal = { userId: randomUUID(), role: 'SALES_MANAGER' };
const rep: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [randomUUID()] };

const importMutation = 'mutation($input: ImportProductsInput!) { importProducts(input: $input) { dryRun rows created updated unchanged } }';
interface Report {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}
interface RowError {
  row: number;
  field: string;
  code: string;
  message: string;
}
type ImportResult = { data?: { importProducts: Report } | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

const run = (input: Record<string, unknown>, principal: TestPrincipal = clerk): Promise<ImportResult> =>
  subgraph.gqlAs<{ importProducts: Report }>(principal, importMutation, { input });
const rowErrors = (result: ImportResult): RowError[] => (result.errors?.[0]?.extensions?.details as { errors?: RowError[] } | undefined)?.errors ?? [];

const db = () => subgraph.service.orm.em.fork().getConnection();
const productsLike = (prefix: string) =>
  db().execute<{ id: string; sku: string; name: string; unit: string; list_price: string; standard_cost: string; currency: string; specification: string | null }[]>(
    `select id, sku, name, unit, list_price::text, standard_cost::text, currency, specification from product where sku like ? order by sku`,
    [`${prefix}%`],
  );
const eventsFor = (type: string, ids: readonly string[]) =>
  db().execute<{ subject: string; data: Record<string, unknown> }[]>(
    `select payload->>'subject' as subject, payload->'data' as data from outbox_message where payload->>'type' = ? and payload->>'subject' = any(?::text[]) order by position`,
    [type, `{${ids.join(',')}}`],
  );

const header = 'sku,name,specification,category,unit,list price,currency,standard_cost';

describe('product import', () => {
  it('refuses the whole file naming every bad row and field, and writes nothing', async () => {
    const csv = [
      header,
      'IMP-A1,Pump A,,Pumps,pcs,10.50,EUR,4',
      'IMP-A2,,,,pcs,10,EUR,', // no name
      'IMP-A3,Pump C,,,pcs,-1,EUR,', // negative price
      'imp-a1,Pump A again,,,pcs,3,EUR,', // the same SKU as row 0 (case ignored)
      'bad sku!,Pump E,,,pcs,3,XX1,', // bad SKU and currency
    ].join('\n');
    const result = await run({ body: csv, dryRun: false });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMPORT_INVALID' });
    const errors = rowErrors(result);
    expect(errors.map((e) => e.field)).toEqual(['rows[1].name', 'rows[2].listPrice.amount', 'rows[3].sku', 'rows[4].sku', 'rows[4].listPrice.currency']);
    expect(errors[2]).toMatchObject({ row: 3, code: 'DUPLICATE_ROW' });
    expect(await productsLike('IMP-A')).toEqual([]);
  });

  it('refuses bodies it cannot read: unknown columns, no rows, more than 10,000 rows, a bad JSON row', async () => {
    const unknown = await run({ body: 'sku,name,colour\nX,Y,red', dryRun: true });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ field: 'input.body', reason: 'UNKNOWN_COLUMN' });
    const wide = await run({ body: 'sku,name,listPrice,currency\nX,Y,1,EUR\nZ,W,1,EUR,extra', dryRun: true });
    expect(wide.errors?.[0]?.extensions).toMatchObject({ field: 'rows[1]', reason: 'TOO_MANY_CELLS' });
    const empty = await run({ body: header, dryRun: true });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ field: 'input.body', reason: 'EMPTY_IMPORT' });
    const tooMany = [header, ...Array.from({ length: 10_001 }, (_, i) => `BIG-${i},Big ${i},,,pcs,1,EUR,`)].join('\n');
    const big = await run({ body: tooMany, dryRun: true });
    expect(big.errors?.[0]?.extensions).toMatchObject({ field: 'input.body', reason: 'IMPORT_TOO_LARGE' });
    const json = await run({
      format: 'JSON',
      body: JSON.stringify([
        { sku: 'J-1', name: 'J', listPrice: '1', currency: 'EUR' },
        { sku: 'J-2', name: 'J', listPrice: 'ten', currency: 'EUR' },
      ]),
      dryRun: true,
    });
    expect(rowErrors(json).map((e) => e.field)).toEqual(['rows[1].listPrice.amount']);
  });

  it('reads an XLSX workbook (base64) as it reads CSV: the same per-row errors, dry run and import', async () => {
    const columns = header.split(',');
    const workbook = async (rows: string[][]): Promise<string> => (await writeXlsx('Products', columns, rows)).toString('base64');
    const bad = await run({
      format: 'XLSX',
      body: await workbook([
        ['IMP-X1', 'Pump X1', '', '', 'pcs', '10', 'EUR', ''],
        ['IMP-X2', '', '', '', 'pcs', '-2', 'EUR', ''],
      ]),
      dryRun: false,
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMPORT_INVALID' });
    expect(rowErrors(bad).map((e) => e.field)).toEqual(['rows[1].name', 'rows[1].listPrice.amount']);
    expect(await productsLike('IMP-X')).toEqual([]);

    const good = await workbook([
      ['IMP-X1', 'Pump X1', 'DN50, PN16', 'Pumps', 'pcs', '10.5', 'EUR', '4'],
      ['IMP-X2', 'Valve X2', '', '', '', '2', 'EUR', ''],
    ]);
    const dry = await run({ format: 'XLSX', body: good, dryRun: true });
    expect(dry.data?.importProducts).toEqual({ dryRun: true, rows: 2, created: 2, updated: 0, unchanged: 0 });
    expect(await productsLike('IMP-X')).toEqual([]);
    const done = await run({ format: 'XLSX', body: good, dryRun: false });
    expect(done.data?.importProducts).toEqual({ dryRun: false, rows: 2, created: 2, updated: 0, unchanged: 0 });
    expect((await productsLike('IMP-X')).map((p) => [p.sku, p.name, p.specification, p.unit, p.list_price, p.standard_cost])).toEqual([
      ['IMP-X1', 'Pump X1', 'DN50, PN16', 'pcs', '10.5000', '4.0000'],
      ['IMP-X2', 'Valve X2', null, 'pcs', '2.0000', '0.0000'],
    ]);

    const notBase64 = await run({ format: 'XLSX', body: 'sku,name\nX,Y', dryRun: true });
    expect(notBase64.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.body', reason: 'INVALID_BASE64' });
    const notWorkbook = await run({ format: 'XLSX', body: Buffer.from('sku,name').toString('base64'), dryRun: true });
    expect(notWorkbook.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.body', reason: 'INVALID_XLSX' });
  });

  it('refuses a standard cost from a role that may not set costs, and any import from one that may not change products', async () => {
    const withCost = await run({ body: `${header}\nIMP-M1,Pump,,,pcs,10,EUR,5`, dryRun: false }, manager);
    expect(withCost.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byRep = await run({ body: `${header}\nIMP-M1,Pump,,,pcs,10,EUR,`, dryRun: false }, rep);
    expect(byRep.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await productsLike('IMP-M')).toEqual([]);
  });

  it('counts on a dry run and writes nothing', async () => {
    const result = await run({ body: `${header}\nIMP-D1,Pump,,,pcs,10,EUR,\nIMP-D2,Valve,,,pcs,2.5,EUR,1`, dryRun: true });
    expect(result.errors).toBeUndefined();
    expect(result.data!.importProducts).toEqual({ dryRun: true, rows: 2, created: 2, updated: 0, unchanged: 0 });
    expect(await productsLike('IMP-D')).toEqual([]);
  });

  it('creates new products and updates existing ones by SKU, announcing each as createProduct and updateProduct do', async () => {
    const csv = [header, 'IMP-B1,Pump B1,"Cast iron, 200 l/min",Pumps,,1250.5,EUR,700', 'IMP-B2,Valve B2,,Valves,pcs,12,EUR,'].join('\n');
    const first = await run({ body: csv, dryRun: false });
    expect(first.errors).toBeUndefined();
    expect(first.data!.importProducts).toEqual({ dryRun: false, rows: 2, created: 2, updated: 0, unchanged: 0 });
    const created = await productsLike('IMP-B');
    expect(created).toMatchObject([
      { sku: 'IMP-B1', name: 'Pump B1', unit: 'pcs', specification: 'Cast iron, 200 l/min', currency: 'EUR' },
      { sku: 'IMP-B2', name: 'Valve B2', unit: 'pcs', specification: null },
    ]);
    expect(created[0]!.list_price).toBe('1250.5000');
    expect(created[1]!.standard_cost).toBe('0.0000');
    const ids = created.map((p) => p.id);
    const announced = await eventsFor('inventory.product.created.v2', ids);
    expect(announced.map((e) => e.subject).sort()).toEqual([...ids].sort());
    expect(announced.find((e) => e.subject === ids[0])!.data).toEqual({
      productId: ids[0],
      sku: 'IMP-B1',
      name: 'Pump B1',
      unit: 'pcs',
      listPrice: { amount: '1250.50', currency: 'EUR' },
      standardCost: { amount: '700.00', currency: 'EUR' },
      active: true,
      changedAt: expect.any(String),
    });
    // The product reads back through the API, history included.
    const read = await subgraph.gqlAs<{ product: { sku: string; history: { action: string }[] } }>(clerk, 'query($id: ID!) { product(id: $id) { sku history { action } } }', {
      id: ids[0],
    });
    expect(read.data!.product).toEqual({ sku: 'IMP-B1', history: [{ action: 'CREATE' }] });

    // Again from JSON: B1 changes its price, B2 is as stored, B3 is new.
    const json = JSON.stringify([
      { code: 'imp-b1', name: 'Pump B1', listPrice: '1300', currency: 'EUR' },
      { sku: 'IMP-B2', name: 'Valve B2', listPrice: 12, currency: 'EUR' },
      { sku: 'IMP-B3', name: 'Seal B3', listPrice: '0.75', currency: 'EUR', unit: 'm' },
    ]);
    const second = await run({ format: 'JSON', body: json, dryRun: false });
    expect(second.errors).toBeUndefined();
    expect(second.data!.importProducts).toEqual({ dryRun: false, rows: 3, created: 1, updated: 1, unchanged: 1 });
    const after = await productsLike('IMP-B');
    expect(after.map((p) => [p.sku, p.list_price, p.standard_cost, p.specification])).toEqual([
      ['IMP-B1', '1300.0000', '700.0000', 'Cast iron, 200 l/min'], // empty cells leave the stored values
      ['IMP-B2', '12.0000', '0.0000', null],
      ['IMP-B3', '0.7500', '0.0000', null],
    ]);
    const changed = await eventsFor('inventory.product.changed.v1', ids);
    expect(changed).toEqual([
      {
        subject: ids[0],
        data: expect.objectContaining({ productId: ids[0], listPrice: { amount: '1300.00', currency: 'EUR' }, standardCost: { amount: '700.00', currency: 'EUR' } }),
      },
    ]);
    // Read by sales: the warehouse's role sees no list prices, so no entry changing only the price.
    const history = await subgraph.gqlAs<{ product: { history: { action: string; changes: { field: string }[] }[] } }>(
      manager,
      'query($id: ID!) { product(id: $id) { history { action changes { field } } } }',
      { id: ids[0] },
    );
    expect(history.data!.product.history[0]).toEqual({ action: 'UPDATE', changes: [{ field: 'listPrice' }] });
  });

  it('refuses existing SKUs when asked to, and a retired product’s SKU always', async () => {
    await run({ body: `${header}\nIMP-R1,Pump R1,,,pcs,10,EUR,\nIMP-R2,Pump R2,,,pcs,10,EUR,`, dryRun: false });
    const [r1, r2] = await productsLike('IMP-R');
    await subgraph.gqlAs(clerk, 'mutation($id: ID!) { deleteProduct(id: $id) { id } }', { id: r2!.id });
    const refused = await run({ body: `${header}\nIMP-R1,Pump R1 new,,,pcs,10,EUR,\nIMP-R3,Pump R3,,,pcs,1,EUR,`, dryRun: false, existing: 'REFUSE' });
    expect(rowErrors(refused)).toEqual([expect.objectContaining({ row: 0, field: 'rows[0].sku', code: 'SKU_TAKEN' })]);
    const retired = await run({ body: `${header}\nIMP-R2,Pump R2 new,,,pcs,10,EUR,`, dryRun: false });
    expect(rowErrors(retired)).toEqual([expect.objectContaining({ field: 'rows[0].sku', code: 'SKU_TAKEN' })]);
    expect((await productsLike('IMP-R')).map((p) => [p.id, p.name])).toEqual([
      [r1!.id, 'Pump R1'],
      [r2!.id, 'Pump R2'],
    ]);
  });

  it('with a mode, reports refused rows in the report as the customer import does: ALL_OR_NOTHING writes nothing, PER_ROW the good rows, a dry run the same', async () => {
    const reportQuery = `mutation($input: ImportProductsInput!) { importProducts(input: $input) {
      dryRun mode rolledBack rows created updated unchanged failed errorCount errors { row field code message } } }`;
    const report = async (input: Record<string, unknown>) => {
      const result = await subgraph.gqlAs<{ importProducts: Record<string, unknown> & { errors: RowError[] } }>(clerk, reportQuery, { input });
      expect(result.errors).toBeUndefined();
      return result.data!.importProducts;
    };
    await run({ body: `${header}\nIMP-P0,Pump P0,,,pcs,10,EUR,`, dryRun: false });
    const csv = [
      header,
      'IMP-P0,Pump P0 renamed,,,pcs,10,EUR,', // updates the stored one
      'IMP-P1,Pump P1,,,pcs,10.5,EUR,4',
      'IMP-P2,Pump P2,,,pcs,-3,EUR,', // negative price
      'IMP-P3,,,,pcs,ten,EUR,', // no name, bad price
      'imp-p1,Pump P1 again,,,pcs,3,EUR,', // the same SKU as row 1
    ].join('\n');
    const badRows = [
      { row: 2, field: 'rows[2].listPrice.amount', code: expect.any(String), message: expect.stringContaining('rows[2].listPrice.amount') },
      { row: 3, field: 'rows[3].name', code: expect.any(String), message: expect.stringContaining('rows[3].name') },
      { row: 3, field: 'rows[3].listPrice.amount', code: expect.any(String), message: expect.stringContaining('rows[3].listPrice.amount') },
      { row: 4, field: 'rows[4].sku', code: 'DUPLICATE_ROW', message: expect.stringContaining('rows[1]') },
    ];

    const all = { dryRun: false, mode: 'ALL_OR_NOTHING', rolledBack: true, rows: 5, created: 0, updated: 0, unchanged: 0, failed: 3, errorCount: 4, errors: badRows };
    expect(await report({ body: csv, dryRun: true, mode: 'ALL_OR_NOTHING' })).toEqual({ ...all, dryRun: true });
    expect(await report({ body: csv, dryRun: false, mode: 'ALL_OR_NOTHING' })).toEqual(all);
    expect((await productsLike('IMP-P')).map((p) => [p.sku, p.name])).toEqual([['IMP-P0', 'Pump P0']]);

    const perRow = { dryRun: false, mode: 'PER_ROW', rolledBack: false, rows: 5, created: 1, updated: 1, unchanged: 0, failed: 3, errorCount: 4, errors: badRows };
    expect(await report({ body: csv, dryRun: true, mode: 'PER_ROW' })).toEqual({ ...perRow, dryRun: true });
    expect((await productsLike('IMP-P')).map((p) => [p.sku, p.name])).toEqual([['IMP-P0', 'Pump P0']]);
    expect(await report({ body: csv, dryRun: false, mode: 'PER_ROW' })).toEqual(perRow);
    const written = await productsLike('IMP-P');
    expect(written.map((p) => [p.sku, p.name, p.list_price])).toEqual([
      ['IMP-P0', 'Pump P0 renamed', '10.0000'],
      ['IMP-P1', 'Pump P1', '10.5000'],
    ]);
    expect(await eventsFor('inventory.product.created.v2', [written[1]!.id])).toHaveLength(1);
    expect(await eventsFor('inventory.product.changed.v1', [written[0]!.id])).toHaveLength(1);

    // A clean file in a mode: no errors, nothing rolled back; a body that cannot be read is still refused whole.
    expect(await report({ body: `${header}\nIMP-P1,Pump P1,,,pcs,10.5,EUR,4`, dryRun: false, mode: 'ALL_OR_NOTHING' })).toMatchObject({
      rolledBack: false,
      unchanged: 1,
      failed: 0,
      errors: [],
    });
    // A row that cannot be read (more cells than the header names) is a refused row like any other in a mode.
    const wide = await report({ body: 'sku,name,listPrice,currency\nIMP-W1,W,1,EUR\nIMP-W2,W,1,EUR,extra', dryRun: true, mode: 'PER_ROW' });
    expect(wide).toMatchObject({ created: 1, failed: 1, errors: [{ row: 1, field: 'rows[1]', code: 'TOO_MANY_CELLS' }] });
    const unreadable = await run({ body: 'sku,name,colour\nX,Y,red', dryRun: true, mode: 'PER_ROW' });
    expect(unreadable.errors?.[0]?.extensions).toMatchObject({ field: 'input.body', reason: 'UNKNOWN_COLUMN' });
  });
});
