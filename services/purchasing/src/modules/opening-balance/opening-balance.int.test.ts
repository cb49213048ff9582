import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurchasingService } from '../../create-purchasing-service.js';
import { as, createSupplier, must, outboxOf } from '../order/order.testing.js';

let subgraph: TestSubgraph;
const accountant = as('ACCOUNTANT');
const buyer = as('BUYER');
const rep = as('SALES_REP');
let nord = '';
let sek = '';

const ENTER =
  'mutation($input: [SupplierOpeningBalanceInput!]!) { enterSupplierOpeningBalances(input: $input) { id number status openingBalance purchaseOrder { id } grossTotal { amount currency } dueDate } }';
type Entered = { id: string; number: string; status: string; openingBalance: boolean; purchaseOrder: null; grossTotal: { amount: string; currency: string }; dueDate: string };
const eur = (amount: string) => ({ amount, currency: 'EUR' });
const errorOf = async (principal: typeof accountant, input: unknown[]) => (await subgraph.gqlAs(principal, ENTER, { input })).errors?.[0]?.extensions;
const billCount = async () => (await subgraph.service.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from supplier_bill'))[0]!.n;
const payable = async (supplierId: string) =>
  (
    await must<{ supplierPayables: { supplierId: string; open: { amount: string }; owed: { amount: string }; over90: { amount: string } }[] }>(
      subgraph,
      accountant,
      'query($s: ID) { supplierPayables(supplierId: $s, on: "2026-12-31") { supplierId open { amount } owed { amount } over90 { amount } } }',
      { s: supplierId },
    )
  ).supplierPayables[0];

beforeAll(async () => {
  subgraph = await startTestSubgraph('purchasing', createPurchasingService);
  nord = await createSupplier(subgraph, buyer, 'Altlast Nord GmbH', 'EUR', 30);
  sek = await createSupplier(subgraph, buyer, 'Gamla Skulder AB', 'SEK');
});
afterAll(async () => subgraph?.stop());

describe('supplier opening balances', () => {
  it('enters payables from a previous system as registered bills without an order, announced, owed and aged', async () => {
    const entered = (
      await must<{ enterSupplierOpeningBalances: Entered[] }>(subgraph, accountant, ENTER, {
        input: [
          { supplierId: nord, reference: 'ALT-1001', amount: eur('1200.50'), billDate: '2026-06-01' },
          { supplierId: nord, reference: 'ALT-1002', amount: eur('300'), billDate: '2026-11-20', dueDate: '2027-01-15' },
        ],
      })
    ).enterSupplierOpeningBalances;
    expect(entered).toMatchObject([
      { status: 'OPEN', openingBalance: true, purchaseOrder: null, grossTotal: { amount: '1200.50', currency: 'EUR' }, dueDate: '2026-07-01' },
      { status: 'OPEN', openingBalance: true, grossTotal: { amount: '300.00' }, dueDate: '2027-01-15' },
    ]);
    expect(entered[0]!.number).toMatch(/^BILL-\d{6}$/);
    const [event] = await outboxOf(subgraph, entered[0]!.id);
    expect(event).toMatchObject({ type: 'purchasing.bill.registered.v1' });
    expect(event!.payload.data).toMatchObject({ supplierId: nord, purchaseOrderId: null, grossTotal: { amount: '1200.50', currency: 'EUR' } });
    // Due on 2026-07-01: more than 90 days late on 2026-12-31; the other is not due yet.
    expect(await payable(nord)).toMatchObject({ open: { amount: '1500.50' }, owed: { amount: '1500.50' }, over90: { amount: '1200.50' } });
  });

  it('is paid like any bill: payments apply to it, never beyond what is owed', async () => {
    const [bill] = (
      await must<{ enterSupplierOpeningBalances: Entered[] }>(subgraph, accountant, ENTER, {
        input: [{ supplierId: nord, reference: 'ALT-2001', amount: eur('100'), billDate: '2026-10-01' }],
      })
    ).enterSupplierOpeningBalances;
    const pay = (amount: string) =>
      subgraph.gqlAs<{ makeSupplierPayment: { unallocated: { amount: string } } }>(
        accountant,
        'mutation($input: MakeSupplierPaymentInput!) { makeSupplierPayment(input: $input) { id } }',
        { input: { supplierId: nord, amount: eur(amount), method: 'BANK_TRANSFER', allocations: [{ billId: bill!.id, amount: eur(amount) }] } },
      );
    expect((await pay('60')).errors).toBeUndefined();
    expect((await pay('40.01')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAYING_MORE_THAN_OWED' });
    expect((await pay('40')).errors).toBeUndefined();
    const seen = await must<{ supplierBill: { status: string; paidTotal: { amount: string } } }>(
      subgraph,
      accountant,
      'query($id: ID!) { supplierBill(id: $id) { status paidTotal { amount } } }',
      {
        id: bill!.id,
      },
    );
    expect(seen.supplierBill).toEqual({ status: 'PAID', paidTotal: { amount: '100.00' } });
  });

  it('refuses bad rows naming the field, and writes none of the import', async () => {
    const before = await billCount();
    const good = { supplierId: nord, reference: 'ALT-3001', amount: eur('10'), billDate: '2026-10-01' };
    const cases: [unknown[], string, string][] = [
      [[good, { ...good, reference: 'ALT-3002', supplierId: sek }], 'input.1.amount.currency', 'CURRENCY_MISMATCH'],
      [[good, { ...good, reference: 'ALT-3003', amount: eur('0') }], 'input.1.amount', 'INVALID_AMOUNT'],
      [[good, { ...good }], 'input.1.reference', 'DUPLICATE_BILL'],
      [[{ ...good, reference: 'ALT-1001' }], 'input.0.reference', 'DUPLICATE_BILL'],
      [[{ ...good, dueDate: '2026-09-30' }], 'input.0.dueDate', 'INVALID_DUE_DATE'],
      [[], 'input', 'INVALID_COUNT'],
    ];
    for (const [input, field, reason] of cases) expect(await errorOf(accountant, input), field).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(await billCount()).toBe(before);
  });

  it('dry runs an import: reports the bills it would write and every refused row naming rows[i].field, and writes nothing', async () => {
    const DRY_RUN = `query($rows: [SupplierOpeningBalanceInput!]!) { supplierOpeningBalancesDryRun(rows: $rows) {
      rowCount accepted { row supplier { id } reference amount { amount currency } billDate dueDate } refused { row field reason message } } }`;
    const sql = (query: string) => subgraph.service.orm.em.fork().getConnection().execute<{ n: number }[]>(query);
    const outbox = async () => (await sql('select count(*)::int as n from outbox_message'))[0]!.n;
    const [bills, events] = [await billCount(), await outbox()];
    const good = { supplierId: nord, reference: 'ALT-5001', amount: eur('250.5'), billDate: '2026-10-01' };
    const rows = [
      good,
      { ...good, reference: 'ALT-5002', supplierId: sek },
      { ...good, reference: 'ALT-5003', amount: eur('0') },
      { ...good },
      { ...good, reference: 'ALT-1001' },
      { ...good, reference: 'ALT-5004', dueDate: '2026-09-30' },
      { ...good, reference: 'ALT-5005', supplierId: randomUUID() },
      { supplierId: sek, reference: 'SK-1', amount: { amount: '1000', currency: 'SEK' }, billDate: '2026-11-01', dueDate: '2026-12-01' },
    ];
    const run = (
      await must<{ supplierOpeningBalancesDryRun: { rowCount: number; accepted: unknown[]; refused: { row: number; field: string; reason: string }[] } }>(
        subgraph,
        accountant,
        DRY_RUN,
        { rows },
      )
    ).supplierOpeningBalancesDryRun;
    expect(run.rowCount).toBe(8);
    expect(run.accepted).toEqual([
      { row: 0, supplier: { id: nord }, reference: 'ALT-5001', amount: { amount: '250.50', currency: 'EUR' }, billDate: '2026-10-01', dueDate: '2026-10-31' },
      { row: 7, supplier: { id: sek }, reference: 'SK-1', amount: { amount: '1000.00', currency: 'SEK' }, billDate: '2026-11-01', dueDate: '2026-12-01' },
    ]);
    expect(run.refused.map(({ row, field, reason }) => ({ row, field, reason }))).toEqual([
      { row: 1, field: 'rows[1].amount.currency', reason: 'CURRENCY_MISMATCH' },
      { row: 2, field: 'rows[2].amount', reason: 'INVALID_AMOUNT' },
      { row: 3, field: 'rows[3].reference', reason: 'DUPLICATE_BILL' },
      { row: 4, field: 'rows[4].reference', reason: 'DUPLICATE_BILL' },
      { row: 5, field: 'rows[5].dueDate', reason: 'INVALID_DUE_DATE' },
      { row: 6, field: 'rows[6].supplierId', reason: expect.stringMatching(/NOT_FOUND/) },
    ]);
    expect([await billCount(), await outbox()]).toEqual([bills, events]);
    // The rows it accepted enter as it said; an empty list is refused naming rows.
    const entered = (await must<{ enterSupplierOpeningBalances: Entered[] }>(subgraph, accountant, ENTER, { input: [rows[0], rows[7]] })).enterSupplierOpeningBalances;
    expect(entered).toMatchObject([
      { grossTotal: { amount: '250.50', currency: 'EUR' }, dueDate: '2026-10-31' },
      { grossTotal: { amount: '1000.00', currency: 'SEK' }, dueDate: '2026-12-01' },
    ]);
    expect((await subgraph.gqlAs(accountant, DRY_RUN, { rows: [] })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rows', reason: 'INVALID_COUNT' });
    expect((await subgraph.gqlAs(buyer, DRY_RUN, { rows: [good] })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('is for accounting: buyers only read, sales sees nothing', async () => {
    const row = [{ supplierId: nord, reference: 'ALT-4001', amount: eur('10'), billDate: '2026-10-01' }];
    expect(await errorOf(buyer, row)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf(rep, row)).toMatchObject({ code: 'FORBIDDEN' });
  });
});
