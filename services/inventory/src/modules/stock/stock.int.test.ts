import type { TestPrincipal } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { aProduct, aWarehouse, ledgerMismatches, levelOf, receive, unknownId, useCheckedInventorySubgraph } from '../../test-fixtures.js';
import { rebuildStockLevels } from './stock-ledger.js';

const subgraph = useCheckedInventorySubgraph();
const receiveMutation = 'mutation($input: ReceiveStockInput!) { receiveStock(input: $input) { id kind quantity unitCost { amount currency } reason actorId movedAt } }';
const adjustMutation = 'mutation($input: AdjustStockInput!) { adjustStock(input: $input) { id kind quantity reason } }';
const em = () => subgraph.service.orm.em.fork();

/** A product's first stock level and last move as `role` sees them: what it may know of cost and value. */
async function costsSeenBy(role: NonNullable<TestPrincipal['role']>, productId: string): Promise<{ level: unknown; unitCost: unknown }> {
  const result = await subgraph.gqlAs<{ stockLevels: { edges: { node: unknown }[] }; stockMoves: { edges: { node: { unitCost: unknown } }[] } }>(
    { role },
    'query($f: StockLevelFilter, $m: StockMoveFilter) { stockLevels(filter: $f) { edges { node { available value { amount } } } } stockMoves(filter: $m) { edges { node { unitCost { amount } } } } }',
    { f: { productId }, m: { productId } },
  );
  expect(result.errors, role).toBeUndefined();
  return { level: result.data!.stockLevels.edges[0]?.node, unitCost: result.data!.stockMoves.edges[0]?.node.unitCost };
}

