import { randomUUID } from 'node:crypto';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, startTestSystem, type TestSystem } from './harness.js';

// Purchasing's working paths through the gateway, with inventory over real Kafka: a supplier's
// contacts and prices, approval limits and levels, a need split over the day's orders flagged
// SAME_DAY_SPLIT and approved by the purchasing head, a copy edited line by line, goods received
// late and on time (overdue receipts, delivery performance), a held bill released, an advance
// applied later, payables aged 31–60 and 61–90 days, spend by supplier, product and month, price
// history, the open orders, and an inquiry closed. One system for the file; each `it` builds on the one before.

let system: TestSystem;
let clerk = '';
let buyer = '';
let director = '';
let accountant = '';
let head = { id: '', token: '' };
let productId = '';
let warehouseId = '';
let supplierId = '';
const orders = { onTime: { id: '', lineId: '' }, late: { id: '', lineId: '' }, split: { id: '', lineId: '' } };
const bills = { held: '', older: '' };

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const PO = 'id number status approvalReason approvalAmount { amount } copiedFrom { id } lines { id quantity unitPrice { amount } }';
type Po = {
  id: string;
  number: string;
  status: string;
  approvalReason: string | null;
  approvalAmount: { amount: string } | null;
  copiedFrom: { id: string } | null;
  lines: { id: string; quantity: string; unitPrice: { amount: string } }[];
};

const createPo = async (quantity: string, price: string, expectedDate?: string): Promise<Po> =>
  (
    await system.must<{ createPurchaseOrder: Po }>(buyer, `mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { ${PO} } }`, {
      i: { supplierId, warehouseId, lines: [{ productId, quantity, unitPrice: eur(price), ...(expectedDate ? { expectedDate } : {}) }] },
    })
  ).createPurchaseOrder;
const act = async (token: string, mutation: string, id: string): Promise<Po> =>
  (await system.must<Record<string, Po>>(token, `mutation($id: ID!) { ${mutation}(id: $id) { ${PO} } }`, { id }))[mutation]!;

/** Receives `quantity` of an order's line in inventory once inventory expects it, then waits for purchasing to learn it. */
async function receive(order: { id: string; lineId: string }, quantity: string, status: string): Promise<void> {
  await waitFor(
    async () => {
      const { expectedReceipts } = await system.must<{ expectedReceipts: { edges: unknown[] } }>(
        clerk,
        'query($f: ExpectedReceiptFilter) { expectedReceipts(filter: $f) { edges { node { id } } } }',
        { f: { purchaseOrderId: order.id, open: true } },
      );
      return expectedReceipts.edges.length ? true : undefined;
    },
    { what: 'inventory to expect the approved order' },
  );
  await system.must(clerk, 'mutation($i: ReceiveGoodsInput!) { receiveGoods(input: $i) { id } }', {
    i: { purchaseOrderId: order.id, warehouseId, lines: [{ purchaseOrderLineId: order.lineId, quantity }] },
  });
  await waitFor(
    async () => {
      const { purchaseOrder } = await system.must<{ purchaseOrder: { status: string } }>(buyer, 'query($id: ID!) { purchaseOrder(id: $id) { status } }', { id: order.id });
      return purchaseOrder.status === status ? true : undefined;
    },
    { what: `purchasing to learn the receipt (${status})` },
  );
}

