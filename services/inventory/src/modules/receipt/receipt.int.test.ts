import { randomUUID } from 'node:crypto';
import { applyOnce } from '@rapport/bus';
import { createEvent, OrderConfirmedV2, PurchaseOrderApprovedV1, PurchaseOrderCancelledV1, type CloudEvent } from '@rapport/contracts';
import { holdRowLock, startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInventoryService } from '../../create-inventory-service.js';
import { aProduct, aWarehouse, ledgerMismatches } from '../../test-fixtures.js';
import { reservationHandlers } from '../reservation/reservation.consumer.js';
import { inboundMismatches, rebuildInboundLevels } from './inbound-levels.js';
import { receiptHandlers } from './receipt.consumer.js';
import { receivableLimit } from './receipt.service.js';

let subgraph: TestSubgraph;
const em = () => subgraph.service.orm.em.fork();
const unknownId = '0191b3a0-0000-7000-8000-000000000999';

beforeAll(async () => {
  subgraph = await startTestSubgraph('inventory', createInventoryService);
});
afterAll(async () => {
  if (subgraph) {
    expect(await ledgerMismatches(subgraph)).toEqual([]);
    expect(await inboundMismatches(em())).toEqual([]);
  }
  await subgraph?.stop();
});

/** Applies an event through the service's handlers as the consumer would (inbox included). */
async function deliver(event: CloudEvent): Promise<void> {
  const handlers = [...receiptHandlers, ...reservationHandlers].filter((h) => h.type === event.type);
  expect(await applyOnce(subgraph.service.orm, 'inventory', handlers, event)).toBe('applied');
}

interface PoLine {
  lineId: string;
  productId: string;
  quantity: string;
  price?: string;
  expectedDate?: string | null;
}
interface Po {
  id: string;
  number: string;
  supplierId: string;
  warehouseId: string | null;
}

let poSeq = 0;
const aPo = (warehouseId: string | null): Po => ({ id: randomUUID(), number: `PO-T${++poSeq}-${Math.floor(Math.random() * 1e6)}`, supplierId: randomUUID(), warehouseId });

function approve(po: Po, lines: PoLine[], approvedAt = new Date()): Promise<void> {
  return deliver(
    createEvent(PurchaseOrderApprovedV1, po.id, {
      purchaseOrderId: po.id,
      number: po.number,
      supplierId: po.supplierId,
      currency: 'EUR',
      warehouseId: po.warehouseId,
      lines: lines.map((l) => ({
        lineId: l.lineId,
        productId: l.productId,
        quantity: l.quantity,
        unitPrice: { amount: l.price ?? '50', currency: 'EUR' },
        expectedDate: l.expectedDate ?? null,
      })),
      approvedAt: approvedAt.toISOString(),
    }),
  );
}

function cancel(po: Po, whole: boolean, lines: { lineId: string; productId: string; quantity: string }[]): Promise<void> {
  return deliver(
    createEvent(PurchaseOrderCancelledV1, po.id, { purchaseOrderId: po.id, number: po.number, supplierId: po.supplierId, whole, lines, cancelledAt: new Date().toISOString() }),
  );
}

const receiveGoodsMutation = `mutation($input: ReceiveGoodsInput!) { receiveGoods(input: $input) {
  id number purchaseOrderId supplierId receivedAt warehouse { id } lines { purchaseOrderLineId product { id } quantity unitCost { amount currency } stockMoveId }
} }`;

interface ReceiptView {
  id: string;
  number: string;
  purchaseOrderId: string | null;
  supplierId: string | null;
  lines: { purchaseOrderLineId: string | null; quantity: string; unitCost: { amount: string; currency: string } | null }[];
}

const receiveGoods = (input: Record<string, unknown>) => subgraph.gql<{ receiveGoods: ReceiptView }>(receiveGoodsMutation, { input });

async function mustReceive(input: Record<string, unknown>): Promise<ReceiptView> {
  const result = await receiveGoods(input);
  expect(result.errors).toBeUndefined();
  return result.data!.receiveGoods;
}

interface ExpectedView {
  id: string;
  purchaseOrderNumber: string;
  ordered: string;
  received: string;
  cancelled: string;
  stillExpected: string;
  open: boolean;
  overdue: boolean;
  expectedDate: string | null;
  warehouse: { id: string } | null;
}

