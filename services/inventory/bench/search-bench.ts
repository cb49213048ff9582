/**
 * Product search benchmark: `npm run bench:search -w @rapport/inventory`.
 *
 * Creates its own database (rapport_bench_product_search) through the service's migrations, loads
 * BENCH_PRODUCTS (default 200,000) products with INSERT … SELECT from generate_series (names and
 * specifications combined from word lists), runs ANALYZE, then times `searchProducts` — the function
 * the GraphQL resolver calls — on queries of one or two words of a random product's name, each word
 * with one typo (two letters swapped, one dropped or one doubled): BENCH_QUERIES (default 40) queries,
 * BENCH_ROUNDS (default 5) rounds each, p50/p95/max; and how often the product the query came from
 * is among the 20 results. Drops the database (BENCH_KEEP=1 keeps it).
 */
import { performance } from 'node:perf_hooks';
import { callerOf } from '@rapport/subgraph-kit';
import { benchPrincipal, percentile, withBenchService } from '@rapport/subgraph-kit/testing';
import { createInventoryService } from '../src/create-inventory-service.js';
import { productPolicy } from '../src/modules/product/product.policy.js';
import { searchProducts } from '../src/modules/product/product-search.js';

const DB = 'rapport_bench_product_search';
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 200_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const sqlArray = (values: readonly string[]): string => `array[${values.map((v) => `'${v}'`).join(',')}]`;
const KINDS = ['Centrifugal', 'Submersible', 'Diaphragm', 'Peristaltic', 'Gear', 'Screw', 'Piston', 'Vane', 'Magnetic', 'Booster', 'Dosing', 'Vacuum'];
const THINGS = ['pump', 'valve', 'gasket', 'flange', 'coupling', 'hose', 'filter', 'motor', 'bearing', 'impeller', 'sensor', 'controller', 'manifold', 'nozzle'];
const MATERIALS = ['stainless', 'brass', 'bronze', 'aluminium', 'polypropylene', 'titanium', 'cast iron', 'copper', 'ceramic', 'viton'];

/** `word` with one typo, chosen by `seed`: two neighbouring letters swapped, one letter dropped, or one doubled. */
function typo(word: string, seed: number): string {
  const at = 1 + (seed % Math.max(1, word.length - 2));
  switch (seed % 3) {
    case 0:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    default:
      return word.slice(0, at) + word[at] + word.slice(at);
  }
}

async function main(): Promise<void> {
  await withBenchService('inventory', createInventoryService, DB, async (service) => {
    const em = () => service.orm.em.fork();
    let started = performance.now();
    await em().execute(
      `insert into product (id, sku, name, specification, unit, list_price, currency, standard_cost, created_at, updated_at)
       select md5('p' || i)::uuid, 'P-' || lpad(i::text, 6, '0'),
              (${sqlArray(KINDS)})[1 + i % ${KINDS.length}] || ' ' || (${sqlArray(THINGS)})[1 + (i / ${KINDS.length}) % ${THINGS.length}] || ' ' || (10 + i % 490) || ' ' || substr(md5(i::text), 1, 6),
              (${sqlArray(MATERIALS)})[1 + (i / 7) % ${MATERIALS.length}] || ', DN' || (10 + i % 90) || ', PN' || (6 + i % 34),
              'pcs', 100, 'EUR', 40, now(), now()
         from generate_series(1, ${PRODUCTS}) i`,
    );
    await em().execute('analyze product');
    out(`loaded ${PRODUCTS.toLocaleString('en')} products (with the search indexes) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const principal = benchPrincipal('WAREHOUSE_CLERK');
    const viewer = callerOf(principal).viewer(productPolicy, 'read');
    const samples = await em().execute<{ id: string; name: string }[]>(`select id, name from product order by md5(id::text || 'bench') limit ${QUERIES}`);
    const queries = samples.map((s, i) => {
      const words = s.name.toLowerCase().split(' ');
      // One word (the kind), or two (kind and thing), each with one typo.
      const picked = i % 2 === 0 ? [words[0]!] : [words[0]!, words[1]!];
      return { id: s.id, text: picked.map((w, j) => typo(w, i * 7 + j)).join(' ') };
    });
    for (const q of queries.slice(0, 3)) await searchProducts(em(), viewer, q.text); // warm-up
    const timings: number[] = [];
    let found = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of queries) {
        started = performance.now();
        const hits = await searchProducts(em(), viewer, q.text);
        timings.push(performance.now() - started);
        if (round === 0 && hits.length > 0) found++;
      }
    }
    timings.sort((a, b) => a - b);
    out(`searchProducts, one typo per word, ${queries.length} queries × ${ROUNDS} rounds (e.g. "${queries[0]!.text}", "${queries[1]!.text}"):`);
    out(`  p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms, max ${timings.at(-1)!.toFixed(1)} ms`);
    out(`  queries with at least one hit: ${found}/${queries.length}`);
    const plan = await em().execute<{ 'QUERY PLAN': string }[]>(
      `explain select id from product where deleted_at is null and search_words && array['pump'] and search_words && array['stainless'] limit 20`,
    );
    const plans = plan.map((r) => r['QUERY PLAN']).join(' ');
    out(`  plan of the products' step: ${plans.includes('product_search_words_idx') ? 'bitmap scan of product_search_words_idx' : plans}`);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
