import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quantityUnits } from '@rapport/errors';
import { startFlowSystem, type FlowService, type FlowSystem } from '@rapport/infra/flow-system';
import { createLogger, createOrm } from '@rapport/subgraph-kit';
import { testKafkaBrokers, testTopicPrefix, waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockLedgerMismatches } from './modules/stock/stock-ledger.js';

// Crashes in the middle of the order → reservation flow, with the real processes: sales and
// inventory each run from their `main.ts` as `rapport start` runs them (separate processes, their own
// databases on a private PostgreSQL, the shared broker under a topic prefix of this file's). A
// process is killed with SIGKILL (no shutdown hook runs: open transactions are lost, Kafka offsets
// and outbox marks not written) once it has seen a given number of events, then started again.
//
// The topics have one partition here, so inventory receives the confirmations in the order sales
// confirmed them; with that, the allocation rule makes every line's reservation predictable: the
// stock on hand goes to the orders in the order they were confirmed, and a receipt then serves the
// shortages oldest confirmation first. A crash may make Kafka deliver an event twice (sales' relay
// publishes what it had not marked sent; inventory's consumer re-reads from its last committed
// offset) — the inboxes must make every second delivery change nothing.

const ORDERS = 100;
const ON_HAND = 30;
const RECEIVED = 40;
/** The quantity of the `i`th order (1, 2 or 3 units: 200 units asked for 70). */
const quantityOf = (i: number): number => 1 + (i % 3);

const dir = mkdtempSync(join(tmpdir(), 'rapport-reservation-faults-'));
let system: FlowSystem;
let sales: FlowService;
let inventory: FlowService;
let warehouseId: string;

async function aProductWithStock(sku: string): Promise<string> {
  const { createProduct } = await system.gql<{ createProduct: { id: string } }>('inventory', 'mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }', {
    i: { sku, name: `Fault test ${sku}`, listPrice: { amount: '10', currency: 'EUR' }, standardCost: { amount: '6', currency: 'EUR' } },
  });
  await receive(createProduct.id, String(ON_HAND));
  return createProduct.id;
}

async function receive(productId: string, quantity: string): Promise<void> {
  await system.gql('inventory', 'mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { id } }', { i: { productId, warehouseId, quantity } });
}

const countOf = async (service: FlowService, sql: string, params: unknown[]): Promise<number> => (await service.db.query<{ n: number }>(sql, params)).rows[0]?.n ?? 0;
/** Order lines of `productId` inventory has handled the confirmation of. */
const seenByInventory = (productId: string): Promise<number> => countOf(inventory, 'select count(*)::int as n from order_demand where product_id = $1', [productId]);
/** Orders of `productId` sales holds (placed and committed, whether or not the caller heard the answer). */
const placedInSales = (productId: string): Promise<number> => countOf(sales, 'select count(*)::int as n from sales_order_line where product_id = $1', [productId]);

/**
 * Places orders for `productId` one after the other until sales holds ORDERS of them. A call that
 * fails (sales was killed under it) is retried once sales answers again: whether the lost call's
 * order was committed or not, sales' own rows say what was placed.
 */
async function placeOrders(productId: string): Promise<void> {
  for (let i = await placedInSales(productId); i < ORDERS; i = await placedInSales(productId)) {
    try {
      await system.gql('sales', 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }', {
        i: { customerId: randomUUID(), currency: 'EUR', lines: [{ productId, quantity: String(quantityOf(i)), unitPrice: { amount: '10', currency: 'EUR' } }] },
      });
    } catch {
      await waitFor(async () => (sales.process().exitStatus() === null ? ((await fetch(sales.url.replace('/graphql', '/ready'))).ok ? true : undefined) : undefined), {
        timeoutMs: 120_000,
        what: 'sales to answer again',
      });
    }
  }
}

/** Polls `count` every 10 ms until it reaches `after`, then kills `victim` (SIGKILL) and starts it again; answers the count seen when it struck. */
async function crashWhen(victim: FlowService, count: () => Promise<number>, after: number): Promise<number> {
  const seen = await waitFor(
    async () => {
      const n = await count();
      return n >= after ? n : undefined;
    },
    { timeoutMs: 180_000, intervalMs: 10, what: `${after} events before killing ${victim.name}` },
  );
  await victim.kill();
  await victim.start();
  return seen;
}

const quiet = (): Promise<void> => system.waitForQuiet({ inventory: ['sales.order'], sales: ['inventory.stock'] });

interface LineState {
  lineId: string;
  quantity: bigint;
  reserved: bigint;
  short: bigint;
}

/**
 * The flow's end state for `productId`, checked exactly: walking sales' lines in the order they were
 * confirmed, each has what was left of the `supply` (30 on hand, then 40 received) up to its quantity
 * — in inventory (its reservations and shortage) and in sales (what inventory's events told it) —, no
 * line has more, inventory knows every line once, the level holds exactly the supply reserved, and
 * every level is the sum of its ledger moves and reservations.
 */
