// What the flagship benchmarks share, whether the system runs in one process (`flagship.bench.ts`) or
// as separate processes (`system.bench.ts`): the book they load through the services' own paths, the
// check that the flagship answer is complete, and the closed-loop load generator.
import { Pool } from 'undici';
import { percentile } from '@rapport/subgraph-kit/testing';
import { waitFor } from '@rapport/testing';
import { FLAGSHIP_QUERY } from '../src/explorer.js';

/** An ISO date (YYYY-MM-DD) `offsetDays` from today, in UTC. */
const day = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** What loading the book needs from a running system (the gateway harness's `TestSystem` has it all). */
export interface BookSystem {
  adminToken: string;
  must<T = Record<string, unknown>>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<T>;
  mustOnceCustomerKnown<T = Record<string, unknown>>(token: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  createUser(input: { email: string; displayName?: string; role: string }): Promise<{ id: string; token: string }>;
  untilSellable(productId: string): Promise<void>;
  /** How many customers subgraph `name` holds in its `customer_access` copy. */
  customerAccessRows(name: 'sales' | 'support' | 'finance'): Promise<number>;
}

export interface BookOptions {
  /** Customers of the benchmarked rep (each with 2 tickets, 1 opportunity, 1 order, 2 overdue invoices). */
  repCustomers: number;
  /** Customers of four other reps (no documents), imported by CSV. */
  otherCustomers: number;
  /** The flagship query's page size (`first`), 10 as in FLAGSHIP_QUERY unless given. */
  first?: number;
}

export interface Book {
  rep: { id: string; token: string };
  /** The flagship query as benchmarked (its page size as asked). */
  query: string;
  /** The flagship query's request body for the rep (JSON). */
  body: string;
  loadedSeconds: number;
  description: string;
}

const importMutation = `mutation($i: ImportCustomersInput!) { importCustomers(input: $i) { created failed } }`;
const mapping = [
  { column: 'Name', field: 'NAME' },
  { column: 'Email', field: 'EMAIL' },
  { column: 'City', field: 'CITY' },
  { column: 'Country', field: 'COUNTRY' },
];

/** Imports `count` customers as the holder of `token` (who owns them), in files of 500 rows. */
export async function importCustomers(system: BookSystem, token: string, prefix: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from(
      { length: Math.min(500, count - start) },
      (_, i) => `${prefix} ${start + i},c${start + i}@${prefix.toLowerCase().replaceAll(' ', '-')}.example,Leipzig,DE`,
    );
    const csv = ['Name,Email,City,Country', ...rows].join('\n');
    const { importCustomers: report } = await system.must<{ importCustomers: { created: number; failed: number } }>(token, importMutation, {
      i: { csv, mapping, dryRun: false, duplicates: 'CREATE', mode: 'PER_ROW' },
    });
    if (report.failed || report.created !== rows.length) throw new Error(`the import of ${prefix} created ${report.created} of ${rows.length}`);
  }
}

/** FLAGSHIP_QUERY with page size `first` instead of its 10 (issue 15 also asks for the figure at 50). */
export function flagshipQuery(first = 10): string {
  const query = FLAGSHIP_QUERY.replace('first: 10)', `first: ${first})`);
  if (!query.includes(`first: ${first})`)) throw new Error('FLAGSHIP_QUERY no longer has the page size `first: 10)` to change');
  return query;
}

/**
 * Loads the book: the rep's customers (CSV import) each with 2 tickets, 1 opportunity, 1 order and 2
 * overdue invoices (by mutation), and the other reps' customers (CSV import); answers once sales,
 * support and finance know every customer (no events in flight).
 */
export async function loadBook(system: BookSystem, options: BookOptions): Promise<Book> {
  const began = performance.now();
  // The rep's customers are listed in one page below, and `customers(first:)` allows at most 100.
  if (options.repCustomers > 100) throw new Error(`at most 100 customers of the rep, not ${options.repCustomers}`);
  const query = flagshipQuery(options.first);
  const token = system.adminToken;
  const rep = await system.createUser({ email: 'flagship.rep@rapport.example', displayName: 'Flagship Rep', role: 'SALES_REP' });
  const { createProduct } = await system.must<{ createProduct: { id: string } }>(token, `mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }`, {
    i: { sku: 'FLAG-1', name: 'Flagship pump', unit: 'pcs', listPrice: { amount: '199.90', currency: 'EUR' } },
  });
  await system.untilSellable(createProduct.id);
  await importCustomers(system, rep.token, 'Flagship Customer', options.repCustomers);
  const mine = await system.must<{ customers: { edges: { node: { id: string } }[] } }>(
    rep.token,
    `query($o: ID) { customers(filter: { ownerId: $o }, first: 100) { edges { node { id } } } }`,
    { o: rep.id },
  );
  if (mine.customers.edges.length !== options.repCustomers) throw new Error(`the rep sees ${mine.customers.edges.length} customers`);
  for (const [c, { node }] of mine.customers.edges.entries()) {
    const customerId = node.id;
    for (const [t, priority] of (['HIGH', 'NORMAL'] as const).entries()) {
      await system.mustOnceCustomerKnown(rep.token, `mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }`, { i: { customerId, subject: `Leak ${c}.${t}`, priority } });
    }
    await system.mustOnceCustomerKnown(rep.token, `mutation($i: OpenOpportunityInput!) { openOpportunity(input: $i) { id } }`, {
      i: { customerId, title: `Deal ${c}`, amount: { amount: '1200.50', currency: 'EUR' } },
    });
    await system.mustOnceCustomerKnown(rep.token, `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`, {
      i: { customerId, currency: 'EUR', lines: [{ productId: createProduct.id, quantity: '3', unitPrice: { amount: '199.90', currency: 'EUR' } }] },
    });
    for (const total of ['99.00', '250.10']) {
      await system.mustOnceCustomerKnown(token, `mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { id } }`, {
        i: { customerId, total: { amount: total, currency: 'EUR' }, issueDate: day(-40), dueDate: day(-10) },
      });
    }
  }
  const perOther = Math.ceil(options.otherCustomers / 4);
  for (let r = 0; r < 4 && perOther > 0; r++) {
    const other = await system.createUser({ email: `other.rep${r}@rapport.example`, role: 'SALES_REP' });
    await importCustomers(system, other.token, `Other ${r} Customer`, perOther);
  }
  // Timed only once every subgraph's copy of who sees which customer has caught up (no events in flight).
  const total = options.repCustomers + 4 * perOther;
  for (const name of ['sales', 'support', 'finance'] as const) {
    await waitFor(async () => ((await system.customerAccessRows(name)) === total ? true : undefined), {
      what: `${name} to learn all ${total} customers`,
      timeoutMs: 60_000 + total * 50,
    });
  }
  return {
    rep,
    query,
    body: JSON.stringify({ query, variables: { ownerId: rep.id }, operationName: 'RepCustomers' }),
    loadedSeconds: +((performance.now() - began) / 1000).toFixed(1),
    description: `${options.repCustomers} customers of the rep (each 2 tickets, 1 opportunity, 1 order, 2 overdue invoices), ${4 * perOther} of four other reps`,
  };
}

interface FlagshipAnswer {
  data?: { customers: { edges: { node: { openTickets: unknown[]; openOrders: unknown[]; overdueReceivables: { invoices: unknown[] } } }[] } } | null;
  errors?: unknown[];
}

/**
 * Throws unless `answer` is the complete flagship answer: `customers` customers (ten, FLAGSHIP_QUERY's
 * page), each with its tickets, deal, order and receivables.
 */
export function assertFlagshipComplete(answer: FlagshipAnswer, customers = 10): void {
  const edges = answer.data?.customers.edges ?? [];
  if (
    answer.errors ||
    edges.length !== customers ||
    edges.some((e) => e.node.openTickets.length !== 2 || e.node.openOrders.length !== 1 || e.node.overdueReceivables.invoices.length !== 2)
  ) {
    throw new Error(`the flagship answer is incomplete: ${JSON.stringify(answer).slice(0, 800)}`);
  }
}

export interface Run {
  connections: number;
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** CPU time (user + system) per request of what `cpuMs` measures. */
  cpuMsPerRequest: number;
  /** The first failed answer (status and the start of its body), if any failed. */
  firstError?: string;
}

export interface LoadOptions {
  /** The server's origin (`http://127.0.0.1:4000`). */
  origin: string;
  path?: string;
  body: string;
  token: string;
  connections: number;
  durationMs: number;
  /** CPU milliseconds used so far by what is measured (read before and after the loop). */
  cpuMs: () => number;
}

/** A closed loop: `connections` callers over undici keep-alive connections, each sending the next request when its answer arrived. */
export async function closedLoop(options: LoadOptions): Promise<Run> {
  const pool = new Pool(options.origin, { connections: options.connections, keepAliveTimeout: 60_000 });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  try {
    const cpuBefore = options.cpuMs();
    const started = performance.now();
    const until = started + options.durationMs;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${options.token}` };
    const caller = async (): Promise<void> => {
      while (performance.now() < until) {
        const sent = performance.now();
        const response = await pool.request({ path: options.path ?? '/graphql', method: 'POST', headers, body: options.body });
        const text = await response.body.text();
        latencies.push(performance.now() - sent);
        if (response.statusCode !== 200 || text.includes('"errors"')) {
          errors++;
          firstError ??= `${response.statusCode} ${text.slice(0, 300)}`;
        }
      }
    };
    await Promise.all(Array.from({ length: options.connections }, caller));
    const elapsed = (performance.now() - started) / 1000;
    const cpuUsed = options.cpuMs() - cpuBefore;
    latencies.sort((a, b) => a - b);
    const round = (x: number): number => +x.toFixed(1);
    return {
      connections: options.connections,
      requests: latencies.length,
      errors,
      seconds: round(elapsed),
      perSecond: round(latencies.length / elapsed),
      p50: round(percentile(latencies, 50)),
      p99: round(percentile(latencies, 99)),
      cpuMsPerRequest: +(cpuUsed / latencies.length).toFixed(2),
      ...(firstError ? { firstError } : {}),
    };
  } finally {
    await pool.close();
  }
}

/** This process's CPU milliseconds so far (user + system). */
export const ownCpuMs = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
