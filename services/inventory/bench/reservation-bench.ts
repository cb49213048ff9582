/**
 * Reservation throughput benchmark: `npm run bench:reservations -w @rapport/inventory`.
 *
 * Sales and inventory run as separate processes from their production entry points (`main.ts`
 * under tsx, or with BENCH_MODE=built `dist/main.js` under Node once `npm run build` has run), on a
 * private PostgreSQL and the broker of KAFKA_BROKERS under a topic prefix of their own, with three
 * partitions per topic and the default outbox poll, as `rapport start` runs them. It creates a
 * catalogue through inventory's GraphQL API (BENCH_PRODUCTS products, default 300, stocked in three
 * warehouses; sales learns them from inventory's events), then places BENCH_ORDERS orders (default
 * 2,000; 1–5 lines of random products, 1–5 units each) through sales' API, BENCH_CONCURRENCY
 * (default 8) at a time, and measures each order from sales' answer (confirmed, the event in its
 * outbox) until sales has learnt the outcome of every line from inventory's events (reserved plus
 * reported short covers the quantity), polling sales' database every BENCH_POLL_MS (default 25).
 * Prints orders per second end to end and the latency's percentiles, then checks the ledger.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFlowSystem, type FlowSystem } from '@rapport/infra/flow-system';
import { createLogger, createOrm } from '@rapport/subgraph-kit';
import { percentile } from '@rapport/subgraph-kit/testing';
import { stockLedgerMismatches } from '../src/create-inventory-service.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 2_000);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 25);
const MODE = process.env.BENCH_MODE === 'built' ? 'built' : 'tsx';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const load = (): string => loadavg()[0]!.toFixed(1);
/** A fixed pseudo-random sequence (same catalogue and orders every run). */
let seed = 42;
const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = (n: number): number => Math.floor(random() * n);

/** Runs `task` for 0…n-1, `concurrency` at a time. */
async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

async function loadCatalogue(system: FlowSystem): Promise<string[]> {
  const warehouses: string[] = [];
  for (const code of ['BENCH-N', 'BENCH-S', 'BENCH-E']) {
    const { createWarehouse } = await system.gql<{ createWarehouse: { id: string } }>('inventory', 'mutation($i: CreateWarehouseInput!) { createWarehouse(input: $i) { id } }', {
      i: { code, name: `Bench ${code}` },
    });
    warehouses.push(createWarehouse.id);
  }
  const products: string[] = [];
  await pool(PRODUCTS, 8, async (i) => {
    const { createProduct } = await system.gql<{ createProduct: { id: string } }>('inventory', 'mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }', {
      i: { sku: `RB-${String(i).padStart(5, '0')}`, name: `Bench item ${i}`, listPrice: { amount: '25.00', currency: 'EUR' }, standardCost: { amount: '11.50', currency: 'EUR' } },
    });
    products.push(createProduct.id);
    // Most products in stock in one or two warehouses; one in ten in none (its orders wait short).
    if (i % 10 === 0) return;
    for (const w of i % 3 === 0 ? warehouses.slice(0, 2) : [warehouses[i % 3]!]) {
      await system.gql('inventory', 'mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { id } }', {
        i: { productId: createProduct.id, warehouseId: w, quantity: String(20 + pick(60)) },
      });
    }
  });
  products.sort();
  const sales = system.service('sales');
  for (;;) {
    const { rows } = await sales.db.query<{ n: number }>('select count(*)::int as n from catalogue_product');
    if ((rows[0]?.n ?? 0) >= PRODUCTS) return products;
    await sleep(200);
  }
}

/**
 * Where an order's time goes, from the services' own bus tables (database clocks; an inbox row's
 * time is its transaction's start): sales' relay (outbox row written → published), inventory's
 * consumer (published → reservation committed), inventory's relay (→ its answers published) and
 * sales' consumer (→ the last answer handled).
 */