describe('the stock ledger', () => {
  it('receives stock at the standard cost or a given one, and the level follows the ledger', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    const userId = '0191b3a0-0000-7000-8000-0000000000aa';
    const first = await subgraph.gqlAs<{ receiveStock: Record<string, unknown> }>({ role: 'WAREHOUSE_CLERK', userId }, receiveMutation, {
      input: { productId, warehouseId, quantity: '10.5', reason: 'DN-4711' },
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.receiveStock).toMatchObject({ kind: 'RECEIPT', quantity: '10.5', unitCost: { amount: '60.00', currency: 'EUR' }, reason: 'DN-4711', actorId: userId });
    const second = await subgraph.gql<{ receiveStock: Record<string, unknown> }>(receiveMutation, {
      input: { productId, warehouseId, quantity: '2', unitCost: { amount: '58.125', currency: 'EUR' } },
    });
    expect(second.data!.receiveStock).toMatchObject({ quantity: '2', unitCost: { amount: '58.125' } });
    expect(await levelOf(subgraph, productId, warehouseId)).toEqual({ onHand: '12.5', reserved: '0', available: '12.5' });
  });

  it('adjusts stock either way with a reason, and never below zero where the warehouse does not allow it', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await receive(subgraph, productId, warehouseId, '5');
    const down = await subgraph.gql<{ adjustStock: Record<string, unknown> }>(adjustMutation, { input: { productId, warehouseId, quantity: '-1.25', reason: 'damaged' } });
    expect(down.data!.adjustStock).toMatchObject({ kind: 'ADJUSTMENT', quantity: '-1.25', reason: 'damaged' });
    const tooMuch = await subgraph.gql(adjustMutation, { input: { productId, warehouseId, quantity: '-3.751', reason: 'lost' } });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quantity', reason: 'INSUFFICIENT_STOCK', details: { available: '3.75' } });
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '3.75' });
  });

  it('lets stock go negative where the warehouse allows it', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph, { allowNegativeStock: true });
    const result = await subgraph.gql(adjustMutation, { input: { productId, warehouseId, quantity: '-2', reason: 'consumed before booked' } });
    expect(result.errors).toBeUndefined();
    expect(await levelOf(subgraph, productId, warehouseId)).toEqual({ onHand: '-2', reserved: '0', available: '-2' });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    const cases: [string, Record<string, unknown>, string, string][] = [
      [receiveMutation, { quantity: '-1' }, 'BAD_USER_INPUT', 'input.quantity'],
      [receiveMutation, { quantity: '0' }, 'BAD_USER_INPUT', 'input.quantity'],
      [receiveMutation, { quantity: '1.0001' }, 'BAD_USER_INPUT', 'input.quantity'],
      [receiveMutation, { quantity: 'ten' }, 'BAD_USER_INPUT', 'input.quantity'],
      [receiveMutation, { productId: unknownId }, 'NOT_FOUND', 'input.productId'],
      [receiveMutation, { warehouseId: unknownId }, 'NOT_FOUND', 'input.warehouseId'],
      [receiveMutation, { warehouseId: 'nope' }, 'BAD_USER_INPUT', 'input.warehouseId'],
      [receiveMutation, { unitCost: { amount: '1', currency: 'USD' } }, 'BAD_USER_INPUT', 'input.unitCost.currency'],
      [adjustMutation, { quantity: '-1', reason: ' ' }, 'BAD_USER_INPUT', 'input.reason'],
      [adjustMutation, { quantity: '0', reason: 'x' }, 'BAD_USER_INPUT', 'input.quantity'],
      [adjustMutation, { quantity: '-0.001', reason: 'x' }, 'BAD_USER_INPUT', 'input.quantity'],
    ];
    for (const [mutation, overrides, code, field] of cases) {
      const result = await subgraph.gql(mutation, { input: { productId, warehouseId, quantity: '1', ...overrides } });
      expect(result.errors?.[0]?.extensions, `${field} ${JSON.stringify(overrides)}`).toMatchObject({ code, field });
    }
    const [moves] = await em().execute<{ n: number }[]>('select count(*)::int as n from stock_move where product_id = ?', [productId]);
    expect(moves!.n).toBe(0);
  });

  it('refuses a retired product as unknown', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await subgraph.gql(`mutation { deleteProduct(id: "${productId}") { id } }`);
    const result = await subgraph.gql(receiveMutation, { input: { productId, warehouseId, quantity: '1' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.productId' });
  });

  it('keeps the ledger append-only: the database refuses to change or delete a move', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await receive(subgraph, productId, warehouseId, '1');
    await expect(em().execute('update stock_move set quantity = 2 where product_id = ?', [productId])).rejects.toThrow(/append-only/);
    await expect(em().execute('delete from stock_move where product_id = ?', [productId])).rejects.toThrow(/append-only/);
  });

  it('finds a level that disagrees with its ledger, and the rebuild puts it right', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await receive(subgraph, productId, warehouseId, '7');
    await em().execute('update stock_level set on_hand = 9 where product_id = ?', [productId]);
    expect(await ledgerMismatches(subgraph)).toEqual([{ productId, warehouseId, onHand: '9', sumOfMoves: '7', reserved: '0', sumOfReservations: '0' }]);
    // Operators see the same through stockLedgerCheck (administrators only).
    const check = '{ stockLedgerCheck { productId product { id } warehouseId warehouse { id } onHand sumOfMoves reserved sumOfReservations } }';
    const asAdmin = await subgraph.gql<{ stockLedgerCheck: unknown[] }>(check);
    expect(asAdmin.data?.stockLedgerCheck).toEqual([
      { productId, product: { id: productId }, warehouseId, warehouse: { id: warehouseId }, onHand: '9', sumOfMoves: '7', reserved: '0', sumOfReservations: '0' },
    ]);
    for (const role of ['DIRECTOR', 'WAREHOUSE_CLERK', 'SALES_REP'] as const) {
      expect((await subgraph.gqlAs({ role }, check)).errors?.[0]?.extensions, role).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await rebuildStockLevels(em())).toBe(1);
    expect(await ledgerMismatches(subgraph)).toEqual([]);
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '7' });
  });

  it('runs concurrent receipts and withdrawals one at a time: the level is the sum of what was accepted', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await receive(subgraph, productId, warehouseId, '10');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? subgraph.gql(adjustMutation, { input: { productId, warehouseId, quantity: '-3', reason: 'picked' } })
          : subgraph.gql(receiveMutation, { input: { productId, warehouseId, quantity: '1' } }),
      ),
    );
    const refused = results.filter((r) => r.errors).map((r) => r.errors?.[0]?.extensions?.reason);
    expect(refused.every((reason) => reason === 'INSUFFICIENT_STOCK' || reason === 'CONCURRENT_TRANSITION')).toBe(true);
    const level = await levelOf(subgraph, productId, warehouseId);
    expect(Number(level!.onHand)).toBeGreaterThanOrEqual(0);
    expect(await ledgerMismatches(subgraph)).toEqual([]);
  });
});