beforeAll(async () => {
  system = await startTestSystem('purchasing-analysis');
  const user = (role: string) => system.createUser({ email: `${role.toLowerCase()}-${randomUUID().slice(0, 6)}@rapport.example`, role });
  const [c, b, d, a, h] = await Promise.all(['WAREHOUSE_CLERK', 'BUYER', 'DIRECTOR', 'ACCOUNTANT', 'BUYER'].map(user));
  [clerk, buyer, director, accountant] = [c!.token, b!.token, d!.token, a!.token];
  head = h!;
  const made = await system.must<{ createProduct: { id: string }; createWarehouse: { id: string } }>(
    clerk,
    `mutation {
      createProduct(input: { sku: "PA-FLANGE", name: "Flange DN80", listPrice: { amount: "150", currency: "EUR" }, standardCost: { amount: "90", currency: "EUR" } }) { id }
      createWarehouse(input: { code: "PA-HAM", name: "Hamburg" }) { id }
    }`,
  );
  productId = made.createProduct.id;
  warehouseId = made.createWarehouse.id;
  supplierId = (
    await system.must<{ createSupplier: { id: string } }>(buyer, 'mutation { createSupplier(input: { name: "Flansche Nord GmbH", currency: "EUR", paymentTermsDays: 30 }) { id } }')
  ).createSupplier.id;
}, 240_000);
afterAll(async () => system?.stop());

describe('a supplier', () => {
  it('gets a contact and prices; a price is deleted', async () => {
    const contact = await system.must<{ addSupplierContact: { name: string; email: string } }>(
      buyer,
      'mutation($s: ID!, $i: SupplierContactInput!) { addSupplierContact(supplierId: $s, input: $i) { name email } }',
      { s: supplierId, i: { name: 'Frauke Flansch', position: 'Sales', email: 'frauke@flansche.example' } },
    );
    expect(contact.addSupplierContact).toEqual({ name: 'Frauke Flansch', email: 'frauke@flansche.example' });
    const { supplier } = await system.must<{ supplier: { contacts: { name: string }[] } }>(buyer, 'query($id: ID!) { supplier(id: $id) { contacts { name } } }', {
      id: supplierId,
    });
    expect(supplier.contacts).toEqual([{ name: 'Frauke Flansch' }]);

    // Purchasing learns the product from inventory's event: until then the price is refused.
    const setPrice = (price: string, minimumQuantity: string) =>
      system.as<{ setSupplierPrice: { id: string } }>(buyer, 'mutation($i: SetSupplierPriceInput!) { setSupplierPrice(input: $i) { id } }', {
        i: { supplierId, productId, price: eur(price), minimumQuantity, leadTimeDays: 7 },
      });
    const first = await waitFor(async () => (await setPrice('95', '0')).data?.setSupplierPrice.id, { what: 'purchasing to learn the product' });
    const bulk = (await setPrice('90', '100')).data!.setSupplierPrice.id;
    const prices = async () =>
      (
        await system.must<{ supplierPrices: { id: string; price: { amount: string }; minimumQuantity: string }[] }>(
          buyer,
          'query($s: ID, $p: ID) { supplierPrices(supplierId: $s, productId: $p) { id price { amount } minimumQuantity } }',
          { s: supplierId, p: productId },
        )
      ).supplierPrices;
    expect((await prices()).map((p) => p.id).sort()).toEqual([first, bulk].sort());
    const deleted = await system.must<{ deleteSupplierPrice: { id: string } }>(buyer, 'mutation($id: ID!) { deleteSupplierPrice(id: $id) { id } }', { id: bulk });
    expect(deleted.deleteSupplierPrice.id).toBe(bulk);
    expect(await prices()).toEqual([{ id: first, price: { amount: '95.00' }, minimumQuantity: '0' }]);
  });
});

