import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { formatAmount, unitsOf } from '@rapport/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurchasingService } from '../../create-purchasing-service.js';
import { seedWarehouse } from '../warehouse-copy/warehouse-copy.testing.js';
import { recordReceipt } from '../order/receipt.consumer.js';
import { as, createPo, createSupplier, must, outboxOf, poMutation, productSnapshot, seedCatalogue, type PoView } from '../order/order.testing.js';

let subgraph: TestSubgraph;
const buyer = as('BUYER');
const accountant = as('ACCOUNTANT');
const warehouseId = randomUUID();
const valve = productSnapshot({ name: 'Valve' });
const seal = productSnapshot({ name: 'Seal' });

const BILL = `id number status supplierId dueDate holdReasons netTotal { amount currency } taxTotal { amount } grossTotal { amount } paidTotal { amount } openAmount { amount }
  lines { purchaseOrderLineId quantity unitPrice { amount } orderedPrice { amount } issue issues }`;
interface BillView {
  id: string;
  number: string;
  status: string;
  dueDate: string;
  holdReasons: string[];
  grossTotal: { amount: string };
  paidTotal: { amount: string };
  openAmount: { amount: string };
  lines: { issue: string | null; issues: string[] }[];
}
const register = 'mutation($input: RegisterSupplierBillInput!) { registerSupplierBill(input: $input) { ' + BILL + ' } }';
const pay = 'mutation($input: MakeSupplierPaymentInput!) { makeSupplierPayment(input: $input) { id unallocated { amount } allocations { billId amount { amount } } } }';
const apply =
  'mutation($id: ID!, $a: [SupplierPaymentAllocationInput!]!) { applySupplierPayment(id: $id, allocations: $a) { id unallocated { amount } allocations { billId amount { amount } } } }';
const payables =
  'query($on: String, $s: ID) { supplierPayables(on: $on, supplierId: $s) { supplierId open { amount currency } notDue { amount } days1To30 { amount } over90 { amount } advances { amount } owed { amount } held { amount } } }';
const errorOf = async (principal: TestPrincipal, query: string, variables: Record<string, unknown>) => (await subgraph.gqlAs(principal, query, variables)).errors?.[0]?.extensions;
const eur = (amount: string) => ({ amount, currency: 'EUR' });

/** An approved order with `lines`, and inventory's receipt of `received` of each line (as its event handler records it). */
async function receivedOrder(supplierId: string, lines: { productId: string; quantity: string; price: string }[], received: string[]): Promise<PoView> {
  const po = await createPo(subgraph, buyer, {
    supplierId,
    warehouseId,
    lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: eur(l.price), taxRate: '19' })),
  });
  const sent = (await must<{ submitPurchaseOrder: PoView }>(subgraph, buyer, poMutation('submitPurchaseOrder'), { id: po.id })).submitPurchaseOrder;
  if (sent.status !== 'APPROVED') await must(subgraph, as('DIRECTOR'), poMutation('approvePurchaseOrder'), { id: po.id });
  await subgraph.service.orm.em.fork().transactional((tx) =>
    recordReceipt(tx, {
      receiptId: randomUUID(),
      number: 'GR-1',
      warehouseId,
      purchaseOrderId: po.id,
      supplierId,
      lines: po.lines.map((l, i) => ({ purchaseOrderLineId: l.id, productId: l.productId, quantity: received[i]!, unitCost: eur('1') })).filter((l) => l.quantity !== '0'),
      receivedAt: new Date().toISOString(),
    }),
  );
  return po;
}

let supplierId = '';
let po: PoView;

beforeAll(async () => {
  subgraph = await startTestSubgraph('purchasing', createPurchasingService);
  await seedCatalogue(subgraph, valve, seal);
  // Orders name the warehouse: purchasing must know it from inventory.
  await seedWarehouse(subgraph, { id: warehouseId });
  supplierId = await createSupplier(subgraph, buyer, 'Billing Valves GmbH', 'EUR', 30);
  po = await receivedOrder(
    supplierId,
    [
      { productId: valve.productId, quantity: '10', price: '100' },
      { productId: seal.productId, quantity: '5', price: '20' },
    ],
    ['6', '5'],
  );
});
afterAll(async () => subgraph?.stop());