async function printStages(system: FlowSystem): Promise<void> {
  const ms = (column: string): string => `extract(epoch from ${column}) * 1000`;
  const rows = async <R extends object>(service: 'sales' | 'inventory', sql: string): Promise<R[]> => (await system.service(service).db.query<R>(sql)).rows;
  const confirmations = await rows<{ id: string; order_id: string; created: number; published: number }>(
    'sales',
    `select id::text, message_key as order_id, ${ms('created_at')} as created, ${ms('published_at')} as published from outbox_message where type = 'sales.order.confirmed.v2'`,
  );
  const reserved = new Map(
    (await rows<{ event_id: string; at: number }>('inventory', `select event_id, ${ms('handled_at')} as at from inbox_message where type = 'sales.order.confirmed.v2'`)).map(
      (r) => [r.event_id, r.at],
    ),
  );
  const answers = await rows<{ id: string; order_id: string; published: number }>(
    'inventory',
    `select id::text, message_key as order_id, ${ms('published_at')} as published from outbox_message where type in ('inventory.stock.reserved.v1', 'inventory.stock.shortage-reported.v1')`,
  );
  const learnt = new Map(
    (await rows<{ event_id: string; at: number }>('sales', `select event_id, ${ms('handled_at')} as at from inbox_message where type like 'inventory.stock.%'`)).map((r) => [
      r.event_id,
      r.at,
    ]),
  );
  const byOrder = new Map<string, { published: number; learnt: number }>();
  for (const a of answers) {
    const seen = byOrder.get(a.order_id) ?? { published: 0, learnt: 0 };
    byOrder.set(a.order_id, { published: Math.max(seen.published, a.published), learnt: Math.max(seen.learnt, learnt.get(a.id) ?? Number.NaN) });
  }
  const stages: Record<string, number[]> = { "sales' relay": [], "inventory's consumer": [], "inventory's relay": [], "sales' consumer": [] };
  for (const c of confirmations) {
    const at = reserved.get(c.id);
    const answer = byOrder.get(c.order_id);
    if (at === undefined || !answer || Number.isNaN(answer.learnt)) continue;
    stages["sales' relay"]!.push(c.published - c.created);
    stages["inventory's consumer"]!.push(at - c.published);
    stages["inventory's relay"]!.push(answer.published - at);
    stages["sales' consumer"]!.push(answer.learnt - answer.published);
  }
  for (const [stage, samples] of Object.entries(stages)) {
    samples.sort((a, b) => a - b);
    if (samples.length) out(`  ${stage}: p50 ${percentile(samples, 50).toFixed(0)} ms, p95 ${percentile(samples, 95).toFixed(0)} ms (${samples.length} orders)`);
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-reservation-bench-'));
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  let started = performance.now();
  out(`starting sales and inventory (${MODE}) on a private PostgreSQL, Kafka at ${brokers.join(',')}; load average ${load()}`);
  const system = await startFlowSystem({ names: ['sales', 'inventory'], dir, mode: MODE, brokers, topicPrefix: `bench${Date.now().toString(36)}.` });
  try {
    out(`  ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    const products = await loadCatalogue(system);
    out(`catalogue: ${products.length} products in 3 warehouses, known to sales, in ${((performance.now() - started) / 1000).toFixed(1)} s; load average ${load()}`);

    const sales = system.service('sales');
    const confirmedAt = new Map<string, number>();
    const latencies: number[] = [];
    let placing = true;
    // Sales' own rows say when it has learnt every line's outcome.
    let progressAt = performance.now();
    const watcher = (async () => {
      while (placing || confirmedAt.size > 0) {
        if (performance.now() - progressAt > 180_000) throw new Error(`${confirmedAt.size} orders still not reserved after 3 minutes without progress`);
        const ids = [...confirmedAt.keys()];
        if (ids.length) {
          const { rows } = await sales.db.query<{ id: string }>(
            `select o.id from sales_order o where o.id = any($1::uuid[])
               and not exists (select 1 from sales_order_line l where l.order_id = o.id and l.reserved_quantity + l.short_quantity < l.quantity)`,
            [ids],
          );
          const now = performance.now();
          if (rows.length) progressAt = now;
          for (const { id } of rows) {
            latencies.push(now - confirmedAt.get(id)!);
            confirmedAt.delete(id);
          }
        }
        await sleep(POLL_MS);
      }
    })();
    out(`placing ${ORDERS} orders, ${CONCURRENCY} at a time; load average ${load()}`);
    const began = performance.now();
    let lines = 0;
    await pool(ORDERS, CONCURRENCY, async () => {
      const count = 1 + pick(5);
      const chosen = new Set<string>();
      while (chosen.size < count) chosen.add(products[pick(products.length)]!);
      lines += count;
      const { placeOrder } = await system.gql<{ placeOrder: { id: string } }>('sales', 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }', {
        i: { customerId: randomUUID(), currency: 'EUR', lines: [...chosen].map((productId) => ({ productId, quantity: String(1 + pick(5)) })) },
      });
      confirmedAt.set(placeOrder.id, performance.now());
    });
    const placed = performance.now();
    placing = false;
    await watcher;
    const done = performance.now();
    latencies.sort((a, b) => a - b);
    const seconds = (done - began) / 1000;
    out(`placed ${ORDERS} orders (${lines} lines) in ${((placed - began) / 1000).toFixed(1)} s (${(ORDERS / ((placed - began) / 1000)).toFixed(1)} orders/s confirmed)`);
    out(`all reserved or reported short, and known to sales, after ${seconds.toFixed(1)} s: ${(ORDERS / seconds).toFixed(1)} orders/s end to end`);
    out(
      `latency from sales' answer to sales knowing every line's reservation: p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms (polled every ${POLL_MS} ms)`,
    );
    await printStages(system);
    const inventory = system.service('inventory');
    const { rows } = await inventory.db.query<{ demand: number; short: number }>(
      'select count(*)::int as demand, count(*) filter (where short > 0)::int as short from order_demand',
    );
    out(`inventory holds ${rows[0]?.demand} order lines, ${rows[0]?.short} of them (partly) short; load average ${load()}`);
    const orm = await createOrm({ url: inventory.db.options.connectionString ?? '', entities: [], migrations: [], logger: createLogger('reservation-bench', 'warn') });
    try {
      const mismatches = await stockLedgerMismatches(orm.em.fork());
      out(mismatches.length === 0 ? 'ledger check: every level is the sum of its moves and reservations' : `LEDGER MISMATCHES: ${JSON.stringify(mismatches)}`);
      if (mismatches.length) process.exitCode = 1;
    } finally {
      await orm.close();
    }
  } finally {
    await system.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