describe('approval', () => {
  it('lists and sets limits and levels; flags the day’s orders to one supplier summed above the limit, which the purchasing head approves', async () => {
    const limit = await system.must<{ setApprovalLimit: { level: string; maxAmount: { amount: string } } }>(
      director,
      'mutation { setApprovalLimit(level: BUYER, maxAmount: { amount: "3000", currency: "EUR" }) { level maxAmount { amount } } }',
    );
    expect(limit.setApprovalLimit).toEqual({ level: 'BUYER', maxAmount: { amount: '3000.00' } });
    const { approvalLimits } = await system.must<{ approvalLimits: { level: string; maxAmount: { amount: string } | null }[] }>(
      buyer,
      '{ approvalLimits { level maxAmount { amount } } }',
    );
    expect(approvalLimits).toEqual([
      { level: 'BUYER', maxAmount: { amount: '3000.00' } },
      { level: 'DIRECTOR', maxAmount: null },
      { level: 'PURCHASING_HEAD', maxAmount: { amount: '50000.00' } },
    ]);
    const level = await system.must<{ setApproverLevel: { userId: string; level: string } }>(
      director,
      'mutation($u: ID!) { setApproverLevel(userId: $u, level: PURCHASING_HEAD) { userId level } }',
      {
        u: head.id,
      },
    );
    expect(level.setApproverLevel).toEqual({ userId: head.id, level: 'PURCHASING_HEAD' });

    // 1,000 on time (expected in ten days) and 1,500 expected five days ago: 2,500 within the buyer's 3,000.
    const onTime = await act(buyer, 'submitPurchaseOrder', (await createPo('10', '100', day(10))).id);
    expect(onTime).toMatchObject({ status: 'APPROVED', approvalReason: 'WITHIN_LIMIT' });
    const late = await act(buyer, 'submitPurchaseOrder', (await createPo('1', '1500', day(-5))).id);
    expect(late).toMatchObject({ status: 'APPROVED', approvalReason: 'WITHIN_LIMIT' });
    // A third 1,000 the same day makes 3,500: within the limit alone, flagged as a split need.
    const split = await act(buyer, 'submitPurchaseOrder', (await createPo('1', '1000')).id);
    expect(split).toMatchObject({ status: 'AWAITING_APPROVAL', approvalReason: 'SAME_DAY_SPLIT', approvalAmount: { amount: '3500.00' } });
    expect(await act(head.token, 'approvePurchaseOrder', split.id)).toMatchObject({ status: 'APPROVED' });
    orders.onTime = { id: onTime.id, lineId: onTime.lines[0]!.id };
    orders.late = { id: late.id, lineId: late.lines[0]!.id };
    orders.split = { id: split.id, lineId: split.lines[0]!.id };
  });

  it('copies an order as a draft, whose lines are added and removed', async () => {
    const copy = await act(buyer, 'copyPurchaseOrder', orders.onTime.id);
    expect(copy).toMatchObject({ status: 'DRAFT', copiedFrom: { id: orders.onTime.id }, lines: [{ quantity: '10', unitPrice: { amount: '100.00' } }] });
    const added = await system.must<{ addPurchaseOrderLine: Po }>(buyer, `mutation($id: ID!, $l: PurchaseOrderLineInput!) { addPurchaseOrderLine(id: $id, line: $l) { ${PO} } }`, {
      id: copy.id,
      l: { productId, quantity: '3' },
    });
    // Without a price the supplier's best for the quantity is taken (95.00).
    expect(added.addPurchaseOrderLine.lines.map((l) => [l.quantity, l.unitPrice.amount])).toEqual([
      ['10', '100.00'],
      ['3', '95.00'],
    ]);
    const removed = await system.must<{ removePurchaseOrderLine: Po }>(buyer, `mutation($id: ID!, $l: ID!) { removePurchaseOrderLine(id: $id, lineId: $l) { ${PO} } }`, {
      id: copy.id,
      l: copy.lines[0]!.id,
    });
    expect(removed.removePurchaseOrderLine.lines.map((l) => l.quantity)).toEqual(['3']);
  });
});

