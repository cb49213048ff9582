import { randomUUID } from 'node:crypto';
import { createEvent, CustomerMergedV1, OrderCancelledV2, OrderConfirmedV1, OrderConfirmedV2, type CloudEvent } from '@rapport/contracts';
import type { TestPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyReservationEvent, aProduct, aWarehouse, ledgerMismatches, levelOf, receive, useCheckedInventorySubgraph } from '../../test-fixtures.js';

const subgraph = useCheckedInventorySubgraph({ kafka: true });
const em = () => subgraph.service.orm.em.fork();

interface Line {
  productId: string;
  quantity: string;
  lineId?: string;
}

/** An order confirmed in sales, as the event inventory receives. */
function confirmed(lines: Line[], options: { warehouseId?: string | null; orderId?: string; confirmedAt?: Date; customerId?: string } = {}) {
  const orderId = options.orderId ?? randomUUID();
  return createEvent(OrderConfirmedV2, orderId, {
    orderId,
    customerId: options.customerId ?? randomUUID(),
    number: 'SO-000001',
    currency: 'EUR',
    total: { amount: '100', currency: 'EUR' },
    warehouseId: options.warehouseId ?? null,
    lines: lines.map((l) => ({
      lineId: l.lineId ?? randomUUID(),
      productId: l.productId,
      quantity: l.quantity,
      unitPrice: { amount: '10', currency: 'EUR' },
      discountPercent: '0',
      taxRate: '19',
    })),
    confirmedAt: (options.confirmedAt ?? new Date()).toISOString(),
  });
}

const handle = (event: CloudEvent) => applyReservationEvent(subgraph, event);

/** The events written for `orderId` (or keyed by it) of `type`, oldest first. */
async function eventsOf(subject: string, type: string): Promise<Record<string, unknown>[]> {
  const rows = await em().execute<{ payload: { data: Record<string, unknown> } }[]>(
    `select payload from outbox_message where payload->>'subject' = ? and payload->>'type' = ? order by position`,
    [subject, type],
  );
  return rows.map((r) => r.payload.data);
}

async function reservationsOf(orderId: string): Promise<{ warehouse_id: string; quantity: string }[]> {
  return em().execute('select warehouse_id, quantity::text as quantity from reservation where order_id = ? and quantity > 0 order by quantity desc', [orderId]);
}

async function shortOf(lineId: string): Promise<string> {
  const [row] = await em().execute<{ short: string }[]>('select short::text as short from order_demand where order_line_id = ?', [lineId]);
  return row!.short;
}

