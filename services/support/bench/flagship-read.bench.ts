// The support part of the flagship query on its own: the `_entities` request the gateway sends support
// for a rep's ten customers (their open tickets' number, subject, priority and status), against one
// support service with no Kafka (`withBenchService`), from closed loops of BENCH_CONNECTIONS keep-alive
// connections for BENCH_SECONDS. Prints requests/s and the CPU ms per request of this process: the
// service and the client share it, so the figure is compared between runs, not read as the service's own.
//   npx tsx services/support/bench/flagship-read.bench.ts    # BENCH_SECONDS=10 BENCH_CONNECTIONS=20
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { testToken, withBenchService } from '@rapport/subgraph-kit/testing';
import { createSupportService } from '../src/create-support-service.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const out = (line: string): void => void process.stdout.write(`${line}\n`);

const QUERY = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer {
  openTickets { number subject priority status } } } }`;

await withBenchService('support', createSupportService, 'support_flagship_read_bench', async (service) => {
  const rep = randomUUID();
  const customers = Array.from({ length: 10 }, () => randomUUID());
  const em = service.orm.em.fork();
  for (const customer of customers) await em.execute('insert into customer_access (customer_id, owner_id) values (?, ?)', [customer, rep]);
  const repToken = await testToken({ userId: rep, role: 'SALES_REP' });
  const adminToken = await testToken({ userId: randomUUID(), role: 'ADMIN' });
  const agent = new Agent({ connections, pipelining: 1 });
  const call = async (token: string, query: string, variables: Record<string, unknown>): Promise<{ data?: unknown; errors?: unknown }> => {
    const response = await request(`${service.url}/graphql`, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.body.json()) as { data?: unknown; errors?: unknown };
  };
  // Three tickets per customer, one of them resolved: two open.
  for (const customerId of customers)
    for (const [subject, priority] of [
      ['Pump leaks after service', 'HIGH'],
      ['Invoice address wrong', 'NORMAL'],
      ['Manual missing', 'LOW'],
    ] as const) {
      const opened = (await call(adminToken, 'mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }', { i: { customerId, subject, priority } })) as {
        data?: { openTicket: { id: string } };
        errors?: unknown;
      };
      if (opened.errors || !opened.data) throw new Error(`opening a ticket failed: ${JSON.stringify(opened.errors)}`);
      if (priority === 'LOW') {
        const resolved = await call(adminToken, 'mutation($id: ID!) { resolveTicket(id: $id) { id } }', { id: opened.data.openTicket.id });
        if (resolved.errors) throw new Error(`resolving a ticket failed: ${JSON.stringify(resolved.errors)}`);
      }
    }
  const variables = { representations: customers.map((id) => ({ __typename: 'Customer', id })) };
  type Answer = { data?: { _entities: { openTickets: unknown[] }[] }; errors?: unknown };
  const first = (await call(repToken, QUERY, variables)) as Answer;
  if (first.errors || first.data?._entities.some((c) => c.openTickets.length !== 2)) throw new Error(`incomplete answer: ${JSON.stringify(first).slice(0, 500)}`);
  const loop = async (until: number): Promise<number> => {
    let n = 0;
    while (performance.now() < until) {
      const answer = await call(repToken, QUERY, variables);
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
    `support flagship read, ${connections} connections, ${seconds} s: ${requests} requests, ${((1000 * requests) / wall).toFixed(1)} req/s, ` +
      `${((used.user + used.system) / 1000 / requests).toFixed(3)} ms CPU/request (service + client, one process)`,
  );
  await agent.close();
});
