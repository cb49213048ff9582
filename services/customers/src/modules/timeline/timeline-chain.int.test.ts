import { randomUUID } from 'node:crypto';
import {
  createEvent,
  LoanConvertedV1,
  LoanConvertedV2,
  LoanLentV1,
  LoanOverdueV1,
  LoanReturnedV1,
  QuotationApprovalDecidedV1,
  QuotationApprovalRequestedV1,
  ReturnReceivedV1,
  type CloudEvent,
} from '@rapport/contracts';
import { type TestPrincipal } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { useTimelineSubgraph, type TimelineEntry } from './timeline.testing.js';

const { subgraph, createCustomer, deliverTwiceAndRead } = useTimelineSubgraph('Chain Co');
const eur = (amount: string) => ({ amount, currency: 'EUR' });
const at = '2026-12-05T10:00:00.000Z';

/** Delivers each event twice (each must be recorded once) and returns the customer's entries other than its creation, sorted by kind. */
const deliverTwice = async (customerId: string, events: CloudEvent[], as?: TestPrincipal): Promise<TimelineEntry[]> =>
  (await deliverTwiceAndRead(customerId, events, { fields: 'kind module summary sourceService subjectId', ...(as ? { as } : {}) }))
    .filter((n) => n.kind !== 'CUSTOMER_CREATED')
    .sort((a, b) => a.kind.localeCompare(b.kind));

describe('the customer timeline records every step of the chain under its own kind', () => {
  it('records a customer return as RETURN_RECEIVED (shipments), once', async () => {
    const customerId = await createCustomer();
    const returnId = randomUUID();
    const line = { orderId: randomUUID(), orderLineId: randomUUID(), productId: randomUUID() };
    const received = createEvent(ReturnReceivedV1, returnId, {
      returnId,
      number: 'RT-000003',
      shipmentId: randomUUID(),
      shipmentNumber: 'DN-000042',
      customerId,
      warehouseId: randomUUID(),
      reason: 'damaged in transit',
      lines: [
        { ...line, quantity: '1', condition: 'RESTOCK' },
        { ...line, orderLineId: randomUUID(), quantity: '0.5', condition: 'RESTOCK' },
        { ...line, orderLineId: randomUUID(), quantity: '2', condition: 'SCRAP' },
      ],
      receivedAt: at,
    });
    expect(await deliverTwice(customerId, [received])).toEqual([
      {
        kind: 'RETURN_RECEIVED',
        module: 'SHIPMENTS',
        summary: 'Return RT-000003 received against shipment DN-000042: 1.5 restocked, 2 scrapped (damaged in transit)',
        sourceService: 'inventory',
        subjectId: returnId,
      },
    ]);
  });

  it("records a quotation's approval requested and decided (quotations), hidden from a role that may not read quotations", async () => {
    const customerId = await createCustomer();
    const quotationId = randomUUID();
    const approvalId = randomUUID();
    const requested = createEvent(QuotationApprovalRequestedV1, quotationId, {
      quotationId,
      customerId,
      number: 'Q-000009',
      approvalId,
      requestedBy: randomUUID(),
      comment: null,
      findings: [{ kind: 'LINE_DISCOUNT', line: 0, percent: '25', limit: '10' }],
      currency: 'EUR',
      netTotal: eur('750.00'),
      taxTotal: eur('142.50'),
      grossTotal: eur('892.50'),
      requestedAt: at,
    });
    const decided = createEvent(QuotationApprovalDecidedV1, quotationId, {
      quotationId,
      customerId,
      number: 'Q-000009',
      approvalId,
      decision: 'APPROVED',
      decidedBy: randomUUID(),
      comment: 'strategic customer',
      decidedAt: at,
    });
    expect(await deliverTwice(customerId, [requested, decided])).toEqual([
      {
        kind: 'QUOTATION_APPROVAL_DECIDED',
        module: 'QUOTATIONS',
        summary: 'Approval of quotation Q-000009 approved: strategic customer',
        sourceService: 'sales',
        subjectId: quotationId,
      },
      {
        kind: 'QUOTATION_APPROVAL_REQUESTED',
        module: 'QUOTATIONS',
        summary: "Quotation Q-000009 (892.50 EUR) waits for a manager's approval: 1 finding over the limits",
        sourceService: 'sales',
        subjectId: quotationId,
      },
    ]);
    const support: TestPrincipal = { userId: randomUUID(), role: 'SUPPORT_AGENT', teamIds: [] };
    expect(await deliverTwice(customerId, [], support)).toEqual([]);
  });

  it('records loans lent, returned, converted and overdue (stock), seen by support as stock is', async () => {
    const customerId = await createCustomer();
    const loanId = randomUUID();
    const productId = randomUUID();
    const base = { loanId, number: 'LN-000004', customerId, productId };
    const events = [
      createEvent(LoanLentV1, loanId, { ...base, kind: 'SAMPLE', ownerId: null, warehouseId: randomUUID(), quantity: '3', expectedReturnDate: '2026-12-20', lentAt: at }),
      createEvent(LoanReturnedV1, loanId, { ...base, warehouseId: randomUUID(), quantity: '1', open: '2', returnedAt: at }),
      createEvent(LoanConvertedV1, loanId, { ...base, ownerId: null, warehouseId: randomUUID(), quantity: '1', unitCost: eur('4.00'), open: '1', convertedAt: at }),
      createEvent(LoanOverdueV1, loanId, { ...base, ownerId: null, open: '1', expectedReturnDate: '2026-12-20', flaggedAt: at }),
      createEvent(LoanConvertedV2, loanId, {
        ...base,
        orderId: randomUUID(),
        shipmentId: randomUUID(),
        ownerId: null,
        warehouseId: randomUUID(),
        quantity: '1',
        unitPrice: eur('9.00'),
        unitCost: eur('4.00'),
        open: '0',
        convertedAt: at,
      }),
    ];
    const support: TestPrincipal = { userId: randomUUID(), role: 'SUPPORT_AGENT', teamIds: [] };
    const entries = (await deliverTwice(customerId, events, support)).map((e) => [e.kind, e.module, e.summary]);
    expect(entries).toHaveLength(5);
    expect(entries).toEqual(
      expect.arrayContaining([
        ['LOAN_CONVERTED', 'STOCK', 'Loan LN-000004: 1 kept by the customer (a sale), 1 still out'],
        ['LOAN_CONVERTED', 'STOCK', 'Loan LN-000004: 1 kept by the customer (a sale), 0 still out'],
        ['LOAN_OUT', 'STOCK', `Sample LN-000004: 3 of product ${productId} out to the customer, due back 2026-12-20`],
        ['LOAN_OVERDUE', 'STOCK', 'Loan LN-000004 overdue: 1 still out, due back 2026-12-20'],
        ['LOAN_RETURNED', 'STOCK', 'Loan LN-000004: 1 returned, 2 still out'],
      ]),
    );
  });
});
