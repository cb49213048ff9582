import { flushTracing, stopTracing } from '@rapport/telemetry';
import { graphqlRequest } from '@rapport/subgraph-kit/testing';
import { SPAN_KIND, startOtlpReceiver, waitFor, type OtlpReceiver, type ReceivedSpan } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAGSHIP_QUERY } from '../src/explorer.js';
import { day, startTestSystem, type TestSystem } from './harness.js';

// Traces and metrics as an operator receives them: the whole system (gateway and every subgraph)
// exports its spans by OTLP/HTTP to a real receiver listening on a port, as to a collector, and
// serves Prometheus text at /metrics.

let receiver: OtlpReceiver;
let system: TestSystem;
let rep: { id: string; token: string };
let customerId = '';

/** The subgraphs the flagship query reaches (README: "The question the graph answers"): all but purchasing. */
const FLAGSHIP_SUBGRAPHS = ['identity', 'customers', 'sales', 'support', 'inventory', 'finance'];

/** The spans received so far that `accept` keeps, once `until` holds for them (every service's pending spans flushed first). */
async function spansWhere(accept: (span: ReceivedSpan) => boolean, until: (spans: ReceivedSpan[]) => boolean, what: string): Promise<ReceivedSpan[]> {
  return waitFor(
    async () => {
      await flushTracing();
      const spans = receiver.spans.filter(accept);
      return until(spans) ? spans : undefined;
    },
    { what, timeoutMs: 30_000, intervalMs: 200 },
  );
}

/** A metric's samples in a Prometheus text: the value of each line whose name and labels include `labels`. */
function samples(text: string, name: string, labels: Record<string, string> = {}): number[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
    .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

async function metricsOf(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

const flagship = (requestId: string) => graphqlRequest(system.url, FLAGSHIP_QUERY, { ownerId: rep.id }, { authorization: `Bearer ${rep.token}`, 'x-request-id': requestId });

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  system = await startTestSystem('telemetry-test', { tracing: { tracesUrl: `${receiver.endpoint}/v1/traces` } });
  const admin = system.adminToken;
  rep = await system.createUser({ email: 'traced.rep@rapport.example', displayName: 'Traced Rep', role: 'SALES_REP' });
  const { createProduct } = await system.must<{ createProduct: { id: string } }>(admin, `mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }`, {
    i: { sku: 'TRACE-1', name: 'Traced pump', unit: 'pcs', listPrice: { amount: '199.90', currency: 'EUR' } },
  });
  await system.untilSellable(createProduct.id);
  const { createCustomer } = await system.must<{ createCustomer: { id: string } }>(rep.token, `mutation { createCustomer(input: { name: "Traced Works", kind: COMPANY }) { id } }`);
  customerId = createCustomer.id;
  // One of everything the flagship query shows, so every subgraph has something to answer.
  await system.mustOnceCustomerKnown(rep.token, `mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }`, { i: { customerId, subject: 'Leak', priority: 'HIGH' } });
  await system.mustOnceCustomerKnown(rep.token, `mutation($i: OpenOpportunityInput!) { openOpportunity(input: $i) { id } }`, {
    i: { customerId, title: 'Pumps', amount: { amount: '1200.50', currency: 'EUR' } },
  });
  await system.mustOnceCustomerKnown(rep.token, `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`, {
    i: { customerId, currency: 'EUR', lines: [{ productId: createProduct.id, quantity: '3', unitPrice: { amount: '199.90', currency: 'EUR' } }] },
  });
  await system.mustOnceCustomerKnown(admin, `mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { id } }`, {
    i: { customerId, total: { amount: '99.00', currency: 'EUR' }, issueDate: day(-40), dueDate: day(-10) },
  });
}, 180_000);

afterAll(async () => {
  await system?.stop();
  await stopTracing();
  await receiver?.stop();
});

