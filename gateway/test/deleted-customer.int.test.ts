import { randomUUID } from 'node:crypto';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, startTestSystem, type TestSystem } from './harness.js';

// A deleted customer keeps its name on the records that name it, and takes no new ones: every
// subgraph refuses new orders, deals, tickets and invoices for it (CONFLICT CUSTOMER_DELETED) once
// it has handled `customers.customer.deleted.v1`, and takes them again after
// `customers.customer.restored.v1`. A reference nobody can resolve leaves a null, not a blank list.

let system: TestSystem;
let productId = '';

beforeAll(async () => {
  system = await startTestSystem('deleted-customer-test');
  productId = (
    await system.must<{ createProduct: { id: string } }>(system.adminToken, `mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }`, {
      i: { sku: 'SEAL-9', name: 'Seal kit', unit: 'pcs', listPrice: { amount: '12.00', currency: 'EUR' } },
    })
  ).createProduct.id;
  await system.untilSellable(productId);
});

afterAll(async () => {
  await system?.stop();
});

type Attempt = { code: unknown; reason: unknown } | null;

/** Each way of attaching a new record to a customer, in the subgraph that owns it. */
const NEW_RECORDS: Record<string, (customerId: string) => Promise<Attempt>> = {
  'sales order': (customerId) =>
    attempt(`mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`, {
      i: { customerId, currency: 'EUR', lines: [{ productId, quantity: '1', unitPrice: { amount: '12.00', currency: 'EUR' } }] },
    }),
  opportunity: (customerId) =>
    attempt(`mutation($i: OpenOpportunityInput!) { openOpportunity(input: $i) { id } }`, { i: { customerId, title: 'Spares', amount: { amount: '100.00', currency: 'EUR' } } }),
  ticket: (customerId) => attempt(`mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }`, { i: { customerId, subject: 'Leaking seal' } }),
  invoice: (customerId) =>
    attempt(`mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { id } }`, {
      i: { customerId, total: { amount: '50.00', currency: 'EUR' }, issueDate: day(0), dueDate: day(30) },
    }),
};

async function attempt(query: string, variables: Record<string, unknown>): Promise<Attempt> {
  const result = await system.as(system.adminToken, query, variables);
  const error = result.errors?.[0];
  return error ? { code: error.extensions?.code, reason: error.extensions?.reason } : null;
}

async function newCustomer(name: string): Promise<string> {
  return (
    await system.must<{ createCustomer: { id: string } }>(system.adminToken, `mutation($n: String!) { createCustomer(input: { name: $n, kind: COMPANY }) { id } }`, { n: name })
  ).createCustomer.id;
}

describe('a deleted customer', () => {
  it('is refused new orders, deals, tickets and invoices in every subgraph, and accepts them again once restored', async () => {
    const customerId = await newCustomer('Gone Away Ltd');
    for (const [what, create] of Object.entries(NEW_RECORDS)) {
      await waitFor(async () => ((await create(customerId)) === null ? true : undefined), { what: `a ${what} for the live customer` });
    }

    await system.must(system.adminToken, `mutation($id: ID!) { deleteCustomer(id: $id) { id } }`, { id: customerId });
    for (const [what, create] of Object.entries(NEW_RECORDS)) {
      const refused = await waitFor(
        async () => {
          const answer = await create(customerId);
          return answer?.reason === 'CUSTOMER_DELETED' ? answer : undefined;
        },
        { intervalMs: 20, what: `the ${what} to be refused for the deleted customer` },
      );
      expect(refused, what).toEqual({ code: 'CONFLICT', reason: 'CUSTOMER_DELETED' });
    }
    const named = await system.as(system.adminToken, `mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }`, { i: { customerId, subject: 'Again' } });
    expect(named.errors?.[0]?.message).toMatch(/was deleted on .*restore it/);
    expect(named.errors?.[0]?.extensions).toMatchObject({ field: 'input.customerId', details: { deletedAt: expect.any(String) } });

    await system.must(system.adminToken, `mutation($id: ID!) { restoreCustomer(id: $id) { id } }`, { id: customerId });
    for (const [what, create] of Object.entries(NEW_RECORDS)) {
      await waitFor(async () => ((await create(customerId)) === null ? true : undefined), { intervalMs: 20, what: `a ${what} for the restored customer` });
    }
  });

  it('still answers on the orders, deals, tickets and invoices that name it, with its name and deletedAt', async () => {
    const customerId = await newCustomer('Deleted With Orders GmbH');
    for (const [what, create] of Object.entries(NEW_RECORDS)) {
      await waitFor(async () => ((await create(customerId)) === null ? true : undefined), { what: `a ${what} for the live customer` });
    }
    const deletedAt = (
      await system.must<{ deleteCustomer: { deletedAt: string } }>(system.adminToken, `mutation($id: ID!) { deleteCustomer(id: $id) { deletedAt } }`, { id: customerId })
    ).deleteCustomer.deletedAt;
    const rep = await system.createUser({ email: 'viewer@deleted.example', role: 'DIRECTOR' });
    const lists = await system.as<Record<string, { edges: { node: { customer: { id: string; name: string; deletedAt: string | null } | null } }[] }>>(
      rep.token,
      `{ salesOrders(first: 50) { edges { node { customer { id name deletedAt } } } }
         opportunities(first: 50) { edges { node { customer { id name deletedAt } } } }
         tickets(first: 50) { edges { node { customer { id name deletedAt } } } }
         invoices(first: 50) { edges { node { customer { id name deletedAt } } } } }`,
    );
    expect(lists.errors).toBeUndefined();
    for (const list of ['salesOrders', 'opportunities', 'tickets', 'invoices']) {
      const customers = lists.data![list]!.edges.map((e) => e.node.customer);
      expect(customers, list).toContainEqual({ id: customerId, name: 'Deleted With Orders GmbH', deletedAt });
    }
  });
});

describe('references no subgraph can resolve', () => {
  it('leave a null customer on the one ticket instead of blanking the whole list', async () => {
    const known = await newCustomer('Known Ltd');
    const unknown = randomUUID();
    await system.must(system.adminToken, `mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }`, { i: { customerId: known, subject: 'Known' } });
    await system.must(system.adminToken, `mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }`, { i: { customerId: unknown, subject: 'Unknown' } });
    const tickets = await system.as<{ tickets: { edges: { node: { subject: string; customer: { name: string } | null } }[] } }>(
      system.adminToken,
      `{ tickets(first: 100) { edges { node { subject customer { name } } } } }`,
    );
    expect(tickets.errors).toBeUndefined();
    const bySubject = new Map(tickets.data!.tickets.edges.map((e) => [e.node.subject, e.node.customer]));
    expect(bySubject.get('Known')).toEqual({ name: 'Known Ltd' });
    expect(bySubject.get('Unknown')).toBeNull();
  });
});
