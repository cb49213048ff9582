import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { addDays, formatAmount, formatDecimal, unitsOf } from '@rapport/errors';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurchasingService } from '../../create-purchasing-service.js';
import { seedWarehouse } from '../warehouse-copy/warehouse-copy.testing.js';
import { recordReceipt } from '../order/receipt.consumer.js';
import { amountUnits } from '../order/order-totals.js';
import { recordSupplierReturn } from '../supplier-return/supplier-return.consumer.js';
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
const payablesAll = `query($on: String, $s: ID) { supplierPayables(on: $on, supplierId: $s) {
  open { amount currency } notDue { amount } days1To30 { amount } days31To60 { amount } days61To90 { amount } over90 { amount } advances { amount } credits { amount } owed { amount } } }`;
const settle = 'mutation($id: ID!, $i: SettleSupplierDebitNoteInput!) { settleSupplierDebitNote(id: $id, input: $i) { id } }';
const errorOf = async (principal: TestPrincipal, query: string, variables: Record<string, unknown>) => (await subgraph.gqlAs(principal, query, variables)).errors?.[0]?.extensions;
const eur = (amount: string) => ({ amount, currency: 'EUR' });

/** An approved order with `lines`, and inventory's receipt of `received` of each line (as its event handler records it). */
async function receivedOrder(
  supplierId: string,
  lines: { productId: string; quantity: string; price: string; currency?: string; taxRate?: string }[],
  received: string[],
): Promise<PoView> {
  const po = await createPo(subgraph, buyer, {
    supplierId,
    warehouseId,
    lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: { amount: l.price, currency: l.currency ?? 'EUR' }, taxRate: l.taxRate ?? '19' })),
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

  it('leaves 0 difference between billed, paid, applied, credited and owed over random bills, payments, advances and debit notes in EUR and JPY', async () => {
    // Each run: a EUR and a JPY supplier (two and zero decimals), each with random bills of several lines, then random
    // operations — partial payments (maybe with an advance on top), advances alone, advances applied later, goods sent
    // back after billing (a debit note) and debit notes applied to bills or refunded — through the service's mutations
    // and consumer. A model kept here in bigint tracks what should be billed, paid, applied and credited; the database
    // and supplierPayables must agree with it to the last of four places.
    const RATES = ['0', '7', '19'];
    const line = fc.record({
      quantity: fc.integer({ min: 1, max: 20_000 }), // thousandths: 0.001 .. 20
      price: fc.bigInt({ min: 1n, max: 5_000_000n }), // four places: 0.0001 .. 500
      rate: fc.constantFrom(...RATES),
    });
    const bill = fc.record({ lines: fc.array(line, { minLength: 1, maxLength: 3 }), age: fc.integer({ min: 0, max: 150 }) });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('pay' as const), bill: fc.nat(), permille: fc.integer({ min: 1, max: 1000 }), extra: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ kind: fc.constant('advance' as const), supplier: fc.nat(1), minors: fc.integer({ min: 1, max: 50_000 }) }),
      fc.record({ kind: fc.constant('apply' as const), bill: fc.nat(), permille: fc.integer({ min: 1, max: 1000 }) }),
      fc.record({ kind: fc.constant('return' as const), bill: fc.nat(), line: fc.nat(), permille: fc.integer({ min: 1, max: 1000 }) }),
      fc.record({ kind: fc.constant('settle' as const), bill: fc.nat(), permille: fc.integer({ min: 1, max: 1000 }), refund: fc.boolean() }),
    );
    const scenario = fc.record({
      eur: fc.array(bill, { minLength: 1, maxLength: 2 }),
      jpy: fc.array(bill, { minLength: 1, maxLength: 2 }),
      ops: fc.array(op, { minLength: 4, maxLength: 9 }),
    });
    const on = '2026-12-05';
    const sql = <T>(query: string, params: unknown[]) => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);
    const minorUnit = (currency: string) => (currency === 'JPY' ? 10_000n : 100n);
    const half = (units: bigint, divisor: bigint) => (units + divisor / 2n) / divisor;
    // The documented rule (order-totals.ts), written again here: line net = q × p at four places half up; per tax rate
    // the net rounded at the minor unit and its tax rounded there; gross the sum.
    const grossOf = (currency: string, lines: readonly { quantity: bigint; price: bigint; rate: string }[]) => {
      const minor = minorUnit(currency);
      const byRate = new Map<string, bigint>();
      for (const l of lines) byRate.set(l.rate, (byRate.get(l.rate) ?? 0n) + half(l.quantity * l.price, 1000n));
      let gross = 0n;
      for (const [rate, sum] of byRate) {
        const net = half(sum, minor);
        gross += (net + half(net * BigInt(rate), 100n)) * minor;
      }
      return gross;
    };
    const money = (currency: string, units: bigint) => ({ amount: formatAmount(units), currency });
    const permilleOf = (units: bigint, permille: number, step: bigint) => ((units * BigInt(permille)) / 1000n / step) * step;
    const director = as('DIRECTOR');
    // Finance's rate for JPY as its event leaves it in the copy: the spend analysis below converts these bills to EUR.
    await sql(`insert into rate_copy (id, from_currency, to_currency, valid_on, rate, set_at) values (?, 'JPY', 'EUR', '2020-01-01', '0.0061', now())`, [randomUUID()]);
    const done = { pay: 0, advance: 0, apply: 0, return: 0, settle: 0 };
    let runs = 0;

    await fc.assert(
      fc.asyncProperty(scenario, async ({ eur, jpy, ops }) => {
        runs++;
        type ModelBill = {
          id: string;
          supplier: number;
          currency: string;
          gross: bigint;
          paid: bigint;
          lines: { id: string; quantity: bigint; price: bigint; rate: string; kept: bigint }[];
          po: string;
        };
        const suppliers = [
          { id: await createSupplier(subgraph, buyer, `Property EUR ${runs}`, 'EUR', 14), currency: 'EUR' },
          { id: await createSupplier(subgraph, buyer, `Property JPY ${runs}`, 'JPY', 14), currency: 'JPY' },
        ];
        const bills: ModelBill[] = [];
        const payments: { id: string; supplier: number; unallocated: bigint }[] = [];
        const notes: { id: string; supplier: number; gross: bigint; settled: bigint }[] = [];
        const paidIn = [0n, 0n];
        for (const [s, specs] of [eur, jpy].entries()) {
          for (const spec of specs) {
            const { currency } = suppliers[s]!;
            const amount = (units: bigint, scale: number) => formatDecimal(units, scale);
            const po = await receivedOrder(
              suppliers[s]!.id,
              spec.lines.map((l) => ({ productId: valve.productId, quantity: amount(BigInt(l.quantity), 3), price: amount(l.price, 4), currency, taxRate: l.rate })),
              spec.lines.map((l) => amount(BigInt(l.quantity), 3)),
            );
            const registered = await must<{ registerSupplierBill: BillView }>(subgraph, director, register, {
              input: {
                purchaseOrderId: po.id,
                supplierReference: `P-${runs}-${bills.length}`,
                billDate: addDays(on, -spec.age - 14),
                lines: po.lines.map((l) => ({ purchaseOrderLineId: l.id, quantity: l.quantity, unitPrice: money(currency, amountUnits(l.unitPrice.amount)) })),
              },
            });
            expect(registered.registerSupplierBill.status).not.toBe('HELD');
            const lines = spec.lines.map((l, i) => ({ id: po.lines[i]!.id, quantity: BigInt(l.quantity), price: l.price, rate: l.rate, kept: BigInt(l.quantity) }));
            bills.push({ id: registered.registerSupplierBill.id, supplier: s, currency, gross: grossOf(currency, lines), paid: 0n, lines, po: po.id });
          }
        }
        const openOf = (b: ModelBill) => b.gross - b.paid;
        for (const o of ops) {
          if (o.kind === 'advance') {
            const { id, currency } = suppliers[o.supplier]!;
            const units = BigInt(o.minors) * minorUnit(currency);
            const made = await must<{ makeSupplierPayment: { id: string } }>(subgraph, accountant, pay, {
              input: { supplierId: id, amount: money(currency, units), method: 'BANK_TRANSFER' },
            });
            payments.push({ id: made.makeSupplierPayment.id, supplier: o.supplier, unallocated: units });
            paidIn[o.supplier]! += units;
            done.advance++;
            continue;
          }
          const b = bills[o.bill % bills.length]!;
          const step = minorUnit(b.currency);
          if (o.kind === 'pay') {
            const part = permilleOf(openOf(b), o.permille, step);
            const extra = BigInt(o.extra) * 10n * step;
            if (part + extra === 0n) continue;
            const made = await must<{ makeSupplierPayment: { id: string } }>(subgraph, accountant, pay, {
              input: {
                supplierId: suppliers[b.supplier]!.id,
                amount: money(b.currency, part + extra),
                method: 'BANK_TRANSFER',
                allocations: part ? [{ billId: b.id, amount: money(b.currency, part) }] : [],
              },
            });
            b.paid += part;
            paidIn[b.supplier]! += part + extra;
            payments.push({ id: made.makeSupplierPayment.id, supplier: b.supplier, unallocated: extra });
          } else if (o.kind === 'apply') {
            const advance = payments.find((p) => p.supplier === b.supplier && p.unallocated > 0n);
            const part = advance ? permilleOf(openOf(b) < advance.unallocated ? openOf(b) : advance.unallocated, o.permille, step) : 0n;
            if (!advance || !part) continue;
            await must(subgraph, accountant, apply, { id: advance.id, a: [{ billId: b.id, amount: money(b.currency, part) }] });
            advance.unallocated -= part;
            b.paid += part;
          } else if (o.kind === 'return') {
            const l = b.lines[o.line % b.lines.length]!;
            const units = (l.kept * BigInt(o.permille)) / 1000n;
            if (!units) continue;
            const [received] = await sql<{ receipt_id: string; id: string }>('select receipt_id, id from purchase_receipt_line where purchase_order_line_id = ?', [l.id]);
            const supplierReturnId = randomUUID();
            await subgraph.service.orm.em.fork().transactional((tx) =>
              recordSupplierReturn(tx, {
                supplierReturnId,
                number: `SR-${runs}-${notes.length}`,
                receiptId: received!.receipt_id,
                receiptNumber: 'GR-1',
                warehouseId,
                purchaseOrderId: b.po,
                supplierId: suppliers[b.supplier]!.id,
                reason: 'damaged',
                lines: [{ receiptLineId: received!.id, purchaseOrderLineId: l.id, productId: valve.productId, quantity: formatDecimal(units, 3), unitCost: money(b.currency, 1n) }],
                returnedAt: new Date().toISOString(),
              }),
            );
            l.kept -= units;
            // The note credits the returned units at the billed price; its stored gross is checked against the model's below.
            const [note] = await sql<{ id: string }>('select id from supplier_debit_note where supplier_return_id = ?', [supplierReturnId]);
            notes.push({ id: note!.id, supplier: b.supplier, gross: grossOf(b.currency, [{ quantity: units, price: l.price, rate: l.rate }]), settled: 0n });
          } else {
            const note = notes.find((n) => n.supplier === b.supplier && n.gross > n.settled);
            if (!note) continue;
            const left = note.gross - note.settled;
            const part = o.refund ? (left * BigInt(o.permille)) / 1000n : permilleOf(openOf(b) < left ? openOf(b) : left, o.permille, step);
            if (!part) continue;
            await must(subgraph, accountant, settle, {
              id: note.id,
              i: o.refund ? { refund: money(b.currency, part), settledOn: on } : { allocations: [{ billId: b.id, amount: money(b.currency, part) }], settledOn: on },
            });
            note.settled += part;
            if (!o.refund) b.paid += part;
          }
          done[o.kind]++;
        }

        for (const [s, supplier] of suppliers.entries()) {
          const mine = bills.filter((b) => b.supplier === s);
          const [row] = await sql<Record<string, string>>(
            `select (select coalesce(sum(gross_total), 0) from supplier_bill where supplier_id = ?) as billed,
                    (select coalesce(sum(paid_total), 0) from supplier_bill where supplier_id = ?) as settled,
                    (select coalesce(sum(amount), 0) from supplier_payment where supplier_id = ?) as paid,
                    (select coalesce(sum(unallocated), 0) from supplier_payment where supplier_id = ?) as unallocated,
                    (select coalesce(sum(a.amount), 0) from supplier_payment_allocation a join supplier_payment p on p.id = a.payment_id where p.supplier_id = ?) as applied,
                    (select coalesce(sum(gross_total), 0) from supplier_debit_note where supplier_id = ?) as noted,
                    (select coalesce(sum(settled_total), 0) from supplier_debit_note where supplier_id = ?) as note_settled,
                    (select coalesce(sum(t.amount) filter (where t.bill_id is not null), 0) from supplier_debit_note_settlement t join supplier_debit_note n on n.id = t.debit_note_id where n.supplier_id = ?) as credited,
                    (select coalesce(sum(t.amount), 0) from supplier_debit_note_settlement t join supplier_debit_note n on n.id = t.debit_note_id where n.supplier_id = ?) as note_settlements`,
            Array.from({ length: 9 }, () => supplier.id),
          );
          const u = (key: string) => amountUnits(row![key]!);
          const billed = mine.reduce((sum, b) => sum + b.gross, 0n);
          const settledOnBills = mine.reduce((sum, b) => sum + b.paid, 0n);
          const advances = payments.filter((p) => p.supplier === s).reduce((sum, p) => sum + p.unallocated, 0n);
          const noteGross = notes.filter((n) => n.supplier === s).reduce((sum, n) => sum + n.gross, 0n);
          const credits = notes.filter((n) => n.supplier === s).reduce((sum, n) => sum + n.gross - n.settled, 0n);
          // The documents and the money against them, as the model says.
          expect([u('billed'), u('paid'), u('settled'), u('unallocated'), u('noted')]).toEqual([billed, paidIn[s], settledOnBills, advances, noteGross]);
          for (const b of mine) {
            const [stored] = await sql<{ gross_total: string; paid_total: string }>('select gross_total, paid_total from supplier_bill where id = ?', [b.id]);
            expect([amountUnits(stored!.gross_total), amountUnits(stored!.paid_total)]).toEqual([b.gross, b.paid]);
          }
          // Every unit paid is applied to a bill or still an advance; every unit settled on bills came from a payment or a debit note.
          expect(u('applied') + u('unallocated')).toBe(u('paid'));
          expect(u('applied') + u('credited')).toBe(u('settled'));
          expect(u('note_settlements')).toBe(u('note_settled'));
          // What is owed, aged to the unit.
          const [payable] = (await must<{ supplierPayables: Record<string, { amount: string; currency: string }>[] }>(subgraph, accountant, payablesAll, { on, s: supplier.id }))
            .supplierPayables;
          const p = (key: string) => (payable ? amountUnits(payable[key]!.amount) : 0n);
          expect([p('open'), p('advances'), p('credits'), p('owed')]).toEqual([billed - settledOnBills, advances, credits, billed - settledOnBills - advances - credits]);
          expect(p('notDue') + p('days1To30') + p('days31To60') + p('days61To90') + p('over90')).toBe(p('open'));
          expect(payable?.open?.currency ?? supplier.currency).toBe(supplier.currency);
        }
      }),
      { numRuns: 5, seed: 20261210, endOnFailure: true },
    );
    expect(runs).toBe(5);
    // Every kind of operation happened (and was not skipped as nothing to do) in some run.
    expect(Object.values(done).every((n) => n > 0)).toBe(true);
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