describe('traces', () => {
  it('one flagship query through the gateway is one trace: the gateway, then each subgraph it asks as a child of its call', async () => {
    const requestId = `flagship-${Date.now()}`;
    const answer = await flagship(requestId);
    expect(answer.errors).toBeUndefined();
    const node = (
      answer.data as {
        customers: { edges: { node: { openTickets: unknown[]; openOpportunities: unknown[]; openOrders: unknown[]; overdueReceivables: { invoices: unknown[] } } }[] };
      }
    ).customers.edges[0]?.node;
    expect([node?.openTickets.length, node?.openOpportunities.length, node?.openOrders.length, node?.overdueReceivables.invoices.length]).toEqual([1, 1, 1, 1]);

    // Every process that served the request (the request id is passed on to subgraphs).
    const servers = await spansWhere(
      (s) => s.kind === SPAN_KIND.server && s.attributes['rapport.request_id'] === requestId,
      (spans) => FLAGSHIP_SUBGRAPHS.every((name) => spans.some((s) => s.service === `rapport-${name}`)) && spans.some((s) => s.service === 'rapport-gateway'),
      'server spans of the gateway and the six subgraphs',
    );
    const root = servers.find((s) => s.service === 'rapport-gateway')!;
    expect(root.name).toBe('query RepCustomers');
    expect(root.parentSpanId).toBe('');
    expect(root.attributes['graphql.operation.name']).toBe('RepCustomers');
    // ONE trace: every span of every process carries the gateway's trace id.
    expect(new Set(servers.map((s) => s.traceId))).toEqual(new Set([root.traceId]));
    expect(new Set(servers.map((s) => s.service))).toEqual(new Set(['rapport-gateway', ...FLAGSHIP_SUBGRAPHS.map((n) => `rapport-${n}`)]));

    const trace = receiver.spans.filter((s) => s.traceId === root.traceId);
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    for (const server of servers.filter((s) => s !== root)) {
      // Each subgraph's span is the child of the gateway's call to it, itself a child of the gateway's request.
      const call = byId.get(server.parentSpanId);
      expect(call, `the parent of ${server.service}'s span`).toMatchObject({ service: 'rapport-gateway', kind: SPAN_KIND.client, parentSpanId: root.spanId });
      expect(call?.attributes['rapport.subgraph']).toBe(server.service.replace('rapport-', ''));
      expect(server.name).toMatch(/^query RepCustomers__/);
      // The subgraph received the call after the gateway made it and before the answer came back.
      // Only that is causal: the subgraph's span ends when its socket closes, which a loaded machine
      // may run after the gateway has read the whole answer. The two processes read the same system
      // clock through their own time origins, which may differ by a millisecond or so.
      const skewNs = 5_000_000n;
      expect(server.startNs + skewNs >= call!.startNs, `${server.service} started after the call`).toBe(true);
      expect(server.startNs <= call!.endNs + skewNs, `${server.service} started before the answer`).toBe(true);
      // Its SQL statements are spans within its own.
      const statements = trace.filter((s) => s.service === server.service && s.attributes['db.system.name'] === 'postgresql');
      expect(statements.length, `${server.service}'s SQL spans`).toBeGreaterThan(0);
      for (const statement of statements) {
        let ancestor = byId.get(statement.parentSpanId);
        while (ancestor && ancestor !== server) ancestor = byId.get(ancestor.parentSpanId);
        expect(ancestor, `${server.service}: ${statement.name}`).toBe(server);
      }
    }
    // Nothing of the request is outside the trace, and the trace holds nothing else.
    expect(trace.every((s) => s.spanId === root.spanId || byId.has(s.parentSpanId))).toBe(true);
  });

  it('an event written in a traced mutation is relayed in a producer span and handled in consumer spans that are its children', async () => {
    const requestId = `traced-mutation-${Date.now()}`;
    const created = await graphqlRequest<{ createCustomer: { id: string } }>(
      system.url,
      `mutation { createCustomer(input: { name: "Traced Event Works", kind: COMPANY }) { id } }`,
      {},
      { authorization: `Bearer ${rep.token}`, 'x-request-id': requestId },
    );
    expect(created.errors).toBeUndefined();
    const [mutation] = await spansWhere(
      (s) => s.service === 'rapport-customers' && s.kind === SPAN_KIND.server && s.attributes['rapport.request_id'] === requestId,
      (spans) => spans.length === 1,
      "customers' span of the mutation",
    );
    expect(mutation!.name).toMatch(/^mutation /);
    const producers = await spansWhere(
      (s) => s.kind === SPAN_KIND.producer && s.parentSpanId === mutation!.spanId,
      (spans) => spans.some((s) => s.attributes['cloudevents.event_type'] === 'customers.customer.created.v1'),
      'the producer span of customers.customer.created.v1',
    );
    const producer = producers.find((s) => s.attributes['cloudevents.event_type'] === 'customers.customer.created.v1')!;
    expect(producer).toMatchObject({ service: 'rapport-customers', traceId: mutation!.traceId });
    // Sales, support and finance keep who sees the customer: each handles the event in its own span, a child of the producer's.
    const consumers = await spansWhere(
      (s) => s.kind === SPAN_KIND.consumer && s.parentSpanId === producer.spanId,
      (spans) => ['sales', 'support', 'finance'].every((n) => spans.some((s) => s.service === `rapport-${n}`)),
      'consumer spans of sales, support and finance',
    );
    for (const consumer of consumers) {
      expect(consumer.traceId).toBe(mutation!.traceId);
      expect(consumer.attributes['messaging.message.id']).toBe(producer.attributes['messaging.message.id']);
      expect(consumer.attributes['messaging.consumer.group.name']).toBe(consumer.service.replace('rapport-', ''));
      expect(consumer.startNs >= producer.startNs).toBe(true);
    }
  });
});

