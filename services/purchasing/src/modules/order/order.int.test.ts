import { randomUUID } from 'node:crypto';
import { raceBehindRow, startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurchasingService } from '../../create-purchasing-service.js';
import { as, createPo, createSupplier, must, outboxOf, poMutation, productSnapshot, seedCatalogue, setPrice, type PoView } from './order.testing.js';
import { recordReceipt } from './receipt.consumer.js';
import { seedWarehouse } from '../warehouse-copy/warehouse-copy.testing.js';

let subgraph: TestSubgraph;
const buyer = as('BUYER');
const otherBuyer = as('BUYER');
const director = as('DIRECTOR');
const valve = productSnapshot({ name: 'Ball valve DN50' });
const pump = productSnapshot({ name: 'Pump CP-40' });
const retired = productSnapshot({ name: 'Old gasket', active: false });
let supplierA = '';
let supplierB = '';
let supplierSek = '';

const errorOf = async (principal: typeof buyer, query: string, variables: Record<string, unknown>) => (await subgraph.gqlAs(principal, query, variables)).errors?.[0]?.extensions;
const act = async (principal: typeof buyer, mutation: string, id: string): Promise<PoView> =>
  (await must<Record<string, PoView>>(subgraph, principal, poMutation(mutation), { id }))[mutation]!;

beforeAll(async () => {
  subgraph = await startTestSubgraph('purchasing', createPurchasingService);
  await seedCatalogue(subgraph, valve, pump, retired);
  supplierA = await createSupplier(subgraph, buyer, 'Valves A GmbH');
  supplierB = await createSupplier(subgraph, buyer, 'Valves B GmbH');
  supplierSek = await createSupplier(subgraph, buyer, 'Svenska Pumpar AB', 'SEK');
});
afterAll(async () => subgraph?.stop());