describe('reserving confirmed orders', () => {
  it('reserves from the warehouse the order names and reports what is short', async () => {
    const productId = await aProduct(subgraph);
    const [named, other] = [await aWarehouse(subgraph), await aWarehouse(subgraph)];
    await receive(subgraph, productId, named, '3');
    await receive(subgraph, productId, other, '100');
    const lineId = randomUUID();
    const event = confirmed([{ productId, quantity: '5', lineId }], { warehouseId: named });
    expect(await handle(event)).toBe('applied');
    const orderId = event.subject;
    expect(await reservationsOf(orderId)).toEqual([{ warehouse_id: named, quantity: '3.000' }]);
    expect(await levelOf(subgraph, productId, named)).toEqual({ onHand: '3', reserved: '3', available: '0' });
    expect(await eventsOf(orderId, 'inventory.stock.reserved.v1')).toEqual([
      { orderId, lines: [{ orderLineId: lineId, productId, warehouseId: named, quantity: '3' }], reservedAt: expect.any(String) },
    ]);
    expect(await eventsOf(orderId, 'inventory.stock.shortage-reported.v1')).toEqual([
      { orderId, lines: [{ orderLineId: lineId, productId, quantity: '2' }], reportedAt: expect.any(String) },
    ]);
  });

  it('without a named warehouse takes the most available first, then the lower code, across warehouses', async () => {
    const productId = await aProduct(subgraph);
    const b = await aWarehouse(subgraph, { code: `RULE-B-${randomUUID().slice(0, 6)}` });
    const a = await aWarehouse(subgraph, { code: `RULE-A-${randomUUID().slice(0, 6)}` });
    const c = await aWarehouse(subgraph, { code: `RULE-C-${randomUUID().slice(0, 6)}` });
    await receive(subgraph, productId, b, '4');
    await receive(subgraph, productId, a, '4');
    await receive(subgraph, productId, c, '6');
    const small = confirmed([{ productId, quantity: '2' }]);
    await handle(small);
    expect(await reservationsOf(small.subject)).toEqual([{ warehouse_id: c, quantity: '2.000' }]);
    // Now a, b and c hold 4 available each: a (the lower code) first, then b.
    const large = confirmed([{ productId, quantity: '7.5' }]);
    await handle(large);
    expect(await reservationsOf(large.subject)).toEqual([
      { warehouse_id: a, quantity: '4.000' },
      { warehouse_id: b, quantity: '3.500' },
    ]);
    expect(await eventsOf(large.subject, 'inventory.stock.shortage-reported.v1')).toEqual([]);
  });

  it('reports a line of a product inventory does not know as short in full', async () => {
    const lineId = randomUUID();
    const event = confirmed([{ productId: randomUUID(), quantity: '1', lineId }]);
    await handle(event);
    expect(await shortOf(lineId)).toBe('1.000');
    expect(await eventsOf(event.subject, 'inventory.stock.reserved.v1')).toEqual([]);
  });

  it('has no second effect for a redelivered event, nor for the same lines under another event id', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await receive(subgraph, productId, warehouseId, '10');
    const event = confirmed([{ productId, quantity: '4' }]);
    await handle(event);
    expect(await handle(event)).toBe('duplicate');
    await handle({ ...event, id: randomUUID() });
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ reserved: '4' });
    expect(await eventsOf(event.subject, 'inventory.stock.reserved.v1')).toHaveLength(1);
  });

  it('serves waiting shortages when stock arrives, oldest order first, and an order naming another warehouse waits for its own', async () => {
    const productId = await aProduct(subgraph);
    const [here, elsewhere] = [await aWarehouse(subgraph), await aWarehouse(subgraph)];
    const t = Date.now();
    const lines = [randomUUID(), randomUUID(), randomUUID()];
    const newest = confirmed([{ productId, quantity: '2', lineId: lines[2]! }], { confirmedAt: new Date(t - 1_000) });
    const oldest = confirmed([{ productId, quantity: '2', lineId: lines[0]! }], { confirmedAt: new Date(t - 3_000) });
    const otherWarehouse = confirmed([{ productId, quantity: '2', lineId: lines[1]! }], { confirmedAt: new Date(t - 2_000), warehouseId: elsewhere });
    for (const event of [newest, oldest, otherWarehouse]) await handle(event);
    await receive(subgraph, productId, here, '3');
    expect(await shortOf(lines[0]!)).toBe('0.000');
    expect(await shortOf(lines[1]!)).toBe('2.000');
    expect(await shortOf(lines[2]!)).toBe('1.000');
    expect(await eventsOf(oldest.subject, 'inventory.stock.reserved.v1')).toEqual([
      { orderId: oldest.subject, lines: [{ orderLineId: lines[0], productId, warehouseId: here, quantity: '2' }], reservedAt: expect.any(String) },
    ]);
    expect(await eventsOf(newest.subject, 'inventory.stock.reserved.v1')).toMatchObject([{ lines: [{ quantity: '1' }] }]);
    await subgraph.gql('mutation($input: AdjustStockInput!) { adjustStock(input: $input) { id } }', {
      input: { productId, warehouseId: elsewhere, quantity: '5', reason: 'found' },
    });
    // The order naming `elsewhere` is older than the one naming none, so it is served first; then the rest of the newest.
    expect(await shortOf(lines[1]!)).toBe('0.000');
    expect(await shortOf(lines[2]!)).toBe('0.000');
    expect(await levelOf(subgraph, productId, elsewhere)).toEqual({ onHand: '5', reserved: '3', available: '2' });
  });
});

