// Issue 15 item 5: brings a running system's databases to a million customers (the rep owns 2,000)
// and ten million related rows, for the flagship at that scale (`BENCH_SCALE_CUSTOMERS` of
// system.bench.ts). Three paths, each timed:
//   1. users and products through the gateway (identity and inventory write them, the products'
//      copy reaches sales by events);
//   2. a sample of customers through the CSV import and the event path: the customers service
//      writes them with their `customers.customer.created.v1` events (publishMany), and sales, support
//      and finance build their `customer_access` copies from the events; the time until the last
//      copy has caught up gives the event path's rate, and from it how long a million would take;
//   3. the rest through each owning service's bulk loader (`@rapport/<service>/scale-bulk`: set-based
//      INSERT … SELECT FROM generate_series, its own tables and its own read copies), the four
//      databases at once, then ANALYZE.
import { readFileSync, statSync } from 'node:fs';
import pg from 'pg';
import { loadScaleCustomers } from '@rapport/customers/scale-bulk';
import { loadScaleFinance } from '@rapport/finance/scale-bulk';
import { loadScaleSales } from '@rapport/sales/scale-bulk';
import { loadScaleSupport } from '@rapport/support/scale-bulk';
import type { ScaleSpec, SqlRunner } from '@rapport/subgraph-kit';
import { waitFor } from '@rapport/testing';
import { FLAGSHIP_QUERY } from '../src/explorer.js';
import { importCustomers, type Book, type BookSystem } from './book.js';

export interface ScaleOptions {
  /** Customers in all (sample included). */
  customers: number;
  /** Of which the benchmarked rep owns this many (all from the bulk loaders). */
  repCustomers: number;
  /** Of which this many go through the CSV import and the event path. */
  eventSample: number;
  /** The connection string of subgraph `name`'s database. */
  databaseUrl(name: string): string;
  log(line: string): void;
}

/** A timed phase of the load. */
export interface ScalePhase {
  name: string;
  seconds: number;
}

export interface ScaleBook extends Book {
  phases: ScalePhase[];
  /** Rows per table after the load, by subgraph (exact counts). */
  sizes: Record<string, Record<string, number>>;
  /** The event path on the sample: events consumed per second by the slowest copy, and what a million would take at that rate. */
  eventPath: { customers: number; seconds: number; perSecond: number; millionMinutes: number };
}

const SERVICES = ['customers', 'support', 'sales', 'finance'] as const;
type BulkService = (typeof SERVICES)[number];
const LOADERS: Record<BulkService, (db: SqlRunner, spec: ScaleSpec) => Promise<Record<string, number>>> = {
  customers: loadScaleCustomers,
  support: loadScaleSupport,
  sales: loadScaleSales,
  finance: loadScaleFinance,
};
/** The tables the sizes table counts, by subgraph. */
const COUNTED: Record<BulkService, string[]> = {
  customers: ['customer', 'contact', 'customer_address', 'customer_access', 'outbox_message'],
  support: ['ticket', 'customer_access'],
  sales: ['opportunity', 'sales_order', 'sales_order_line', 'sales_order_invoice', 'customer_access', 'sales_rollup_order'],
  finance: ['invoice', 'invoice_line', 'payment', 'sales_order', 'order_line', 'customer_access'],
};