async function expectedOf(filter: Record<string, unknown>): Promise<ExpectedView[]> {
  const result = await subgraph.gql<{ expectedReceipts: { edges: { node: ExpectedView }[] } }>(
    'query($f: ExpectedReceiptFilter) { expectedReceipts(filter: $f, first: 100) { edges { node { id purchaseOrderNumber ordered received cancelled stillExpected open overdue expectedDate warehouse { id } } } } }',
    { f: filter },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.expectedReceipts.edges.map((e) => e.node);
}

async function levelOf(productId: string, warehouseId: string): Promise<{ onHand: string; reserved: string; available: string; incoming: string; inTransit: string } | undefined> {
  const result = await subgraph.gql<{ stockLevels: { edges: { node: { onHand: string; reserved: string; available: string; incoming: string; inTransit: string } }[] } }>(
    'query($f: StockLevelFilter) { stockLevels(filter: $f) { edges { node { onHand reserved available incoming inTransit } } } }',
    { f: { productId, warehouseId } },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.stockLevels.edges[0]?.node;
}

/** The receipt events written to the outbox about `subject` (a purchase order or a receipt), oldest first. */
async function receiptEvents(subject: string): Promise<{ subject: string; data: Record<string, unknown> }[]> {
  const rows = await em().execute<{ payload: { subject: string; data: Record<string, unknown> } }[]>(
    `select payload from outbox_message where payload->>'type' = 'inventory.receipt.posted.v1' and payload->>'subject' = ? order by position`,
    [subject],
  );
  return rows.map((r) => r.payload);
}

describe('expected receipts from purchase orders', () => {
  it('expects an approved order per line and counts it as incoming in the order’s warehouse', async () => {
    const [productA, productB, warehouseId] = [await aProduct(subgraph), await aProduct(subgraph), await aWarehouse(subgraph)];
    const po = aPo(warehouseId);
    const [lineA, lineB] = [randomUUID(), randomUUID()];
    await approve(po, [
      { lineId: lineA, productId: productA, quantity: '10', expectedDate: '2020-01-31' },
      { lineId: lineB, productId: productB, quantity: '2.5', expectedDate: '2999-12-31' },
    ]);
    const lines = await expectedOf({ purchaseOrderId: po.id });
    expect(lines.map((l) => [l.id, l.ordered, l.received, l.stillExpected, l.overdue, l.warehouse?.id])).toEqual(
      [
        [lineA, '10', '0', '10', true, warehouseId],
        [lineB, '2.5', '0', '2.5', false, warehouseId],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(await levelOf(productA, warehouseId)).toMatchObject({ onHand: '0', incoming: '10' });
    expect(await levelOf(productB, warehouseId)).toMatchObject({ incoming: '2.5' });
    expect((await expectedOf({ supplierId: po.supplierId, overdue: true })).map((l) => l.id)).toEqual([lineA]);
    expect((await expectedOf({ supplierId: randomUUID() })).length).toBe(0);
  });

  it('counts an order without a warehouse in the default receiving warehouse (the lowest code)', async () => {
    const productId = await aProduct(subgraph);
    const fallback = await aWarehouse(subgraph, { code: `A0-${Math.floor(Math.random() * 1e6)}` });
    const po = aPo(null);
    await approve(po, [{ lineId: randomUUID(), productId, quantity: '4' }]);
    const [line] = await expectedOf({ purchaseOrderId: po.id });
    expect(line!.warehouse?.id).toBe(fallback);
    expect(await levelOf(productId, fallback)).toMatchObject({ incoming: '4' });
  });

  it('replaces what is expected with a re-approval: changed quantities, lines dropped and added; an older approval is ignored', async () => {
    const [productA, productB, productC, warehouseId] = [await aProduct(subgraph), await aProduct(subgraph), await aProduct(subgraph), await aWarehouse(subgraph)];
    const po = aPo(warehouseId);
    const [lineA, lineB, lineC] = [randomUUID(), randomUUID(), randomUUID()];
    const first = new Date(Date.now() - 60_000);
    await approve(
      po,
      [
        { lineId: lineA, productId: productA, quantity: '10' },
        { lineId: lineB, productId: productB, quantity: '5' },
      ],
      first,
    );
    await mustReceive({ purchaseOrderId: po.id, warehouseId, lines: [{ purchaseOrderLineId: lineA, quantity: '4' }] });

    await approve(
      po,
      [
        { lineId: lineA, productId: productA, quantity: '7' },
        { lineId: lineC, productId: productC, quantity: '3' },
      ],
      new Date(),
    );
    const all = await expectedOf({ purchaseOrderId: po.id, open: false });
    const byId = new Map(all.map((l) => [l.id, l]));
    expect(byId.get(lineA)).toMatchObject({ ordered: '7', received: '4', stillExpected: '3', open: true });
    expect(byId.get(lineB)).toMatchObject({ ordered: '5', stillExpected: '0', open: false });
    expect(byId.get(lineC)).toMatchObject({ ordered: '3', stillExpected: '3', open: true });
    expect((await expectedOf({ purchaseOrderId: po.id })).map((l) => l.id).sort()).toEqual([lineA, lineC].sort());
    expect(await levelOf(productA, warehouseId)).toMatchObject({ onHand: '4', incoming: '3' });
    expect(await levelOf(productB, warehouseId)).toMatchObject({ incoming: '0' });
    expect(await levelOf(productC, warehouseId)).toMatchObject({ incoming: '3' });

    const dropped = await receiveGoods({ purchaseOrderId: po.id, warehouseId, lines: [{ purchaseOrderLineId: lineB, quantity: '1' }] });
    expect(dropped.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[0].purchaseOrderLineId', reason: 'LINE_NOT_EXPECTED' });

    // The first approval again (redelivered under another event id, late): older than the one applied, it changes nothing.
    await approve(
      po,
      [
        { lineId: lineA, productId: productA, quantity: '10' },
        { lineId: lineB, productId: productB, quantity: '5' },
      ],
      first,
    );
    expect(await levelOf(productA, warehouseId)).toMatchObject({ incoming: '3' });
    expect(await levelOf(productB, warehouseId)).toMatchObject({ incoming: '0' });
  });

  it('moves what is incoming when a re-approval sends the order to another warehouse', async () => {
    const [productId, first, second] = [await aProduct(subgraph), await aWarehouse(subgraph), await aWarehouse(subgraph)];
    const po = aPo(first);
    const lineId = randomUUID();
    await approve(po, [{ lineId, productId, quantity: '5' }], new Date(Date.now() - 1000));
    await mustReceive({ purchaseOrderId: po.id, warehouseId: first, lines: [{ purchaseOrderLineId: lineId, quantity: '1' }] });
    await approve({ ...po, warehouseId: second }, [{ lineId, productId, quantity: '5' }]);
    expect(await levelOf(productId, first)).toMatchObject({ onHand: '1', incoming: '0' });
    expect(await levelOf(productId, second)).toMatchObject({ onHand: '0', incoming: '4' });
  });

  it('takes cancelled quantities off the lines, and a whole cancellation closes the order', async () => {
    const [productA, productB, warehouseId] = [await aProduct(subgraph), await aProduct(subgraph), await aWarehouse(subgraph)];
    const po = aPo(warehouseId);
    const [lineA, lineB] = [randomUUID(), randomUUID()];
    await approve(po, [
      { lineId: lineA, productId: productA, quantity: '10' },
      { lineId: lineB, productId: productB, quantity: '6' },
    ]);
    await cancel(po, false, [{ lineId: lineA, productId: productA, quantity: '4' }]);
    expect(await levelOf(productA, warehouseId)).toMatchObject({ incoming: '6' });
    const [line] = await expectedOf({ purchaseOrderId: po.id, productId: productA });
    expect(line).toMatchObject({ ordered: '10', cancelled: '4', stillExpected: '6' });
    // 6 open plus 5 % tolerance: 6.3 at most.
    const over = await receiveGoods({ purchaseOrderId: po.id, warehouseId, lines: [{ purchaseOrderLineId: lineA, quantity: '6.301' }] });
    expect(over.errors?.[0]?.extensions).toMatchObject({ field: 'input.lines[0].quantity', reason: 'OVER_RECEIPT' });

    await cancel(po, true, [
      { lineId: lineA, productId: productA, quantity: '6' },
      { lineId: lineB, productId: productB, quantity: '6' },
    ]);
    expect(await levelOf(productA, warehouseId)).toMatchObject({ incoming: '0' });
    expect(await levelOf(productB, warehouseId)).toMatchObject({ incoming: '0' });
    expect(await expectedOf({ purchaseOrderId: po.id })).toEqual([]);
    const refused = await receiveGoods({ purchaseOrderId: po.id, warehouseId, lines: [{ purchaseOrderLineId: lineB, quantity: '1' }] });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PURCHASE_ORDER_CANCELLED', field: 'input.purchaseOrderId' });
  });
});

describe('a cancellation crossing a receipt', () => {
  it('cancels only what did not come when purchasing cancels goods it has not yet learned were received', async () => {
    const [productId, warehouseId] = [await aProduct(subgraph), await aWarehouse(subgraph)];
    const po = aPo(warehouseId);
    const lineId = randomUUID();
    await approve(po, [{ lineId, productId, quantity: '10' }]);
    await mustReceive({ purchaseOrderId: po.id, warehouseId, lines: [{ purchaseOrderLineId: lineId, quantity: '4' }] });
    // Purchasing still thinks all 10 are open when it cancels.
    await cancel(po, true, [{ lineId, productId, quantity: '10' }]);
    expect(await expectedOf({ purchaseOrderId: po.id, open: false })).toEqual([expect.objectContaining({ ordered: '10', received: '4', cancelled: '6', stillExpected: '0' })]);
    expect(await levelOf(productId, warehouseId)).toMatchObject({ onHand: '4', incoming: '0' });
  });
});

describe('receiving against a purchase order', () => {
  it('receives partly and several times into chosen warehouses: RECEIPT moves, incoming down, GR numbers, receipt events keyed by the order', async () => {
    const [productId, expectedIn, otherWarehouse] = [await aProduct(subgraph), await aWarehouse(subgraph), await aWarehouse(subgraph)];
    const po = aPo(expectedIn);
    const lineId = randomUUID();
    await approve(po, [{ lineId, productId, quantity: '10', price: '42.5' }]);

    const first = await mustReceive({ purchaseOrderId: po.id, warehouseId: expectedIn, lines: [{ purchaseOrderLineId: lineId, quantity: '3.5' }] });
    expect(first).toMatchObject({
      purchaseOrderId: po.id,
      supplierId: po.supplierId,
      lines: [{ purchaseOrderLineId: lineId, quantity: '3.5', unitCost: { amount: '42.50', currency: 'EUR' } }],
    });
    expect(first.number).toMatch(/^GR-\d{6}$/);
    const second = await mustReceive({
      purchaseOrderId: po.id,
      warehouseId: otherWarehouse,
      lines: [{ purchaseOrderLineId: lineId, quantity: '4', unitCost: { amount: '41', currency: 'EUR' } }],
      receivedAt: '2026-12-01T08:00:00.000Z',
    });
    expect(Number(second.number.slice(3))).toBeGreaterThan(Number(first.number.slice(3)));

    expect(await levelOf(productId, expectedIn)).toMatchObject({ onHand: '3.5', incoming: '2.5' });
    expect(await levelOf(productId, otherWarehouse)).toMatchObject({ onHand: '4', incoming: '0' });
    const [line] = await expectedOf({ purchaseOrderId: po.id });
    expect(line).toMatchObject({ ordered: '10', received: '7.5', stillExpected: '2.5' });

    const moves = await subgraph.gql<{ stockMoves: { edges: { node: { kind: string; quantity: string; referenceType: string; referenceId: string } }[] } }>(
      'query($f: StockMoveFilter) { stockMoves(filter: $f) { edges { node { kind quantity referenceType referenceId } } } }',
      { f: { productId } },
    );
    expect(moves.data!.stockMoves.edges.map((e) => e.node)).toEqual([
      { kind: 'RECEIPT', quantity: '4', referenceType: 'RECEIPT', referenceId: second.id },
      { kind: 'RECEIPT', quantity: '3.5', referenceType: 'RECEIPT', referenceId: first.id },
    ]);

    const events = await receiptEvents(po.id);
    expect(events.map((e) => e.data)).toEqual([
      {
        receiptId: first.id,
        number: first.number,
        warehouseId: expectedIn,
        purchaseOrderId: po.id,
        supplierId: po.supplierId,
        lines: [{ purchaseOrderLineId: lineId, productId, quantity: '3.5', unitCost: { amount: '42.50', currency: 'EUR' } }],
        receivedAt: expect.any(String),
      },
      {
        receiptId: second.id,
        number: second.number,
        warehouseId: otherWarehouse,
        purchaseOrderId: po.id,
        supplierId: po.supplierId,
        lines: [{ purchaseOrderLineId: lineId, productId, quantity: '4', unitCost: { amount: '41.00', currency: 'EUR' } }],
        receivedAt: '2026-12-01T08:00:00.000Z',
      },
    ]);

    const listed = await subgraph.gql<{ receipts: { edges: { node: { id: string } }[] } }>('query($f: ReceiptFilter) { receipts(filter: $f) { edges { node { id } } } }', {
      f: { purchaseOrderId: po.id },
    });
    expect(listed.data!.receipts.edges.map((e) => e.node.id)).toEqual([first.id, second.id]);
  });

  it('refuses more than the open quantity plus the tolerance, naming the line, and writes nothing; the tolerance is a setting', async () => {
    const [productId, warehouseId] = [await aProduct(subgraph), await aWarehouse(subgraph)];
    const po = aPo(warehouseId);
    const [lineA, lineB] = [randomUUID(), randomUUID()];
    await approve(po, [
      { lineId: lineA, productId, quantity: '1' },
      { lineId: lineB, productId, quantity: '10' },
    ]);
    const over = await receiveGoods({
      purchaseOrderId: po.id,
      warehouseId,
      lines: [
        { purchaseOrderLineId: lineA, quantity: '1' },
        { purchaseOrderLineId: lineB, quantity: '10.501' },
      ],
    });
    expect(over.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[1].quantity',
      reason: 'OVER_RECEIPT',
      details: { ordered: '10', received: '0', receivable: '10.5', tolerancePercent: '5' },
    });
    const [moves] = await em().execute<{ n: number }[]>('select count(*)::int as n from stock_move where product_id = ?', [productId]);
    expect(moves!.n).toBe(0);
    await mustReceive({ purchaseOrderId: po.id, warehouseId, lines: [{ purchaseOrderLineId: lineB, quantity: '10.5' }] });
    expect((await expectedOf({ purchaseOrderId: po.id, open: false })).find((l) => l.id === lineB)).toMatchObject({ received: '10.5', stillExpected: '0' });

    const set = await subgraph.gql<{ setReceiptTolerance: { overReceiptTolerance: string } }>('mutation { setReceiptTolerance(percent: "0") { overReceiptTolerance } }');
    expect(set.data!.setReceiptTolerance.overReceiptTolerance).toBe('0');
    try {
      const strict = await receiveGoods({ purchaseOrderId: po.id, warehouseId, lines: [{ purchaseOrderLineId: lineA, quantity: '1.001' }] });
      expect(strict.errors?.[0]?.extensions).toMatchObject({ field: 'input.lines[0].quantity', reason: 'OVER_RECEIPT', details: { receivable: '1' } });
      const badSetting = await subgraph.gql('mutation { setReceiptTolerance(percent: "100.01") { overReceiptTolerance } }');
      expect(badSetting.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'percent' });
      const clerk = await subgraph.gqlAs({ role: 'SALES_REP' }, 'mutation { setReceiptTolerance(percent: "3") { overReceiptTolerance } }');
      expect(clerk.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await subgraph.gql('mutation { setReceiptTolerance(percent: "5") { overReceiptTolerance } }');
    }
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const [productId, warehouseId] = [await aProduct(subgraph), await aWarehouse(subgraph)];
    const po = aPo(warehouseId);
    const lineId = randomUUID();
    await approve(po, [{ lineId, productId, quantity: '5' }]);
    const line = (overrides: Record<string, unknown>) => ({ purchaseOrderLineId: lineId, quantity: '1', ...overrides });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ purchaseOrderId: unknownId }, 'NOT_FOUND', 'input.purchaseOrderId'],
      [{ purchaseOrderId: 'po-1' }, 'BAD_USER_INPUT', 'input.purchaseOrderId'],
      [{ warehouseId: unknownId }, 'NOT_FOUND', 'input.warehouseId'],
      [{ lines: [] }, 'BAD_USER_INPUT', 'input.lines'],
      [{ lines: [line({ quantity: '-1' })] }, 'BAD_USER_INPUT', 'input.lines[0].quantity'],
      [{ lines: [line({ quantity: '0' })] }, 'BAD_USER_INPUT', 'input.lines[0].quantity'],
      [{ lines: [line({ quantity: '1.0001' })] }, 'BAD_USER_INPUT', 'input.lines[0].quantity'],
      [{ lines: [line({}), line({})] }, 'BAD_USER_INPUT', 'input.lines[1].purchaseOrderLineId'],
      [{ lines: [line({}), line({ purchaseOrderLineId: unknownId })] }, 'NOT_FOUND', 'input.lines[1].purchaseOrderLineId'],
      [{ lines: [line({ unitCost: { amount: '1', currency: 'USD' } })] }, 'BAD_USER_INPUT', 'input.lines[0].unitCost.currency'],
      [{ lines: [line({ unitCost: { amount: '-1', currency: 'EUR' } })] }, 'BAD_USER_INPUT', 'input.lines[0].unitCost.amount'],
      [{ receivedAt: new Date(Date.now() + 86_400_000).toISOString() }, 'BAD_USER_INPUT', 'input.receivedAt'],
    ];
    for (const [overrides, code, field] of cases) {
      const result = await receiveGoods({ purchaseOrderId: po.id, warehouseId, lines: [line({})], ...overrides });
      expect(result.errors?.[0]?.extensions, `${field} ${JSON.stringify(overrides)}`).toMatchObject({ code, field });
    }
    const [written] = await em().execute<{ moves: number; receipts: number }[]>(
      'select (select count(*)::int from stock_move where product_id = ?) as moves, (select count(*)::int from receipt where purchase_order_id = ?) as receipts',
      [productId, po.id],
    );
    expect(written).toEqual({ moves: 0, receipts: 0 });
    const reader = await subgraph.gqlAs({ role: 'BUYER' }, receiveGoodsMutation, { input: { purchaseOrderId: po.id, warehouseId, lines: [line({})] } });
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reserves waiting shortages from what arrives, oldest order first', async () => {
    const [productId, warehouseId] = [await aProduct(subgraph), await aWarehouse(subgraph)];
    const orders = [randomUUID(), randomUUID()];
    const lines = [randomUUID(), randomUUID()];
    // The newer order is delivered first: the confirmation time decides, not the arrival.
    for (const i of [1, 0]) {
      await deliver(
        createEvent(OrderConfirmedV2, orders[i]!, {
          orderId: orders[i]!,
          customerId: randomUUID(),
          number: `SO-R${i}`,
          currency: 'EUR',
          total: { amount: '1', currency: 'EUR' },
          warehouseId: null,
          lines: [{ lineId: lines[i]!, productId, quantity: '2', unitPrice: { amount: '1', currency: 'EUR' }, discountPercent: '0', taxRate: '0' }],
          confirmedAt: new Date(Date.now() - (2 - i) * 60_000).toISOString(),
        }),
      );
    }
    const po = aPo(warehouseId);
    const lineId = randomUUID();
    await approve(po, [{ lineId, productId, quantity: '3' }]);
    await mustReceive({ purchaseOrderId: po.id, warehouseId, lines: [{ purchaseOrderLineId: lineId, quantity: '3' }] });
    expect(await levelOf(productId, warehouseId)).toMatchObject({ onHand: '3', reserved: '3', available: '0', incoming: '0' });
    const reserved = await em().execute<{ order_id: string; quantity: string }[]>('select order_id, quantity::text from reservation where product_id = ? order by quantity desc', [
      productId,
    ]);
    expect(reserved.map((r) => [r.order_id, Number(r.quantity)])).toEqual([
      [orders[0], 2],
      [orders[1], 1],
    ]);
  });

  it('lets two receipts race for a line’s last units: one wins, the tolerance holds', async () => {
    const [productId, warehouseId] = [await aProduct(subgraph), await aWarehouse(subgraph)];
    const po = aPo(warehouseId);
    const lineId = randomUUID();
    await approve(po, [{ lineId, productId, quantity: '10' }]);
    await mustReceive({ purchaseOrderId: po.id, warehouseId, lines: [{ purchaseOrderLineId: lineId, quantity: '8' }] });
    // The product's row held: the racers line up (one behind it, the rest behind the order's row), then go at once.
    const held = await holdRowLock(subgraph.database.url, 'product', productId);
    const racing = Promise.all(Array.from({ length: 6 }, () => receiveGoods({ purchaseOrderId: po.id, warehouseId, lines: [{ purchaseOrderLineId: lineId, quantity: '2' }] })));
    await held.waitForWaiters(6);
    await held.release();
    const results = await racing;
    const won = results.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.errors).every((r) => ['OVER_RECEIPT', 'CONCURRENT_TRANSITION'].includes(String(r.errors?.[0]?.extensions?.reason)))).toBe(true);
    expect((await expectedOf({ purchaseOrderId: po.id, open: false }))[0]).toMatchObject({ received: '10', stillExpected: '0' });
    expect(await levelOf(productId, warehouseId)).toMatchObject({ onHand: '10', incoming: '0' });
    expect(await receiptEvents(po.id)).toHaveLength(2);
  });

  it('announces goods received without a purchase order as a receipt too, keyed by the receipt', async () => {
    const [productId, warehouseId] = [await aProduct(subgraph), await aWarehouse(subgraph)];
    const moved = await subgraph.gql<{ receiveStock: { id: string } }>('mutation($input: ReceiveStockInput!) { receiveStock(input: $input) { id } }', {
      input: { productId, warehouseId, quantity: '2' },
    });
    expect(moved.errors).toBeUndefined();
    const [receipt] = await em().execute<{ id: string; number: string }[]>(
      'select r.id, r.number from receipt r join receipt_line l on l.receipt_id = r.id where l.stock_move_id = ?',
      [moved.data!.receiveStock.id],
    );
    expect(receipt!.number).toMatch(/^GR-\d{6}$/);
    const [event] = await receiptEvents(receipt!.id);
    expect(event!.data).toEqual({
      receiptId: receipt!.id,
      number: receipt!.number,
      warehouseId,
      purchaseOrderId: null,
      supplierId: null,
      lines: [{ purchaseOrderLineId: null, productId, quantity: '2', unitCost: { amount: '60.00', currency: 'EUR' } }],
      receivedAt: expect.any(String),
    });
  });
});