async function expectExactReservations(productId: string, supply: number): Promise<void> {
  // The order of confirmation from sales' rows; each line's quantities as sales answers them.
  const confirmed = (
    await sales.db.query<{ id: string; quantity: string }>(
      'select l.id, l.quantity::text from sales_order_line l join sales_order o on o.id = l.order_id where l.product_id = $1 order by o.confirmed_at, l.id',
      [productId],
    )
  ).rows;
  expect(confirmed).toHaveLength(ORDERS);
  let left = BigInt(supply) * 1000n;
  const expected: LineState[] = confirmed.map((l) => {
    const quantity = quantityUnits(l.quantity);
    const reserved = quantity < left ? quantity : left;
    left -= reserved;
    return { lineId: l.id, quantity, reserved, short: quantity - reserved };
  });
  expect(left, 'the whole supply went to the orders').toBe(0n);
  const answered = new Map(
    (await salesLinesOf(productId)).map((l) => [
      l.id,
      { lineId: l.id, quantity: quantityUnits(l.quantity), reserved: quantityUnits(l.reservedQuantity), short: quantityUnits(l.shortQuantity) },
    ]),
  );
  expect(expected.map((l) => answered.get(l.lineId))).toEqual(expected);

  const inventoryLines = (
    await inventory.db.query<{ order_line_id: string; ordered: string; short: string; reserved: string }>(
      `select d.order_line_id, d.ordered::text, d.short::text, coalesce((select sum(r.quantity) from reservation r where r.order_line_id = d.order_line_id), 0)::text as reserved
       from order_demand d where d.product_id = $1`,
      [productId],
    )
  ).rows;
  const byLine = new Map(
    inventoryLines.map((l) => [
      l.order_line_id,
      { lineId: l.order_line_id, quantity: quantityUnits(l.ordered), reserved: quantityUnits(l.reserved), short: quantityUnits(l.short) },
    ]),
  );
  expect(inventoryLines).toHaveLength(ORDERS);
  expect(expected.map((l) => byLine.get(l.lineId))).toEqual(expected);

  const [level] = (
    await inventory.db.query<{ on_hand: string; reserved: string }>('select on_hand::text, reserved::text from stock_level where product_id = $1 and warehouse_id = $2', [
      productId,
      warehouseId,
    ])
  ).rows;
  expect(level && { onHand: quantityUnits(level.on_hand), reserved: quantityUnits(level.reserved) }).toEqual({ onHand: BigInt(supply) * 1000n, reserved: BigInt(supply) * 1000n });
  await expectLedgerBalanced();
}

/** Every sales order line of `productId`, as sales answers (ADMIN, every page). */
async function salesLinesOf(productId: string): Promise<{ id: string; productId: string; quantity: string; reservedQuantity: string; shortQuantity: string }[]> {
  type Line = { id: string; productId: string; quantity: string; reservedQuantity: string; shortQuantity: string };
  const lines: Line[] = [];
  for (let after: string | null = null; ;) {
    const { salesOrders }: { salesOrders: { edges: { node: { lines: Line[] } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await system.gql(
      'sales',
      'query($after: String) { salesOrders(first: 100, after: $after) { edges { node { lines { id productId quantity reservedQuantity shortQuantity } } } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    for (const edge of salesOrders.edges) lines.push(...edge.node.lines.filter((l) => l.productId === productId));
    if (!salesOrders.pageInfo.hasNextPage) return lines;
    after = salesOrders.pageInfo.endCursor;
  }
}

async function expectLedgerBalanced(): Promise<void> {
  const orm = await createOrm({ url: inventory.db.options.connectionString ?? '', entities: [], migrations: [], logger: createLogger('fault-test', 'warn') });
  try {
    expect(await stockLedgerMismatches(orm.em.fork())).toEqual([]);
  } finally {
    await orm.close();
  }
}

beforeAll(async () => {
  system = await startFlowSystem({
    names: ['sales', 'inventory'],
    dir,
    brokers: testKafkaBrokers(),
    topicPrefix: testTopicPrefix(),
    partitions: 1,
    env: { OUTBOX_POLL_MS: '250' },
  });
  sales = system.service('sales');
  inventory = system.service('inventory');
  const { createWarehouse } = await system.gql<{ createWarehouse: { id: string } }>('inventory', 'mutation($i: CreateWarehouseInput!) { createWarehouse(input: $i) { id } }', {
    i: { code: 'FAULTS', name: 'Fault test warehouse' },
  });
  warehouseId = createWarehouse.id;
}, 300_000);

afterAll(async () => {
  await system?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('reservations when processes crash mid-flow (SIGKILL, then restarted)', () => {
  it(
    '100 orders over 30 units, inventory killed after handling 30 confirmations and sales after placing 65, then 40 received: every line reserved exactly once, oldest first, in both services',
    { timeout: 300_000 },
    async () => {
      const productId = await aProductWithStock(`FAULTS-${Date.now()}`);
      await waitFor(async () => ((await countOf(sales, 'select count(*)::int as n from catalogue_product where id = $1', [productId])) ? true : undefined), {
        what: 'sales to learn the product',
        timeoutMs: 60_000,
      });
      // The consumer (and the relay of inventory's answers) dies while confirmations keep coming;
      // then the relay of the confirmations (and sales' consumer of inventory's answers) dies while
      // orders are being placed and published.
      const inventoryCrash = crashWhen(inventory, () => seenByInventory(productId), 30);
      const salesCrash = crashWhen(sales, () => placedInSales(productId), 65);
      await placeOrders(productId);
      const [handledAtCrash, placedAtCrash] = await Promise.all([inventoryCrash, salesCrash]);
      expect(handledAtCrash, 'inventory died mid-flow').toBeLessThan(ORDERS);
      expect(placedAtCrash, 'sales died mid-flow').toBeLessThan(ORDERS);
      await quiet();
      await receive(productId, String(RECEIVED));
      await quiet();
      await expectExactReservations(productId, ON_HAND + RECEIVED);
    },
  );
});
