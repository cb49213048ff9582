// The finance part of the flagship query on its own: the `_entities` request the gateway sends finance
// for a rep's ten customers (their overdue receivables: totals per currency and each overdue invoice's
// number, due date and balance), against one finance service with no Kafka (`withBenchService`), from
// closed loops of BENCH_CONNECTIONS keep-alive connections for BENCH_SECONDS. Prints requests/s and the
// CPU ms per request of this process: the service and the client share it, so the figure is compared
// between runs, not read as the service's own.
//   npx tsx services/finance/bench/flagship-read.bench.ts    # BENCH_SECONDS=10 BENCH_CONNECTIONS=20
import { randomUUID } from 'node:crypto';
import { dayFromToday } from '@rapport/errors';
import { benchClient, benchRepCustomers, withBenchService } from '@rapport/subgraph-kit/testing';
import { createFinanceService } from '../src/create-finance-service.js';

const QUERY = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer {
  overdueReceivables { totals { amount currency } invoices { number dueDate balance { amount currency } } } } } }`;

await withBenchService('finance', createFinanceService, 'finance_flagship_read_bench', async (service) => {
  const { customers, repToken, adminToken } = await benchRepCustomers(service);
  const client = benchClient(service);
  const call = client.call;
  const rate = await call(adminToken, 'mutation($i: SetExchangeRateInput!) { setExchangeRate(input: $i) { rate } }', {
    i: { fromCurrency: 'USD', toCurrency: 'EUR', validOn: dayFromToday(-400), rate: '0.9' },
  });
  if (rate.errors) throw new Error(`setting a rate failed: ${JSON.stringify(rate.errors)}`);
  // Two overdue invoices per customer (one in each of two currencies) and one not yet due.
  for (const customerId of customers)
    for (const [amount, currency, dueDate] of [
      ['100.00', 'EUR', dayFromToday(-10)],
      ['250.50', 'USD', dayFromToday(-20)],
      ['75.00', 'EUR', dayFromToday(10)],
    ] as const) {
      const issued = await call(adminToken, 'mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { id } }', {
        i: { customerId, total: { amount, currency }, issueDate: dayFromToday(-40), dueDate },
      });
      if (issued.errors) throw new Error(`issuing an invoice failed: ${JSON.stringify(issued.errors)}`);
    }
  const variables = { representations: customers.map((id) => ({ __typename: 'Customer', id })) };
  type Answer = { data?: { _entities: { overdueReceivables: { invoices: unknown[] } }[] }; errors?: unknown };
  const first = (await call(repToken, QUERY, variables)) as Answer;
  if (first.errors || first.data?._entities.some((c) => c.overdueReceivables.invoices.length !== 2)) throw new Error(`incomplete answer: ${JSON.stringify(first).slice(0, 500)}`);
  await client.closedLoops('finance flagship read', repToken, QUERY, variables);
  await client.close();
});