describe('the inbound counters', () => {
  it('finds a level whose incoming or in-transit quantity disagrees with its documents, and the rebuild puts it right', async () => {
    const [productId, warehouseId] = [await aProduct(subgraph), await aWarehouse(subgraph)];
    await approve(aPo(warehouseId), [{ lineId: randomUUID(), productId, quantity: '8' }]);
    await em().execute('update stock_level set incoming = 5, in_transit = 1 where product_id = ?', [productId]);
    expect(await inboundMismatches(em())).toEqual([{ productId, warehouseId, incoming: '5', stillExpected: '8', inTransit: '1', notDelivered: '0' }]);
    expect(await rebuildInboundLevels(em())).toBe(1);
    expect(await inboundMismatches(em())).toEqual([]);
    expect(await levelOf(productId, warehouseId)).toMatchObject({ incoming: '8', inTransit: '0' });
  });

  it('keeps expecting a product inventory does not know (no level), and refuses to receive it naming the line', async () => {
    const warehouseId = await aWarehouse(subgraph);
    const po = aPo(warehouseId);
    const lineId = randomUUID();
    await approve(po, [{ lineId, productId: randomUUID(), quantity: '2' }]);
    expect(await expectedOf({ purchaseOrderId: po.id })).toMatchObject([{ id: lineId, stillExpected: '2' }]);
    const refused = await receiveGoods({ purchaseOrderId: po.id, warehouseId, lines: [{ purchaseOrderLineId: lineId, quantity: '1' }] });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.lines[0].purchaseOrderLineId' });
  });
});

describe('the receivable limit', () => {
  it('is the open ordered quantity plus the tolerance, rounded down to a thousandth', () => {
    expect(receivableLimit(10_000n, 0n, 500n)).toBe(10_500n);
    expect(receivableLimit(10_000n, 4_000n, 500n)).toBe(6_300n);
    expect(receivableLimit(1n, 0n, 500n)).toBe(1n);
    expect(receivableLimit(3_000n, 5_000n, 500n)).toBe(0n);
  });
});
