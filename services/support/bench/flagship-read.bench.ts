// The support part of the flagship query on its own: the `_entities` request the gateway sends support
// for a rep's ten customers (their open tickets' number, subject, priority and status), against one
// support service with no Kafka (`withBenchService`), from closed loops of BENCH_CONNECTIONS keep-alive
// connections for BENCH_SECONDS. Prints requests/s and the CPU ms per request of this process: the
// service and the client share it, so the figure is compared between runs, not read as the service's own.
//   npx tsx services/support/bench/flagship-read.bench.ts    # BENCH_SECONDS=10 BENCH_CONNECTIONS=20
import { randomUUID } from 'node:crypto';
import { benchClient, benchRepCustomers, withBenchService } from '@rapport/subgraph-kit/testing';
import { createSupportService } from '../src/create-support-service.js';

const QUERY = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer {
  openTickets { number subject priority status } } } }`;

await withBenchService('support', createSupportService, 'support_flagship_read_bench', async (service) => {
  const { customers, repToken, adminToken } = await benchRepCustomers(service);
  const client = benchClient(service);
  const call = client.call;
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
  await client.closedLoops('support flagship read', repToken, QUERY, variables);
  await client.close();
});
