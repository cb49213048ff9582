/**
 * Stock count posting benchmark: `npm run bench:count -w @rapport/inventory`.
 *
 * Creates its own database (rapport_bench_count) through the service's migrations, loads
 * BENCH_LINES products (default 10,000) with stock on the ledger in one warehouse (RECEIPT moves
 * and levels, 1 % with a safety level so alarms are re-checked), then, ROUNDS times (default 2):
 * makes a count of every product in the warehouse, enters a counted quantity for every line (all
 * of them differ from the books, half up, half down), and posts it — timing each step through the
 * service functions the GraphQL resolvers call. Checks the ledger after each round and drops the
 * database (BENCH_KEEP=1 keeps it).
 */
import { performance } from 'node:perf_hooks';
import { callerOf } from '@rapport/subgraph-kit';
import { benchPrincipal, withBenchService } from '@rapport/subgraph-kit/testing';
import { createInventoryService, stockLedgerMismatches } from '../src/create-inventory-service.js';
import { countPolicy } from '../src/modules/count/count.policy.js';
import { createStockCount, enterCountedQuantities, postStockCount } from '../src/modules/count/count.service.js';

const DB = 'rapport_bench_count';
const LINES = Number(process.env.BENCH_LINES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WAREHOUSE = '00000000-0000-4000-8000-00000000b001';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(2)} s`;

function loadSql(): string[] {
  return [
    `insert into warehouse (id, code, name) values ('${WAREHOUSE}', 'BENCH', 'Bench warehouse')`,
    `insert into product (id, sku, name, unit, list_price, currency, standard_cost, created_at, updated_at)
     select md5('p' || i)::uuid, 'BENCH-' || lpad(i::text, 6, '0'), 'Bench product ' || i, 'pcs', 100, 'EUR', 12.3456, now(), now()
       from generate_series(1, ${LINES}) i`,
    `insert into stock_move (id, product_id, warehouse_id, kind, quantity, unit_cost, currency, reason, actor_id, moved_at)
     select gen_random_uuid(), md5('p' || i)::uuid, '${WAREHOUSE}', 'RECEIPT', 50 + i % 50, 12.3456, 'EUR', 'bench load', null, now()
       from generate_series(1, ${LINES}) i`,
    `insert into stock_level (id, product_id, warehouse_id, on_hand, safety_stock, reorder_quantity)
     select gen_random_uuid(), md5('p' || i)::uuid, '${WAREHOUSE}', 50 + i % 50, case when i % 100 = 0 then 40 else 0 end, 10
       from generate_series(1, ${LINES}) i`,
    'analyze product',
    'analyze stock_move',
    'analyze stock_level',
  ];
}

async function main(): Promise<void> {
  await withBenchService('inventory', createInventoryService, DB, async (service) => {
    let started = performance.now();
    for (const sql of loadSql()) await service.orm.em.fork().execute(sql);
    out(`loaded ${LINES.toLocaleString('en')} products with stock in ${seconds(started)}`);
    const principal = benchPrincipal('WAREHOUSE_CLERK');
    const viewer = callerOf(principal).viewer(countPolicy, 'write');
    const meta = { actor: principal.userId };
    const products = await service.orm.em.fork().execute<{ id: string }[]>('select id from product order by sku');
    for (let round = 1; round <= ROUNDS; round++) {
      started = performance.now();
      const count = await createStockCount(service.orm.em.fork(), viewer, { warehouseId: WAREHOUSE }, meta);
      const created = seconds(started);
      // Every line differs from the books: half counted above the loaded stock, half below, by an
      // amount that changes each round (so a round never counts what the previous one posted).
      const lines = products.map((p, i) => ({ productId: p.id, counted: String(50 + ((i + 1) % 50) + (i % 2 === 0 ? 1 : -1) * (round + (i % 3))) }));
      started = performance.now();
      await enterCountedQuantities(service.orm.em.fork(), viewer, { countId: count.id, lines });
      const entered = seconds(started);
      started = performance.now();
      const posted = await postStockCount(service.orm.em.fork(), viewer, count.id, meta);
      const postedIn = seconds(started);
      const em = service.orm.em.fork();
      const [moves] = await em.execute<{ n: string }[]>(`select count(*)::text as n from stock_move where kind = 'COUNT' and reference_id = ?`, [count.id]);
      const [events] = await em.execute<{ n: string }[]>(`select count(*)::text as n from outbox_message where type = 'inventory.count.posted.v1' and message_key = ?`, [count.id]);
      const mismatches = await stockLedgerMismatches(em);
      out(
        `round ${round}: ${posted.number} ${LINES.toLocaleString('en')} lines  create=${created}  enter=${entered}  post=${postedIn}  ` +
          `moves=${moves?.n}  events=${events?.n}  ledger mismatches=${mismatches.length}`,
      );
      if (posted.state !== 'POSTED' || Number(moves?.n) !== LINES || mismatches.length > 0) throw new Error('the posting is not what it should be');
    }
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