describe('cancelled orders', () => {
  it('takes a cancelled quantity off the shortage first, then releases the reservation, and the freed stock serves the next order', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await receive(subgraph, productId, warehouseId, '6');
    const lineId = randomUUID();
    const first = confirmed([{ productId, quantity: '10', lineId }], { confirmedAt: new Date(Date.now() - 5_000) });
    await handle(first);
    const waitingLine = randomUUID();
    const waiting = confirmed([{ productId, quantity: '3', lineId: waitingLine }]);
    await handle(waiting);
    expect(await shortOf(lineId)).toBe('4.000');
    const orderId = first.subject;
    const cancel = createEvent(OrderCancelledV2, orderId, {
      orderId,
      customerId: randomUUID(),
      number: 'SO-000001',
      whole: false,
      lines: [{ lineId, productId, quantity: '5' }],
      reason: 'customer changed their mind',
      cancelledAt: new Date().toISOString(),
    });
    await handle(cancel);
    expect(await shortOf(lineId)).toBe('0.000');
    expect(await reservationsOf(orderId)).toEqual([{ warehouse_id: warehouseId, quantity: '5.000' }]);
    expect(await eventsOf(orderId, 'inventory.stock.released.v1')).toEqual([
      { orderId, lines: [{ orderLineId: lineId, productId, warehouseId, quantity: '1' }], releasedAt: expect.any(String) },
    ]);
    // The one unit released went to the waiting order.
    expect(await shortOf(waitingLine)).toBe('2.000');
    expect(await levelOf(subgraph, productId, warehouseId)).toEqual({ onHand: '6', reserved: '6', available: '0' });
  });

  it('releases everything of a wholly cancelled order, and ignores lines it never reserved', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await receive(subgraph, productId, warehouseId, '4');
    const lineId = randomUUID();
    const order = confirmed([{ productId, quantity: '4', lineId }]);
    await handle(order);
    const cancel = createEvent(OrderCancelledV2, order.subject, {
      orderId: order.subject,
      customerId: randomUUID(),
      number: 'SO-000002',
      whole: true,
      lines: [
        { lineId, productId, quantity: '4' },
        { lineId: randomUUID(), productId, quantity: '1' },
      ],
      reason: null,
      cancelledAt: new Date().toISOString(),
    });
    await handle(cancel);
    expect(await reservationsOf(order.subject)).toEqual([]);
    expect(await levelOf(subgraph, productId, warehouseId)).toEqual({ onHand: '4', reserved: '0', available: '4' });
  });
});

describe('concurrent confirmations', () => {
  it('200 orders confirmed at once for 50 units on hand reserve exactly 50; 150 are short; the ledger check passes', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await receive(subgraph, productId, warehouseId, '50');
    const events = Array.from({ length: 200 }, () => confirmed([{ productId, quantity: '1' }]));
    const results = await Promise.all(events.map((event) => handle(event)));
    expect(results.every((r) => r === 'applied')).toBe(true);
    expect(await levelOf(subgraph, productId, warehouseId)).toEqual({ onHand: '50', reserved: '50', available: '0' });
    const [totals] = await em().execute<{ reserved: string; short: string; orders: number }[]>(
      `select (select sum(quantity)::text from reservation where product_id = ?) as reserved, sum(short)::text as short, count(*)::int as orders from order_demand where product_id = ?`,
      [productId, productId],
    );
    expect(totals).toEqual({ reserved: '50.000', short: '150.000', orders: 200 });
    const [announced] = await em().execute<{ reserved: number; short: number }[]>(
      `select count(*) filter (where payload->>'type' = 'inventory.stock.reserved.v1')::int as reserved,
              count(*) filter (where payload->>'type' = 'inventory.stock.shortage-reported.v1')::int as short
       from outbox_message where payload->'data'->'lines'->0->>'productId' = ?`,
      [productId],
    );
    expect(announced).toEqual({ reserved: 50, short: 150 });
    expect(await ledgerMismatches(subgraph)).toEqual([]);
  });
});

describe('over Kafka', () => {
  it('reserves an order confirmed in sales when its event arrives through the broker', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await receive(subgraph, productId, warehouseId, '2');
    const event = confirmed([{ productId, quantity: '1.5' }], { warehouseId });
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    expect(await levelOf(subgraph, productId, warehouseId)).toEqual({ onHand: '2', reserved: '1.5', available: '0.5' });
  });
});

describe('shipping reserved goods', () => {
  it('plans one shipment for an order announced as v1 and v2, and shipping it delivers what is reserved on the ledger', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await receive(subgraph, productId, warehouseId, '5');
    const lineId = randomUUID();
    const v2 = confirmed([{ productId, quantity: '7', lineId }], { warehouseId });
    const orderId = v2.subject;
    const v1 = createEvent(OrderConfirmedV1, orderId, {
      orderId,
      customerId: v2.data.customerId,
      number: v2.data.number,
      total: v2.data.total,
      lines: [{ productId, quantity: '7', unitPrice: { amount: '10', currency: 'EUR' } }],
      confirmedAt: v2.data.confirmedAt,
    });
    await subgraph.events.deliver(v1);
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(v2));
    const shipments = await em().execute<{ id: string }[]>('select id from shipment where order_id = ?', [orderId]);
    expect(shipments).toHaveLength(1);
    const shipped = await subgraph.gqlAs({ role: 'WAREHOUSE_CLERK' }, 'mutation($id: ID!) { markShipped(shipmentId: $id, trackingNumber: "TRK-1") { status } }', {
      id: shipments[0]!.id,
    });
    expect(shipped.errors).toBeUndefined();
    expect(await levelOf(subgraph, productId, warehouseId)).toEqual({ onHand: '0', reserved: '0', available: '0' });
    const moves = await subgraph.gql<{ stockMoves: { edges: { node: { kind: string; quantity: string; referenceType: string; referenceId: string } }[] } }>(
      'query($f: StockMoveFilter) { stockMoves(filter: $f) { edges { node { kind quantity referenceType referenceId } } } }',
      { f: { productId, kind: 'DELIVERY' } },
    );
    expect(moves.data!.stockMoves.edges.map((e) => e.node)).toEqual([{ kind: 'DELIVERY', quantity: '-5', referenceType: 'SHIPMENT', referenceId: shipments[0]!.id }]);
    // The 2 still short stay remembered and are reserved when stock arrives.
    expect(await shortOf(lineId)).toBe('2.000');
    await receive(subgraph, productId, warehouseId, '2');
    expect(await levelOf(subgraph, productId, warehouseId)).toEqual({ onHand: '2', reserved: '2', available: '0' });
  });
});

