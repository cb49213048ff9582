import type { GraphQLResult } from '@rapport/subgraph-kit/testing';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';

// Every role against every subgraph, through the gateway, with real sign-in and real events.

const ROLES = ['repA', 'repB', 'head', 'director', 'agent', 'clerk', 'buyer', 'accountant'] as const;
type Who = (typeof ROLES)[number];
const ROLE_OF: Record<Who, string> = {
  repA: 'SALES_REP',
  repB: 'SALES_REP',
  head: 'SALES_MANAGER',
  director: 'DIRECTOR',
  agent: 'SUPPORT_AGENT',
  clerk: 'WAREHOUSE_CLERK',
  buyer: 'BUYER',
  accountant: 'ACCOUNTANT',
};

let system: TestSystem;
const tokens = {} as Record<Who | 'admin', string>;
const userIds = {} as Record<Who, string>;
let customerA = '';
let customerB = '';

async function as<T>(who: Who | 'admin', query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
  return system.as<T>(tokens[who], query, variables);
}

async function must<T>(who: Who | 'admin', query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await as<T>(who, query, variables);
  expect(result.errors, `${who}: ${JSON.stringify(result.errors)}`).toBeUndefined();
  return result.data as T;
}

/** The customers (of A and B) whose records `who` sees through `list`, or FORBIDDEN. */
async function seen(who: Who, list: string): Promise<string[] | 'FORBIDDEN'> {
  const result = await as<Record<string, { edges: { node: { customer: { id: string } | null } }[] }>>(who, `{ list: ${list}(first: 100) { edges { node { customer { id } } } } }`);
  if (result.errors?.[0]?.extensions?.code === 'FORBIDDEN') return 'FORBIDDEN';
  expect(result.errors, `${who} ${list}: ${JSON.stringify(result.errors)}`).toBeUndefined();
  const ids = new Set(result.data!.list!.edges.map((e) => e.node.customer?.id));
  return [customerA, customerB].filter((id) => ids.has(id)).map((id) => (id === customerA ? 'A' : 'B'));
}

async function seenCustomers(who: Who): Promise<string[] | 'FORBIDDEN'> {
  const result = await as<{ customers: { edges: { node: { id: string } }[] } }>(who, `{ customers(first: 100) { edges { node { id } } } }`);
  if (result.errors?.[0]?.extensions?.code === 'FORBIDDEN') return 'FORBIDDEN';
  expect(result.errors, `${who}: ${JSON.stringify(result.errors)}`).toBeUndefined();
  const ids = new Set(result.data!.customers.edges.map((e) => e.node.id));
  return [customerA, customerB].filter((id) => ids.has(id)).map((id) => (id === customerA ? 'A' : 'B'));
}

