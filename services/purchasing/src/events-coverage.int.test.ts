import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type EventCoverage, type MutationCaseEntry, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { describeEventCoverage } from '@rapport/subgraph-kit/event-coverage-suite';
import { afterAll, beforeAll, expect } from 'vitest';
import { createPurchasingService } from './create-purchasing-service.js';
import { recordReceipt } from './modules/order/receipt.consumer.js';
import { recordSupplierReturn } from './modules/supplier-return/supplier-return.consumer.js';
import { productSnapshot, seedCatalogue } from './modules/order/order.testing.js';
import { suggestReorder } from './modules/suggestion/suggestion.service.js';

let subgraph: TestSubgraph;
const buyer = { userId: randomUUID(), role: 'BUYER' as const };

/** Every audited entity of purchasing and the aggregate its events name. */
const coverage: EventCoverage = {
  Supplier: { keys: ['id'] },
  ApprovalLimit: { internal: "purchasing's approval configuration; its effect shows in which orders are approved, which is announced" },
  PurchasingApprover: { internal: 'who holds an approver level in purchasing; its effect shows in which orders are approved, which is announced' },
  SupplierContact: { internal: "a supplier's contact people, purchasing's own address book; no other service keeps supplier details beyond its creation event" },
  SupplierAddress: { internal: "a supplier's addresses, purchasing's own address book; no other service keeps supplier details beyond its creation event" },
  SupplierPrice: { internal: "a supplier's price list, purchasing's own master data; other services see prices only on the orders announced" },
  PurchaseOrder: {
    internal:
      "drafts, edits and approvals in progress are purchasing's own; what inventory acts on is announced when it happens (purchasing.order.approved.v1 with the full lines, .cancelled.v1), checked by the cases below",
  },
  PurchaseOrderLine: { internal: "a purchase order's lines, announced in full with its approval; received and billed quantities are bookkeeping of other announced events" },
  ReorderSuggestion: { internal: "a buyer's worklist read from inventory's safety-stock alarms" },
  SupplierBill: { keys: ['id'] },
  SupplierBillLine: { internal: "a bill's lines and match result; the bill's registration announces its totals" },
  SupplierPayment: { keys: ['id'] },
  SupplierPaymentAllocation: { internal: "announced within the payment's made/applied events (allocations)" },
  PurchaseInquiry: { keys: ['id'] },
  PurchaseInquiryLine: { keys: ['id', 'inquiryId'] },
  PurchaseInquirySupplier: { keys: ['id', 'inquiryId'] },
  PurchaseInquiryAnswer: { keys: ['id', 'inquiryId'] },
  SupplierDebitNote: { keys: ['id'] },
  SupplierDebitNoteLine: { internal: "a debit note's lines, announced in full with its creation (purchasing.debit-note.created.v1)" },
  SupplierDebitNoteSettlement: { internal: "announced within the debit note's settled event (settlements)" },
};
const director = { userId: randomUUID(), role: 'DIRECTOR' as const };
const accountant = { userId: randomUUID(), role: 'ACCOUNTANT' as const };
const product = productSnapshot();
const eur = (amount: string) => ({ amount, currency: 'EUR' });
const PO = 'id lines { id }';

async function draftPo(quantity = '1'): Promise<{ id: string; lines: { id: string }[] }> {
  const supplier = await createSupplier(`Events PO ${randomUUID().slice(0, 6)}`);
  const result = await subgraph.gqlAs<{ createPurchaseOrder: { id: string; lines: { id: string }[] } }>(
    buyer,
    `mutation($input: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $input) { ${PO} } }`,
    { input: { supplierId: supplier, lines: [{ productId: product.productId, quantity, unitPrice: eur('10') }] } },
  );
  return result.data!.createPurchaseOrder;
}
const poCall = (name: string, id: string, principal = buyer) => subgraph.gqlAs(principal, `mutation($id: ID!) { ${name}(id: $id) { id } }`, { id });

