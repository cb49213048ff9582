import { createEvent, ReceiptPostedV1 } from '@rapport/contracts';
import { waitFor } from '@rapport/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';

// Procure to pay through the gateway over real Kafka: the warehouse's product reaches purchasing's
// catalogue copy, a safety-stock alarm becomes a reorder suggestion at the best supplier price, a
// buyer orders it, the order above the buyer's limit waits for a director, inventory's receipt
// (delivered here as inventory.receipt.posted.v1: receiving against a purchase order is inventory's
// side, built on another branch) makes it PARTLY_RECEIVED, finance registers the matched bill and
// pays it, and payables come back to nothing. Sales sees none of it.

let system: TestSystem;
let clerk = '';
let buyer = '';
let director = '';
let accountant = '';
let rep = '';
let productId = '';
let warehouseId = '';
let supplierId = '';
let purchaseOrder = { id: '', number: '', lineId: '' };

const eur = (amount: string) => ({ amount, currency: 'EUR' });

beforeAll(async () => {
  system = await startTestSystem('purchasing-e2e');
  const user = async (role: string) => (await system.createUser({ email: `${role.toLowerCase()}-${randomUUID().slice(0, 6)}@rapport.example`, role })).token;
  const tokens = await Promise.all(['WAREHOUSE_CLERK', 'BUYER', 'DIRECTOR', 'ACCOUNTANT', 'SALES_REP'].map(user));
  [clerk, buyer, director, accountant, rep] = tokens as [string, string, string, string, string];
}, 120_000);
afterAll(async () => system?.stop());

