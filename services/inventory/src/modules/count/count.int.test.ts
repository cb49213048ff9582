import { randomUUID } from 'node:crypto';
import { countAuditEntries, countOutboxEvents, raceBehindRow } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { aConfirmedOrder, aProduct, aWarehouse, levelOf, receive, unknownId, useCheckedInventorySubgraph } from '../../test-fixtures.js';
import { parseCountCsv } from './count.service.js';

const subgraph = useCheckedInventorySubgraph();
const em = () => subgraph.service.orm.em.fork();

const countFields = `id number state lineCount countedLines postedAt warehouse { id } differenceValue { amount currency }
  lines { product { id } expected counted difference differenceValue { amount currency } onHandNow }`;
interface CountLineView {
  product: { id: string };
  expected: string;
  counted: string | null;
  difference: string | null;
  differenceValue: { amount: string; currency: string } | null;
  onHandNow: string;
}
interface CountView {
  id: string;
  number: string;
  state: string;
  lineCount: number;
  countedLines: number;
  postedAt: string | null;
  differenceValue: { amount: string; currency: string }[];
  lines: CountLineView[];
}
type GqlError = { message: string; extensions?: Record<string, unknown> };

const create = (input: Record<string, unknown>) =>
  subgraph.gql<{ createStockCount: CountView }>(`mutation($input: CreateStockCountInput!) { createStockCount(input: $input) { ${countFields} } }`, { input });
const enter = (countId: string, lines: { productId: string; counted: string }[]) =>
  subgraph.gql<{ enterCountedQuantities: CountView }>(`mutation($input: EnterCountedQuantitiesInput!) { enterCountedQuantities(input: $input) { ${countFields} } }`, {
    input: { countId, lines },
  });
const post = (countId: string) => subgraph.gql<{ postStockCount: CountView }>(`mutation($id: ID!) { postStockCount(countId: $id) { ${countFields} } }`, { id: countId });
const importCsv = (countId: string, csv: string, dryRun: boolean) =>
  subgraph.gql<{
    importCountedQuantities: { dryRun: boolean; rows: number; valid: number; applied: boolean; errors: { row: number; field: string; code: string }[]; count: CountView };
  }>(
    `mutation($input: ImportCountedQuantitiesInput!) { importCountedQuantities(input: $input) { dryRun rows valid applied errors { row field code } count { ${countFields} } } }`,
    {
      input: { countId, csv, dryRun },
    },
  );
const lineOf = (count: CountView, productId: string) => count.lines.find((l) => l.product.id === productId);

async function countMoves(countId: string): Promise<{ product_id: string; quantity: string; unit_cost: string }[]> {
  return em().execute(`select product_id, quantity::text, unit_cost::text from stock_move where kind = 'COUNT' and reference_id = ? order by product_id`, [countId]);
}
async function postedEvents(countId: string): Promise<{ data: { part: number; parts: number; differenceLines: number; lines: Record<string, unknown>[] } }[]> {
  const rows = await em().execute<{ payload: { data: { part: number; parts: number; differenceLines: number; lines: Record<string, unknown>[] } } }[]>(
    `select payload from outbox_message where payload->>'type' = 'inventory.count.posted.v1' and payload->>'subject' = ? order by position`,
    [countId],
  );
  return rows.map((r) => r.payload);
}

