import { randomUUID } from 'node:crypto';
import { receivePartlyAndHoldBill, type GatewayCall } from '@rapport/purchasing/demo-inbound';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, untilOrderLine, type TestSystem } from './harness.js';

// Procure to pay end to end through the gateway, with the real services talking over Kafka and no
// event faked: inventory's safety alarm becomes purchasing's reorder suggestion, the buyer's order
// above their limit waits for a director, its approval makes inventory expect the goods (incoming),
// two sales orders wait short of stock, the warehouse receives part of the order (the older sales
// order is served first) and purchasing learns it (PARTLY_RECEIVED), the rest arrives (RECEIVED),
// the bill is matched against what came and paid, and nothing is owed. Over-receipt beyond the
// tolerance is refused naming the field; a cancelled order is no longer expected. Sales sees none
// of purchasing.

let system: TestSystem;
let clerk = '';
let buyer = '';
let director = '';
let accountant = '';
let rep = '';
let productId = '';
let warehouseId = '';
let supplierId = '';
/** A second, dearer supplier: orders to it are not summed with the first supplier's that day. */
let dearId = '';
let purchaseOrder = { id: '', number: '', lineId: '' };
const salesOrders = { older: '', newer: '' };

const eur = (amount: string) => ({ amount, currency: 'EUR' });

interface Level {
  onHand: string;
  reserved: string;
  available: string;
  incoming: string;
}
const levelIn = async (): Promise<Level | undefined> => {
  const { product } = await system.must<{ product: { stock: (Level & { warehouse: { id: string } | null })[] } }>(
    clerk,
    'query($id: ID!) { product(id: $id) { stock { warehouse { id } onHand reserved available incoming } } }',
    { id: productId },
  );
  const level = product.stock.find((l) => l.warehouse?.id === warehouseId);
  return level && { onHand: level.onHand, reserved: level.reserved, available: level.available, incoming: level.incoming };
};

interface PurchaseOrderSeen {
  status: string;
  lines: { receivedQuantity: string; openQuantity: string }[];
}
const purchaseOrderSeen = async (): Promise<PurchaseOrderSeen> =>
  (
    await system.must<{ purchaseOrder: PurchaseOrderSeen }>(buyer, 'query($id: ID!) { purchaseOrder(id: $id) { status lines { receivedQuantity openQuantity } } }', {
      id: purchaseOrder.id,
    })
  ).purchaseOrder;

const receiveGoods = (quantity: string, lineId = purchaseOrder.lineId, orderId = purchaseOrder.id) =>
  system.as<{ receiveGoods: { id: string; number: string; lines: { quantity: string; unitCost: { amount: string } | null }[] } }>(
    clerk,
    'mutation($i: ReceiveGoodsInput!) { receiveGoods(input: $i) { id number lines { quantity unitCost { amount } } } }',
    { i: { purchaseOrderId: orderId, warehouseId, lines: [{ purchaseOrderLineId: lineId, quantity }] } },
  );

const expectedOf = async (purchaseOrderId: string, open: boolean) =>
  (
    await system.must<{ expectedReceipts: { edges: { node: { id: string; ordered: string; received: string; stillExpected: string; warehouse: { id: string } | null } }[] } }>(
      buyer,
      'query($f: ExpectedReceiptFilter) { expectedReceipts(filter: $f) { edges { node { id ordered received stillExpected warehouse { id } } } } }',
      { f: { purchaseOrderId, open } },
    )
  ).expectedReceipts.edges.map((e) => e.node);

beforeAll(async () => {
  system = await startTestSystem('procure-to-pay');
  const user = async (role: string) => (await system.createUser({ email: `${role.toLowerCase()}-${randomUUID().slice(0, 6)}@rapport.example`, role })).token;
  const tokens = await Promise.all(['WAREHOUSE_CLERK', 'BUYER', 'DIRECTOR', 'ACCOUNTANT', 'SALES_REP'].map(user));
  [clerk, buyer, director, accountant, rep] = tokens as [string, string, string, string, string];
}, 120_000);
afterAll(async () => {
  if (!system) return;
  await system.expectStockBalanced();
  await system.stop();
});

