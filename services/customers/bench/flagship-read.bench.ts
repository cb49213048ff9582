// The customers part of the flagship query on its own: a rep's first ten customers by name
// (`customers(filter: { ownerId }, first: 10)` with each one's name and owner reference, as the gateway
// asks it), against one customers service with no Kafka (`withBenchService`), from closed loops of
// BENCH_CONNECTIONS keep-alive connections for BENCH_SECONDS. Prints requests/s and the CPU ms per
// request of this process: the service and the client share it, so the figure is compared between
// runs, not read as the service's own.
//   npx tsx services/customers/bench/flagship-read.bench.ts    # BENCH_SECONDS=10 BENCH_CONNECTIONS=20
import { randomUUID } from 'node:crypto';
import { benchClient, testToken, withBenchService } from '@rapport/subgraph-kit/testing';
import { createCustomersService } from '../src/create-customers-service.js';

const QUERY = `query($ownerId: ID) { customers(filter: { ownerId: $ownerId }, first: 10) {
  edges { node { __typename id name owner { __typename id } } } } }`;

await withBenchService('customers', createCustomersService, 'customers_flagship_read_bench', async (service) => {
  const rep = randomUUID();
  const otherRep = randomUUID();
  const repToken = await testToken({ userId: rep, role: 'SALES_REP' });
  const otherToken = await testToken({ userId: otherRep, role: 'SALES_REP' });
  const client = benchClient(service);
  const call = client.call;
  // Fifteen customers of the rep (so the page of ten has a next one) and ten of another rep.
  for (const [token, count] of [
    [repToken, 15],
    [otherToken, 10],
  ] as const)
    for (let i = 0; i < count; i++) {
      const created = await call(token, 'mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }', {
        i: { name: `Customer ${String(i).padStart(2, '0')} ${randomUUID().slice(0, 8)}`, kind: 'COMPANY' },
      });
      if (created.errors) throw new Error(`creating a customer failed: ${JSON.stringify(created.errors)}`);
    }
  const variables = { ownerId: rep };
  type Answer = { data?: { customers: { edges: unknown[] } }; errors?: unknown };
  const first = (await call(repToken, QUERY, variables)) as Answer;
  if (first.errors || first.data?.customers.edges.length !== 10) throw new Error(`incomplete answer: ${JSON.stringify(first).slice(0, 500)}`);
  await client.closedLoops('customers flagship read', repToken, QUERY, variables);
  await client.close();
});
