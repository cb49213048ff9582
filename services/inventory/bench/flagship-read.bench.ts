// The inventory part of the flagship query on its own: the `_entities` request the gateway sends
// inventory for a rep's open orders (each one's delivery status), against one inventory service with
// no Kafka (`withBenchService`), from closed loops of BENCH_CONNECTIONS keep-alive connections for
// BENCH_SECONDS. Ten orders of ten customers the rep owns, each served by a notice naming the order
// (SHIPPED) and a notice taking one of its lines (PLANNED), written straight into the tables. Prints
// requests/s and the CPU ms per request of this process: the service and the client share it, so the
// figure is compared between runs, not read as the service's own.
//   npx tsx services/inventory/bench/flagship-read.bench.ts    # BENCH_SECONDS=10 BENCH_CONNECTIONS=20
import { randomUUID } from 'node:crypto';
import { benchClient, testToken, withBenchService, type BenchAnswer } from '@rapport/subgraph-kit/testing';
import { createInventoryService } from '../src/create-inventory-service.js';

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
  const client = benchClient(service);
  const call = (query: string, variables: Record<string, unknown>): Promise<BenchAnswer> => client.call(token, query, variables);
  const variables = { representations: orders.map((id) => ({ __typename: 'SalesOrder', id })) };
  type Answer = { data?: { _entities: { delivery: { status: string } }[] }; errors?: unknown };
  const first = (await call(QUERY, variables)) as Answer;
  if (first.errors || first.data?._entities.some((o) => o.delivery.status !== 'SHIPPED')) throw new Error(`incomplete answer: ${JSON.stringify(first).slice(0, 500)}`);
  await client.closedLoops('inventory flagship read', token, QUERY, variables);
  await client.close();
});
