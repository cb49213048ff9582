// The sales part of the flagship query on its own: the `_entities` request the gateway sends sales
// for a rep's ten customers (their open opportunities with each one's stage, their open orders),
// against one sales service with no Kafka (`withBenchService`), from closed loops of BENCH_CONNECTIONS
// keep-alive connections for BENCH_SECONDS. Prints requests/s and the CPU ms per request of this
// process: the service and the client share it, so the figure is compared between runs, not read
// as the service's own.
//   npx tsx services/sales/bench/flagship-read.bench.ts    # BENCH_SECONDS=10 BENCH_CONNECTIONS=20
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { testToken, withBenchService } from '@rapport/subgraph-kit/testing';
import { createSalesService } from '../src/create-sales-service.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const out = (line: string): void => void process.stdout.write(`${line}\n`);

const QUERY = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer {
  openOpportunities { title amount { amount currency } stage { name probability } }
  openOrders { number total { amount currency } } } } }`;

await withBenchService('sales', createSalesService, 'sales_flagship_read_bench', async (service) => {
  const rep = randomUUID();
  const customers = Array.from({ length: 10 }, () => randomUUID());
  const em = service.orm.em.fork();
  for (const customer of customers) await em.execute('insert into customer_access (customer_id, owner_id) values (?, ?)', [customer, rep]);
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
  for (const customerId of customers) {
    const opened = await call('mutation($i: OpenOpportunityInput!) { openOpportunity(input: $i) { id } }', {
      i: { customerId, title: 'Pumps', amount: { amount: '1000.00', currency: 'EUR' } },
    });
    if (opened.errors) throw new Error(`opening an opportunity failed: ${JSON.stringify(opened.errors)}`);
  }
  const variables = { representations: customers.map((id) => ({ __typename: 'Customer', id })) };
  const first = (await call(QUERY, variables)) as { data?: { _entities: { openOpportunities: unknown[] }[] }; errors?: unknown };
  if (first.errors || first.data?._entities.some((c) => c.openOpportunities.length !== 1)) throw new Error(`incomplete answer: ${JSON.stringify(first).slice(0, 500)}`);
  const loop = async (until: number): Promise<number> => {
    let n = 0;
    while (performance.now() < until) {
      const answer = await call(QUERY, variables);
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      n++;
    }
    return n;
  };
  await Promise.all(Array.from({ length: connections }, () => loop(performance.now() + 2000)));
  const cpu = process.cpuUsage();
  const began = performance.now();
  const counts = await Promise.all(Array.from({ length: connections }, () => loop(began + seconds * 1000)));
  const wall = performance.now() - began;
  const used = process.cpuUsage(cpu);
  const requests = counts.reduce((a, b) => a + b, 0);
  out(
    `sales flagship read, ${connections} connections, ${seconds} s: ${requests} requests, ${((1000 * requests) / wall).toFixed(1)} req/s, ` +
      `${((used.user + used.system) / 1000 / requests).toFixed(3)} ms CPU/request (service + client, one process)`,
  );
  await agent.close();
});