describe('receipts', () => {
  it('lists the late line as overdue until it comes; rates delivery on time per supplier', async () => {
    const overdue = async () => (await system.must<{ overdueReceipts: { id: string }[] }>(buyer, '{ overdueReceipts { id } }')).overdueReceipts.map((l) => l.id);
    expect(await overdue()).toEqual([orders.late.lineId]);
    await receive(orders.onTime, '10', 'RECEIVED');
    await receive(orders.late, '1', 'RECEIVED');
    expect(await overdue()).toEqual([]);
    const { supplierDeliveryPerformance } = await system.must<{
      supplierDeliveryPerformance: { supplier: { id: string }; delivered: number; onTime: number; onTimeRate: string }[];
    }>(buyer, '{ supplierDeliveryPerformance { supplier { id } delivered onTime onTimeRate } }');
    expect(supplierDeliveryPerformance).toEqual([{ supplier: { id: supplierId }, delivered: 2, onTime: 1, onTimeRate: '50.00' }]);
    // The open orders in one list: the split order still expects its goods; the received ones and the draft copy are not open.
    const { purchaseOrders } = await system.must<{ purchaseOrders: { edges: { node: { id: string; status: string } }[] } }>(
      buyer,
      'query($s: ID) { purchaseOrders(filter: { supplierId: $s, statuses: [AWAITING_APPROVAL, APPROVED, PARTLY_RECEIVED] }) { edges { node { id status } } } }',
      { s: supplierId },
    );
    expect(purchaseOrders.edges.map((e) => e.node)).toEqual([{ id: orders.split.id, status: 'APPROVED' }]);
  });
});

describe('bills and payments', () => {
  const register = 'mutation($i: RegisterSupplierBillInput!) { registerSupplierBill(input: $i) { id status holdReasons } }';

  it('holds a bill at another price until accounting releases it', async () => {
    const held = await system.must<{ registerSupplierBill: { id: string; status: string; holdReasons: string[] } }>(buyer, register, {
      i: {
        purchaseOrderId: orders.onTime.id,
        supplierReference: 'FN-1',
        billDate: day(-75),
        lines: [{ purchaseOrderLineId: orders.onTime.lineId, quantity: '5', unitPrice: eur('110') }],
      },
    });
    expect(held.registerSupplierBill).toMatchObject({ status: 'HELD', holdReasons: ['PRICE_DIFFERENCE'] });
    bills.held = held.registerSupplierBill.id;
    const released = await system.must<{ releaseSupplierBill: { status: string } }>(accountant, 'mutation($id: ID!) { releaseSupplierBill(id: $id) { status } }', {
      id: bills.held,
    });
    expect(released.releaseSupplierBill.status).toBe('OPEN');
    const older = await system.must<{ registerSupplierBill: { id: string; status: string } }>(buyer, register, {
      i: {
        purchaseOrderId: orders.onTime.id,
        supplierReference: 'FN-2',
        billDate: day(-100),
        lines: [{ purchaseOrderLineId: orders.onTime.lineId, quantity: '5', unitPrice: eur('100') }],
      },
    });
    expect(older.registerSupplierBill.status).toBe('OPEN');
    bills.older = older.registerSupplierBill.id;
  });

  it('applies an advance later, lists the payments, and ages what is owed 31–60 and 61–90 days', async () => {
    const advance = await system.must<{ makeSupplierPayment: { id: string; unallocated: { amount: string } } }>(
      accountant,
      'mutation($i: MakeSupplierPaymentInput!) { makeSupplierPayment(input: $i) { id unallocated { amount } } }',
      { i: { supplierId, amount: eur('200'), method: 'BANK_TRANSFER', bankAccount: 'DE02 1203 0000 0000 2020 51' } },
    );
    expect(advance.makeSupplierPayment.unallocated.amount).toBe('200.00');
    const applied = await system.must<{ applySupplierPayment: { unallocated: { amount: string }; allocations: { bill: { id: string }; amount: { amount: string } }[] } }>(
      accountant,
      'mutation($id: ID!, $a: [SupplierPaymentAllocationInput!]!) { applySupplierPayment(id: $id, allocations: $a) { unallocated { amount } allocations { bill { id } amount { amount } } } }',
      { id: advance.makeSupplierPayment.id, a: [{ billId: bills.older, amount: eur('200') }] },
    );
    expect(applied.applySupplierPayment).toEqual({ unallocated: { amount: '0.00' }, allocations: [{ bill: { id: bills.older }, amount: { amount: '200.00' } }] });
    const { supplierPayments } = await system.must<{ supplierPayments: { id: string; amount: { amount: string }; method: string; unallocated: { amount: string } }[] }>(
      accountant,
      'query($s: ID) { supplierPayments(supplierId: $s) { id amount { amount } method unallocated { amount } } }',
      { s: supplierId },
    );
    expect(supplierPayments).toEqual([{ id: advance.makeSupplierPayment.id, amount: { amount: '200.00' }, method: 'BANK_TRANSFER', unallocated: { amount: '0.00' } }]);
    // The held bill (550.00) was due 45 days ago; the older one (500.00 less 200.00) 70 days ago.
    const { supplierPayables } = await system.must<{ supplierPayables: Record<string, { amount: string }>[] }>(
      accountant,
      'query($s: ID) { supplierPayables(supplierId: $s) { open { amount } notDue { amount } days1To30 { amount } days31To60 { amount } days61To90 { amount } over90 { amount } advances { amount } owed { amount } } }',
      { s: supplierId },
    );
    expect(supplierPayables).toEqual([
      {
        open: { amount: '850.00' },
        notDue: { amount: '0.00' },
        days1To30: { amount: '0.00' },
        days31To60: { amount: '550.00' },
        days61To90: { amount: '300.00' },
        over90: { amount: '0.00' },
        advances: { amount: '0.00' },
        owed: { amount: '850.00' },
      },
    ]);
  });
});

