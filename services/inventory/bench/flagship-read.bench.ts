// The inventory part of the flagship query on its own: the `_entities` request the gateway sends
// inventory for a rep's open orders (each one's delivery status), against one inventory service with
// no Kafka (`withBenchService`), from closed loops of BENCH_CONNECTIONS keep-alive connections for
// BENCH_SECONDS. Ten orders of ten customers the rep owns, each served by a notice naming the order
// (SHIPPED) and a notice taking one of its lines (PLANNED), written straight into the tables. Prints
// requests/s and the CPU ms per request of this process: the service and the client share it, so the
// figure is compared between runs, not read as the service's own.
//   npx tsx services/inventory/bench/flagship-read.bench.ts    # BENCH_SECONDS=10 BENCH_CONNECTIONS=20
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { testToken, withBenchService } from '@rapport/subgraph-kit/testing';
import { createInventoryService } from '../src/create-inventory-service.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const out = (line: string): void => void process.stdout.write(`${line}\n`);

const QUERY = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on SalesOrder {
  delivery { status } } } }`;

await withBenchService('inventory', createInventoryService, 'inventory_flagship_read_bench', async (service) => {
  const rep = randomUUID();
  const orders = Array.from({ length: 10 }, () => randomUUID());
  const em = service.orm.em.fork();
  let n = 0;
  for (const orderId of orders) {
    const customerId = randomUUID();
    await em.execute('insert into customer_access (customer_id, owner_id) values (?, ?)', [customerId, rep]);
    await em.execute(`insert into shipment (id, number, order_id, customer_id, status, planned_at, shipped_at) values (?, ?, ?, ?, 'SHIPPED', now(), now())`, [
      randomUUID(),
      `DN-B${String(++n).padStart(5, '0')}`,
      orderId,
      customerId,
    ]);
    const byLine = randomUUID();
    await em.execute(`insert into shipment (id, number, order_id, customer_id, status, planned_at) values (?, ?, null, ?, 'PLANNED', now())`, [
      byLine,
      `DN-B${String(++n).padStart(5, '0')}`,
      customerId,
    ]);
    await em.execute('insert into shipment_line (id, shipment_id, order_id, order_line_id, product_id, planned) values (?, ?, ?, ?, ?, 1)', [
      randomUUID(),
      byLine,
      orderId,
      randomUUID(),
      randomUUID(),
    ]);
  }
  const token = await testToken({ userId: rep, role: 'SALES_REP' });
  const agent = new Agent({ connections, pipelining: 1 });
  const call = async (query: string, variables: Record<string, unknown>): Promise<{ data?: unknown; errors?: unknown }> => {
    const response = await request(`${service.url}/graphql`, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.body.json()) as { data?: unknown; errors?: unknown };
  };
  const variables = { representations: orders.map((id) => ({ __typename: 'SalesOrder', id })) };
  type Answer = { data?: { _entities: { delivery: { status: string } }[] }; errors?: unknown };
  const first = (await call(QUERY, variables)) as Answer;
  if (first.errors || first.data?._entities.some((o) => o.delivery.status !== 'SHIPPED')) throw new Error(`incomplete answer: ${JSON.stringify(first).slice(0, 500)}`);
  const loop = async (until: number): Promise<number> => {
    let count = 0;
    while (performance.now() < until) {
      const answer = await call(QUERY, variables);
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      count++;
    }
    return count;
  };
  await Promise.all(Array.from({ length: connections }, () => loop(performance.now() + 2000)));
  const cpu = process.cpuUsage();
  const began = performance.now();
  const counts = await Promise.all(Array.from({ length: connections }, () => loop(began + seconds * 1000)));
  const wall = performance.now() - began;
  const used = process.cpuUsage(cpu);
  const requests = counts.reduce((a, b) => a + b, 0);
  out(
    `inventory flagship read, ${connections} connections, ${seconds} s: ${requests} requests, ${((1000 * requests) / wall).toFixed(1)} req/s, ` +
      `${((used.user + used.system) / 1000 / requests).toFixed(3)} ms CPU/request (service + client, one process)`,
  );
  await agent.close();
});
