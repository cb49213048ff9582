import { randomUUID } from 'node:crypto';
import { createEvent, OrderCancelledV2, OrderConfirmedV2, ShipmentShippedV2 } from '@rapport/contracts';
import type { TestSubgraph } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { useFinanceSubgraph } from '../../testing.js';

const subgraph = useFinanceSubgraph({ kafka: true });
const year = new Date().toISOString().slice(0, 4);
const customerId = randomUUID();
const orderId = randomUUID();
const lineA = randomUUID();
const lineB = randomUUID();
const productA = randomUUID();
const productB = randomUUID();
const warehouseId = randomUUID();
const now = () => new Date().toISOString();

const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);
const handled = async (event: Parameters<TestSubgraph['events']['deliver']>[0]) => subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
const count = async (table: string) => (await sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

const shipped = (shipmentId: string, lines: { orderLineId: string; productId: string; quantity: string }[]) =>
  createEvent(ShipmentShippedV2, shipmentId, {
    shipmentId,
    number: `SH-${shipmentId.slice(0, 4)}`,
    customerId,
    warehouseId,
    carrier: null,
    trackingNumber: null,
    lines: lines.map((l) => ({ ...l, orderId })),
    shippedAt: now(),
  });

interface InvoiceView {
  id: string;
  number: string;
  kind: string;
  status: string;
  lines: { orderLineId: string | null; quantity: string; unitPrice: { amount: string }; netAmount: { amount: string }; taxRate: string }[];
  taxes: { taxRate: string; net: { amount: string }; tax: { amount: string } }[];
  netTotal: { amount: string };
  taxTotal: { amount: string };
  total: { amount: string; currency: string };
  balance: { amount: string };
  dueDate: string;
  issueDate: string;
}
const invoiceFields = `id number kind status dueDate issueDate lines { orderLineId quantity unitPrice { amount } netAmount { amount } taxRate }
  taxes { taxRate net { amount } tax { amount } } netTotal { amount } taxTotal { amount } total { amount currency } balance { amount }`;
const invoiceDelivered = (input: Record<string, unknown>) =>
  subgraph.gql<{ invoiceDeliveredLines: InvoiceView }>(`mutation($input: InvoiceDeliveredLinesInput!) { invoiceDeliveredLines(input: $input) { ${invoiceFields} } }`, { input });
type Line = { orderLineId: string; ordered: string; cancelled: string; delivered: string; invoiced: string; invoiceable: string };
const invoiceable = async () =>
  (
    await subgraph.must<{ invoiceableLines: Line[] }>('query($id: ID!) { invoiceableLines(orderId: $id) { orderLineId ordered cancelled delivered invoiced invoiceable } }', {
      id: orderId,
    })
  ).invoiceableLines;

describe('from confirmed order to invoices for what was delivered', () => {
  it('keeps a shipment that arrives before the confirmation, and counts each shipment once however often it is delivered', async () => {
    const first = shipped(randomUUID(), [{ orderLineId: lineA, productId: productA, quantity: '2' }]);
    await handled(first);
    const unknown = await subgraph.gql('query($id: ID!) { invoiceableLines(orderId: $id) { orderLineId } }', { id: orderId });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'orderId' });

    await handled(
      createEvent(OrderConfirmedV2, orderId, {
        orderId,
        customerId,
        number: 'SO-1001',
        currency: 'EUR',
        total: { amount: '144.99', currency: 'EUR' },
        warehouseId: null,
        lines: [
          { lineId: lineA, productId: productA, quantity: '5', unitPrice: { amount: '10.00', currency: 'EUR' }, discountPercent: '10', taxRate: '19' },
          { lineId: lineB, productId: productB, quantity: '3', unitPrice: { amount: '33.33', currency: 'EUR' }, discountPercent: '0', taxRate: '7' },
        ],
        confirmedAt: now(),
      }),
    );
    const second = shipped(randomUUID(), [
      { orderLineId: lineA, productId: productA, quantity: '1' },
      { orderLineId: lineB, productId: productB, quantity: '3' },
    ]);
    await handled(second);
    await handled(second); // redelivered: the inbox (and the row's key) keep it once
    await handled({ ...first, id: randomUUID() }); // the same shipment under another event id: still counted once
    expect(await invoiceable()).toEqual([
      { orderLineId: lineA, ordered: '5', cancelled: '0', delivered: '3', invoiced: '0', invoiceable: '3' },
      { orderLineId: lineB, ordered: '3', cancelled: '0', delivered: '3', invoiced: '0', invoiceable: '3' },
    ]);
  });

  it('refuses to invoice more than was delivered and not invoiced, naming the line, and writes nothing', async () => {
    const before = await count('invoice');
    const tooMuch = await invoiceDelivered({
      orderId,
      lines: [
        { orderLineId: lineB, quantity: '1' },
        { orderLineId: lineA, quantity: '3.001' },
      ],
    });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[1].quantity', reason: 'MORE_THAN_DELIVERED' });
    const notALine = await invoiceDelivered({ orderId, lines: [{ orderLineId: randomUUID(), quantity: '1' }] });
    expect(notALine.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[0].orderLineId' });
    const unknownOrder = await invoiceDelivered({ orderId: randomUUID() });
    expect(unknownOrder.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.orderId' });
    expect(await count('invoice')).toBe(before);
    expect(await count('document_counter')).toBe(0); // a refused invoice draws no number
  });

  it('invoices part of a delivery, then the rest, with nets per line and tax per rate rounded half up at the cent', async () => {
    const first = await invoiceDelivered({ orderId, lines: [{ orderLineId: lineA, quantity: '2' }], issueDate: `${year}-01-10`, paymentTermsDays: 14 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.invoiceDeliveredLines).toMatchObject({
      number: `INV-${year}-000001`,
      kind: 'STANDARD',
      status: 'ISSUED',
      issueDate: `${year}-01-10`,
      dueDate: `${year}-01-24`,
      lines: [{ orderLineId: lineA, quantity: '2', unitPrice: { amount: '10.00' }, netAmount: { amount: '18.00' }, taxRate: '19' }],
      taxes: [{ taxRate: '19', net: { amount: '18.00' }, tax: { amount: '3.42' } }],
      total: { amount: '21.42', currency: 'EUR' },
    });

    const rest = await invoiceDelivered({ orderId, issueDate: `${year}-01-12` });
    expect(rest.errors).toBeUndefined();
    // A: 1 × 10.00 less 10 % = 9.00 at 19 % → 1.71; B: 3 × 33.33 = 99.99 at 7 % → 6.9993 → 7.00
    expect(rest.data!.invoiceDeliveredLines).toMatchObject({
      number: `INV-${year}-000002`,
      dueDate: `${year}-02-11`,
      lines: [
        { orderLineId: lineA, quantity: '1', netAmount: { amount: '9.00' } },
        { orderLineId: lineB, quantity: '3', netAmount: { amount: '99.99' } },
      ],
      taxes: [
        { taxRate: '7', net: { amount: '99.99' }, tax: { amount: '7.00' } },
        { taxRate: '19', net: { amount: '9.00' }, tax: { amount: '1.71' } },
      ],
      netTotal: { amount: '108.99' },
      taxTotal: { amount: '8.71' },
      total: { amount: '117.70', currency: 'EUR' },
    });
    const [event] = await sql<{ payload: { data: { lines: { orderLineId: string }[]; grossTotal: { amount: string } } } }>(
      `select payload from outbox_message where type = 'finance.invoice.issued.v2' and message_key = ?`,
      [rest.data!.invoiceDeliveredLines.id],
    );
    expect(event!.payload.data.lines.map((l) => l.orderLineId)).toEqual([lineA, lineB]);
    expect(event!.payload.data.grossTotal.amount).toBe('117.70');

    const nothing = await invoiceDelivered({ orderId });
    expect(nothing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.orderId', reason: 'NOTHING_TO_INVOICE' });
    expect((await invoiceable()).map((l) => [l.invoiced, l.invoiceable])).toEqual([
      ['3', '0'],
      ['3', '0'],
    ]);
  });

  it('two invoices of the same delivery at once: one bills it, the other finds nothing left', async () => {
    await handled(shipped(randomUUID(), [{ orderLineId: lineA, productId: productA, quantity: '1' }]));
    const results = await Promise.all([invoiceDelivered({ orderId }), invoiceDelivered({ orderId })]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)?.errors?.[0]?.extensions).toMatchObject({ reason: 'NOTHING_TO_INVOICE' });
    expect((await invoiceable())[0]).toMatchObject({ delivered: '4', invoiced: '4', invoiceable: '0' });
  });

  it('deducts a paid advance from the final invoice as a negative line, at its tax rate', async () => {
    const advance = await subgraph.must<{ issueAdvanceInvoice: InvoiceView }>(
      `mutation($input: IssueAdvanceInvoiceInput!) { issueAdvanceInvoice(input: $input) { ${invoiceFields} } }`,
      { input: { orderId, amount: { amount: '5', currency: 'EUR' }, taxRate: '19' } },
    );
    await subgraph.must('mutation($input: ReceivePaymentInput!) { receivePayment(input: $input) { id } }', {
      input: {
        customerId,
        amount: { amount: '5.95', currency: 'EUR' },
        method: 'CARD',
        receivedOn: `${year}-01-14`,
        allocations: [{ invoiceId: advance.issueAdvanceInvoice.id, amount: '5.95' }],
      },
    });
    await handled(shipped(randomUUID(), [{ orderLineId: lineA, productId: productA, quantity: '1' }]));
    const final = await invoiceDelivered({ orderId, deductAdvances: true });
    expect(final.errors).toBeUndefined();
    // A: 1 × 9.00 at 19 %, less the advance's 5.00 at 19 %: net 4.00, tax 0.76
    expect(final.data!.invoiceDeliveredLines).toMatchObject({
      lines: [
        { orderLineId: lineA, quantity: '1', netAmount: { amount: '9.00' } },
        { orderLineId: null, quantity: '1', unitPrice: { amount: '-5.00' }, netAmount: { amount: '-5.00' }, taxRate: '19' },
      ],
      netTotal: { amount: '4.00' },
      taxTotal: { amount: '0.76' },
      total: { amount: '4.76', currency: 'EUR' },
    });
  });

  it('on a whole cancellation, credits the paid advance invoice in full and keeps the credit for the customer', async () => {
    const advance = await subgraph.must<{ issueAdvanceInvoice: InvoiceView }>(
      `mutation($input: IssueAdvanceInvoiceInput!) { issueAdvanceInvoice(input: $input) { ${invoiceFields} } }`,
      { input: { orderId, amount: { amount: '50', currency: 'EUR' }, taxRate: '19' } },
    );
    expect(advance.issueAdvanceInvoice).toMatchObject({ kind: 'ADVANCE', total: { amount: '59.50' }, lines: [{ orderLineId: null, quantity: '1' }] });
    const wrongCurrency = await subgraph.gql('mutation($input: IssueAdvanceInvoiceInput!) { issueAdvanceInvoice(input: $input) { id } }', {
      input: { orderId, amount: { amount: '50', currency: 'USD' } },
    });
    expect(wrongCurrency.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount.currency' });
    await subgraph.must('mutation($input: ReceivePaymentInput!) { receivePayment(input: $input) { id } }', {
      input: {
        customerId,
        amount: { amount: '59.50', currency: 'EUR' },
        method: 'BANK_TRANSFER',
        receivedOn: `${year}-01-15`,
        allocations: [{ invoiceId: advance.issueAdvanceInvoice.id, amount: '59.50' }],
      },
    });

    await handled(
      createEvent(OrderCancelledV2, orderId, {
        orderId,
        customerId,
        number: 'SO-1001',
        whole: true,
        lines: [{ lineId: lineA, productId: productA, quantity: '1' }],
        reason: 'customer withdrew',
        cancelledAt: now(),
      }),
    );
    expect((await invoiceable())[0]).toMatchObject({ ordered: '5', cancelled: '1', delivered: '5', invoiced: '5' });
    const notes = await subgraph.must<{
      creditNotes: {
        edges: {
          node: {
            number: string;
            reason: string;
            grossTotal: { amount: string };
            applied: { amount: string };
            unapplied: { amount: string };
            invoice: { id: string; status: string };
          };
        }[];
      };
    }>(
      'query($f: CreditNoteFilter) { creditNotes(filter: $f) { edges { node { number reason grossTotal { amount } applied { amount } unapplied { amount } invoice { id status } } } } }',
      { f: { customerId } },
    );
    expect(notes.creditNotes.edges.map((e) => e.node)).toEqual([
      {
        number: `CN-${new Date().toISOString().slice(0, 4)}-000001`,
        reason: 'CANCELLATION',
        grossTotal: { amount: '59.50' },
        applied: { amount: '0.00' },
        unapplied: { amount: '59.50' },
        invoice: { id: advance.issueAdvanceInvoice.id, status: 'PAID' },
      },
    ]);
  });
});
