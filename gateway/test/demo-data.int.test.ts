import { DEMO_PASSWORD, loadDemoData } from '@rapport/infra/demo-data';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';

// The demo data `npm start` loads, checked against the schema: every value of every state enum
// must occur in it, so a state added later fails here until the demo shows it.

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem('demo-data-test');
});
afterAll(async () => system?.stop());

const sorted = (values: Iterable<string | null | undefined>): string[] => [...new Set([...values].filter((v): v is string => typeof v === 'string'))].sort();

async function enumValues(name: string): Promise<string[]> {
  const data = await system.must<{ __type: { enumValues: { name: string }[] } }>(system.adminToken, `query($name: String!) { __type(name: $name) { enumValues { name } } }`, {
    name,
  });
  return sorted(data.__type.enumValues.map((v) => v.name));
}

/** The `pick`ed values of every node of a root connection, as the admin sees it. */
async function valuesOf<N>(query: string, root: string, pick: (node: N) => string | null | undefined): Promise<string[]> {
  const data = await system.must<Record<string, { edges: { node: N }[] }>>(system.adminToken, query);
  return sorted(data[root]!.edges.map((e) => pick(e.node)));
}

describe('the demo data', () => {
  it('loads through the gateway and a second load changes nothing', async () => {
    const first = await loadDemoData(system.url, {});
    expect(first).toMatchObject({ created: true, repName: 'Rita Reyes' });
    const second = await loadDemoData(system.url, {});
    expect(second).toEqual({ created: false, repId: first.repId, repName: 'Rita Reyes' });
  });

  it('has a user in every role', async () => {
    expect(await valuesOf<{ role: string }>(`{ users(first: 100) { edges { node { role } } } }`, 'users', (n) => n.role)).toEqual(await enumValues('Role'));
  });

  it('puts customers in every lifecycle state, leads in every status, activities of every kind and review status', async () => {
    expect(await valuesOf<{ lifecycleState: string }>(`{ customers(first: 100) { edges { node { lifecycleState } } } }`, 'customers', (n) => n.lifecycleState)).toEqual(
      await enumValues('LifecycleState'),
    );
    expect(await valuesOf<{ status: string }>(`{ leads(first: 100) { edges { node { status } } } }`, 'leads', (n) => n.status)).toEqual(await enumValues('LeadStatus'));
    const activities = `{ activities(first: 100) { edges { node { kind review { status } } } } }`;
    expect(await valuesOf<{ kind: string }>(activities, 'activities', (n) => n.kind)).toEqual(await enumValues('ActivityKind'));
    expect(await valuesOf<{ review: { status: string } }>(activities, 'activities', (n) => n.review.status)).toEqual(await enumValues('ReviewStatus'));
    const duplicates = await system.must<{ findDuplicates: { customer: { name: string } }[] }>(
      system.adminToken,
      `{ findDuplicates(input: { name: "Acme Pumps Ltd", email: "purchasing@acme-pumps.example" }) { customer { name } } }`,
    );
    expect(duplicates.findDuplicates.map((d) => d.customer.name)).toEqual(expect.arrayContaining(['Acme Pumps Ltd', 'ACME Pumps Limited']));
  });

  it('puts tickets in every status and channel, and knowledge-base articles in every status', async () => {
    const tickets = `{ tickets(first: 100) { edges { node { status priority channel } } } }`;
    expect(await valuesOf<{ status: string }>(tickets, 'tickets', (n) => n.status)).toEqual(await enumValues('TicketStatus'));
    expect(await valuesOf<{ priority: string }>(tickets, 'tickets', (n) => n.priority)).toEqual(await enumValues('TicketPriority'));
    expect(await valuesOf<{ channel: string }>(tickets, 'tickets', (n) => n.channel)).toEqual(await enumValues('TicketChannel'));
    // Drafts are in no list; the support database gives the ids, the gateway their state.
    const ids = await system.subgraphs.support.service.orm.em.fork().getConnection().execute<{ id: string }[]>('select id from article');
    const articles = await Promise.all(
      ids.map(
        async ({ id }) =>
          (
            await system.must<{ article: { status: string; publishedVersion: number | null } }>(
              system.adminToken,
              `query($id: ID!) { article(id: $id) { status publishedVersion } }`,
              { id },
            )
          ).article,
      ),
    );
    expect(sorted(articles.map((a) => a.status))).toEqual(await enumValues('ArticleStatus'));
    expect(Math.max(...articles.map((a) => a.publishedVersion ?? 0))).toBe(2);
  });

  it('puts opportunities, orders, shipments and invoices in every status', async () => {
    expect(await valuesOf<{ status: string }>(`{ opportunities(first: 100) { edges { node { status } } } }`, 'opportunities', (n) => n.status)).toEqual(
      await enumValues('OpportunityStatus'),
    );
    const invoices = `{ invoices(first: 100) { edges { node { status } } } }`;
    expect(await valuesOf<{ status: string }>(invoices, 'invoices', (n) => n.status)).toEqual(await enumValues('InvoiceStatus'));
    const overdue = await system.must<{ invoices: { edges: unknown[] } }>(system.adminToken, `{ invoices(filter: { overdue: true }, first: 100) { edges { cursor } } }`);
    expect(overdue.invoices.edges.length).toBeGreaterThan(0);
    // The orders reach their states once sales has consumed inventory's and finance's events; PAID
    // (invoiced and paid in full, not all shipped) through an invoice on the ordered quantities.
    const orders = `{ salesOrders(first: 100) { edges { node { status delivery { status } } } } }`;
    const orderStatuses = await enumValues('SalesOrderStatus');
    await waitFor(async () => (JSON.stringify(await valuesOf<{ status: string }>(orders, 'salesOrders', (n) => n.status)) === JSON.stringify(orderStatuses) ? true : undefined), {
      what: 'an order in every status',
      timeoutMs: 20000,
    });
    // Quotations: every state but EXPIRED (a sent quotation past its validity date: none is valid until a past day); the one
    // awaiting approval is among the team head's pending approvals.
    expect(await valuesOf<{ status: string }>(`{ quotations(first: 100) { edges { node { status } } } }`, 'quotations', (n) => n.status)).toEqual(
      (await enumValues('QuotationStatus')).filter((s) => s !== 'EXPIRED'),
    );
    const mark = await system.signIn('mark.manager@rapport.example', DEMO_PASSWORD);
    const pending = await system.must<{ pendingDiscountApprovals: { quotation: { customer: { name: string } | null } | null }[] }>(
      mark,
      `{ pendingDiscountApprovals { quotation { customer { name } } } }`,
    );
    expect(pending.pendingDiscountApprovals.map((a) => a.quotation?.customer?.name)).toEqual(['Acme Pumps Ltd']);
    // Finance: invoices of every kind, a credit note, a partial payment, and what an advance left over as the customer's credit.
    expect(await valuesOf<{ kind: string }>(`{ invoices(first: 100) { edges { node { kind } } } }`, 'invoices', (n) => n.kind)).toEqual(await enumValues('InvoiceKind'));
    const finance = await system.must<{
      creditNotes: { edges: { node: { grossTotal: { amount: string } } }[] };
      customers: { edges: { node: { name: string; credit: { amount: string }[] } }[] };
    }>(system.adminToken, `{ creditNotes(first: 100) { edges { node { grossTotal { amount } } } } customers(first: 100) { edges { node { name credit { amount } } } } }`);
    expect(finance.creditNotes.edges.map((e) => e.node.grossTotal.amount)).toEqual(['240.00']);
    expect(finance.customers.edges.filter((e) => e.node.credit.length > 0).map((e) => e.node.name)).toEqual(['Globex Foods']);
    // Three reminder levels sent; the customers whose invoices reached the last are on credit hold.
    const dunned = await system.must<{
      reminders: { edges: { node: { level: number } }[] };
      customers: { edges: { node: { name: string; creditHold: { onHold: boolean } | null } }[] };
    }>(system.adminToken, `{ reminders(first: 100) { edges { node { level } } } customers(first: 100) { edges { node { name creditHold { onHold } } } } }`);
    expect(sorted(dunned.reminders.edges.map((e) => String(e.node.level)))).toEqual(['1', '2', '3']);
    expect(dunned.reminders.edges.filter((e) => e.node.level === 3)).toHaveLength(2);
    expect(sorted(dunned.customers.edges.filter((e) => e.node.creditHold?.onHold).map((e) => e.node.name))).toEqual(['Acme Pumps Ltd', 'Hooli Hydraulics']);
    // Two currencies, and an expense claim awaiting its team head's approval.
    expect(await valuesOf<{ total: { currency: string } }>(`{ invoices(first: 100) { edges { node { total { currency } } } } }`, 'invoices', (n) => n.total.currency)).toEqual([
      'EUR',
      'USD',
    ]);
    const claims = await system.must<{ expenses: { edges: { node: { state: string; customer: { name: string } | null } }[] } }>(
      mark,
      `{ expenses(filter: { state: SUBMITTED }, first: 10) { edges { node { state customer { name } } } } }`,
    );
    expect(claims.expenses.edges.map((e) => [e.node.state, e.node.customer?.name])).toEqual([['SUBMITTED', 'Acme Pumps Ltd']]);
    // The cancelled order's notice is cancelled with it: its delivery reads NOT_PLANNED.
    expect(await valuesOf<{ delivery: { status: string } }>(orders, 'salesOrders', (n) => n.delivery.status)).toEqual(await enumValues('DeliveryStatus'));
  });

  it('holds stock in three warehouses, receipts, adjustments, transfers and the deliveries of its shipped orders on the ledger, and an open safety alarm', async () => {
    expect(await valuesOf<{ code: string }>(`{ warehouses { edges { node { code } } } }`, 'warehouses', (n) => n.code)).toEqual(['BER-1', 'HAM-1', 'MUC-1']);
    const levels = await system.must<{ stockLevels: { edges: { node: { warehouse: { code: string }; onHand: string; inTransit: string } }[] } }>(
      system.adminToken,
      `{ stockLevels(first: 100) { edges { node { warehouse { code } onHand inTransit } } } }`,
    );
    expect(sorted(levels.stockLevels.edges.filter((e) => Number(e.node.onHand) > 0).map((e) => e.node.warehouse.code))).toEqual(['BER-1', 'HAM-1', 'MUC-1']);
    expect(await valuesOf<{ kind: string }>(`{ stockMoves(first: 100) { edges { node { kind } } } }`, 'stockMoves', (n) => n.kind)).toEqual([
      'ADJUSTMENT',
      'COUNT',
      'DELIVERY',
      'LOAN_OUT',
      'LOAN_RETURN',
      'RECEIPT',
      'TRANSFER_IN',
      'TRANSFER_OUT',
    ]);
    expect(await valuesOf<{ state: string }>(`{ transfers { edges { node { state } } } }`, 'transfers', (n) => n.state)).toEqual(await enumValues('TransferState'));
    expect(levels.stockLevels.edges.some((e) => e.node.warehouse.code === 'HAM-1' && e.node.inTransit === '10')).toBe(true);
    expect(await valuesOf<{ product: { sku: string } }>(`{ stockAlarms { edges { node { product { sku } } } } }`, 'stockAlarms', (n) => n.product.sku)).toEqual(['PUMP-200']);
  });

  it('holds a posted count with a difference and an overdue loan', async () => {
    const counts = await system.must<{ stockCounts: { edges: { node: { state: string; lines: { difference: string | null }[] } }[] } }>(
      system.adminToken,
      `{ stockCounts { edges { node { state lines(onlyDifferences: true) { difference } } } } }`,
    );
    expect(counts.stockCounts.edges.map((e) => e.node)).toEqual([{ state: 'POSTED', lines: [{ difference: '-1' }] }]);
    const loans = await system.must<{ loans: { edges: { node: { state: string; open: string; overdueFlaggedAt: string | null } }[] } }>(
      system.adminToken,
      `{ loans(filter: { overdue: true }) { edges { node { state open overdueFlaggedAt } } } }`,
    );
    expect(loans.loans.edges.map((e) => e.node)).toEqual([{ state: 'PARTLY_RETURNED', open: '2', overdueFlaggedAt: expect.any(String) }]);
  });

  it('buys: purchase orders in every state, a bill held for a price difference, and an inquiry with two answers', async () => {
    expect(await valuesOf<{ status: string }>(`{ purchaseOrders(first: 100) { edges { node { status } } } }`, 'purchaseOrders', (n) => n.status)).toEqual(
      await enumValues('PurchaseOrderStatus'),
    );
    expect(await valuesOf<{ status: string }>(`{ purchaseInquiries(first: 100) { edges { node { status } } } }`, 'purchaseInquiries', (n) => n.status)).toEqual(
      await enumValues('PurchaseInquiryStatus'),
    );
    const { purchaseInquiries } = await system.must<{ purchaseInquiries: { edges: { node: { comparison: { answers: { unitPrice: { currency: string } }[] }[] } }[] } }>(
      system.adminToken,
      `{ purchaseInquiries(status: SENT) { edges { node { comparison { answers { unitPrice { currency } } } } } } }`,
    );
    expect(purchaseInquiries.edges.map((e) => e.node.comparison[0]!.answers.map((a) => a.unitPrice.currency).sort())).toEqual([['EUR', 'SEK']]);
    const { supplierBills } = await system.must<{ supplierBills: { status: string; holdReasons: string[] }[] }>(system.adminToken, `{ supplierBills { status holdReasons } }`);
    expect(supplierBills).toEqual([{ status: 'HELD', holdReasons: ['PRICE_DIFFERENCE'] }]);
  });
});