describe('procure to pay through the gateway, over Kafka, with the real services', () => {
  it('turns inventory’s safety alarm into a reorder suggestion at the best supplier price, and a draft order from it', async () => {
    const stocked = await system.must<{ createProduct: { id: string }; createWarehouse: { id: string } }>(
      clerk,
      `mutation {
        createProduct(input: { sku: "P2P-PUMP", name: "Pump P2P", listPrice: { amount: "900", currency: "EUR" }, standardCost: { amount: "55", currency: "EUR" } }) { id }
        createWarehouse(input: { code: "P2P-BER", name: "Berlin", address: "Lagerstr. 1, 10115 Berlin" }) { id }
      }`,
    );
    productId = stocked.createProduct.id;
    warehouseId = stocked.createWarehouse.id;
    supplierId = (
      await system.must<{ createSupplier: { id: string } }>(buyer, 'mutation { createSupplier(input: { name: "Pumpen Nord GmbH", currency: "EUR", paymentTermsDays: 30 }) { id } }')
    ).createSupplier.id;
    dearId = (await system.must<{ createSupplier: { id: string } }>(buyer, 'mutation { createSupplier(input: { name: "Pumpen Süd GmbH", currency: "EUR" }) { id } }'))
      .createSupplier.id;
    // Purchasing learns the product from inventory's event: until then the price is refused naming the product.
    const setPrice = (supplier: string, amount: string) =>
      system.as(buyer, 'mutation($i: SetSupplierPriceInput!) { setSupplierPrice(input: $i) { id } }', {
        i: { supplierId: supplier, productId, price: eur(amount), leadTimeDays: 7 },
      });
    await waitFor(async () => ((await setPrice(supplierId, '60')).errors ? undefined : true), { what: 'purchasing to learn the product' });
    expect((await setPrice(dearId, '65')).errors).toBeUndefined();

    // Nothing on hand, a safety level of 20: inventory raises the alarm and announces it.
    await system.must(clerk, 'mutation($i: SetStockRuleInput!) { setStockRule(input: $i) { safetyStock } }', {
      i: { productId, warehouseId, safetyStock: '20', reorderQuantity: '100' },
    });
    const suggestion = await waitFor(
      async () => {
        const found = await system.must<{
          reorderSuggestions: { id: string; productId: string; quantity: string; supplier: { id: string } | null; unitPrice: { amount: string } | null }[];
        }>(buyer, '{ reorderSuggestions { id productId quantity supplier { id } unitPrice { amount } } }');
        return found.reorderSuggestions.find((s) => s.productId === productId);
      },
      { what: 'a reorder suggestion from inventory’s safety alarm' },
    );
    expect(suggestion).toMatchObject({ quantity: '100', supplier: { id: supplierId }, unitPrice: { amount: '60.00' } });

    const made = await system.must<{
      createPurchaseOrdersFromSuggestions: {
        id: string;
        number: string;
        status: string;
        warehouseId: string | null;
        lines: { id: string; quantity: string }[];
        netTotal: { amount: string };
      }[];
    }>(buyer, 'mutation($ids: [ID!]!) { createPurchaseOrdersFromSuggestions(ids: $ids) { id number status warehouseId lines { id quantity } netTotal { amount } } }', {
      ids: [suggestion.id],
    });
    const [po] = made.createPurchaseOrdersFromSuggestions;
    expect(po).toMatchObject({ status: 'DRAFT', warehouseId, netTotal: { amount: '6000.00' }, lines: [{ quantity: '100' }] });
    purchaseOrder = { id: po!.id, number: po!.number, lineId: po!.lines[0]!.id };
  });

  it('holds the order above the buyer’s limit for a director; once approved, inventory expects it and counts it incoming', async () => {
    const submitted = await system.must<{ submitPurchaseOrder: { status: string; approvalReason: string } }>(
      buyer,
      'mutation($id: ID!) { submitPurchaseOrder(id: $id) { status approvalReason } }',
      { id: purchaseOrder.id },
    );
    expect(submitted.submitPurchaseOrder).toEqual({ status: 'AWAITING_APPROVAL', approvalReason: 'ABOVE_LIMIT' });
    const own = await system.as(buyer, 'mutation($id: ID!) { approvePurchaseOrder(id: $id) { status } }', { id: purchaseOrder.id });
    expect(own.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', reason: 'SELF_APPROVAL' });
    // Not approved: inventory expects nothing yet.
    expect(await expectedOf(purchaseOrder.id, false)).toEqual([]);

    const approved = await system.must<{ approvePurchaseOrder: { status: string; supplier: { name: string } } }>(
      director,
      'mutation($id: ID!) { approvePurchaseOrder(id: $id) { status supplier { name } } }',
      { id: purchaseOrder.id },
    );
    expect(approved.approvePurchaseOrder).toEqual({ status: 'APPROVED', supplier: { name: 'Pumpen Nord GmbH' } });
    const expected = await waitFor(async () => (await expectedOf(purchaseOrder.id, true))[0], { what: 'inventory to expect the approved purchase order' });
    expect(expected).toEqual({ id: purchaseOrder.lineId, ordered: '100', received: '0', stillExpected: '100', warehouse: { id: warehouseId } });
    expect(await levelIn()).toMatchObject({ onHand: '0', incoming: '100' });
  });

  it('leaves two sales orders short of the product while nothing is on hand', async () => {
    const customerId = (await system.must<{ createCustomer: { id: string } }>(rep, 'mutation { createCustomer(input: { name: "Werft Kiel AG", kind: COMPANY }) { id } }'))
      .createCustomer.id;
    await system.untilSellable(productId);
    const place = (quantity: string) =>
      waitFor(
        async () => {
          const answer = await system.as<{ placeOrder: { id: string } }>(rep, 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }', {
            i: { customerId, currency: 'EUR', lines: [{ productId, quantity }] },
          });
          if (answer.errors?.[0]?.extensions?.reason === 'CUSTOMER_NOT_FOUND') return undefined;
          if (answer.errors) throw new Error(`the gateway answered errors: ${JSON.stringify(answer.errors)}`);
          return answer.data?.placeOrder.id;
        },
        { what: 'sales to let the rep order for their new customer' },
      );
    salesOrders.older = await place('30');
    await untilOrderLine(system, rep, salesOrders.older, { shortQuantity: '30', reservedQuantity: '0' }, 'the older order short');
    salesOrders.newer = await place('20');
    await untilOrderLine(system, rep, salesOrders.newer, { shortQuantity: '20', reservedQuantity: '0' }, 'the newer order short');
    expect(await levelIn()).toMatchObject({ onHand: '0', reserved: '0', incoming: '100' });
  });

  it('receives part of the order: stock up, the older shortage served first, purchasing shows PARTLY_RECEIVED', async () => {
    const received = await receiveGoods('40');
    expect(received.errors).toBeUndefined();
    expect(received.data?.receiveGoods.lines).toEqual([{ quantity: '40', unitCost: { amount: '60.00' } }]);
    expect(await levelIn()).toMatchObject({ onHand: '40', reserved: '40', incoming: '60' });
    await untilOrderLine(system, rep, salesOrders.older, { shortQuantity: '0', reservedQuantity: '30' }, 'sales to show the older order reserved in full');
    await untilOrderLine(system, rep, salesOrders.newer, { shortQuantity: '10', reservedQuantity: '10' }, 'sales to show the newer order reserved in part');

    const seen = await waitFor(
      async () => {
        const po = await purchaseOrderSeen();
        return po.status === 'PARTLY_RECEIVED' ? po : undefined;
      },
      { what: 'purchasing to learn the receipt from inventory' },
    );
    expect(seen.lines).toEqual([{ receivedQuantity: '40', openQuantity: '60' }]);
    const receipts = await system.must<{ purchaseOrder: { receipts: { receiptId: string; warehouseId: string; quantity: string }[] } }>(
      buyer,
      'query($id: ID!) { purchaseOrder(id: $id) { receipts { receiptId warehouseId quantity } } }',
      { id: purchaseOrder.id },
    );
    expect(receipts.purchaseOrder.receipts).toEqual([{ receiptId: received.data!.receiveGoods.id, warehouseId, quantity: '40' }]);
  });

  it('refuses more than the rest plus the tolerance, naming the field, and changes nothing', async () => {
    const refused = await receiveGoods('65.001');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[0].quantity', reason: 'OVER_RECEIPT', details: { receivable: '65' } });
    expect(await levelIn()).toMatchObject({ onHand: '40', incoming: '60' });
  });

  it('receives the rest: the newer order is served, purchasing shows RECEIVED', async () => {
    const rest = await receiveGoods('60');
    expect(rest.errors).toBeUndefined();
    expect(await levelIn()).toMatchObject({ onHand: '100', reserved: '50', available: '50', incoming: '0' });
    await untilOrderLine(system, rep, salesOrders.newer, { shortQuantity: '0', reservedQuantity: '20' }, 'sales to show the newer order reserved in full');
    const seen = await waitFor(
      async () => {
        const po = await purchaseOrderSeen();
        return po.status === 'RECEIVED' ? po : undefined;
      },
      { what: 'purchasing to learn the second receipt' },
    );
    expect(seen.lines).toEqual([{ receivedQuantity: '100', openQuantity: '0' }]);
    expect(await expectedOf(purchaseOrder.id, true)).toEqual([]);
  });

  it('matches the bill against what came, registers it, takes payments, and nothing is owed', async () => {
    const bill = 'mutation($i: RegisterSupplierBillInput!) { registerSupplierBill(input: $i) { id status dueDate grossTotal { amount } } }';
    const billInput = (quantity: string) => ({
      purchaseOrderId: purchaseOrder.id,
      supplierReference: `PN-${quantity}`,
      billDate: '2026-12-05',
      lines: [{ purchaseOrderLineId: purchaseOrder.lineId, quantity, unitPrice: eur('60'), taxRate: '19' }],
    });
    const tooMuch = await system.as(accountant, bill, { i: billInput('100.001') });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines.0.quantity', reason: 'BILLED_MORE_THAN_RECEIVED' });
    const registered = (
      await system.must<{ registerSupplierBill: { id: string; status: string; dueDate: string; grossTotal: { amount: string } } }>(accountant, bill, { i: billInput('100') })
    ).registerSupplierBill;
    expect(registered).toMatchObject({ status: 'OPEN', dueDate: '2027-01-04', grossTotal: { amount: '7140.00' } });

    const pay = 'mutation($i: MakeSupplierPaymentInput!) { makeSupplierPayment(input: $i) { id unallocated { amount } } }';
    const over = await system.as(accountant, pay, {
      i: { supplierId, amount: eur('8000'), method: 'BANK_TRANSFER', allocations: [{ billId: registered.id, amount: eur('7140.01') }] },
    });
    expect(over.errors?.[0]?.extensions).toMatchObject({ field: 'input.allocations.0.amount', reason: 'PAYING_MORE_THAN_OWED' });
    await system.must(accountant, pay, { i: { supplierId, amount: eur('3000'), method: 'BANK_TRANSFER', allocations: [{ billId: registered.id, amount: eur('3000') }] } });
    const owedBetween = await system.must<{ supplierBill: { status: string; openAmount: { amount: string } } }>(
      accountant,
      'query($id: ID!) { supplierBill(id: $id) { status openAmount { amount } } }',
      { id: registered.id },
    );
    expect(owedBetween.supplierBill.openAmount.amount).toBe('4140.00');
    await system.must(accountant, pay, { i: { supplierId, amount: eur('4140'), method: 'BANK_TRANSFER', allocations: [{ billId: registered.id, amount: eur('4140') }] } });
    const after = await system.must<{ supplierBill: { status: string; openAmount: { amount: string } }; supplierPayables: unknown[]; purchaseOrder: { billingStatus: string } }>(
      accountant,
      'query($id: ID!, $s: ID!, $po: ID!) { supplierBill(id: $id) { status openAmount { amount } } supplierPayables(supplierId: $s) { supplierId } purchaseOrder(id: $po) { billingStatus } }',
      { id: registered.id, s: supplierId, po: purchaseOrder.id },
    );
    expect(after).toEqual({ supplierBill: { status: 'PAID', openAmount: { amount: '0.00' } }, supplierPayables: [], purchaseOrder: { billingStatus: 'BILLED' } });
  });

  it('cancels an approved order: inventory no longer expects it or receives against it', async () => {
    // Within the buyer's limit (10 × 65) and from another supplier, so approved on sending. No warehouse named:
    // the warehouse chooses at receipt, and until then inventory counts it incoming in its default one (the only one here).
    const made = await system.must<{ createPurchaseOrder: { id: string; lines: { id: string }[] } }>(
      buyer,
      'mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { id lines { id } } }',
      { i: { supplierId: dearId, lines: [{ productId, quantity: '10' }] } },
    );
    const { id, lines } = made.createPurchaseOrder;
    const sent = await system.must<{ submitPurchaseOrder: { status: string; approvalReason: string } }>(
      buyer,
      'mutation($id: ID!) { submitPurchaseOrder(id: $id) { status approvalReason } }',
      { id },
    );
    expect(sent.submitPurchaseOrder).toEqual({ status: 'APPROVED', approvalReason: 'WITHIN_LIMIT' });
    const expected = await waitFor(async () => (await expectedOf(id, true))[0], { what: 'inventory to expect the second order' });
    expect(expected).toEqual({ id: lines[0]!.id, ordered: '10', received: '0', stillExpected: '10', warehouse: { id: warehouseId } });
    expect(await levelIn()).toMatchObject({ incoming: '10' });

    const cancelled = await system.must<{ cancelPurchaseOrder: { status: string } }>(buyer, 'mutation($id: ID!) { cancelPurchaseOrder(id: $id) { status } }', { id });
    expect(cancelled.cancelPurchaseOrder.status).toBe('CANCELLED');
    await waitFor(async () => ((await expectedOf(id, true)).length === 0 ? true : undefined), { what: 'inventory to stop expecting the cancelled order' });
    expect(await levelIn()).toMatchObject({ onHand: '100', incoming: '0' });
    const refused = await receiveGoods('1', lines[0]!.id, id);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PURCHASE_ORDER_CANCELLED' });
  });

  it('gives the demo data a partial receipt and a bill held for its price (the function the demo script calls)', async () => {
    const made = await system.must<{ createPurchaseOrder: { id: string } }>(buyer, 'mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { id } }', {
      i: { supplierId: dearId, warehouseId, lines: [{ productId, quantity: '8', taxRate: '19' }] },
    });
    const { id } = made.createPurchaseOrder;
    await system.must(buyer, 'mutation($id: ID!) { submitPurchaseOrder(id: $id) { id } }', { id });
    const callAs =
      (token: string): GatewayCall =>
      <T>(query: string, variables?: Record<string, unknown>) =>
        system.must<T>(token, query, variables);
    const { receiptId, billId } = await receivePartlyAndHoldBill(
      { clerk: callAs(clerk), accountant: callAs(accountant) },
      { purchaseOrderId: id, warehouseId, supplierReference: 'PS-DEMO-1', billDate: '2026-12-05' },
    );
    const seen = await system.must<{
      supplierBill: { status: string; holdReasons: string[]; lines: { quantity: string; unitPrice: { amount: string } }[] };
      purchaseOrder: { status: string; receipts: { receiptId: string; quantity: string }[] };
    }>(
      accountant,
      'query($b: ID!, $po: ID!) { supplierBill(id: $b) { status holdReasons lines { quantity unitPrice { amount } } } purchaseOrder(id: $po) { status receipts { receiptId quantity } } }',
      { b: billId, po: id },
    );
    expect(seen).toEqual({
      supplierBill: { status: 'HELD', holdReasons: ['PRICE_DIFFERENCE'], lines: [{ quantity: '4', unitPrice: { amount: '68.25' } }] },
      purchaseOrder: { status: 'PARTLY_RECEIVED', receipts: [{ receiptId, quantity: '4' }] },
    });
    expect(await levelIn()).toMatchObject({ onHand: '104', incoming: '4' });
  });

  it('shows sales none of purchasing', async () => {
    for (const query of ['query($id: ID!) { purchaseOrder(id: $id) { id } }', '{ supplierBills { id } }', '{ reorderSuggestions { id } }']) {
      const result = await system.as(rep, query, { id: purchaseOrder.id });
      expect(result.errors?.[0]?.extensions, query).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