describe('analysis', () => {
  it('sums spend by supplier, product and month, and lists the prices ordered at', async () => {
    const spend = async (by: string) =>
      (
        await system.must<{
          purchaseSpend: { supplier: { id: string } | null; productId: string | null; month: string | null; net: { amount: string }; quantity: string | null }[];
        }>(accountant, 'query($by: SpendGrouping!) { purchaseSpend(by: $by) { supplier { id } productId month net { amount } quantity } }', { by })
      ).purchaseSpend;
    expect(await spend('SUPPLIER')).toEqual([{ supplier: { id: supplierId }, productId: null, month: null, net: { amount: '1050.00' }, quantity: null }]);
    expect(await spend('PRODUCT')).toEqual([{ supplier: null, productId, month: null, net: { amount: '1050.00' }, quantity: '10' }]);
    const [held, older] = [day(-75).slice(0, 7), day(-100).slice(0, 7)];
    const months =
      held === older
        ? [[older, '1050.00']]
        : [
            [older, '500.00'],
            [held, '550.00'],
          ];
    expect((await spend('MONTH')).map((r) => [r.month, r.net.amount])).toEqual(months);

    const { purchasePriceHistory } = await system.must<{ purchasePriceHistory: { supplier: { id: string }; unitPrice: { amount: string }; quantity: string }[] }>(
      buyer,
      'query($p: ID!, $s: ID) { purchasePriceHistory(productId: $p, supplierId: $s) { supplier { id } unitPrice { amount } quantity } }',
      { p: productId, s: supplierId },
    );
    // Approved orders only, oldest approval first: the copy (a draft) is not among them.
    expect(purchasePriceHistory.map((p) => [p.unitPrice.amount, p.quantity])).toEqual([
      ['100.00', '10'],
      ['1500.00', '1'],
      ['1000.00', '1'],
    ]);
  });
});

describe('inquiries', () => {
  it('are closed when given up', async () => {
    const sent = await system.must<{ sendPurchaseInquiry: { id: string; status: string } }>(
      buyer,
      'mutation($i: SendPurchaseInquiryInput!) { sendPurchaseInquiry(input: $i) { id status } }',
      { i: { supplierIds: [supplierId], lines: [{ productId, quantity: '50' }] } },
    );
    expect(sent.sendPurchaseInquiry.status).toBe('SENT');
    const closed = await system.must<{ closePurchaseInquiry: { status: string } }>(buyer, 'mutation($id: ID!) { closePurchaseInquiry(id: $id) { status } }', {
      id: sent.sendPurchaseInquiry.id,
    });
    expect(closed.closePurchaseInquiry.status).toBe('CLOSED');
  });
});
