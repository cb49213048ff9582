import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type EventCoverage, type MutationCaseEntry, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { describeEventCoverage } from '@rapport/subgraph-kit/event-coverage-suite';
import { afterAll, beforeAll } from 'vitest';
import { createFinanceService } from './create-finance-service.js';

let subgraph: TestSubgraph;
const customerId = randomUUID();

/** Every audited entity of finance and the aggregate its events name. */
const coverage: EventCoverage = {
  Invoice: { keys: ['id'] },
  Payment: { keys: ['id', 'invoiceId'] },
};

const issueMutation = 'mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id } }';
const invoiceInput = { customerId, total: { amount: '100.00', currency: 'EUR' }, dueDate: '2027-01-31' };

/** One case per Mutation field: a new field fails the first test until it is listed here. */
const cases: Record<string, MutationCaseEntry> = {
  issueInvoice: {
    run: async (call) => void (await call(issueMutation, { input: invoiceInput })),
    announces: ['finance.invoice.issued.v1'],
  },
  recordPayment: {
    run: async (call) => {
      const issued = await subgraph.gql<{ issueInvoice: { id: string } }>(issueMutation, { input: invoiceInput });
      await call('mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }', {
        input: { invoiceId: issued.data!.issueInvoice.id, amount: { amount: '100.00', currency: 'EUR' }, paidOn: '2027-01-10' },
      });
    },
    announces: ['finance.payment.recorded.v1'],
  },
};

beforeAll(async () => {
  subgraph = await startTestSubgraph('finance', createFinanceService);
});
afterAll(async () => subgraph?.stop());

describeEventCoverage('finance', () => subgraph, coverage, cases);