describe('stock counts', () => {
  it('counts selected products, reviews the differences at standard cost and posts them as COUNT moves in one go', async () => {
    const warehouseId = await aWarehouse(subgraph);
    const [pump, valve, seal] = [
      await aProduct(subgraph, { standardCost: { amount: '60', currency: 'EUR' } }),
      await aProduct(subgraph, { standardCost: { amount: '12.5', currency: 'EUR' } }),
      await aProduct(subgraph),
    ];
    const elsewhere = await aProduct(subgraph);
    await receive(subgraph, pump, warehouseId, '10');
    await receive(subgraph, valve, warehouseId, '4');
    await receive(subgraph, elsewhere, warehouseId, '7');

    const created = await create({ warehouseId, productIds: [pump, valve, seal], note: 'aisle 3' });
    expect(created.errors).toBeUndefined();
    const count = created.data!.createStockCount;
    expect(count).toMatchObject({ state: 'OPEN', lineCount: 3, countedLines: 0, postedAt: null });
    expect(count.number).toMatch(/^CNT-\d{6}$/);
    expect(lineOf(count, pump)).toMatchObject({ expected: '10', counted: null, difference: null });
    expect(lineOf(count, seal)).toMatchObject({ expected: '0' });
    expect(lineOf(count, elsewhere)).toBeUndefined();

    const entered = await enter(count.id, [
      { productId: pump, counted: '8' },
      { productId: valve, counted: '4.25' },
    ]);
    expect(entered.errors).toBeUndefined();
    const sheet = entered.data!.enterCountedQuantities;
    expect(sheet.countedLines).toBe(2);
    expect(lineOf(sheet, pump)).toMatchObject({ counted: '8', difference: '-2', differenceValue: { amount: '-120.00', currency: 'EUR' } });
    expect(lineOf(sheet, valve)).toMatchObject({ counted: '4.25', difference: '0.25', differenceValue: { amount: '3.13', currency: 'EUR' } });
    expect(sheet.differenceValue).toEqual([{ amount: '-116.87', currency: 'EUR' }]);

    const review = await subgraph.gql<{ stockCount: { lines: { product: { id: string } }[] } }>(
      'query($id: ID!) { stockCount(id: $id) { lines(onlyDifferences: true) { product { id } } } }',
      { id: count.id },
    );
    expect(review.data!.stockCount.lines.map((l) => l.product.id).sort()).toEqual([pump, valve].sort());

    const posted = await post(count.id);
    expect(posted.errors).toBeUndefined();
    expect(posted.data!.postStockCount).toMatchObject({ state: 'POSTED', postedAt: expect.any(String) });
    expect(await levelOf(subgraph, pump, warehouseId)).toMatchObject({ onHand: '8' });
    expect(await levelOf(subgraph, valve, warehouseId)).toMatchObject({ onHand: '4.25' });
    expect(await levelOf(subgraph, elsewhere, warehouseId)).toMatchObject({ onHand: '7' });
    // The uncounted seal posts nothing.
    expect((await countMoves(count.id)).map((m) => [m.product_id, m.quantity]).sort()).toEqual(
      [
        [pump, '-2.000'],
        [valve, '0.250'],
      ].sort(),
    );
    const events = await postedEvents(count.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ part: 1, parts: 1, differenceLines: 2 });
    expect(events[0]!.data.lines).toEqual(
      expect.arrayContaining([
        { productId: pump, expected: '10', counted: '8', difference: '-2', unitCost: { amount: '60.00', currency: 'EUR' }, reservedBeyondOnHand: '0' },
        { productId: valve, expected: '4', counted: '4.25', difference: '0.25', unitCost: { amount: '12.50', currency: 'EUR' }, reservedBeyondOnHand: '0' },
      ]),
    );

    const again = await enter(count.id, [{ productId: pump, counted: '1' }]);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'COUNT_POSTED' });
    const listed = await subgraph.gql<{ stockCounts: { edges: { node: { id: string; state: string } }[] } }>(
      'query($f: StockCountFilter) { stockCounts(filter: $f) { edges { node { id state } } } }',
      { f: { warehouseId, state: 'POSTED' } },
    );
    expect(listed.data!.stockCounts.edges.map((e) => e.node)).toEqual([{ id: count.id, state: 'POSTED' }]);
  });

  it('counts every product with stock in the warehouse when none are named, and adds a product found on the shelf', async () => {
    const warehouseId = await aWarehouse(subgraph);
    const [a, b, found] = [await aProduct(subgraph), await aProduct(subgraph), await aProduct(subgraph)];
    await receive(subgraph, a, warehouseId, '3');
    await receive(subgraph, b, warehouseId, '1');
    const count = (await create({ warehouseId })).data!.createStockCount;
    expect(count.lines.map((l) => l.product.id).sort()).toEqual([a, b].sort());
    const entered = await enter(count.id, [{ productId: found, counted: '2' }]);
    expect(entered.errors).toBeUndefined();
    expect(lineOf(entered.data!.enterCountedQuantities, found)).toMatchObject({ expected: '0', counted: '2', difference: '2' });
    expect((await post(count.id)).errors).toBeUndefined();
    expect(await levelOf(subgraph, found, warehouseId)).toMatchObject({ onHand: '2' });
    expect(await levelOf(subgraph, a, warehouseId)).toMatchObject({ onHand: '3' });
  });

  it('imports counted quantities: a dry run names each wrong row and column, a wrong import writes nothing, a right one applies', async () => {
    const warehouseId = await aWarehouse(subgraph);
    const sku1 = `CNT-IMP-${randomUUID().slice(0, 8)}`;
    const sku2 = `CNT-IMP-${randomUUID().slice(0, 8)}`;
    const [p1, p2] = [await aProduct(subgraph, { sku: sku1 }), await aProduct(subgraph, { sku: sku2 })];
    await receive(subgraph, p1, warehouseId, '5');
    await receive(subgraph, p2, warehouseId, '5');
    const count = (await create({ warehouseId, productIds: [p1, p2] })).data!.createStockCount;

    const bad = `code;counted\n${sku1};4\nNO-SUCH-CODE;1\n${sku2};-1\n${sku1};3\n\n${sku2};2.0001\n`;
    const dry = await importCsv(count.id, bad, true);
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.importCountedQuantities).toMatchObject({ dryRun: true, rows: 5, valid: 1, applied: false });
    expect(dry.data!.importCountedQuantities.errors).toEqual([
      { row: 3, field: 'code', code: 'PRODUCT_NOT_FOUND' },
      { row: 4, field: 'counted', code: 'NEGATIVE_QUANTITY' },
      { row: 5, field: 'code', code: 'DUPLICATE_ROW' },
      { row: 7, field: 'code', code: 'DUPLICATE_ROW' },
      { row: 7, field: 'counted', code: 'QUANTITY_TOO_PRECISE' },
    ]);
    const refused = await importCsv(count.id, bad, false);
    expect(refused.data!.importCountedQuantities).toMatchObject({ dryRun: false, applied: false });
    expect(refused.data!.importCountedQuantities.count.countedLines).toBe(0);

    const good = await importCsv(count.id, `${sku1};4\n${sku2},6.5`, false);
    expect(good.data!.importCountedQuantities).toMatchObject({ rows: 2, valid: 2, applied: true, errors: [] });
    expect(lineOf(good.data!.importCountedQuantities.count, p2)).toMatchObject({ counted: '6.5', difference: '1.5' });
  });

  it('posts counted − frozen expected: moves made after the freeze stand', async () => {
    const warehouseId = await aWarehouse(subgraph);
    const productId = await aProduct(subgraph);
    await receive(subgraph, productId, warehouseId, '10');
    const count = (await create({ warehouseId, productIds: [productId] })).data!.createStockCount;
    await enter(count.id, [{ productId, counted: '8' }]);
    // Three go out after the freeze, while the count is open.
    const adjusted = await subgraph.gql('mutation($input: AdjustStockInput!) { adjustStock(input: $input) { id } }', {
      input: { productId, warehouseId, quantity: '-3', reason: 'sold over the counter' },
    });
    expect(adjusted.errors).toBeUndefined();
    const review = await subgraph.gql<{ stockCount: CountView }>(`query($id: ID!) { stockCount(id: $id) { ${countFields} } }`, { id: count.id });
    expect(lineOf(review.data!.stockCount, productId)).toMatchObject({ expected: '10', counted: '8', onHandNow: '7' });
    expect((await post(count.id)).errors).toBeUndefined();
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '5' });
  });

  it('keeps reservations when a count takes on hand below them, flags the line, and refuses to go below zero', async () => {
    const warehouseId = await aWarehouse(subgraph);
    const productId = await aProduct(subgraph);
    await receive(subgraph, productId, warehouseId, '5');
    await aConfirmedOrder(subgraph, [{ productId, quantity: '4' }], { warehouseId });
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '5', reserved: '4' });
    const count = (await create({ warehouseId, productIds: [productId] })).data!.createStockCount;
    await enter(count.id, [{ productId, counted: '1' }]);
    expect((await post(count.id)).errors).toBeUndefined();
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '1', reserved: '4', available: '-3' });
    expect((await postedEvents(count.id))[0]!.data.lines[0]).toMatchObject({ productId, difference: '-4', reservedBeyondOnHand: '3' });

    // Counted 0 after the freeze at 1, but 1 went out meanwhile would take it to −1: refused, nothing written.
    const other = await aProduct(subgraph);
    await receive(subgraph, other, warehouseId, '2');
    const second = (await create({ warehouseId, productIds: [other] })).data!.createStockCount;
    await enter(second.id, [{ productId: other, counted: '0' }]);
    await subgraph.gql('mutation($input: AdjustStockInput!) { adjustStock(input: $input) { id } }', {
      input: { productId: other, warehouseId, quantity: '-1', reason: 'broken' },
    });
    const refused = await post(second.id);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INSUFFICIENT_STOCK', field: 'countId' });
    expect(await countMoves(second.id)).toEqual([]);
    expect(await levelOf(subgraph, other, warehouseId)).toMatchObject({ onHand: '1' });
  });

  it('raises a safety alarm when a count takes available stock below the safety level, and clears it when a later count brings it back', async () => {
    const warehouseId = await aWarehouse(subgraph);
    const [watched, unwatched] = [await aProduct(subgraph), await aProduct(subgraph)];
    await receive(subgraph, watched, warehouseId, '10');
    await receive(subgraph, unwatched, warehouseId, '10');
    const rule = await subgraph.gql('mutation($input: SetStockRuleInput!) { setStockRule(input: $input) { id } }', {
      input: { productId: watched, warehouseId, safetyStock: '5', reorderQuantity: '20' },
    });
    expect(rule.errors).toBeUndefined();
    const alarms = async () =>
      (
        await em().execute<{ product_id: string; recovered_at: Date | null }[]>('select product_id, recovered_at from stock_alarm where warehouse_id = ? order by raised_at', [
          warehouseId,
        ])
      ).map((a) => [a.product_id, a.recovered_at === null ? 'open' : 'cleared']);
    const first = (await create({ warehouseId })).data!.createStockCount;
    await enter(first.id, [
      { productId: watched, counted: '4' },
      { productId: unwatched, counted: '1' },
    ]);
    expect((await post(first.id)).errors).toBeUndefined();
    expect(await alarms()).toEqual([[watched, 'open']]);
    const second = (await create({ warehouseId, productIds: [watched] })).data!.createStockCount;
    await enter(second.id, [{ productId: watched, counted: '6' }]);
    expect((await post(second.id)).errors).toBeUndefined();
    expect(await alarms()).toEqual([[watched, 'cleared']]);
  });

  it('serves a waiting shortage from goods a count finds', async () => {
    const warehouseId = await aWarehouse(subgraph);
    const productId = await aProduct(subgraph);
    await aConfirmedOrder(subgraph, [{ productId, quantity: '2' }], { warehouseId });
    const count = (await create({ warehouseId, productIds: [productId] })).data!.createStockCount;
    await enter(count.id, [{ productId, counted: '3' }]);
    expect((await post(count.id)).errors).toBeUndefined();
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '3', reserved: '2', available: '1' });
  });

  it('shows a sales rep the differences but not their value at cost, and refuses the rep a posting', async () => {
    const warehouseId = await aWarehouse(subgraph);
    const productId = await aProduct(subgraph);
    await receive(subgraph, productId, warehouseId, '2');
    const count = (await create({ warehouseId, productIds: [productId] })).data!.createStockCount;
    await enter(count.id, [{ productId, counted: '1' }]);
    const rep = { role: 'SALES_REP' as const };
    const seen = await subgraph.gqlAs<{ stockCount: { differenceValue: unknown[]; lines: { difference: string; differenceValue: unknown }[] } }>(
      rep,
      'query($id: ID!) { stockCount(id: $id) { differenceValue { amount } lines { difference differenceValue { amount } } } }',
      { id: count.id },
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.stockCount).toEqual({ differenceValue: [], lines: [{ difference: '-1', differenceValue: null }] });
    const clerk = await subgraph.gqlAs<{ stockCount: { differenceValue: { amount: string }[] } }>(
      { role: 'WAREHOUSE_CLERK' },
      'query($id: ID!) { stockCount(id: $id) { differenceValue { amount } } }',
      {
        id: count.id,
      },
    );
    expect(clerk.data!.stockCount.differenceValue).toEqual([{ amount: '-60.00' }]);
    const refused = await subgraph.gqlAs(rep, 'mutation($id: ID!) { postStockCount(countId: $id) { id } }', { id: count.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await countMoves(count.id)).toEqual([]);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const warehouseId = await aWarehouse(subgraph);
    const productId = await aProduct(subgraph);
    const unknownWarehouse = await create({ warehouseId: unknownId, productIds: [productId] });
    expect(unknownWarehouse.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.warehouseId' });
    const unknownProduct = await create({ warehouseId, productIds: [productId, unknownId] });
    expect(unknownProduct.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.productIds[1]' });
    const twice = await create({ warehouseId, productIds: [productId, productId] });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.productIds[1]' });
    const nothing = await create({ warehouseId });
    expect(nothing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOTHING_TO_COUNT' });

    const count = (await create({ warehouseId, productIds: [productId] })).data!.createStockCount;
    for (const [counted, reason] of [
      ['-1', 'NEGATIVE_QUANTITY'],
      ['1.0005', 'QUANTITY_TOO_PRECISE'],
      ['lots', 'INVALID_QUANTITY'],
    ] as const) {
      const result = await enter(count.id, [{ productId, counted }]);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason, field: 'input.lines[0].counted' });
    }
    const unknownLine = await enter(count.id, [
      { productId, counted: '1' },
      { productId: unknownId, counted: '1' },
    ]);
    expect(unknownLine.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.lines[1].productId' });
    const sheet = await subgraph.gql<{ stockCount: CountView }>(`query($id: ID!) { stockCount(id: $id) { ${countFields} } }`, { id: count.id });
    expect(sheet.data!.stockCount.countedLines).toBe(0);
    const missing = await post(unknownId);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'countId' });
    const cancelled = await subgraph.gql<{ cancelStockCount: { state: string } }>('mutation($id: ID!) { cancelStockCount(countId: $id) { state } }', { id: count.id });
    expect(cancelled.data!.cancelStockCount.state).toBe('CANCELLED');
    expect((await post(count.id)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'COUNT_CANCELLED' });
  });

  it('lets one of several concurrent posts of a count win; the others are CONFLICT and nothing is posted twice', async () => {
    const warehouseId = await aWarehouse(subgraph);
    const productId = await aProduct(subgraph);
    await receive(subgraph, productId, warehouseId, '6');
    const count = (await create({ warehouseId, productIds: [productId] })).data!.createStockCount;
    await enter(count.id, [{ productId, counted: '9' }]);
    const race = await raceBehindRow<unknown>(subgraph.database.url, 'stock_count', count.id, () => post(count.id), 5);
    expect(race.other).toEqual([]);
    expect(race.won).toHaveLength(1);
    expect(race.conflicts).toHaveLength(4);
    expect(race.conflicts.every((c: GqlError) => c.extensions?.reason === 'COUNT_POSTED')).toBe(true);
    expect(await countMoves(count.id)).toHaveLength(1);
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '9' });
    expect(await countOutboxEvents(em(), count.id, 'inventory.count.posted.v1')).toBe(1);
    expect(await countAuditEntries(em(), 'StockCount', count.id, 'UPDATE')).toBe(3);
  });
});

describe('count import text', () => {
  it('reads code;counted rows with their line numbers, skipping a header and blank lines', () => {
    expect(parseCountCsv('code;counted\nA;1\n\nB,2\r\n"C"\t3')).toEqual([
      { row: 2, code: 'A', counted: '1', cells: 2 },
      { row: 4, code: 'B', counted: '2', cells: 2 },
      { row: 5, code: 'C', counted: '3', cells: 2 },
    ]);
  });
});