describe('procure to pay through the gateway', () => {
  it('turns a safety-stock alarm into a suggestion at the best supplier price', async () => {
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
    const dearId = (await system.must<{ createSupplier: { id: string } }>(buyer, 'mutation { createSupplier(input: { name: "Pumpen Süd GmbH", currency: "EUR" }) { id } }'))
      .createSupplier.id;
    // Purchasing learns the product from inventory's event: until then the price is refused naming the product.
    const setPrice = (supplier: string, amount: string) =>
      system.as(buyer, 'mutation($i: SetSupplierPriceInput!) { setSupplierPrice(input: $i) { id } }', {
        i: { supplierId: supplier, productId, price: eur(amount), leadTimeDays: 7 },
      });
    await waitFor(async () => ((await setPrice(supplierId, '60')).errors ? undefined : true), { what: 'purchasing to learn the product' });
    expect((await setPrice(dearId, '65')).errors).toBeUndefined();

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
      { what: 'a reorder suggestion from the safety alarm' },
    );
    expect(suggestion).toMatchObject({ quantity: '100', supplier: { id: supplierId }, unitPrice: { amount: '60.00' } });

    const made = await system.must<{
      createPurchaseOrdersFromSuggestions: { id: string; number: string; status: string; lines: { id: string; quantity: string }[]; netTotal: { amount: string } }[];
    }>(buyer, 'mutation($ids: [ID!]!) { createPurchaseOrdersFromSuggestions(ids: $ids) { id number status lines { id quantity } netTotal { amount } } }', { ids: [suggestion.id] });
    const [po] = made.createPurchaseOrdersFromSuggestions;
    expect(po).toMatchObject({ status: 'DRAFT', netTotal: { amount: '6000.00' }, lines: [{ quantity: '100' }] });
    purchaseOrder = { id: po!.id, number: po!.number, lineId: po!.lines[0]!.id };
  });

  it('holds the order above the buyer’s limit until a director approves it; the buyer cannot approve their own', async () => {
    const submitted = await system.must<{ submitPurchaseOrder: { status: string; approvalReason: string } }>(
      buyer,
      'mutation($id: ID!) { submitPurchaseOrder(id: $id) { status approvalReason } }',
      {
        id: purchaseOrder.id,
      },
    );
    expect(submitted.submitPurchaseOrder).toEqual({ status: 'AWAITING_APPROVAL', approvalReason: 'ABOVE_LIMIT' });
    const own = await system.as(buyer, 'mutation($id: ID!) { approvePurchaseOrder(id: $id) { status } }', { id: purchaseOrder.id });
    expect(own.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', reason: 'SELF_APPROVAL' });
    const approved = await system.must<{ approvePurchaseOrder: { status: string; supplier: { name: string } } }>(
      director,
      'mutation($id: ID!) { approvePurchaseOrder(id: $id) { status supplier { name } } }',
      { id: purchaseOrder.id },
    );
    expect(approved.approvePurchaseOrder).toEqual({ status: 'APPROVED', supplier: { name: 'Pumpen Nord GmbH' } });
  });

  it('learns a partial receipt from inventory, then a bill for what came is matched, paid, and nothing is owed', async () => {
    await system.subgraphs.purchasing.events.deliver(
      createEvent(ReceiptPostedV1, purchaseOrder.id, {
        receiptId: randomUUID(),
        number: 'GR-P2P-1',
        warehouseId,
        purchaseOrderId: purchaseOrder.id,
        supplierId,
        lines: [{ purchaseOrderLineId: purchaseOrder.lineId, productId, quantity: '40', unitCost: eur('60') }],
        receivedAt: new Date().toISOString(),
      }),
    );
    const received = await waitFor(
      async () => {
        const seen = await system.must<{ purchaseOrder: { status: string; lines: { receivedQuantity: string; openQuantity: string }[] } }>(
          buyer,
          'query($id: ID!) { purchaseOrder(id: $id) { status lines { receivedQuantity openQuantity } } }',
          { id: purchaseOrder.id },
        );
        return seen.purchaseOrder.status === 'PARTLY_RECEIVED' ? seen.purchaseOrder : undefined;
      },
      { what: 'purchasing to learn the receipt' },
    );
    expect(received.lines).toEqual([{ receivedQuantity: '40', openQuantity: '60' }]);

    const bill = 'mutation($i: RegisterSupplierBillInput!) { registerSupplierBill(input: $i) { id status dueDate grossTotal { amount } } }';
    const billInput = (quantity: string) => ({
      purchaseOrderId: purchaseOrder.id,
      supplierReference: `PN-${quantity}`,
      billDate: '2026-12-05',
      lines: [{ purchaseOrderLineId: purchaseOrder.lineId, quantity, unitPrice: eur('60'), taxRate: '19' }],
    });
    const tooMuch = await system.as(accountant, bill, { i: billInput('41') });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines.0.quantity', reason: 'BILLED_MORE_THAN_RECEIVED' });
    const registered = (
      await system.must<{ registerSupplierBill: { id: string; status: string; dueDate: string; grossTotal: { amount: string } } }>(accountant, bill, { i: billInput('40') })
    ).registerSupplierBill;
    expect(registered).toMatchObject({ status: 'OPEN', dueDate: '2027-01-04', grossTotal: { amount: '2856.00' } });

    const pay = 'mutation($i: MakeSupplierPaymentInput!) { makeSupplierPayment(input: $i) { id unallocated { amount } } }';
    const over = await system.as(accountant, pay, {
      i: { supplierId, amount: eur('3000'), method: 'BANK_TRANSFER', allocations: [{ billId: registered.id, amount: eur('2856.01') }] },
    });
    expect(over.errors?.[0]?.extensions).toMatchObject({ field: 'input.allocations.0.amount', reason: 'PAYING_MORE_THAN_OWED' });
    await system.must(accountant, pay, { i: { supplierId, amount: eur('1000'), method: 'BANK_TRANSFER', allocations: [{ billId: registered.id, amount: eur('1000') }] } });
    await system.must(accountant, pay, { i: { supplierId, amount: eur('1856'), method: 'BANK_TRANSFER', allocations: [{ billId: registered.id, amount: eur('1856') }] } });
    const after = await system.must<{ supplierBill: { status: string; openAmount: { amount: string } }; supplierPayables: unknown[] }>(
      accountant,
      'query($id: ID!, $s: ID!) { supplierBill(id: $id) { status openAmount { amount } } supplierPayables(supplierId: $s) { supplierId } }',
      { id: registered.id, s: supplierId },
    );
    expect(after).toEqual({ supplierBill: { status: 'PAID', openAmount: { amount: '0.00' } }, supplierPayables: [] });
  });

  it('shows sales none of purchasing', async () => {
    for (const query of ['query($id: ID!) { purchaseOrder(id: $id) { id } }', '{ supplierBills { id } }', '{ reorderSuggestions { id } }']) {
      const result = await system.as(rep, query, { id: purchaseOrder.id });
      expect(result.errors?.[0]?.extensions, query).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
