// The sales part of the flagship query on its own: the `_entities` request the gateway sends sales
// for a rep's ten customers (their open opportunities with each one's stage, their open orders),
// against one sales service with no Kafka (`withBenchService`), from closed loops of BENCH_CONNECTIONS
// keep-alive connections for BENCH_SECONDS. Prints requests/s and the CPU ms per request of this
// process: the service and the client share it, so the figure is compared between runs, not read
// as the service's own.
//   npx tsx services/sales/bench/flagship-read.bench.ts    # BENCH_SECONDS=10 BENCH_CONNECTIONS=20
import { randomUUID } from 'node:crypto';
import { benchClient, testToken, withBenchService, type BenchAnswer } from '@rapport/subgraph-kit/testing';
import { createSalesService } from '../src/create-sales-service.js';

const QUERY = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer {
  openOpportunities { title amount { amount currency } stage { name probability } }
  openOrders { number total { amount currency } } } } }`;

await withBenchService('sales', createSalesService, 'sales_flagship_read_bench', async (service) => {
  const rep = randomUUID();
  const customers = Array.from({ length: 10 }, () => randomUUID());
  const em = service.orm.em.fork();
  for (const customer of customers) await em.execute('insert into customer_access (customer_id, owner_id) values (?, ?)', [customer, rep]);
  const token = await testToken({ userId: rep, role: 'SALES_REP' });
  const client = benchClient(service);
  const call = (query: string, variables: Record<string, unknown>): Promise<BenchAnswer> => client.call(token, query, variables);
  for (const customerId of customers) {
    const opened = await call('mutation($i: OpenOpportunityInput!) { openOpportunity(input: $i) { id } }', {
      i: { customerId, title: 'Pumps', amount: { amount: '1000.00', currency: 'EUR' } },
    });
    if (opened.errors) throw new Error(`opening an opportunity failed: ${JSON.stringify(opened.errors)}`);
  }
  const variables = { representations: customers.map((id) => ({ __typename: 'Customer', id })) };
  const first = (await call(QUERY, variables)) as { data?: { _entities: { openOpportunities: unknown[] }[] }; errors?: unknown };
  if (first.errors || first.data?._entities.some((c) => c.openOpportunities.length !== 1)) throw new Error(`incomplete answer: ${JSON.stringify(first).slice(0, 500)}`);
  await client.closedLoops('sales flagship read', token, QUERY, variables);
  await client.close();
});
