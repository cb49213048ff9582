// The cost of the operation limits (not a test): `npm run bench:limits -w @rapport/gateway`.
//
// (a) the item-1 document (fragments that each spread the next one twice, 30 levels deep) is
//     refused: the guard alone, in process, and the whole HTTP round trip through the gateway;
// (b) the README's flagship query: the guard's time per request (scan, parse, auth, measure) against
//     the gateway's whole time per request, on a started system with 10 customers, each with a
//     ticket, an opportunity, an order and overdue invoices.
// Needs PostgreSQL (DATABASE_URL) and Kafka (KAFKA_BROKERS), like the integration tests.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createOperationGuard, DEFAULT_OPERATION_LIMITS } from '@rapport/subgraph-kit';
import { PUBLIC_ROOT_FIELDS } from '@rapport/contracts';
import { doublingFragments } from '@rapport/subgraph-kit/testing';
import { supergraphPath } from '../src/subgraphs.js';
import { day, startTestSystem } from '../test/harness.js';
import { FLAGSHIP_QUERY } from '../src/explorer.js';

/** The README's flagship query, as the explorer offers it. */
const FLAGSHIP = FLAGSHIP_QUERY;

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  const round = (x: number): number => +x.toFixed(4);
  return { n: samples.length, min: round(sorted[0] ?? NaN), p50: round(percentile(sorted, 50)), mean: round(mean), p99: round(percentile(sorted, 99)) };
};

function timeEach(runs: number, fn: () => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

const principal = { userId: '00000000-0000-4000-8000-000000000001', email: 'b@rapport.example', role: 'ADMIN' as const, teamIds: [], tokenId: 't' };
const guard = createOperationGuard({ limits: DEFAULT_OPERATION_LIMITS, publicRootFields: PUBLIC_ROOT_FIELDS, sdl: readFileSync(supergraphPath, 'utf8') });
const fragments = doublingFragments(30);

// (a) in process: the guard refuses the document (it throws COST_LIMIT).
const refuse = (): void => {
  try {
    guard({ query: fragments }, { principal, authError: null });
  } catch {
    return;
  }
  throw new Error('the depth-30 document was not refused');
};
timeEach(200, refuse);
const guardRefusal = stats(timeEach(2_000, refuse));

// (b) in process: the guard on the flagship query, as the gateway runs it on every request.
const variables = { ownerId: '00000000-0000-4000-8000-000000000002' };
const pass = (): void => guard({ query: FLAGSHIP, variables, operationName: 'RepCustomers' }, { principal, authError: null });
timeEach(2_000, pass);
const guardFlagship = stats(timeEach(20_000, pass));

const system = await startTestSystem('limits-bench');
try {
  const must = system.must.bind(system);
  const token = system.adminToken;
  const rep = await system.createUser({ email: 'bench.rep@rapport.example', role: 'SALES_REP' });
  const product = await must<{ createProduct: { id: string } }>(token, `mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }`, {
    i: { sku: 'BENCH-1', name: 'Bench pump', unit: 'pcs', listPrice: { amount: '199.90', currency: 'EUR' } },
  });
  for (let c = 0; c < 10; c++) {
    const { createCustomer } = await must<{ createCustomer: { id: string } }>(token, `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`, {
      i: { name: `Bench customer ${c}`, kind: 'COMPANY', ownerId: rep.id },
    });
    const customerId = createCustomer.id;
    await must(token, `mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }`, { i: { customerId, subject: `Leak ${c}`, priority: 'HIGH' } });
    await must(token, `mutation($i: OpenOpportunityInput!) { openOpportunity(input: $i) { id } }`, {
      i: { customerId, title: `Deal ${c}`, amount: { amount: '1200.50', currency: 'EUR' } },
    });
    await must(token, `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`, {
      i: { customerId, currency: 'EUR', lines: [{ productId: product.createProduct.id, quantity: '3', unitPrice: { amount: '199.90', currency: 'EUR' } }] },
    });
    await must(token, `mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { id } }`, {
      i: { customerId, total: { amount: '99.00', currency: 'EUR' }, issueDate: day(-40), dueDate: day(-10) },
    });
  }

  const post = async (body: unknown): Promise<{ ms: number; status: number; text: string }> => {
    const started = performance.now();
    const response = await fetch(system.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { ms: performance.now() - started, status: response.status, text };
  };

  const flagshipBody = { query: FLAGSHIP, variables: { ownerId: rep.id }, operationName: 'RepCustomers' };
  const first = await post(flagshipBody);
  const parsed = JSON.parse(first.text) as { data?: { customers: { edges: unknown[] } }; errors?: unknown };
  if (first.status !== 200 || parsed.errors || parsed.data?.customers.edges.length !== 10) throw new Error(`flagship query failed: ${first.text.slice(0, 500)}`);
  for (let i = 0; i < 50; i++) await post(flagshipBody);
  // Requests and the guard interleaved, so both see the same load on the machine.
  const flagshipRequests: number[] = [];
  const guardInterleaved: number[] = [];
  for (let i = 0; i < 300; i++) {
    flagshipRequests.push((await post(flagshipBody)).ms);
    guardInterleaved.push(...timeEach(20, pass));
  }
  const gatewayFlagship = stats(flagshipRequests);
  const guardDuring = stats(guardInterleaved);
  const trivialRequests: number[] = [];
  for (let i = 0; i < 200; i++) trivialRequests.push((await post({ query: '{ __typename }' })).ms);
  const trivial = stats(trivialRequests);

  const refusalRequests: number[] = [];
  for (let i = 0; i < 20; i++) await post({ query: fragments });
  for (let i = 0; i < 200; i++) {
    const answer = await post({ query: fragments });
    if (answer.status !== 400) throw new Error(`the depth-30 document was answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    refusalRequests.push(answer.ms);
  }
  const httpRefusal = stats(refusalRequests);

  const percent = (part: number, whole: number): string => `${((part / whole) * 100).toFixed(3)} %`;
  const report = {
    node: process.version,
    machine: { cpus: cpus().length, loadavg: loadavg().map((x) => +x.toFixed(2)) },
    'a. depth-30 fragment document, guard alone (ms)': guardRefusal,
    'a. depth-30 fragment document, HTTP round trip to the gateway, refused 400 (ms)': httpRefusal,
    'a. for comparison: { __typename } HTTP round trip to the gateway (ms)': trivial,
    'b. flagship query, guard alone before the system started (ms)': guardFlagship,
    'b. flagship query, guard alone between the requests (ms)': guardDuring,
    'b. flagship query, whole gateway request, 10 customers (ms)': gatewayFlagship,
    'b. limits overhead on the flagship query, medians': percent(guardDuring.p50, gatewayFlagship.p50),
    'b. limits overhead on the flagship query, means': percent(guardDuring.mean, gatewayFlagship.mean),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} finally {
  await system.stop();
}