describe("an order's lines as inventory reserved them", () => {
  type OrderStock = {
    id: string;
    stock: { orderLineId: string; ordered: string; reserved: string; short: string; reservations: { warehouse: { id: string }; quantity: string }[] }[];
  } | null;
  const stockOf = async (principal: TestPrincipal, orderIds: string[]): Promise<OrderStock[]> => {
    const result = await subgraph.gqlAs<{ _entities: OrderStock[] }>(
      principal,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on SalesOrder { id stock { orderLineId ordered reserved short reservations { warehouse { id } quantity } } } } }',
      { r: orderIds.map((id) => ({ __typename: 'SalesOrder', id })) },
    );
    expect(result.errors).toBeUndefined();
    return result.data!._entities;
  };
  const team = randomUUID();
  const repA: TestPrincipal = { role: 'SALES_REP', userId: randomUUID(), teamIds: [team] };
  const customerA = randomUUID();
  let warehouseId = '';
  let ownLine = '';
  let own: CloudEvent;
  let others: CloudEvent;

  beforeAll(async () => {
    await em().execute('insert into customer_access (customer_id, owner_id, team_id, shared_with) values (?, ?, ?, ?)', [customerA, repA.userId, team, '{}']);
    const productId = await aProduct(subgraph);
    warehouseId = await aWarehouse(subgraph);
    await receive(subgraph, productId, warehouseId, '3');
    ownLine = randomUUID();
    own = confirmed([{ productId, quantity: '5', lineId: ownLine }], { warehouseId, customerId: customerA });
    await handle(own);
    others = confirmed([{ productId, quantity: '1' }]);
    await handle(others);
  });

  it('shows the warehouse and admins every order: reserved per warehouse and short per line, in one query', async () => {
    subgraph.resetQueries();
    const [mine, theirs] = await stockOf({ role: 'WAREHOUSE_CLERK' }, [own.subject, others.subject]);
    expect(mine!.stock).toEqual([{ orderLineId: ownLine, ordered: '5', reserved: '3', short: '2', reservations: [{ warehouse: { id: warehouseId }, quantity: '3' }] }]);
    expect(theirs!.stock).toMatchObject([{ ordered: '1', reserved: '0', short: '1', reservations: [] }]);
    expect(subgraph.queries.filter((q) => /from order_demand/.test(q))).toHaveLength(1);
  });

  it("shows a rep their own customers' orders only, and purchasing none", async () => {
    const [mine, theirs] = await stockOf(repA, [own.subject, others.subject]);
    expect(mine!.stock.map((l) => l.orderLineId)).toEqual([ownLine]);
    expect(theirs!.stock).toEqual([]);
    const buyer = await stockOf({ role: 'BUYER' }, [own.subject]);
    expect(buyer[0]!.stock).toEqual([]);
  });
});

describe('customer merges', () => {
  it("moves the merged customer's reservation lines to the survivor, so whoever sees the survivor sees them", async () => {
    const [survivorId, mergedId] = [randomUUID(), randomUUID()];
    const order = confirmed([{ productId: randomUUID(), quantity: '1' }], { customerId: mergedId });
    await handle(order);
    const merged = createEvent(CustomerMergedV1, survivorId, { survivorId, mergedId, mergedAt: new Date().toISOString() });
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(merged));
    const rows = await em().execute<{ customer_id: string }[]>('select customer_id from order_demand where order_id = ?', [order.subject]);
    expect(rows).toEqual([{ customer_id: survivorId }]);
  });
});
