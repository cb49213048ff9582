/**
 * Product import benchmark: `npm run bench:product-import -w @rapport/inventory`.
 *
 * Creates its own database (rapport_bench_product_import) through the service's migrations, then
 * imports BENCH_ROWS products (default 10,000, the most one import takes) from CSV through the
 * service function the GraphQL resolver calls: a dry run, the import creating them all, and a
 * second import of the same codes with every price changed (all updates). Counts the products,
 * outbox events and audit entries after each, and drops the database (BENCH_KEEP=1 keeps it).
 */
import { performance } from 'node:perf_hooks';
import { callerOf } from '@rapport/subgraph-kit';
import { benchPrincipal, withBenchService } from '@rapport/subgraph-kit/testing';
import { createInventoryService } from '../src/create-inventory-service.js';
import { importProducts } from '../src/modules/product/product-import.js';
import { productPolicy } from '../src/modules/product/product.policy.js';

const DB = 'rapport_bench_product_import';
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(2)} s`;

const csv = (price: (i: number) => string): string =>
  [
    'sku,name,specification,category,unit,listPrice,currency,standardCost',
    ...Array.from({ length: ROWS }, (_, i) => `BENCH-${String(i).padStart(6, '0')},Bench product ${i},"Steel, ${i} mm",Bench,pcs,${price(i)},EUR,${(i % 500) + 0.25}`),
  ].join('\n');

// A failure rejects the top-level await: tsx prints it and exits non-zero.
await withBenchService('inventory', createInventoryService, DB, async (service) => {
  const principal = benchPrincipal('WAREHOUSE_CLERK');
  const viewer = callerOf(principal).viewer(productPolicy, 'write');
  const meta = { actor: principal.userId };
  const counts = async (): Promise<string> => {
    const [row] = await service.orm.em
      .fork()
      .execute<{ products: string; events: string; audit: string }[]>(
        `select (select count(*) from product)::text as products, (select count(*) from outbox_message)::text as events, (select count(*) from audit_entry)::text as audit`,
      );
    return `products=${row?.products} events=${row?.events} audit entries=${row?.audit}`;
  };
  const first = csv((i) => `${(i % 1000) + 10}.50`);
  const second = csv((i) => `${(i % 1000) + 11}.75`);
  out(`${ROWS.toLocaleString('en')} rows, ${(first.length / 1024).toFixed(0)} kB of CSV`);
  for (const [label, body, dryRun] of [
    ['dry run', first, true],
    ['create', first, false],
    ['update', second, false],
  ] as const) {
    const started = performance.now();
    const report = await importProducts(service.orm.em.fork(), viewer, { body, dryRun }, meta, () => undefined);
    out(`${label.padEnd(8)} ${seconds(started)}  created=${report.created} updated=${report.updated} unchanged=${report.unchanged}  ${await counts()}`);
  }
});