/** An approved, fully received order and its supplier. */
async function receivedPo(): Promise<{ id: string; lineId: string; supplierId: string }> {
  const po = await draftPo('2');
  await poCall('submitPurchaseOrder', po.id);
  const em = subgraph.service.orm.em.fork();
  const [row] = await em.getConnection().execute<{ supplier_id: string }[]>('select supplier_id from purchase_order where id = ?', [po.id]);
  await em.transactional((tx) =>
    recordReceipt(tx, {
      receiptId: randomUUID(),
      number: 'GR-EV',
      warehouseId: randomUUID(),
      purchaseOrderId: po.id,
      supplierId: row!.supplier_id,
      lines: [{ purchaseOrderLineId: po.lines[0]!.id, productId: product.productId, quantity: '2', unitCost: eur('10') }],
      receivedAt: new Date().toISOString(),
    }),
  );
  return { id: po.id, lineId: po.lines[0]!.id, supplierId: row!.supplier_id };
}
async function registeredBill(price = '10'): Promise<{ billId: string; supplierId: string }> {
  const po = await receivedPo();
  const result = await subgraph.gqlAs<{ registerSupplierBill: { id: string } }>(
    director,
    'mutation($input: RegisterSupplierBillInput!) { registerSupplierBill(input: $input) { id } }',
    {
      input: {
        purchaseOrderId: po.id,
        supplierReference: `EV-${randomUUID()}`,
        billDate: '2026-12-01',
        lines: [{ purchaseOrderLineId: po.lineId, quantity: '2', unitPrice: eur(price) }],
      },
    },
  );
  return { billId: result.data!.registerSupplierBill.id, supplierId: po.supplierId };
}
let poId = '';
let inquiryId = '';
let billId = '';
let paymentId = '';
let debitNoteId = '';

const createSupplier = async (name: string): Promise<string> => {
  const result = await subgraph.gql<{ createSupplier: { id: string } }>('mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }', {
    input: { name, currency: 'EUR' },
  });
  return result.data!.createSupplier.id;
};