describe('supplier bills: three-way match', () => {
  it('refuses billing more than was received, naming the line’s quantity, and writes nothing', async () => {
    const input = {
      purchaseOrderId: po.id,
      supplierReference: 'INV-OVER',
      billDate: '2026-12-01',
      lines: [{ purchaseOrderLineId: po.lines[0]!.id, quantity: '7', unitPrice: eur('100') }],
    };
    expect(await errorOf(buyer, register, { input })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines.0.quantity', reason: 'BILLED_MORE_THAN_RECEIVED' });
    expect(await errorOf(buyer, register, { input: { ...input, lines: [{ ...input.lines[0], quantity: '1', unitPrice: { amount: '100', currency: 'USD' } }] } })).toMatchObject({
      field: 'input.lines.0.unitPrice.currency',
    });
    expect(await errorOf(buyer, register, { input: { ...input, purchaseOrderId: randomUUID() } })).toMatchObject({ code: 'NOT_FOUND', field: 'input.purchaseOrderId' });
    const [row] = await subgraph.service.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from supplier_bill');
    expect(row!.n).toBe(0);
    const state = await must<{ purchaseOrder: { billingStatus: string } }>(subgraph, buyer, 'query($id: ID!) { purchaseOrder(id: $id) { billingStatus } }', { id: po.id });
    expect(state.purchaseOrder.billingStatus).toBe('NOT_BILLED');
  });

  it('registers a matching bill (price within the tolerance), due after the supplier’s terms, announced, billed quantities counted', async () => {
    const bill = (
      await must<{ registerSupplierBill: BillView }>(subgraph, buyer, register, {
        input: {
          purchaseOrderId: po.id,
          supplierReference: 'INV-1',
          billDate: '2026-12-01',
          lines: [
            { purchaseOrderLineId: po.lines[0]!.id, quantity: '4', unitPrice: eur('101') },
            { purchaseOrderLineId: po.lines[1]!.id, quantity: '5', unitPrice: eur('20') },
          ],
        },
      })
    ).registerSupplierBill;
    expect(bill).toMatchObject({ status: 'OPEN', dueDate: '2026-12-31', holdReasons: [], grossTotal: { amount: '599.76' }, openAmount: { amount: '599.76' } });
    expect(bill.number).toMatch(/^BILL-\d{6}$/);
    const events = await outboxOf(subgraph, bill.id);
    expect(events.map((e) => e.type)).toEqual(['purchasing.bill.registered.v1']);
    expect(events[0]!.payload.data).toMatchObject({
      billId: bill.id,
      purchaseOrderId: po.id,
      netTotal: eur('504.00'),
      taxTotal: eur('95.76'),
      grossTotal: eur('599.76'),
      dueDate: '2026-12-31',
    });
    const order = await must<{ purchaseOrder: PoView & { billingStatus: string } }>(
      subgraph,
      buyer,
      'query($id: ID!) { purchaseOrder(id: $id) { billingStatus lines { billedQuantity } } }',
      { id: po.id },
    );
    expect(order.purchaseOrder.lines.map((l) => l.billedQuantity)).toEqual(['4', '5']);
    expect(order.purchaseOrder.billingStatus).toBe('PARTLY_BILLED');
    // Billed 4 of 6 received: 3 more is more than received.
    expect(
      await errorOf(buyer, register, {
        input: {
          purchaseOrderId: po.id,
          supplierReference: 'INV-2',
          billDate: '2026-12-02',
          lines: [{ purchaseOrderLineId: po.lines[0]!.id, quantity: '3', unitPrice: eur('100') }],
        },
      }),
    ).toMatchObject({ field: 'input.lines.0.quantity', reason: 'BILLED_MORE_THAN_RECEIVED' });
    expect(
      await errorOf(buyer, register, {
        input: {
          purchaseOrderId: po.id,
          supplierReference: 'inv-1',
          billDate: '2026-12-02',
          lines: [{ purchaseOrderLineId: po.lines[0]!.id, quantity: '1', unitPrice: eur('100') }],
        },
      }),
    ).toMatchObject({ field: 'input.supplierReference', reason: 'DUPLICATE_BILL' });
  });

  it('holds a bill whose price differs beyond the tolerance; not payable until released by someone else allowed to', async () => {
    const held = (
      await must<{ registerSupplierBill: BillView }>(subgraph, buyer, register, {
        input: {
          purchaseOrderId: po.id,
          supplierReference: 'INV-3',
          billDate: '2026-12-02',
          lines: [{ purchaseOrderLineId: po.lines[0]!.id, quantity: '2', unitPrice: eur('110') }],
        },
      })
    ).registerSupplierBill;
    expect(held).toMatchObject({ status: 'HELD', holdReasons: ['PRICE_DIFFERENCE'], lines: [{ issue: 'PRICE_DIFFERENCE', issues: ['PRICE_DIFFERENCE'] }] });
    expect(await outboxOf(subgraph, held.id)).toEqual([]);
    expect(
      await errorOf(accountant, pay, { input: { supplierId, amount: eur('10'), method: 'BANK_TRANSFER', allocations: [{ billId: held.id, amount: eur('10') }] } }),
    ).toMatchObject({
      field: 'input.allocations.0.billId',
      reason: 'BILL_ON_HOLD',
    });
    const release = 'mutation($id: ID!) { releaseSupplierBill(id: $id) { status } }';
    expect(await errorOf(buyer, release, { id: held.id })).toMatchObject({ field: 'id', reason: 'SELF_APPROVAL' });
    expect(await errorOf(as('BUYER'), release, { id: held.id })).toMatchObject({ code: 'FORBIDDEN', reason: 'BILL_RELEASE_FORBIDDEN' });
    expect((await must<{ releaseSupplierBill: { status: string } }>(subgraph, accountant, release, { id: held.id })).releaseSupplierBill.status).toBe('OPEN');
    expect((await outboxOf(subgraph, held.id)).map((e) => e.type)).toEqual(['purchasing.bill.registered.v1']);
    expect(await errorOf(accountant, release, { id: held.id })).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('supplier bills: more billed than ordered', () => {
  // Inventory received 10.5 of 10 ordered (within its tolerance): billing the received 10.5 bills more than was ordered.
  let over: PoView;
  beforeAll(async () => {
    const supplier = await createSupplier(subgraph, buyer, 'Over Delivery GmbH', 'EUR', 30);
    over = await receivedOrder(
      supplier,
      [
        { productId: valve.productId, quantity: '10', price: '100' },
        { productId: seal.productId, quantity: '10', price: '20' },
      ],
      ['10.5', '10.5'],
    );
  });
  const billOf = async (reference: string, lines: { line: number; quantity: string; price: string }[]) =>
    (
      await must<{ registerSupplierBill: BillView }>(subgraph, buyer, register, {
        input: {
          purchaseOrderId: over.id,
          supplierReference: reference,
          billDate: '2026-12-02',
          lines: lines.map((l) => ({ purchaseOrderLineId: over.lines[l.line]!.id, quantity: l.quantity, unitPrice: eur(l.price) })),
        },
      })
    ).registerSupplierBill;

  it('holds a bill for more than was ordered (but received) at the ordered price: QUANTITY_ABOVE_ORDERED, not announced', async () => {
    const held = await billOf('OVER-1', [{ line: 0, quantity: '10.5', price: '100' }]);
    expect(held).toMatchObject({
      status: 'HELD',
      holdReasons: ['QUANTITY_ABOVE_ORDERED'],
      lines: [{ quantity: '10.5', issue: 'QUANTITY_ABOVE_ORDERED', issues: ['QUANTITY_ABOVE_ORDERED'] }],
    });
    expect(await outboxOf(subgraph, held.id)).toEqual([]);
  });

  it('records both reasons when one line differs in quantity and in price', async () => {
    // The seal line: 10.5 of 10 ordered, at 25.00 instead of 20.00.
    const both = await billOf('OVER-2', [{ line: 1, quantity: '10.5', price: '25' }]);
    expect(both).toMatchObject({
      status: 'HELD',
      holdReasons: ['PRICE_DIFFERENCE', 'QUANTITY_ABOVE_ORDERED'],
      lines: [{ issue: 'PRICE_DIFFERENCE', issues: ['PRICE_DIFFERENCE', 'QUANTITY_ABOVE_ORDERED'] }],
    });
  });
});

describe('supplier payments and payables', () => {
  it('pays bills partly, refuses paying more than owed or in another currency, keeps the rest as an advance applied later, and ages what is owed', async () => {
    const bills = (await must<{ supplierBills: BillView[] }>(subgraph, accountant, `query($s: ID) { supplierBills(filter: { supplierId: $s }) { ${BILL} } }`, { s: supplierId }))
      .supplierBills;
    const [second, first] = bills; // newest first
    expect(first!.grossTotal.amount).toBe('599.76');
    expect(second!.grossTotal.amount).toBe('261.80');

    expect(
      await errorOf(accountant, pay, { input: { supplierId, amount: eur('1000'), method: 'BANK_TRANSFER', allocations: [{ billId: first!.id, amount: eur('599.77') }] } }),
    ).toMatchObject({
      field: 'input.allocations.0.amount',
      reason: 'PAYING_MORE_THAN_OWED',
    });
    expect(await errorOf(accountant, pay, { input: { supplierId, amount: { amount: '10', currency: 'USD' }, method: 'CASH' } })).toMatchObject({ field: 'input.amount.currency' });
    expect(await errorOf(accountant, pay, { input: { supplierId, amount: eur('10'), method: 'CASH', allocations: [{ billId: first!.id, amount: eur('11') }] } })).toMatchObject({
      field: 'input.allocations',
      reason: 'ALLOCATED_MORE_THAN_PAID',
    });

    const partial = await must<{ makeSupplierPayment: { id: string; unallocated: { amount: string } } }>(subgraph, accountant, pay, {
      input: { supplierId, amount: eur('300'), method: 'BANK_TRANSFER', bankAccount: 'DE89 3704 0044 0532 0130 00', allocations: [{ billId: first!.id, amount: eur('300') }] },
    });
    expect(partial.makeSupplierPayment.unallocated.amount).toBe('0.00');
    const events = await outboxOf(subgraph, partial.makeSupplierPayment.id);
    expect(events.map((e) => e.type)).toEqual(['purchasing.payment.made.v1']);
    expect(events[0]!.payload.data).toMatchObject({ supplierId, amount: eur('300.00'), allocations: [{ billId: first!.id, amount: eur('300.00') }] });

    const advance = await must<{ makeSupplierPayment: { id: string; unallocated: { amount: string } } }>(subgraph, accountant, pay, {
      input: { supplierId, amount: eur('500'), method: 'CHEQUE', paidOn: '2026-12-03' },
    });
    expect(advance.makeSupplierPayment.unallocated.amount).toBe('500.00');
    let owed = (await must<{ supplierPayables: Record<string, { amount: string }>[] }>(subgraph, accountant, payables, { on: '2026-12-05', s: supplierId })).supplierPayables;
    expect(owed).toEqual([
      {
        supplierId,
        open: eur('561.56'),
        notDue: { amount: '561.56' },
        days1To30: { amount: '0.00' },
        over90: { amount: '0.00' },
        advances: { amount: '500.00' },
        owed: { amount: '61.56' },
        held: { amount: '0.00' },
      },
    ]);

    expect(
      await errorOf(accountant, apply, {
        id: advance.makeSupplierPayment.id,
        a: [
          { billId: first!.id, amount: eur('299.76') },
          { billId: second!.id, amount: eur('200.25') },
        ],
      }),
    ).toMatchObject({
      field: 'allocations',
      reason: 'ALLOCATED_MORE_THAN_PAID',
    });
    const applied = await must<{ applySupplierPayment: { unallocated: { amount: string } } }>(subgraph, accountant, apply, {
      id: advance.makeSupplierPayment.id,
      a: [
        { billId: first!.id, amount: eur('299.76') },
        { billId: second!.id, amount: eur('200.24') },
      ],
    });
    expect(applied.applySupplierPayment.unallocated.amount).toBe('0.00');
    expect((await outboxOf(subgraph, advance.makeSupplierPayment.id)).map((e) => e.type)).toEqual(['purchasing.payment.made.v1', 'purchasing.payment.applied.v1']);
    const after = (await must<{ supplierBills: BillView[] }>(subgraph, accountant, `query($s: ID) { supplierBills(filter: { supplierId: $s }) { ${BILL} } }`, { s: supplierId }))
      .supplierBills;
    expect(after.map((b) => [b.status, b.openAmount.amount])).toEqual([
      ['PARTLY_PAID', '61.56'],
      ['PAID', '0.00'],
    ]);
    owed = (await must<{ supplierPayables: Record<string, { amount: string }>[] }>(subgraph, accountant, payables, { on: '2027-04-15', s: supplierId })).supplierPayables;
    expect(owed[0]).toMatchObject({ open: eur('61.56'), over90: { amount: '61.56' }, advances: { amount: '0.00' }, owed: { amount: '61.56' } });
  });

  it('leaves no difference to the cent between billed, paid and owed over random bills and payments', async () => {
    let seed = 20261205;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const supplier = await createSupplier(subgraph, buyer, 'Random Bills GmbH', 'EUR', 14);
    const director = as('DIRECTOR');
    const billIds: string[] = [];
    const orderIds: string[] = [];
    for (let b = 0; b < 6; b++) {
      const quantity = `${1 + random(9)}.${random(1000)}`;
      const price = `${random(500)}.${String(random(10000)).padStart(4, '0')}`;
      const order = await receivedOrder(supplier, [{ productId: valve.productId, quantity, price }], [quantity]);
      const bill = await must<{ registerSupplierBill: BillView }>(subgraph, director, register, {
        input: {
          purchaseOrderId: order.id,
          supplierReference: `R-${b}`,
          billDate: '2026-12-01',
          lines: [{ purchaseOrderLineId: order.lines[0]!.id, quantity, unitPrice: eur(price) }],
        },
      });
      billIds.push(bill.registerSupplierBill.id);
      orderIds.push(order.id);
    }
    let paid = 0n;
    for (let p = 0; p < 12; p++) {
      const bills = (await must<{ supplierBills: BillView[] }>(subgraph, accountant, `query($s: ID) { supplierBills(filter: { supplierId: $s }) { ${BILL} } }`, { s: supplier }))
        .supplierBills;
      const target = bills[random(bills.length)]!;
      const open = unitsOf(target.openAmount.amount, 4);
      if (open === 0n) continue;
      const part = BigInt(1 + random(Number(open)));
      const extra = BigInt(random(3)) * 10000n;
      const amount = formatAmount(part + extra);
      await must(subgraph, accountant, pay, {
        input: { supplierId: supplier, amount: eur(amount), method: 'BANK_TRANSFER', allocations: [{ billId: target.id, amount: eur(formatAmount(part)) }] },
      });
      paid += part + extra;
    }
    const [row] = await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute<{ billed: string; settled: string; paid: string; unallocated: string; allocated: string }[]>(
        `select (select sum(gross_total) from supplier_bill where supplier_id = ?) as billed,
                (select coalesce(sum(paid_total), 0) from supplier_bill where supplier_id = ?) as settled,
                (select coalesce(sum(amount), 0) from supplier_payment where supplier_id = ?) as paid,
                (select coalesce(sum(unallocated), 0) from supplier_payment where supplier_id = ?) as unallocated,
                (select coalesce(sum(a.amount), 0) from supplier_payment_allocation a join supplier_payment p on p.id = a.payment_id where p.supplier_id = ?) as allocated`,
        [supplier, supplier, supplier, supplier, supplier],
      );
    const u = (v: string) => unitsOf(v, 4);
    expect(u(row!.paid)).toBe(paid);
    expect(u(row!.allocated) + u(row!.unallocated)).toBe(u(row!.paid));
    expect(u(row!.settled)).toBe(u(row!.allocated));
    const owed = (
      await must<{ supplierPayables: { open: { amount: string }; advances: { amount: string }; owed: { amount: string } }[] }>(subgraph, accountant, payables, { s: supplier })
    ).supplierPayables;
    const open = owed[0] ? u(owed[0].open.amount) : 0n;
    const advances = owed[0] ? u(owed[0].advances.amount) : 0n;
    expect(open).toBe(u(row!.billed) - u(row!.settled));
    expect(advances).toBe(u(row!.unallocated));
    expect(billIds).toHaveLength(6);
    const billedOrder = await must<{ purchaseOrder: { billingStatus: string } }>(subgraph, buyer, 'query($id: ID!) { purchaseOrder(id: $id) { billingStatus } }', {
      id: orderIds[0],
    });
    expect(billedOrder.purchaseOrder.billingStatus).toBe('BILLED');
  });

  it('lets accountants read bills and payments, buyers read payments without making them, and hides both from sales and the warehouse', async () => {
    const list = '{ supplierBills { id } supplierPayments { id } }';
    expect((await must<{ supplierBills: unknown[]; supplierPayments: unknown[] }>(subgraph, accountant, list)).supplierBills.length).toBeGreaterThan(0);
    expect((await must<{ supplierPayments: unknown[] }>(subgraph, buyer, '{ supplierPayments { id } }')).supplierPayments.length).toBeGreaterThan(0);
    expect(await errorOf(buyer, pay, { input: { supplierId, amount: eur('1'), method: 'CASH' } })).toMatchObject({ code: 'FORBIDDEN', reason: 'READ_ONLY' });
    for (const role of ['SALES_REP', 'SALES_MANAGER', 'SUPPORT_AGENT', 'WAREHOUSE_CLERK'] as const) {
      expect(await errorOf(as(role), '{ supplierBills { id } }', {})).toMatchObject({ code: 'FORBIDDEN', reason: 'DEPARTMENT_FORBIDDEN' });
      expect(await errorOf(as(role), '{ supplierPayments { id } }', {})).toMatchObject({ code: 'FORBIDDEN', reason: 'DEPARTMENT_FORBIDDEN' });
    }
  });
});

describe('analysis', () => {
  it('sums spend per supplier and month from registered bills, lists ordered prices, and rates on-time delivery', async () => {
    const spendQuery =
      'query($by: SpendGrouping!, $from: String, $to: String) { purchaseSpend(by: $by, from: $from, to: $to) { supplier { id } productId month net { amount currency } netInBase { amount currency } quantity } }';
    type Row = {
      supplier: { id: string } | null;
      productId: string | null;
      month: string | null;
      net: { amount: string; currency: string };
      netInBase: { amount: string; currency: string };
      quantity: string | null;
    };
    const bySupplier = (await must<{ purchaseSpend: Row[] }>(subgraph, accountant, spendQuery, { by: 'SUPPLIER' })).purchaseSpend;
    const [registered] = await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute<{ net: string }[]>("select sum(net_total)::text as net from supplier_bill where supplier_id = ? and status = 'REGISTERED'", [supplierId]);
    expect(unitsOf(bySupplier.find((r) => r.supplier?.id === supplierId)!.net.amount, 4)).toBe(unitsOf(registered!.net, 4));
    // Bills in the base currency (EUR while finance announced no other) count as they are in base.
    const ours = bySupplier.find((r) => r.supplier?.id === supplierId)!;
    expect(ours.net.currency).toBe('EUR');
    expect(ours.netInBase).toEqual(ours.net);
    const byMonth = (await must<{ purchaseSpend: Row[] }>(subgraph, accountant, spendQuery, { by: 'MONTH', from: '2026-12-01', to: '2026-12-31' })).purchaseSpend;
    expect(byMonth.map((r) => r.month)).toEqual(['2026-12']);
    expect((await subgraph.gqlAs(accountant, spendQuery, { by: 'MONTH', from: '2026-12-31', to: '2026-12-01' })).errors?.[0]?.extensions).toMatchObject({ field: 'to' });
    expect((await subgraph.gqlAs(as('SALES_REP'), spendQuery, { by: 'MONTH' })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const history = await must<{ purchasePriceHistory: { supplier: { id: string }; purchaseOrderNumber: string; unitPrice: { amount: string } }[] }>(
      subgraph,
      buyer,
      'query($p: ID!, $s: ID) { purchasePriceHistory(productId: $p, supplierId: $s) { supplier { id } purchaseOrderNumber unitPrice { amount } } }',
      { p: seal.productId, s: supplierId },
    );
    expect(history.purchasePriceHistory).toEqual([{ supplier: { id: supplierId }, purchaseOrderNumber: expect.stringMatching(/^PO-/), unitPrice: { amount: '20.00' } }]);

    const punctual = await createSupplier(subgraph, buyer, 'Punctual GmbH');
    const dated = async (expectedDate: string) => {
      const order = await createPo(subgraph, buyer, { supplierId: punctual, lines: [{ productId: valve.productId, quantity: '1', unitPrice: eur('1'), expectedDate }] });
      await must(subgraph, buyer, poMutation('submitPurchaseOrder'), { id: order.id });
      await subgraph.service.orm.em.fork().transactional((tx) =>
        recordReceipt(tx, {
          receiptId: randomUUID(),
          number: 'GR-OT',
          warehouseId,
          purchaseOrderId: order.id,
          supplierId: punctual,
          lines: [{ purchaseOrderLineId: order.lines[0]!.id, productId: valve.productId, quantity: '1', unitCost: eur('1') }],
          receivedAt: '2026-06-10T10:00:00.000Z',
        }),
      );
    };
    await dated('2026-06-10');
    await dated('2026-06-30');
    await dated('2026-06-09');
    const performance = await must<{ supplierDeliveryPerformance: { supplier: { id: string }; delivered: number; onTime: number; onTimeRate: string }[] }>(
      subgraph,
      buyer,
      '{ supplierDeliveryPerformance { supplier { id } delivered onTime onTimeRate } }',
    );
    expect(performance.supplierDeliveryPerformance.find((p) => p.supplier.id === punctual)).toEqual({ supplier: { id: punctual }, delivered: 3, onTime: 2, onTimeRate: '66.67' });
  });
});