const seconds = (since: number): number => +((performance.now() - since) / 1000).toFixed(1);

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Loads the scale data set into a running system (see the file's head); answers the flagship's book for the rep. */
export async function loadScale(system: BookSystem, options: ScaleOptions): Promise<ScaleBook> {
  const began = performance.now();
  const phases: ScalePhase[] = [];
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const at = performance.now();
    const result = await work();
    phases.push({ name, seconds: seconds(at) });
    options.log(`  ${name}: ${seconds(at)} s`);
    return result;
  };

  const { rep, others, productIds } = await phase('users and products through the gateway', async () => {
    const repUser = await system.createUser({ email: 'scale.rep@rapport.example', displayName: 'Scale Rep', role: 'SALES_REP' });
    const otherUsers = [];
    for (let r = 0; r < 4; r++) otherUsers.push(await system.createUser({ email: `scale.other${r}@rapport.example`, role: 'SALES_REP' }));
    const ids: string[] = [];
    for (const [i, price] of ['199.90', '49.00', '1250.00'].entries()) {
      const { createProduct } = await system.must<{ createProduct: { id: string } }>(system.adminToken, `mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }`, {
        i: { sku: `SCALE-${i + 1}`, name: `Scale product ${i + 1}`, unit: 'pcs', listPrice: { amount: price, currency: 'EUR' } },
      });
      await system.untilSellable(createProduct.id);
      ids.push(createProduct.id);
    }
    return { rep: repUser, others: otherUsers, productIds: ids };
  });

  // The event path, on a sample: the import's customers reach the three copies only through events.
  const sample = options.eventSample;
  const sampleAt = performance.now();
  const perOther = Math.ceil(sample / others.length);
  await phase(`${sample} customers by CSV import (customers writes them and their events)`, async () => {
    for (const [r, other] of others.entries()) await importCustomers(system, other.token, `Sample ${r} Customer`, Math.min(perOther, sample - r * perOther));
  });
  await phase(`until sales, support and finance consumed the ${sample} customer events`, async () => {
    for (const name of ['sales', 'support', 'finance'] as const) {
      await waitFor(async () => ((await system.customerAccessRows(name)) >= sample ? true : undefined), {
        what: `${name} to learn the ${sample} imported customers`,
        timeoutMs: 120_000 + sample * 100,
        intervalMs: 250,
      });
    }
  });
  const eventSeconds = seconds(sampleAt);
  const perSecond = +(sample / eventSeconds).toFixed(1);
  const eventPath = { customers: sample, seconds: eventSeconds, perSecond, millionMinutes: +(1_000_000 / perSecond / 60).toFixed(1) };
  options.log(`  event path: ${sample} customers imported and in all three copies after ${eventSeconds} s (${perSecond}/s): a million would take ${eventPath.millionMinutes} min`);

  const spec: ScaleSpec = {
    customers: options.customers - sample,
    repId: rep.id,
    repCustomers: options.repCustomers,
    otherOwnerIds: others.map((o) => o.id),
    productIds,
  };
  const written = await phase(`${spec.customers} customers and their documents by the services' bulk loaders (four databases at once)`, () =>
    Promise.all(
      SERVICES.map((name) =>
        withClient(options.databaseUrl(name), async (client) => {
          const at = performance.now();
          const rows = await LOADERS[name](client, spec);
          options.log(`    ${name}: ${JSON.stringify(rows)} in ${seconds(at)} s`);
          return rows;
        }),
      ),
    ),
  );
  void written;
  await phase('ANALYZE of the four databases', () => Promise.all(SERVICES.map((name) => withClient(options.databaseUrl(name), (client) => client.query('analyze')))));

  const sizes: Record<string, Record<string, number>> = {};
  for (const name of SERVICES) {
    sizes[name] = await withClient(options.databaseUrl(name), async (client) => {
      const counts: Record<string, number> = {};
      for (const table of COUNTED[name]) counts[table] = (await client.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n ?? 0;
      return counts;
    });
  }
  const loadedSeconds = seconds(began);
  return {
    rep,
    query: FLAGSHIP_QUERY,
    body: JSON.stringify({ query: FLAGSHIP_QUERY, variables: { ownerId: rep.id }, operationName: 'RepCustomers' }),
    loadedSeconds,
    description: `${options.customers} customers (${sample} by CSV import and events, ${spec.customers} by the bulk loaders), ${options.repCustomers} of them the rep's`,
    phases,
    sizes,
    eventPath,
  };
}

interface ScaleFlagshipNode {
  openTickets: unknown[];
  openOpportunities: unknown[];
  openOrders: unknown[];
  overdueReceivables: { invoices: unknown[] };
}
interface ScaleFlagshipAnswer {
  data?: { customers: { edges: { node: ScaleFlagshipNode }[] } } | null;
  errors?: unknown[];
}

/** Throws unless the rep's flagship page at scale has ten customers, each with an open ticket, deal and order and an overdue invoice. */
export function assertScaleFlagshipComplete(answer: ScaleFlagshipAnswer): void {
  const edges = answer.data?.customers.edges ?? [];
  const complete = (node: ScaleFlagshipNode): boolean =>
    node.openTickets.length === 1 && node.openOpportunities.length === 1 && node.openOrders.length === 1 && node.overdueReceivables.invoices.length === 1;
  if (answer.errors || edges.length !== 10 || !edges.every((e) => complete(e.node))) {
    throw new Error(`the flagship answer at scale is incomplete: ${JSON.stringify(answer).slice(0, 800)}`);
  }
}

/** A statement's plan as auto_explain logged it. */
export interface LoggedPlan {
  query: string;
  plan: string;
}

/**
 * The plans of every statement PostgreSQL runs during `work` (auto_explain, which the server must
 * preload: `shared_preload_libraries=auto_explain`), switched on for all sessions through ALTER
 * SYSTEM and a reload, and off again after.
 */
export async function capturePlans(adminUrl: string, logFile: string, work: () => Promise<void>): Promise<LoggedPlan[]> {
  const setTo = async (value: string | null): Promise<void> =>
    withClient(adminUrl, async (client) => {
      await client.query(value === null ? 'alter system reset auto_explain.log_min_duration' : `alter system set auto_explain.log_min_duration = ${value}`);
      await client.query('select pg_reload_conf()');
    });
  const from = statSync(logFile).size;
  await setTo('0');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  try {
    await work();
  } finally {
    await setTo(null);
  }
  const text = readFileSync(logFile, 'utf8').slice(from);
  const plans: LoggedPlan[] = [];
  for (const block of text.split(/\n(?=\S)/)) {
    const match =
      /duration: [\d.]+ ms {2}plan:\n\s*Query Text: ([\s\S]*?)\n(\s*(?:Result|Limit|Sort|Seq Scan|Index|Bitmap|Hash|Nested|Merge|Aggregate|Unique|Append|Subquery|Insert|Update|Delete|LockRows|Gather|Group|WindowAgg|CTE|Materialize|Incremental|Memoize|ProjectSet|Function|Values)[\s\S]*)$/.exec(
        block,
      );
    if (match?.[1] && match[2]) plans.push({ query: match[1].trim(), plan: match[2].replace(/^\t/gm, '') });
  }
  return plans;
}

/** The sequential scans in `plans` of the tables the scale load fills (a plan that reads one of them whole at a million rows); the outbox, which the relays poll, is small once relayed. */
export function bigSequentialScans(plans: readonly LoggedPlan[]): string[] {
  const big = new Set(
    Object.values(COUNTED)
      .flat()
      .filter((table) => table !== 'outbox_message'),
  );
  return plans.flatMap(({ query, plan }) =>
    [...plan.matchAll(/Seq Scan on (\w+)/g)].filter((m) => m[1] && big.has(m[1])).map((m) => `${m[1]} in: ${query.replace(/\s+/g, ' ').slice(0, 160)}`),
  );
}