describe('metrics', () => {
  it("the gateway's /metrics counts requests per operation and times each subgraph's answers", async () => {
    const before = await metricsOf(system.baseUrl);
    const requests = 3;
    for (let i = 0; i < requests; i++) expect((await flagship(`metrics-${i}-${Date.now()}`)).errors).toBeUndefined();
    // The last request is counted when its response closes, a moment after the client has read it.
    const after = await waitFor(
      async () => {
        const text = await metricsOf(system.baseUrl);
        return sum(samples(text, 'rapport_graphql_request_duration_seconds_count', { operation: 'RepCustomers' })) >=
          sum(samples(before, 'rapport_graphql_request_duration_seconds_count', { operation: 'RepCustomers' })) + requests
          ? text
          : undefined;
      },
      { what: 'the gateway to count the flagship requests' },
    );
    const count = (text: string, name: string, labels: Record<string, string>): number => sum(samples(text, name, { service: 'gateway', ...labels }));
    expect(
      count(after, 'rapport_graphql_requests_total', { operation: 'RepCustomers', status: '200' }) -
        count(before, 'rapport_graphql_requests_total', { operation: 'RepCustomers', status: '200' }),
    ).toBe(requests);
    expect(
      count(after, 'rapport_graphql_request_duration_seconds_count', { operation: 'RepCustomers' }) -
        count(before, 'rapport_graphql_request_duration_seconds_count', { operation: 'RepCustomers' }),
    ).toBe(requests);
    // The +Inf bucket holds every request; the sum of seconds grew.
    expect(count(after, 'rapport_graphql_request_duration_seconds_bucket', { operation: 'RepCustomers', le: '+Inf' })).toBe(
      count(after, 'rapport_graphql_request_duration_seconds_count', { operation: 'RepCustomers' }),
    );
    expect(count(after, 'rapport_graphql_request_duration_seconds_sum', { operation: 'RepCustomers' })).toBeGreaterThan(
      count(before, 'rapport_graphql_request_duration_seconds_sum', { operation: 'RepCustomers' }),
    );
    for (const subgraph of FLAGSHIP_SUBGRAPHS) {
      const fetches = (text: string): number => count(text, 'rapport_gateway_subgraph_fetch_duration_seconds_count', { subgraph });
      expect(fetches(after) - fetches(before), subgraph).toBeGreaterThanOrEqual(requests);
      expect(count(after, 'rapport_gateway_subgraph_fetch_duration_seconds_sum', { subgraph })).toBeGreaterThan(
        count(before, 'rapport_gateway_subgraph_fetch_duration_seconds_sum', { subgraph }),
      );
    }
    expect(sum(samples(after, 'rapport_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'purchasing' }))).toBe(0);
  });

  it("a subgraph's /metrics shows its requests per operation, its pool, its consumer's lag per topic and its dead-letter topic", async () => {
    const sales = system.subgraphs.sales;
    const text = await metricsOf(sales.service.url);
    expect(sum(samples(text, 'rapport_graphql_request_duration_seconds_count', { service: 'sales' }))).toBeGreaterThan(0);
    expect(samples(text, 'rapport_db_pool_max', { service: 'sales' })).toEqual([10]);
    const [inUse, idle, waiting] = ['in_use', 'idle', 'waiting'].map((state) => samples(text, 'rapport_db_pool_connections', { service: 'sales', state })[0]);
    expect(inUse! + idle!).toBeGreaterThan(0);
    expect(waiting).toBe(0);
    // Lag is read from the broker's offsets: one sample per topic sales reads, none negative.
    const lags = samples(text, 'rapport_event_consumer_lag', { service: 'sales', group: 'sales' });
    expect(lags.length).toBeGreaterThan(0);
    expect(lags.every((lag) => Number.isInteger(lag) && lag >= 0)).toBe(true);
    expect(samples(text, 'rapport_dead_letter_topic_messages', { service: 'sales', group: 'sales' })).toEqual([0]);
  });
});