let supplierId = '';
/** One case per Mutation field: a new field fails the first test until it is listed here. */
const cases: Record<string, MutationCaseEntry> = {
  createSupplier: {
    run: async (call) => {
      const data = await call<{ createSupplier: { id: string } }>(
        'mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }',
        { input: { name: 'Events Valves AB', email: 'orders@events-valves.example', currency: 'SEK', paymentTermsDays: 45 } },
        buyer,
      );
      supplierId = data.createSupplier.id;
    },
    announces: ['purchasing.supplier.created.v1'],
    check: ([event]) => {
      expect(event).toMatchObject({ topic: 'purchasing.supplier', subject: supplierId });
      expect(event!.data).toEqual({
        supplierId,
        name: 'Events Valves AB',
        email: 'orders@events-valves.example',
        phone: null,
        currency: 'SEK',
        paymentTermsDays: 45,
        createdAt: expect.any(String),
      });
    },
  },
  deleteSupplier: {
    run: async (call) => {
      supplierId = await createSupplier('Events Castings');
      await call('mutation($id: ID!) { deleteSupplier(id: $id) { id } }', { id: supplierId }, buyer);
    },
    announces: ['purchasing.supplier.deleted.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: supplierId, data: { supplierId, deletedAt: expect.any(String) } }),
  },
  restoreSupplier: {
    run: async (call) => {
      supplierId = await createSupplier('Events Forgings');
      await subgraph.gql('mutation($id: ID!) { deleteSupplier(id: $id) { id } }', { id: supplierId });
      await call('mutation($id: ID!) { restoreSupplier(id: $id) { id } }', { id: supplierId });
    },
    announces: ['purchasing.supplier.restored.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: supplierId, data: { supplierId, restoredAt: expect.any(String) } }),
  },
  setApprovalLimit: {
    run: async (call) => {
      await call('mutation { setApprovalLimit(level: PURCHASING_HEAD, maxAmount: { amount: "60000", currency: "EUR" }) { level } }', {}, director);
    },
    announces: [],
  },
  setApproverLevel: {
    run: async (call) => {
      await call('mutation($u: ID!) { setApproverLevel(userId: $u, level: PURCHASING_HEAD) { level } }', { u: randomUUID() }, director);
    },
    announces: [],
  },
  addSupplierContact: {
    run: async (call) => {
      const supplier = await createSupplier('Events Contacts');
      await call('mutation($s: ID!) { addSupplierContact(supplierId: $s, input: { name: "Ola Nordmann" }) { id } }', { s: supplier }, buyer);
    },
    announces: [],
  },
  removeSupplierContact: {
    run: async (call) => {
      const supplier = await createSupplier('Events Contacts 2');
      const added = await subgraph.gqlAs<{ addSupplierContact: { id: string } }>(
        buyer,
        'mutation($s: ID!) { addSupplierContact(supplierId: $s, input: { name: "Kari" }) { id } }',
        { s: supplier },
      );
      await call('mutation($id: ID!) { removeSupplierContact(id: $id) { id } }', { id: added.data!.addSupplierContact.id }, buyer);
    },
    announces: [],
  },
  addSupplierAddress: {
    run: async (call) => {
      const supplier = await createSupplier('Events Addresses');
      await call(
        'mutation($s: ID!) { addSupplierAddress(supplierId: $s, input: { kind: OFFICE, street: "Hafenstr. 1", postalCode: "20457", city: "Hamburg", country: "de" }) { id } }',
        { s: supplier },
        buyer,
      );
    },
    announces: [],
  },
  removeSupplierAddress: {
    run: async (call) => {
      const supplier = await createSupplier('Events Addresses 2');
      const added = await subgraph.gqlAs<{ addSupplierAddress: { id: string } }>(
        buyer,
        'mutation($s: ID!) { addSupplierAddress(supplierId: $s, input: { kind: BILLING, street: "Ring 2", postalCode: "10115", city: "Berlin", country: "DE" }) { id } }',
        { s: supplier },
      );
      await call('mutation($id: ID!) { removeSupplierAddress(id: $id) { id } }', { id: added.data!.addSupplierAddress.id }, buyer);
    },
    announces: [],
  },
  setSupplierPrice: {
    run: async (call) => {
      const supplier = await createSupplier('Events Prices');
      await call(
        'mutation($input: SetSupplierPriceInput!) { setSupplierPrice(input: $input) { id } }',
        { input: { supplierId: supplier, productId: product.productId, price: eur('5') } },
        buyer,
      );
    },
    announces: [],
  },
  deleteSupplierPrice: {
    run: async (call) => {
      const supplier = await createSupplier('Events Prices 2');
      const set = await subgraph.gqlAs<{ setSupplierPrice: { id: string } }>(buyer, 'mutation($input: SetSupplierPriceInput!) { setSupplierPrice(input: $input) { id } }', {
        input: { supplierId: supplier, productId: product.productId, price: eur('5') },
      });
      await call('mutation($id: ID!) { deleteSupplierPrice(id: $id) { id } }', { id: set.data!.setSupplierPrice.id }, buyer);
    },
    announces: [],
  },
  createPurchaseOrder: {
    run: async (call) => {
      const supplier = await createSupplier('Events Orders');
      await call(
        'mutation($input: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $input) { id } }',
        {
          input: { supplierId: supplier, lines: [{ productId: product.productId, quantity: '1', unitPrice: eur('1') }] },
        },
        buyer,
      );
    },
    announces: [],
  },
  addPurchaseOrderLine: {
    run: async (call) => {
      const po = await draftPo();
      await call(
        'mutation($id: ID!, $line: PurchaseOrderLineInput!) { addPurchaseOrderLine(id: $id, line: $line) { id } }',
        { id: po.id, line: { productId: product.productId, quantity: '2', unitPrice: eur('3') } },
        buyer,
      );
    },
    announces: [],
  },
  updatePurchaseOrderLine: {
    run: async (call) => {
      const po = await draftPo();
      await call(
        'mutation($id: ID!, $lineId: ID!, $input: UpdatePurchaseOrderLineInput!) { updatePurchaseOrderLine(id: $id, lineId: $lineId, input: $input) { id } }',
        { id: po.id, lineId: po.lines[0]!.id, input: { quantity: '5' } },
        buyer,
      );
    },
    announces: [],
  },
  removePurchaseOrderLine: {
    run: async (call) => {
      const po = await draftPo();
      const added = await subgraph.gqlAs<{ addPurchaseOrderLine: { lines: { id: string }[] } }>(
        buyer,
        'mutation($id: ID!, $line: PurchaseOrderLineInput!) { addPurchaseOrderLine(id: $id, line: $line) { lines { id } } }',
        {
          id: po.id,
          line: { productId: product.productId, quantity: '2', unitPrice: eur('3') },
        },
      );
      await call(
        'mutation($id: ID!, $lineId: ID!) { removePurchaseOrderLine(id: $id, lineId: $lineId) { id } }',
        { id: po.id, lineId: added.data!.addPurchaseOrderLine.lines[1]!.id },
        buyer,
      );
    },
    announces: [],
  },
  submitPurchaseOrder: {
    run: async (call) => {
      poId = (await draftPo()).id;
      await call('mutation($id: ID!) { submitPurchaseOrder(id: $id) { id } }', { id: poId }, buyer);
    },
    announces: ['purchasing.order.approved.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: poId, data: { purchaseOrderId: poId, lines: [{ quantity: '1', unitPrice: eur('10.00') }] } }),
  },
  approvePurchaseOrder: {
    run: async (call) => {
      poId = (await draftPo('1000')).id;
      await poCall('submitPurchaseOrder', poId);
      await call('mutation($id: ID!) { approvePurchaseOrder(id: $id) { id } }', { id: poId }, director);
    },
    announces: ['purchasing.order.approved.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: poId, data: { purchaseOrderId: poId, lines: [{ quantity: '1000' }] } }),
  },
  cancelPurchaseOrder: {
    run: async (call) => {
      poId = (await draftPo('3')).id;
      await poCall('submitPurchaseOrder', poId);
      await call('mutation($id: ID!) { cancelPurchaseOrder(id: $id) { id } }', { id: poId }, buyer);
    },
    announces: ['purchasing.order.cancelled.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: poId, data: { purchaseOrderId: poId, whole: true, lines: [{ quantity: '3' }] } }),
  },
  copyPurchaseOrder: {
    run: async (call) => {
      const po = await draftPo();
      await call('mutation($id: ID!) { copyPurchaseOrder(id: $id) { id } }', { id: po.id }, buyer);
    },
    announces: [],
  },
  createPurchaseOrdersFromSuggestions: {
    run: async (call) => {
      const supplier = await createSupplier('Events Suggestions');
      await subgraph.gqlAs(buyer, 'mutation($input: SetSupplierPriceInput!) { setSupplierPrice(input: $input) { id } }', {
        input: { supplierId: supplier, productId: product.productId, price: eur('0.01') },
      });
      const alarmId = randomUUID();
      const em = subgraph.service.orm.em.fork();
      await suggestReorder(em, {
        alarmId,
        productId: product.productId,
        warehouseId: randomUUID(),
        available: '0',
        safetyStock: '5',
        reorderQuantity: '10',
        raisedAt: new Date().toISOString(),
      });
      const [row] = await em.getConnection().execute<{ id: string }[]>('select id from reorder_suggestion where alarm_id = ?', [alarmId]);
      await call('mutation($ids: [ID!]!) { createPurchaseOrdersFromSuggestions(ids: $ids) { id } }', { ids: [row!.id] }, buyer);
    },
    announces: [],
  },
  registerSupplierBill: {
    run: async (call) => {
      const po = await receivedPo();
      const data = await call<{ registerSupplierBill: { id: string } }>(
        'mutation($input: RegisterSupplierBillInput!) { registerSupplierBill(input: $input) { id } }',
        {
          input: { purchaseOrderId: po.id, supplierReference: 'EV-REG', billDate: '2026-12-01', lines: [{ purchaseOrderLineId: po.lineId, quantity: '2', unitPrice: eur('10') }] },
        },
        buyer,
      );
      billId = data.registerSupplierBill.id;
    },
    announces: ['purchasing.bill.registered.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: billId, data: { billId, netTotal: eur('20.00'), dueDate: '2026-12-31' } }),
  },
  releaseSupplierBill: {
    run: async (call) => {
      billId = (await registeredBill('20')).billId;
      await call('mutation($id: ID!) { releaseSupplierBill(id: $id) { id } }', { id: billId }, accountant);
    },
    announces: ['purchasing.bill.registered.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: billId, data: { billId, netTotal: eur('40.00') } }),
  },
  makeSupplierPayment: {
    run: async (call) => {
      const bill = await registeredBill();
      billId = bill.billId;
      const data = await call<{ makeSupplierPayment: { id: string } }>(
        'mutation($input: MakeSupplierPaymentInput!) { makeSupplierPayment(input: $input) { id } }',
        {
          input: { supplierId: bill.supplierId, amount: eur('30'), method: 'BANK_TRANSFER', allocations: [{ billId, amount: eur('20') }] },
        },
        accountant,
      );
      paymentId = data.makeSupplierPayment.id;
    },
    announces: ['purchasing.payment.made.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: paymentId, data: { paymentId, amount: eur('30.00'), allocations: [{ billId, amount: eur('20.00') }] } }),
  },
  applySupplierPayment: {
    run: async (call) => {
      const bill = await registeredBill();
      billId = bill.billId;
      const made = await subgraph.gqlAs<{ makeSupplierPayment: { id: string } }>(
        accountant,
        'mutation($input: MakeSupplierPaymentInput!) { makeSupplierPayment(input: $input) { id } }',
        {
          input: { supplierId: bill.supplierId, amount: eur('50'), method: 'CASH' },
        },
      );
      paymentId = made.data!.makeSupplierPayment.id;
      await call(
        'mutation($id: ID!, $a: [SupplierPaymentAllocationInput!]!) { applySupplierPayment(id: $id, allocations: $a) { id } }',
        { id: paymentId, a: [{ billId, amount: eur('20') }] },
        accountant,
      );
    },
    announces: ['purchasing.payment.applied.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: paymentId, data: { paymentId, allocations: [{ billId, amount: eur('20.00') }] } }),
  },
  settleSupplierDebitNote: {
    run: async (call) => {
      // Billed 2 at 10 (+0 % tax), then 1 sent back: inventory's return makes a debit note of 10.00.
      const bill = await registeredBill();
      const em = subgraph.service.orm.em.fork();
      const [billed] = await em.getConnection().execute<{ purchase_order_id: string; purchase_order_line_id: string; receipt_id: string; receipt_line_id: string }[]>(
        `select b.purchase_order_id, l.purchase_order_line_id, r.receipt_id, r.id as receipt_line_id
             from supplier_bill b join supplier_bill_line l on l.bill_id = b.id join purchase_receipt_line r on r.purchase_order_line_id = l.purchase_order_line_id
            where b.id = ?`,
        [bill.billId],
      );
      await em.transactional((tx) =>
        recordSupplierReturn(tx, {
          supplierReturnId: randomUUID(),
          number: 'SR-EV',
          receiptId: billed!.receipt_id,
          receiptNumber: 'GR-EV',
          warehouseId: randomUUID(),
          purchaseOrderId: billed!.purchase_order_id,
          supplierId: bill.supplierId,
          reason: 'damaged',
          lines: [
            { receiptLineId: billed!.receipt_line_id, purchaseOrderLineId: billed!.purchase_order_line_id, productId: product.productId, quantity: '1', unitCost: eur('10') },
          ],
          returnedAt: new Date().toISOString(),
        }),
      );
      const [note] = await em
        .getConnection()
        .execute<{ id: string; gross_total: string }[]>('select id, gross_total from supplier_debit_note where supplier_id = ?', [bill.supplierId]);
      if (note?.gross_total !== '10.0000') throw new Error(`the return made no debit note of 10.00: ${JSON.stringify(note)}`);
      debitNoteId = note.id;
      billId = bill.billId;
      await call(
        'mutation($id: ID!, $i: SettleSupplierDebitNoteInput!) { settleSupplierDebitNote(id: $id, input: $i) { id } }',
        { id: debitNoteId, i: { allocations: [{ billId, amount: eur('6') }], refund: eur('4'), settledOn: '2026-12-08' } },
        accountant,
      );
    },
    announces: ['purchasing.debit-note.settled.v1'],
    check: ([event]) =>
      expect(event).toMatchObject({
        subject: debitNoteId,
        data: {
          debitNoteId,
          settlements: [
            { billId, amount: eur('6.00') },
            { billId: null, amount: eur('4.00') },
          ],
          settledOn: '2026-12-08',
        },
      }),
  },
  enterSupplierOpeningBalances: {
    run: async (call) => {
      supplierId = await createSupplier('Events Opening Balances');
      await call(
        'mutation($input: [SupplierOpeningBalanceInput!]!) { enterSupplierOpeningBalances(input: $input) { id } }',
        { input: [{ supplierId, reference: 'EV-OB-1', amount: eur('250'), billDate: '2026-11-01' }] },
        accountant,
      );
    },
    announces: ['purchasing.bill.registered.v1'],
    check: ([event]) => expect(event).toMatchObject({ data: { supplierId, purchaseOrderId: null, grossTotal: eur('250.00'), dueDate: '2026-12-01' } }),
  },
  sendPurchaseInquiry: {
    run: async (call) => {
      const supplier = await createSupplier('Events Inquiries');
      const data = await call<{ sendPurchaseInquiry: { id: string } }>(
        'mutation($input: SendPurchaseInquiryInput!) { sendPurchaseInquiry(input: $input) { id } }',
        { input: { supplierIds: [supplier], lines: [{ productId: product.productId, quantity: '4' }] } },
        buyer,
      );
      inquiryId = data.sendPurchaseInquiry.id;
    },
    announces: ['purchasing.inquiry.sent.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: inquiryId, data: { inquiryId, lines: [{ productId: product.productId, quantity: '4' }] } }),
  },
  recordPurchaseInquiryAnswer: {
    run: async (call) => {
      const inquiry = await answerableInquiry();
      await call(
        'mutation($input: RecordPurchaseInquiryAnswerInput!) { recordPurchaseInquiryAnswer(input: $input) { id } }',
        { input: { inquiryId: inquiry.id, supplierId: inquiry.supplierId, lines: [{ lineId: inquiry.lineId, unitPrice: eur('7'), leadTimeDays: 3 }] } },
        buyer,
      );
    },
    announces: ['purchasing.inquiry.answered.v2'],
    check: ([event]) => expect(event).toMatchObject({ subject: inquiryId, data: { inquiryId, lines: [{ unitPrice: eur('7.00'), leadTimeDays: 3 }] } }),
  },
  orderFromPurchaseInquiry: {
    run: async (call) => {
      const inquiry = await answerableInquiry();
      await subgraph.gqlAs(buyer, 'mutation($input: RecordPurchaseInquiryAnswerInput!) { recordPurchaseInquiryAnswer(input: $input) { id } }', {
        input: { inquiryId: inquiry.id, supplierId: inquiry.supplierId, lines: [{ lineId: inquiry.lineId, unitPrice: eur('7') }] },
      });
      await call(
        'mutation($id: ID!, $input: OrderFromPurchaseInquiryInput!) { orderFromPurchaseInquiry(id: $id, input: $input) { id } }',
        { id: inquiry.id, input: { choices: [{ lineId: inquiry.lineId, supplierId: inquiry.supplierId }] } },
        buyer,
      );
    },
    announces: ['purchasing.inquiry.closed.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: inquiryId, data: { inquiryId, chosen: [{ purchaseOrderId: expect.any(String) }] } }),
  },
  closePurchaseInquiry: {
    run: async (call) => {
      const inquiry = await answerableInquiry();
      await call('mutation($id: ID!) { closePurchaseInquiry(id: $id) { id } }', { id: inquiry.id }, buyer);
    },
    announces: ['purchasing.inquiry.closed.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject: inquiryId, data: { inquiryId, chosen: [] } }),
  },
};

/** An inquiry sent to one new supplier for one line. */
async function answerableInquiry(): Promise<{ id: string; supplierId: string; lineId: string }> {
  const supplierId = await createSupplier(`Events Inquiry ${randomUUID().slice(0, 6)}`);
  const sent = await subgraph.gqlAs<{ sendPurchaseInquiry: { id: string; lines: { id: string }[] } }>(
    buyer,
    'mutation($input: SendPurchaseInquiryInput!) { sendPurchaseInquiry(input: $input) { id lines { id } } }',
    { input: { supplierIds: [supplierId], lines: [{ productId: product.productId, quantity: '4' }] } },
  );
  inquiryId = sent.data!.sendPurchaseInquiry.id;
  return { id: inquiryId, supplierId, lineId: sent.data!.sendPurchaseInquiry.lines[0]!.id };
}

beforeAll(async () => {
  subgraph = await startTestSubgraph('purchasing', createPurchasingService);
  await seedCatalogue(subgraph, product);
});
afterAll(async () => subgraph?.stop());

describeEventCoverage('purchasing', () => subgraph, coverage, cases);