describe('stock lists', () => {
  it('lists moves newest first, filtered by product, warehouse, kind and period, paged by cursor', async () => {
    const productId = await aProduct(subgraph);
    const [a, b] = [await aWarehouse(subgraph), await aWarehouse(subgraph)];
    await receive(subgraph, productId, a, '1');
    const between = new Date().toISOString();
    await receive(subgraph, productId, b, '2');
    await subgraph.gql(adjustMutation, { input: { productId, warehouseId: a, quantity: '-0.5', reason: 'x' } });
    type Page = { stockMoves: { edges: { node: { quantity: string; kind: string } }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } };
    const query =
      'query($f: StockMoveFilter, $after: String) { stockMoves(filter: $f, first: 2, after: $after) { edges { node { quantity kind } } pageInfo { endCursor hasNextPage } } }';
    const page1 = await subgraph.gql<Page>(query, { f: { productId } });
    expect(page1.data!.stockMoves.edges.map((e) => e.node.quantity)).toEqual(['-0.5', '2']);
    const page2 = await subgraph.gql<Page>(query, { f: { productId }, after: page1.data!.stockMoves.pageInfo.endCursor });
    expect(page2.data!.stockMoves.edges.map((e) => e.node.quantity)).toEqual(['1']);
    expect(page2.data!.stockMoves.pageInfo.hasNextPage).toBe(false);
    const receipts = await subgraph.gql<Page>(query, { f: { productId, kind: 'RECEIPT', warehouseId: a } });
    expect(receipts.data!.stockMoves.edges.map((e) => e.node.quantity)).toEqual(['1']);
    const later = await subgraph.gql<Page>(query, { f: { productId, from: between } });
    expect(later.data!.stockMoves.edges.map((e) => e.node.quantity)).toEqual(['-0.5', '2']);
    const earlier = await subgraph.gql<Page>(query, { f: { productId, to: between } });
    expect(earlier.data!.stockMoves.edges.map((e) => e.node.quantity)).toEqual(['1']);
  });

  it("lists levels by SKU and shows each product's stock per warehouse", async () => {
    const productId = await aProduct(subgraph, { sku: 'LVL-ZZ-1' });
    const [a, b] = [await aWarehouse(subgraph, { code: 'LVL-A' }), await aWarehouse(subgraph, { code: 'LVL-B' })];
    await receive(subgraph, productId, b, '3');
    await receive(subgraph, productId, a, '4');
    const result = await subgraph.gql<{ product: { stock: { warehouse: { code: string }; onHand: string; value: { amount: string } }[] } }>(
      `{ product(id: "${productId}") { stock { warehouse { code } onHand value { amount } } } }`,
    );
    expect(result.data!.product.stock).toEqual([
      { warehouse: { code: 'LVL-A' }, onHand: '4', value: { amount: '240.00' } },
      { warehouse: { code: 'LVL-B' }, onHand: '3', value: { amount: '180.00' } },
    ]);
  });
});

describe('who sees stock and costs', () => {
  it('shows warehouse staff, purchasing and finance stock with its cost and value', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await receive(subgraph, productId, warehouseId, '2');
    for (const role of ['WAREHOUSE_CLERK', 'BUYER', 'ACCOUNTANT', 'DIRECTOR'] as const) {
      const seen = await costsSeenBy(role, productId);
      expect(seen.level, role).toEqual({ available: '2', value: { amount: '120.00' } });
      expect(seen.unitCost, role).toEqual({ amount: '60.00' });
    }
  });

  it('shows sales reps and support availability but no cost or value', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await receive(subgraph, productId, warehouseId, '2');
    for (const role of ['SALES_REP', 'SALES_MANAGER', 'SUPPORT_AGENT'] as const) {
      const seen = await costsSeenBy(role, productId);
      expect(seen.level, role).toEqual({ available: '2', value: null });
      expect(seen.unitCost, role).toBeNull();
    }
  });

  it('lets only the warehouse, directors and admins move stock', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    const clerk = await subgraph.gqlAs({ role: 'WAREHOUSE_CLERK' }, receiveMutation, { input: { productId, warehouseId, quantity: '1' } });
    expect(clerk.errors).toBeUndefined();
    for (const role of ['SALES_REP', 'SALES_MANAGER', 'BUYER', 'ACCOUNTANT', 'SUPPORT_AGENT'] as const) {
      const result = await subgraph.gqlAs({ role }, receiveMutation, { input: { productId, warehouseId, quantity: '1' } });
      expect(result.errors?.[0]?.extensions, role).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '1' });
  });
});