beforeAll(async () => {
  system = await startTestSystem('visibility-test');
  tokens.admin = system.adminToken;

  const team = await must<{ createTeam: { id: string } }>('admin', `mutation { createTeam(input: { name: "North" }) { id } }`);
  for (const who of ROLES) {
    const inTeam = ['repA', 'repB', 'head'].includes(who);
    const created = await must<{ createUser: { id: string } }>('admin', `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
      i: { email: `${who.toLowerCase()}@matrix.example`, displayName: who, role: ROLE_OF[who], teamId: inTeam ? team.createTeam.id : null, password: `${who}-password-1` },
    });
    userIds[who] = created.createUser.id;
    tokens[who] = await system.signIn(`${who.toLowerCase()}@matrix.example`, `${who}-password-1`);
  }
  customerA = (await must<{ createCustomer: { id: string } }>('repA', `mutation { createCustomer(input: { name: "A Corp", kind: COMPANY }) { id } }`)).createCustomer.id;
  customerB = (await must<{ createCustomer: { id: string } }>('repB', `mutation { createCustomer(input: { name: "B Corp", kind: COMPANY }) { id } }`)).createCustomer.id;
  const product = await must<{ createProduct: { id: string } }>(
    'admin',
    `mutation { createProduct(input: { sku: "M-1", name: "Widget", listPrice: { amount: "10", currency: "EUR" } }) { id } }`,
  );
  await system.untilSellable(product.createProduct.id);
  // Inventory's customer-scoped lists (loans) need stock to lend from.
  const warehouse = await must<{ createWarehouse: { id: string } }>('admin', `mutation { createWarehouse(input: { code: "MX-1", name: "Matrix" }) { id } }`);
  await must('admin', 'mutation($p: ID!, $w: ID!) { receiveStock(input: { productId: $p, warehouseId: $w, quantity: "10" }) { id } }', {
    p: product.createProduct.id,
    w: warehouse.createWarehouse.id,
  });
  for (const customerId of [customerA, customerB]) {
    await must('admin', `mutation($i: LendStockInput!) { lendStock(input: $i) { id } }`, {
      i: { kind: 'LOAN', customerId, warehouseId: warehouse.createWarehouse.id, productId: product.createProduct.id, quantity: '1', expectedReturnDate: '2099-01-31' },
    });
    await must('admin', `mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }`, { i: { customerId, subject: 'Help' } });
    await must('admin', `mutation($i: OpenOpportunityInput!) { openOpportunity(input: $i) { id } }`, {
      i: { customerId, title: 'Deal', amount: { amount: '100', currency: 'EUR' } },
    });
    await must('admin', `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`, {
      i: { customerId, currency: 'EUR', lines: [{ productId: product.createProduct.id, quantity: '1', unitPrice: { amount: '10', currency: 'EUR' } }] },
    });
    await must('admin', `mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { id } }`, {
      i: { customerId, total: { amount: '10', currency: 'EUR' }, issueDate: '2026-01-01', dueDate: '2026-02-01' },
    });
    // Finance's other customer-scoped lists need data too: a credit note (on a second invoice, credited in full) and a payment held as credit.
    const corrected = await must<{ issueFreeInvoice: { id: string } }>('admin', `mutation($i: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $i) { id } }`, {
      i: { customerId, currency: 'EUR', dueDate: '2099-01-01', lines: [{ description: 'Fee', quantity: '1', unitPrice: '5' }] },
    });
    await must('admin', `mutation($i: IssueCreditNoteInput!) { issueCreditNote(input: $i) { id } }`, {
      i: { invoiceId: corrected.issueFreeInvoice.id, reason: 'OTHER', full: true },
    });
    await must('admin', `mutation($i: ReceivePaymentInput!) { receivePayment(input: $i) { id } }`, {
      i: { customerId, amount: { amount: '1', currency: 'EUR' }, method: 'CASH', receivedOn: '2026-01-15' },
    });
    await must('admin', `mutation($i: CreateQuotationInput!) { createQuotation(input: $i) { id } }`, {
      i: { customerId, currency: 'EUR', lines: [{ productId: product.createProduct.id, quantity: '1' }] },
    });
    await must('admin', `mutation($i: LogActivityInput!) { logActivity(input: $i) { id } }`, { i: { customerId, kind: 'CALL', subject: 'Intro call' } });
  }
  // Finance's reminders: the invoices above are long overdue, so a dunning run reminds both customers.
  await must('admin', 'mutation { setDunningLevels(levels: [{ daysAfterDue: 1, text: "Please pay." }]) { level } }');
  await must('admin', 'mutation { runDunning { id } }');
  await must('admin', `mutation { createSupplier(input: { name: "Castings AB", currency: "SEK" }) { id } }`);
  // Every subgraph learns who owns A and B from customers' events.
  await waitFor(
    async () => {
      const [tickets, invoices, undelivered] = await Promise.all([seen('repA', 'tickets'), seen('repA', 'invoices'), seen('director', 'undeliveredOrderLines')]);
      return JSON.stringify(tickets) === '["A"]' && JSON.stringify(invoices) === '["A"]' && JSON.stringify(undelivered) === '["A","B"]' ? true : undefined;
    },
    // The orders above are inventory's undelivered order lines once their confirmation reached it.
    { what: 'customer ownership to reach support and finance, the orders inventory', timeoutMs: 20000 },
  );
  // Finance's expenses are claimed against a customer finance knows: after ownership reached it.
  for (const customerId of [customerA, customerB]) {
    await must('admin', `mutation($i: CreateExpenseInput!) { createExpense(input: $i) { id } }`, {
      i: { customerId, expenseDate: new Date().toISOString().slice(0, 10), category: 'TRAVEL', amount: { amount: '12.50', currency: 'EUR' }, description: 'Taxi to the customer' },
    });
  }
});

afterAll(async () => {
  await system?.stop();
});

describe('who sees what, role by role, subgraph by subgraph, through the gateway', () => {
  const F = 'FORBIDDEN' as const;
  const expected: Record<Who, Record<'customers' | 'tickets' | 'opportunities' | 'salesOrders' | 'invoices', string[] | 'FORBIDDEN'>> = {
    repA: { customers: ['A'], tickets: ['A'], opportunities: ['A'], salesOrders: ['A'], invoices: ['A'] },
    repB: { customers: ['B'], tickets: ['B'], opportunities: ['B'], salesOrders: ['B'], invoices: ['B'] },
    head: { customers: ['A', 'B'], tickets: ['A', 'B'], opportunities: ['A', 'B'], salesOrders: ['A', 'B'], invoices: ['A', 'B'] },
    director: { customers: ['A', 'B'], tickets: ['A', 'B'], opportunities: ['A', 'B'], salesOrders: ['A', 'B'], invoices: ['A', 'B'] },
    agent: { customers: ['A', 'B'], tickets: ['A', 'B'], opportunities: F, salesOrders: F, invoices: F },
    clerk: { customers: ['A', 'B'], tickets: F, opportunities: F, salesOrders: ['A', 'B'], invoices: F },
    buyer: { customers: F, tickets: F, opportunities: F, salesOrders: F, invoices: F },
    accountant: { customers: ['A', 'B'], tickets: F, opportunities: F, salesOrders: ['A', 'B'], invoices: ['A', 'B'] },
  };

  for (const who of ROLES) {
    it(`${who} (${ROLE_OF[who]}) sees exactly what the role allows`, async () => {
      expect(await seenCustomers(who)).toEqual(expected[who].customers);
      for (const list of ['tickets', 'opportunities', 'salesOrders', 'invoices'] as const) {
        expect({ list, seen: await seen(who, list) }).toEqual({ list, seen: expected[who][list] });
      }
    });
  }

  it('narrows every customer-scoped list in the graph, including ones added after this test was written', async () => {
    // Every root field returning a connection whose nodes have a `customer`: found from the schema,
    // so a new list that forgets visibility is caught here — once it has data, which the director
    // check below demands.
    type Field = { name: string; type: { name: string | null; ofType: { name: string | null } | null } };
    const schema = await must<{ __schema: { queryType: { fields: Field[] } } }>('admin', `{ __schema { queryType { fields { name type { name ofType { name } } } } } }`);
    const lists: string[] = [];
    for (const field of schema.__schema.queryType.fields) {
      const typeName = field.type.name ?? field.type.ofType?.name ?? '';
      if (!typeName.endsWith('Connection')) continue;
      const node = await must<{ __type: { fields: { name: string; type: { name: string | null; ofType: { name: string | null } | null } }[] } }>(
        'admin',
        `query($t: String!) { __type(name: $t) { fields { name type { name ofType { name } } } } }`,
        { t: typeName.replace(/Connection$/, '') },
      );
      if (node.__type?.fields.some((f) => f.name === 'customer')) lists.push(field.name);
    }
    expect(lists).toEqual(expect.arrayContaining(['tickets', 'opportunities', 'salesOrders', 'invoices']));
    for (const list of lists) {
      expect({ list, director: await seen('director', list) }).toEqual({ list, director: ['A', 'B'] });
      const rep = await seen('repA', list);
      expect({ list, leaks: rep === 'FORBIDDEN' ? [] : rep.filter((c) => c !== 'A') }).toEqual({ list, leaks: [] });
    }
  });

  it('keeps sales out of purchasing and lets buyers, accountants and warehouse staff in', async () => {
    const suppliers = `{ suppliers(first: 5) { edges { node { name } } } }`;
    for (const who of ['repA', 'head', 'agent'] as const) expect((await as(who, suppliers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const who of ['buyer', 'accountant', 'clerk', 'director'] as const) expect((await as(who, suppliers)).errors).toBeUndefined();
  });

  it('never lets a rep reach another rep’s customer through a federated join', async () => {
    const viaTickets = await must<{ tickets: { edges: { node: { customer: { id: string; name: string } } }[] } }>(
      'repA',
      `{ tickets(first: 100) { edges { node { customer { id name } } } } }`,
    );
    expect(viaTickets.tickets.edges.map((e) => e.node.customer.name)).toEqual(['A Corp']);
    const direct = await as('repA', `query($id: ID!) { ticketsOfB: tickets(filter: { customerId: $id }, first: 5) { edges { node { id } } } customer(id: $id) { name } }`, {
      id: customerB,
    });
    expect(direct.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const receivables = await must<{ customers: { edges: { node: { overdueReceivables: { totals: { amount: string }[] } } }[] } }>(
      'repA',
      `{ customers(first: 100) { edges { node { overdueReceivables { totals { amount } } } } } }`,
    );
    expect(receivables.customers.edges.map((e) => e.node.overdueReceivables.totals)).toEqual([[{ amount: '10.00' }]]);
  });

  it('moves every record of a transferred customer to the new owner in every subgraph within 10 seconds', async () => {
    await must('head', `mutation($i: TransferCustomerInput!) { transferCustomer(input: $i) { id } }`, { i: { customerId: customerA, toOwnerId: userIds.repB } });
    const began = Date.now();
    await waitFor(
      async () => {
        const lists = await Promise.all((['tickets', 'opportunities', 'salesOrders', 'invoices'] as const).map((l) => seen('repB', l)));
        return lists.every((l) => JSON.stringify(l) === '["A","B"]') ? true : undefined;
      },
      { what: 'the transfer to reach every subgraph', timeoutMs: 10000 },
    );
    expect(Date.now() - began).toBeLessThan(10000);
    for (const list of ['tickets', 'opportunities', 'salesOrders', 'invoices'] as const) expect(await seen('repA', list)).toEqual([]);
    expect(await seenCustomers('repA')).toEqual([]);
  });
});