describe('supplier prices', () => {
  it('offers the best current price for a quantity: lowest valid price whose minimum the quantity reaches', async () => {
    await setPrice(subgraph, buyer, { supplierId: supplierA, productId: valve.productId, price: { amount: '100', currency: 'EUR' }, leadTimeDays: 10 });
    await setPrice(subgraph, buyer, { supplierId: supplierB, productId: valve.productId, price: { amount: '90', currency: 'EUR' }, minimumQuantity: '50', leadTimeDays: 5 });
    await setPrice(subgraph, buyer, {
      supplierId: supplierB,
      productId: valve.productId,
      price: { amount: '50', currency: 'EUR' },
      validFrom: '2020-01-01',
      validTo: '2020-12-31',
    });
    const best = (quantity: string, on?: string) =>
      must<{ bestPrice: { supplier: { id: string }; price: { amount: string }; leadTimeDays: number } | null }>(
        subgraph,
        buyer,
        'query($p: ID!, $q: String!, $on: String) { bestPrice(productId: $p, quantity: $q, on: $on) { supplier { id } price { amount } leadTimeDays } }',
        { p: valve.productId, q: quantity, on },
      );
    expect((await best('10')).bestPrice).toEqual({ supplier: { id: supplierA }, price: { amount: '100.00' }, leadTimeDays: 10 });
    expect((await best('50')).bestPrice).toEqual({ supplier: { id: supplierB }, price: { amount: '90.00' }, leadTimeDays: 5 });
    expect((await best('1', '2020-06-01')).bestPrice).toMatchObject({ price: { amount: '50.00' } });
    expect((await best('1', '2019-06-01')).bestPrice).toMatchObject({ price: { amount: '100.00' } });
    const none = await must<{ bestPrice: null }>(subgraph, buyer, 'query($p: ID!) { bestPrice(productId: $p, quantity: "1") { id } }', { p: pump.productId });
    expect(none.bestPrice).toBeNull();
  });

  it('refuses a price in another currency than the supplier’s, an unknown or retired product, and a bad window, naming the field and writing nothing', async () => {
    const set = 'mutation($input: SetSupplierPriceInput!) { setSupplierPrice(input: $input) { id } }';
    const base = { supplierId: supplierA, productId: pump.productId, price: { amount: '10', currency: 'EUR' } };
    const count = async () => (await subgraph.service.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from supplier_price'))[0]!.n;
    const before = await count();
    expect(await errorOf(buyer, set, { input: { ...base, price: { amount: '10', currency: 'USD' } } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.price.currency',
      reason: 'CURRENCY_MISMATCH',
    });
    expect(await errorOf(buyer, set, { input: { ...base, productId: randomUUID() } })).toMatchObject({ field: 'input.productId', reason: 'PRODUCT_NOT_FOUND' });
    expect(await errorOf(buyer, set, { input: { ...base, productId: retired.productId } })).toMatchObject({ field: 'input.productId', reason: 'PRODUCT_INACTIVE' });
    expect(await errorOf(buyer, set, { input: { ...base, validFrom: '2026-02-01', validTo: '2026-01-01' } })).toMatchObject({ field: 'input.validTo' });
    expect(await errorOf(buyer, set, { input: { ...base, price: { amount: '-1', currency: 'EUR' } } })).toMatchObject({ field: 'input.price.amount' });
    expect(await count()).toBe(before);
  });
});

describe('purchase orders and their approval', () => {
  it('drafts PO-numbered orders at the supplier’s price with exact totals, and refuses bad lines naming the field', async () => {
    const po = await createPo(subgraph, buyer, { supplierId: supplierA, lines: [{ productId: valve.productId, quantity: '3.5', taxRate: '19' }] });
    expect(po.number).toMatch(/^PO-\d{6}$/);
    expect(po.status).toBe('DRAFT');
    expect(po.lines[0]).toMatchObject({ quantity: '3.5', unitPrice: { amount: '100.00', currency: 'EUR' }, netAmount: { amount: '350.00' }, taxRate: '19', openQuantity: '3.5' });
    expect(po.lines[0]!.expectedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(po).toMatchObject({ netTotal: { amount: '350.00', currency: 'EUR' }, taxTotal: { amount: '66.50' }, grossTotal: { amount: '416.50' } });

    const create = 'mutation($input: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $input) { id } }';
    expect(
      await errorOf(buyer, create, { input: { supplierId: supplierA, lines: [{ productId: randomUUID(), quantity: '1', unitPrice: { amount: '1', currency: 'EUR' } }] } }),
    ).toMatchObject({
      field: 'input.lines.0.productId',
      reason: 'PRODUCT_NOT_FOUND',
    });
    expect(await errorOf(buyer, create, { input: { supplierId: supplierA, lines: [{ productId: pump.productId, quantity: '1' }] } })).toMatchObject({
      field: 'input.lines.0.unitPrice',
      reason: 'NO_SUPPLIER_PRICE',
    });
    expect(
      await errorOf(buyer, create, { input: { supplierId: supplierA, lines: [{ productId: pump.productId, quantity: '1', unitPrice: { amount: '1', currency: 'SEK' } }] } }),
    ).toMatchObject({
      field: 'input.lines.0.unitPrice.currency',
      reason: 'CURRENCY_MISMATCH',
    });
    expect(await errorOf(buyer, create, { input: { supplierId: supplierA, lines: [{ productId: valve.productId, quantity: '0' }] } })).toMatchObject({
      field: 'input.lines.0.quantity',
    });
    expect(await errorOf(buyer, create, { input: { supplierId: supplierA, currency: 'USD', lines: [{ productId: valve.productId, quantity: '1' }] } })).toMatchObject({
      field: 'input.currency',
    });
    expect(await errorOf(buyer, create, { input: { supplierId: randomUUID(), lines: [{ productId: valve.productId, quantity: '1' }] } })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.supplierId',
    });
  });

  it('approves an order within the sender’s limit when sent, and announces its lines to inventory', async () => {
    const draft = await createPo(subgraph, buyer, {
      supplierId: supplierB,
      warehouseId: await seedWarehouse(subgraph),
      lines: [{ productId: pump.productId, quantity: '2', unitPrice: { amount: '1000', currency: 'EUR' } }],
    });
    const sent = await act(buyer, 'submitPurchaseOrder', draft.id);
    expect(sent).toMatchObject({ status: 'APPROVED', approvalReason: 'WITHIN_LIMIT', approvedBy: null });
    const events = await outboxOf(subgraph, draft.id);
    expect(events.map((e) => e.type)).toEqual(['purchasing.order.approved.v1']);
    expect(events[0]!.payload.data).toMatchObject({
      purchaseOrderId: draft.id,
      number: draft.number,
      supplierId: supplierB,
      currency: 'EUR',
      lines: [{ lineId: draft.lines[0]!.id, productId: pump.productId, quantity: '2', unitPrice: { amount: '1000.00', currency: 'EUR' }, expectedDate: null }],
    });
  });

  it('holds an order above the buyer’s limit for approval: the buyer may not approve their own, another buyer’s limit does not cover it, a director approves', async () => {
    const big = await createPo(subgraph, buyer, { supplierId: supplierA, lines: [{ productId: valve.productId, quantity: '200', unitPrice: { amount: '100', currency: 'EUR' } }] });
    expect(await act(buyer, 'submitPurchaseOrder', big.id)).toMatchObject({ status: 'AWAITING_APPROVAL', approvalReason: 'ABOVE_LIMIT', approvalAmount: { amount: '20000.00' } });
    expect(await outboxOf(subgraph, big.id)).toEqual([]);
    expect(await errorOf(buyer, poMutation('approvePurchaseOrder'), { id: big.id })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', reason: 'SELF_APPROVAL' });
    expect(await errorOf(otherBuyer, poMutation('approvePurchaseOrder'), { id: big.id })).toMatchObject({ code: 'FORBIDDEN', reason: 'APPROVAL_LIMIT_EXCEEDED' });
    // A buyer assigned the purchasing head's level approves up to 50,000.
    const head = as('BUYER');
    const assign = 'mutation($u: ID!) { setApproverLevel(userId: $u, level: PURCHASING_HEAD) { userId level } }';
    expect(await errorOf(buyer, assign, { u: buyer.userId })).toMatchObject({ code: 'FORBIDDEN', reason: 'APPROVAL_SETTINGS_FORBIDDEN' });
    expect((await must<{ setApproverLevel: unknown }>(subgraph, director, assign, { u: head.userId })).setApproverLevel).toEqual({ userId: head.userId, level: 'PURCHASING_HEAD' });
    const approved = await act(head, 'approvePurchaseOrder', big.id);
    expect(approved).toMatchObject({ status: 'APPROVED', approvedBy: head.userId });
    expect((await outboxOf(subgraph, big.id)).map((e) => e.type)).toEqual(['purchasing.order.approved.v1']);
  });

  it('lets directors change the limits (in the base currency): a lower buyer limit sends the same order for approval', async () => {
    const limits = await must<{ approvalLimits: { level: string; maxAmount: { amount: string } | null }[] }>(subgraph, buyer, '{ approvalLimits { level maxAmount { amount } } }');
    expect(limits.approvalLimits).toEqual([
      { level: 'BUYER', maxAmount: { amount: '5000.00' } },
      { level: 'DIRECTOR', maxAmount: null },
      { level: 'PURCHASING_HEAD', maxAmount: { amount: '50000.00' } },
    ]);
    const set = 'mutation($l: ApproverLevel!, $m: MoneyInput) { setApprovalLimit(level: $l, maxAmount: $m) { level maxAmount { amount } } }';
    expect(await errorOf(buyer, set, { l: 'BUYER', m: { amount: '1', currency: 'EUR' } })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf(director, set, { l: 'BUYER', m: { amount: '1', currency: 'USD' } })).toMatchObject({ field: 'maxAmount.currency' });
    const supplier = await createSupplier(subgraph, buyer, 'Limit Test GmbH');
    try {
      await must(subgraph, director, set, { l: 'BUYER', m: { amount: '50', currency: 'EUR' } });
      const po = await createPo(subgraph, buyer, { supplierId: supplier, lines: [{ productId: pump.productId, quantity: '1', unitPrice: { amount: '60', currency: 'EUR' } }] });
      expect(await act(buyer, 'submitPurchaseOrder', po.id)).toMatchObject({ status: 'AWAITING_APPROVAL', approvalReason: 'ABOVE_LIMIT' });
    } finally {
      await must(subgraph, director, set, { l: 'BUYER', m: { amount: '5000', currency: 'EUR' } });
    }
  });

  it("converts an order in another currency at the day's rate from finance's copy before judging it against the limits", async () => {
    const usd = await createSupplier(subgraph, buyer, 'Pumps of Ohio Inc.', 'USD');
    // Finance's rate as its event leaves it in the copy (the copy's consumer is tested in rate-copy.int.test.ts).
    const today = new Date().toISOString().slice(0, 10);
    await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute(`insert into rate_copy (id, from_currency, to_currency, valid_on, rate, set_at) values (?, 'USD', 'EUR', ?, '0.9', now())`, [randomUUID(), today]);
    const order = (amount: string) => createPo(subgraph, buyer, { supplierId: usd, lines: [{ productId: pump.productId, quantity: '1', unitPrice: { amount, currency: 'USD' } }] });
    // 4,000.00 USD × 0.9 = 3,600.00 EUR: within the buyer's 5,000; then 2,000.00 USD more the same day makes 5,400.00 EUR.
    expect(await act(buyer, 'submitPurchaseOrder', (await order('4000')).id)).toMatchObject({
      status: 'APPROVED',
      approvalReason: 'WITHIN_LIMIT',
      approvalAmount: { amount: '3600.00' },
    });
    expect(await act(buyer, 'submitPurchaseOrder', (await order('2000')).id)).toMatchObject({
      status: 'AWAITING_APPROVAL',
      approvalReason: 'SAME_DAY_SPLIT',
      approvalAmount: { amount: '5400.00' },
    });
    // SEK, for which finance set no rate: it cannot be judged, so it waits for an unlimited approver.
    expect(
      await act(
        otherBuyer,
        'submitPurchaseOrder',
        (await createPo(subgraph, otherBuyer, { supplierId: supplierSek, lines: [{ productId: pump.productId, quantity: '1', unitPrice: { amount: '1', currency: 'SEK' } }] })).id,
      ),
    ).toMatchObject({
      approvalReason: 'NO_EXCHANGE_RATE',
      approvalAmount: null,
    });
  });

  it("judges orders in finance's base currency once it changes: limits set before convert at the day's rate, new ones must be in the new base", async () => {
    const sql = (query: string, params: unknown[] = []) => subgraph.service.orm.em.fork().getConnection().execute(query, params);
    const today = new Date().toISOString().slice(0, 10);
    const rateId = randomUUID();
    const set = 'mutation($l: ApproverLevel!, $m: MoneyInput) { setApprovalLimit(level: $l, maxAmount: $m) { level maxAmount { amount currency } } }';
    // Finance's base currency and rate as their events leave them in the copy (tested in rate-copy.int.test.ts).
    await sql(`insert into rate_copy_base (id, currency, set_at) values (1, 'USD', now())`);
    await sql(`insert into rate_copy (id, from_currency, to_currency, valid_on, rate, set_at) values (?, 'EUR', 'USD', ?, '1.1', now())`, [rateId, today]);
    try {
      const [ohio, texas] = [await createSupplier(subgraph, buyer, 'Valves of Ohio Inc.', 'USD'), await createSupplier(subgraph, buyer, 'Valves of Texas Inc.', 'USD')];
      const order = async (supplierId: string, amount: string) =>
        (await createPo(subgraph, buyer, { supplierId, lines: [{ productId: valve.productId, quantity: '1', unitPrice: { amount, currency: 'USD' } }] })).id;
      // The buyer's 5,000.00 EUR is 5,500.00 USD today.
      expect(await act(buyer, 'submitPurchaseOrder', await order(ohio, '5400'))).toMatchObject({
        status: 'APPROVED',
        approvalReason: 'WITHIN_LIMIT',
        approvalAmount: { amount: '5400.00', currency: 'USD' },
      });
      const above = await act(buyer, 'submitPurchaseOrder', await order(texas, '5600'));
      expect(above).toMatchObject({ status: 'AWAITING_APPROVAL', approvalReason: 'ABOVE_LIMIT', approvalAmount: { amount: '5600.00', currency: 'USD' } });
      // Another buyer's limit does not cover it either; the purchasing head's 50,000.00 EUR does.
      expect(await errorOf(otherBuyer, poMutation('approvePurchaseOrder'), { id: above.id })).toMatchObject({ reason: 'APPROVAL_LIMIT_EXCEEDED' });
      const head = as('BUYER');
      await must(subgraph, director, 'mutation($u: ID!) { setApproverLevel(userId: $u, level: PURCHASING_HEAD) { level } }', { u: head.userId });
      expect(await act(head, 'approvePurchaseOrder', above.id)).toMatchObject({ status: 'APPROVED', approvedBy: head.userId });
      // New limits are set in the new base currency.
      expect(await errorOf(director, set, { l: 'BUYER', m: { amount: '6000', currency: 'EUR' } })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'maxAmount.currency',
        reason: 'CURRENCY_MISMATCH',
      });
      expect((await must<{ setApprovalLimit: unknown }>(subgraph, director, set, { l: 'BUYER', m: { amount: '6000', currency: 'USD' } })).setApprovalLimit).toEqual({
        level: 'BUYER',
        maxAmount: { amount: '6000.00', currency: 'USD' },
      });
    } finally {
      await sql('delete from rate_copy_base where id = 1');
      await sql('delete from rate_copy where id = ?', [rateId]);
      await must(subgraph, director, set, { l: 'BUYER', m: { amount: '5000', currency: 'EUR' } });
    }
  });

  it('a director may not approve their own order either', async () => {
    const own = await createPo(subgraph, director, {
      supplierId: supplierSek,
      lines: [{ productId: pump.productId, quantity: '1', unitPrice: { amount: '100', currency: 'SEK' } }],
    });
    // Another currency without exchange rates: only an unlimited approver, and not the sender.
    expect(await act(director, 'submitPurchaseOrder', own.id)).toMatchObject({ status: 'AWAITING_APPROVAL', approvalReason: 'NO_EXCHANGE_RATE' });
    expect(await errorOf(director, poMutation('approvePurchaseOrder'), { id: own.id })).toMatchObject({ field: 'id', reason: 'SELF_APPROVAL' });
    expect(await errorOf(as('BUYER'), poMutation('approvePurchaseOrder'), { id: own.id })).toMatchObject({ reason: 'APPROVAL_LIMIT_EXCEEDED' });
    expect(await act(as('DIRECTOR'), 'approvePurchaseOrder', own.id)).toMatchObject({ status: 'APPROVED' });
  });

  it('flags splitting one need into several orders to one supplier on one day, and copying, for approval', async () => {
    const splitter = as('BUYER');
    const supplier = await createSupplier(subgraph, splitter, 'Split Fittings GmbH');
    const line = { productId: valve.productId, quantity: '40', unitPrice: { amount: '100', currency: 'EUR' } };
    const first = await createPo(subgraph, splitter, { supplierId: supplier, lines: [line] });
    expect(await act(splitter, 'submitPurchaseOrder', first.id)).toMatchObject({ status: 'APPROVED', approvalReason: 'WITHIN_LIMIT' });
    const second = await createPo(subgraph, splitter, { supplierId: supplier, lines: [line] });
    expect(await act(splitter, 'submitPurchaseOrder', second.id)).toMatchObject({
      status: 'AWAITING_APPROVAL',
      approvalReason: 'SAME_DAY_SPLIT',
      approvalAmount: { amount: '8000.00' },
    });
    const copy = (await must<{ copyPurchaseOrder: PoView }>(subgraph, splitter, poMutation('copyPurchaseOrder'), { id: first.id })).copyPurchaseOrder;
    expect(copy).toMatchObject({ status: 'DRAFT', lines: [{ quantity: '40', unitPrice: { amount: '100.00' } }] });
    expect(copy.number).not.toBe(first.number);
    expect(await act(splitter, 'submitPurchaseOrder', copy.id)).toMatchObject({
      status: 'AWAITING_APPROVAL',
      approvalReason: 'SAME_DAY_SPLIT',
      approvalAmount: { amount: '12000.00' },
    });
    // Orders awaiting approval count too: sending them all at once does not slip under the limit.
    expect(await errorOf(as('BUYER'), poMutation('approvePurchaseOrder'), { id: copy.id })).toMatchObject({ reason: 'APPROVAL_LIMIT_EXCEEDED' });
  });

  it('judges a same-day split by the day orders are sent, not drafted: yesterday’s draft sent today is summed with today’s', async () => {
    const sql = (query: string, params: unknown[] = []) => subgraph.service.orm.em.fork().getConnection().execute(query, params);
    const splitter = as('BUYER');
    const supplier = await createSupplier(subgraph, splitter, 'Sent Today Fittings GmbH');
    const line = { productId: valve.productId, quantity: '30', unitPrice: { amount: '100', currency: 'EUR' } };
    // Drafted yesterday, sent today after an order drafted and sent today: 3,000.00 + 3,000.00 is above the buyer's 5,000.00.
    const old = await createPo(subgraph, splitter, { supplierId: supplier, lines: [line] });
    await sql(`update purchase_order set created_at = created_at - interval '1 day' where id = ?`, [old.id]);
    expect(await act(splitter, 'submitPurchaseOrder', (await createPo(subgraph, splitter, { supplierId: supplier, lines: [line] })).id)).toMatchObject({
      approvalReason: 'WITHIN_LIMIT',
    });
    expect(await act(splitter, 'submitPurchaseOrder', old.id)).toMatchObject({
      status: 'AWAITING_APPROVAL',
      approvalReason: 'SAME_DAY_SPLIT',
      approvalAmount: { amount: '6000.00' },
    });

    // Drafted today but sent yesterday: not summed with what is sent today.
    const other = await createSupplier(subgraph, splitter, 'Sent Yesterday Fittings GmbH');
    const earlier = await createPo(subgraph, splitter, { supplierId: other, lines: [line] });
    await act(splitter, 'submitPurchaseOrder', earlier.id);
    await sql(`update purchase_order set submitted_at = submitted_at - interval '1 day', approved_at = approved_at - interval '1 day' where id = ?`, [earlier.id]);
    expect(await act(splitter, 'submitPurchaseOrder', (await createPo(subgraph, splitter, { supplierId: other, lines: [line] })).id)).toMatchObject({
      status: 'APPROVED',
      approvalReason: 'WITHIN_LIMIT',
      approvalAmount: { amount: '3000.00' },
    });
  });

  it('voids the approval when an approved order changes: a draft again, announced as voided, to be sent and approved anew, announced again in full', async () => {
    const po = await createPo(subgraph, buyer, { supplierId: supplierB, lines: [{ productId: pump.productId, quantity: '1', unitPrice: { amount: '1000', currency: 'EUR' } }] });
    await act(buyer, 'submitPurchaseOrder', po.id);
    const update =
      'mutation($id: ID!, $lineId: ID!, $input: UpdatePurchaseOrderLineInput!) { updatePurchaseOrderLine(id: $id, lineId: $lineId, input: $input) { status approvedBy netTotal { amount } } }';
    const changed = await must<{ updatePurchaseOrderLine: { status: string; netTotal: { amount: string } } }>(subgraph, buyer, update, {
      id: po.id,
      lineId: po.lines[0]!.id,
      input: { quantity: '30' },
    });
    expect(changed.updatePurchaseOrderLine).toMatchObject({ status: 'DRAFT', netTotal: { amount: '30000.00' } });
    expect(await act(buyer, 'submitPurchaseOrder', po.id)).toMatchObject({ status: 'AWAITING_APPROVAL', approvalReason: 'ABOVE_LIMIT' });
    expect(await errorOf(buyer, update, { id: po.id, lineId: po.lines[0]!.id, input: { unitPrice: { amount: '1', currency: 'USD' } } })).toMatchObject({
      field: 'input.unitPrice.currency',
    });
    await act(director, 'approvePurchaseOrder', po.id);
    const events = await outboxOf(subgraph, po.id);
    // Only the change of the approved order voided an announced approval; the second change (of a draft) announced nothing.
    expect(events.map((e) => e.type)).toEqual(['purchasing.order.approved.v1', 'purchasing.order.approval-voided.v1', 'purchasing.order.approved.v1']);
    expect(events[1]!.payload.data).toMatchObject({ purchaseOrderId: po.id, number: po.number, supplierId: supplierB });
    expect(events[2]!.payload.data).toMatchObject({ lines: [{ quantity: '30' }] });
  });

  it('cancels an approved order and withdraws what it still expected; a draft is cancelled without an event', async () => {
    const supplierC = await createSupplier(subgraph, buyer, 'Cancelled Castings');
    const po = await createPo(subgraph, buyer, { supplierId: supplierC, lines: [{ productId: pump.productId, quantity: '4', unitPrice: { amount: '10', currency: 'EUR' } }] });
    await act(buyer, 'submitPurchaseOrder', po.id);
    expect(await act(buyer, 'cancelPurchaseOrder', po.id)).toMatchObject({ status: 'CANCELLED', lines: [{ openQuantity: '0' }] });
    const events = await outboxOf(subgraph, po.id);
    expect(events.map((e) => e.type)).toEqual(['purchasing.order.approved.v1', 'purchasing.order.cancelled.v1']);
    expect(events[1]!.payload.data).toMatchObject({ whole: true, lines: [{ lineId: po.lines[0]!.id, quantity: '4' }] });
    expect(await errorOf(buyer, poMutation('cancelPurchaseOrder'), { id: po.id })).toMatchObject({ code: 'CONFLICT' });

    const draft = await createPo(subgraph, buyer, { supplierId: supplierB, lines: [{ productId: pump.productId, quantity: '4', unitPrice: { amount: '10', currency: 'EUR' } }] });
    await act(buyer, 'cancelPurchaseOrder', draft.id);
    expect(await outboxOf(subgraph, draft.id)).toEqual([]);
  });

  it('counts a receipt inventory posted before the cancellation reached it as received, cancelling only what did not come', async () => {
    const supplierL = await createSupplier(subgraph, buyer, 'Late Receipts Ltd');
    const po = await createPo(subgraph, buyer, { supplierId: supplierL, lines: [{ productId: pump.productId, quantity: '10', unitPrice: { amount: '10', currency: 'EUR' } }] });
    await act(buyer, 'submitPurchaseOrder', po.id);
    await act(buyer, 'cancelPurchaseOrder', po.id);
    const line = po.lines[0]!;
    const receipt = {
      receiptId: randomUUID(),
      number: 'GR-LATE-1',
      warehouseId: randomUUID(),
      purchaseOrderId: po.id,
      supplierId: supplierL,
      lines: [{ purchaseOrderLineId: line.id, productId: pump.productId, quantity: '4', unitCost: { amount: '10', currency: 'EUR' } }],
      receivedAt: new Date().toISOString(),
    };
    await recordReceipt(subgraph.service.orm.em.fork(), receipt);
    await recordReceipt(subgraph.service.orm.em.fork(), receipt);
    const seen = await must<{ purchaseOrder: { status: string; lines: { receivedQuantity: string; cancelledQuantity: string; openQuantity: string }[] } }>(
      subgraph,
      buyer,
      'query($id: ID!) { purchaseOrder(id: $id) { status lines { receivedQuantity cancelledQuantity openQuantity } } }',
      { id: po.id },
    );
    expect(seen.purchaseOrder).toEqual({ status: 'CANCELLED', lines: [{ receivedQuantity: '4', cancelledQuantity: '6', openQuantity: '0' }] });
  });

  it('lists the open orders (several states at once) beside the single-state filter, states shown from received quantities', async () => {
    const supplierO = await createSupplier(subgraph, buyer, 'Open Orders Oy');
    const order = async (quantity: string, amount = '10') =>
      createPo(subgraph, buyer, { supplierId: supplierO, lines: [{ productId: pump.productId, quantity, unitPrice: { amount, currency: 'EUR' } }] });
    const draft = await order('1');
    const awaiting = await order('1', '9000');
    const approved = await order('2');
    await act(buyer, 'submitPurchaseOrder', approved.id);
    const partly = await order('5');
    await act(buyer, 'submitPurchaseOrder', partly.id);
    const received = await order('3');
    await act(buyer, 'submitPurchaseOrder', received.id);
    const cancelled = await order('1');
    await act(buyer, 'cancelPurchaseOrder', cancelled.id);
    // Sent last: above the buyer's limit, it would flag the small ones sent after it as a same-day split.
    await act(buyer, 'submitPurchaseOrder', awaiting.id);
    const receive = (po: PoView, quantity: string) =>
      recordReceipt(subgraph.service.orm.em.fork(), {
        receiptId: randomUUID(),
        number: `GR-${po.number}`,
        warehouseId: randomUUID(),
        purchaseOrderId: po.id,
        supplierId: supplierO,
        lines: [{ purchaseOrderLineId: po.lines[0]!.id, productId: pump.productId, quantity, unitCost: { amount: '10', currency: 'EUR' } }],
        receivedAt: new Date().toISOString(),
      });
    await receive(partly, '2');
    await receive(received, '3');
    const list = async (filter: Record<string, unknown>) =>
      (
        await must<{ purchaseOrders: { edges: { node: { id: string; status: string } }[] } }>(
          subgraph,
          buyer,
          'query($f: PurchaseOrderFilter) { purchaseOrders(filter: $f, first: 100) { edges { node { id status } } } }',
          { f: { supplierId: supplierO, ...filter } },
        )
      ).purchaseOrders.edges.map((e) => e.node);
    // Newest first.
    expect(await list({ statuses: ['AWAITING_APPROVAL', 'APPROVED', 'PARTLY_RECEIVED'] })).toEqual([
      { id: partly.id, status: 'PARTLY_RECEIVED' },
      { id: approved.id, status: 'APPROVED' },
      { id: awaiting.id, status: 'AWAITING_APPROVAL' },
    ]);
    expect(await list({ statuses: ['DRAFT', 'RECEIVED', 'CANCELLED'] })).toEqual([
      { id: cancelled.id, status: 'CANCELLED' },
      { id: received.id, status: 'RECEIVED' },
      { id: draft.id, status: 'DRAFT' },
    ]);
    expect(await list({ status: 'PARTLY_RECEIVED' })).toEqual([{ id: partly.id, status: 'PARTLY_RECEIVED' }]);
    expect(await list({ status: 'DRAFT' })).toEqual([{ id: draft.id, status: 'DRAFT' }]);
    // Both narrow: the single state if it is listed, nothing otherwise; an empty list matches none.
    expect(await list({ status: 'APPROVED', statuses: ['APPROVED', 'DRAFT'] })).toEqual([{ id: approved.id, status: 'APPROVED' }]);
    expect(await list({ status: 'APPROVED', statuses: ['DRAFT'] })).toEqual([]);
    expect(await list({ statuses: [] })).toEqual([]);
    expect(await list({})).toHaveLength(6);
  });

  it('20 concurrent approvals of one order: one wins, the others CONFLICT, one approval announced', async () => {
    const po = await createPo(subgraph, buyer, { supplierId: supplierA, lines: [{ productId: valve.productId, quantity: '100', unitPrice: { amount: '100', currency: 'EUR' } }] });
    await act(buyer, 'submitPurchaseOrder', po.id);
    const race = await raceBehindRow(subgraph.database.url, 'purchase_order', po.id, () => subgraph.gqlAs(director, poMutation('approvePurchaseOrder'), { id: po.id }), 20);
    expect(race.other).toEqual([]);
    expect(race.won).toHaveLength(1);
    expect(race.conflicts).toHaveLength(19);
    expect((await outboxOf(subgraph, po.id)).map((e) => e.type)).toEqual(['purchasing.order.approved.v1']);
  });

  it('lets accountants and the warehouse read orders but not change them; sales sees none', async () => {
    const po = await createPo(subgraph, buyer, { supplierId: supplierB, lines: [{ productId: pump.productId, quantity: '1', unitPrice: { amount: '10', currency: 'EUR' } }] });
    for (const role of ['ACCOUNTANT', 'WAREHOUSE_CLERK'] as const) {
      expect((await must<{ purchaseOrder: { id: string } }>(subgraph, as(role), 'query($id: ID!) { purchaseOrder(id: $id) { id } }', { id: po.id })).purchaseOrder.id).toBe(po.id);
      expect(await errorOf(as(role), poMutation('submitPurchaseOrder'), { id: po.id })).toMatchObject({ code: 'FORBIDDEN', reason: 'READ_ONLY' });
    }
    for (const role of ['SALES_REP', 'SALES_MANAGER', 'SUPPORT_AGENT'] as const) {
      expect(await errorOf(as(role), 'query($id: ID!) { purchaseOrder(id: $id) { id } }', { id: po.id })).toMatchObject({ code: 'FORBIDDEN', reason: 'DEPARTMENT_FORBIDDEN' });
      expect(await errorOf(as(role), '{ bestPrice(productId: "00000000-0000-0000-0000-000000000000", quantity: "1") { id } }', {})).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
