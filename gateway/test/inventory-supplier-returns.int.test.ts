import { randomUUID } from 'node:crypto';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';

// Returns to suppliers end to end, through the gateway only and over real Kafka: purchasing
// approves an order, inventory receives it, the warehouse sends part back against the receipt (out
// of the warehouse that received it, a SUPPLIER_RETURN move), and purchasing learns it from
// inventory.supplier-return.posted.v1: the line's received quantity goes down, so a bill can no
// longer be matched above what was kept, and inventory expects the returned quantity again. Goods
// sent back after they were billed make a debit note (DN-…) at the billed price, which lowers what
// is owed to the supplier until it is applied to a bill or refunded.

let system: TestSystem;
let clerk = '';
let buyer = '';
let accountant = '';
let rep = '';
let productId = '';
let warehouseId = '';
const purchaseOrder = { id: '', lineId: '' };
let receipt = { id: '', lineId: '' };

const eur = (amount: string) => ({ amount, currency: 'EUR' });

const levelOf = async () => {
  const { product } = await system.must<{ product: { stock: { warehouse: { id: string } | null; onHand: string; incoming: string }[] } }>(
    clerk,
    'query($id: ID!) { product(id: $id) { stock { warehouse { id } onHand incoming } } }',
    { id: productId },
  );
  const level = product.stock.find((l) => l.warehouse?.id === warehouseId);
  return level && { onHand: level.onHand, incoming: level.incoming };
};

const receivedInPurchasing = async (): Promise<string | undefined> =>
  (
    await system.must<{ purchaseOrder: { lines: { receivedQuantity: string }[] } }>(buyer, 'query($id: ID!) { purchaseOrder(id: $id) { lines { receivedQuantity } } }', {
      id: purchaseOrder.id,
    })
  ).purchaseOrder.lines[0]?.receivedQuantity;

const returnMutation =
  'mutation($i: ReturnToSupplierInput!) { returnToSupplier(input: $i) { id number reason warehouse { id } lines { receiptLineId quantity unitCost { amount } stockMoveId } } }';
const returnInput = (quantity: string, reason = 'damaged in transit') => ({ receiptId: receipt.id, reason, lines: [{ receiptLineId: receipt.lineId, quantity }] });

beforeAll(async () => {
  system = await startTestSystem('inventory-supplier-returns');
  const user = async (role: string) => (await system.createUser({ email: `sr-${role.toLowerCase()}-${randomUUID().slice(0, 6)}@rapport.example`, role })).token;
  [clerk, buyer, accountant, rep] = (await Promise.all(['WAREHOUSE_CLERK', 'BUYER', 'ACCOUNTANT', 'SALES_REP'].map(user))) as [string, string, string, string];
}, 240_000);
afterAll(async () => {
  if (!system) return;
  await system.expectStockBalanced();
  await system.stop();
});

describe('returns to suppliers through the gateway, over Kafka', () => {
  it('receives 10 units of an approved purchase order, which purchasing counts as received', async () => {
    const made = await system.must<{ createProduct: { id: string }; createWarehouse: { id: string } }>(
      clerk,
      `mutation {
        createProduct(input: { sku: "SR-GASKET", name: "Flange gasket", listPrice: { amount: "9", currency: "EUR" }, standardCost: { amount: "4", currency: "EUR" } }) { id }
        createWarehouse(input: { code: "SR-HAM", name: "Hamburg" }) { id }
      }`,
    );
    [productId, warehouseId] = [made.createProduct.id, made.createWarehouse.id];
    const supplierId = (
      await system.must<{ createSupplier: { id: string } }>(buyer, 'mutation { createSupplier(input: { name: "Dichtungen Nord GmbH", currency: "EUR" }) { id } }')
    ).createSupplier.id;
    // Purchasing learns the product from inventory's event before it may be ordered.
    const created = await waitFor(
      async () => {
        const answer = await system.as<{ createPurchaseOrder: { id: string; lines: { id: string }[] } }>(
          buyer,
          'mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { id lines { id } } }',
          { i: { supplierId, warehouseId, lines: [{ productId, quantity: '10', unitPrice: eur('3.5'), taxRate: '19' }] } },
        );
        if (answer.errors?.[0]?.extensions?.code === 'NOT_FOUND') return undefined;
        if (answer.errors) throw new Error(JSON.stringify(answer.errors));
        return answer.data?.createPurchaseOrder;
      },
      { what: 'purchasing to learn the product' },
    );
    purchaseOrder.id = created.id;
    purchaseOrder.lineId = created.lines[0]!.id;
    const submitted = await system.must<{ submitPurchaseOrder: { status: string } }>(buyer, 'mutation($id: ID!) { submitPurchaseOrder(id: $id) { status } }', {
      id: purchaseOrder.id,
    });
    expect(submitted.submitPurchaseOrder.status).toBe('APPROVED');
    await waitFor(async () => ((await levelOf())?.incoming === '10' ? true : undefined), { what: 'inventory to expect the order' });

    const received = await system.must<{ receiveGoods: { id: string; lines: { id: string }[] } }>(
      clerk,
      'mutation($i: ReceiveGoodsInput!) { receiveGoods(input: $i) { id lines { id } } }',
      { i: { purchaseOrderId: purchaseOrder.id, warehouseId, lines: [{ purchaseOrderLineId: purchaseOrder.lineId, quantity: '10' }] } },
    );
    receipt = { id: received.receiveGoods.id, lineId: received.receiveGoods.lines[0]!.id };
    expect(await levelOf()).toEqual({ onHand: '10', incoming: '0' });
    await waitFor(async () => ((await receivedInPurchasing()) === '10' ? true : undefined), { what: 'purchasing to count the receipt' });
  });

  it('refuses bad returns naming the field, and a rep may not return goods', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [returnInput('10.5'), 'input.lines[0].quantity', 'MORE_THAN_RECEIVED'],
      [returnInput('-1'), 'input.lines[0].quantity', 'NEGATIVE_QUANTITY'],
      [returnInput('1.2345'), 'input.lines[0].quantity', 'QUANTITY_TOO_PRECISE'],
      [{ ...returnInput('1'), lines: [{ receiptLineId: randomUUID(), quantity: '1' }] }, 'input.lines[0].receiptLineId', 'NOT_ON_RECEIPT'],
      [returnInput('1', ' '), 'input.reason', ''],
      [{ ...returnInput('1'), receiptId: randomUUID() }, 'input.receiptId', ''],
    ];
    for (const [input, field, reason] of cases) {
      const answer = await system.as(clerk, returnMutation, { i: input });
      expect(answer.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ field, ...(reason ? { reason } : {}) });
    }
    const forbidden = await system.as(rep, returnMutation, { i: returnInput('1') });
    expect(forbidden.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await levelOf()).toEqual({ onHand: '10', incoming: '0' });
  });

  it('sends 3 back: stock leaves the warehouse, purchasing counts 7 received, and inventory expects 3 again', async () => {
    const returned = (
      await system.must<{ returnToSupplier: Record<string, unknown> & { id: string; number: string; lines: { stockMoveId: string }[] } }>(clerk, returnMutation, {
        i: returnInput('3'),
      })
    ).returnToSupplier;
    expect(returned).toMatchObject({
      number: expect.stringMatching(/^SR-\d{6}$/),
      reason: 'damaged in transit',
      warehouse: { id: warehouseId },
      lines: [{ receiptLineId: receipt.lineId, quantity: '3', unitCost: { amount: '3.50' } }],
    });
    expect(await levelOf()).toEqual({ onHand: '7', incoming: '3' });
    const moves = await system.must<{ stockMoves: { edges: { node: { id: string; kind: string; quantity: string } }[] } }>(
      clerk,
      'query($p: ID!) { stockMoves(filter: { productId: $p }) { edges { node { id kind quantity } } } }',
      { p: productId },
    );
    expect(moves.stockMoves.edges.map((e) => e.node)).toContainEqual({ id: returned.lines[0]!.stockMoveId, kind: 'SUPPLIER_RETURN', quantity: '-3' });

    await waitFor(async () => ((await receivedInPurchasing()) === '7' ? true : undefined), { what: 'purchasing to lower the received quantity' });
    const listed = await system.must<{ supplierReturns: { number: string; receipt: { id: string } }[] }>(
      buyer,
      'query($r: ID) { supplierReturns(receiptId: $r) { number receipt { id } } }',
      { r: receipt.id },
    );
    expect(listed.supplierReturns).toEqual([{ number: returned.number, receipt: { id: receipt.id } }]);
    const one = await system.must<{ supplierReturn: { number: string; reason: string; receipt: { id: string }; lines: { quantity: string; product: { id: string } }[] } | null }>(
      buyer,
      'query($id: ID!) { supplierReturn(id: $id) { number reason receipt { id } lines { quantity product { id } } } }',
      { id: returned.id },
    );
    expect(one.supplierReturn).toEqual({
      number: returned.number,
      reason: 'damaged in transit',
      receipt: { id: receipt.id },
      lines: [{ quantity: '3', product: { id: productId } }],
    });
  });

  it('refuses returning more than is left of the line, and a bill above what was kept', async () => {
    const tooMuch = await system.as(clerk, returnMutation, { i: returnInput('7.001') });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[0].quantity', reason: 'MORE_THAN_RECEIVED', details: { returnable: '7' } });

    const bill = 'mutation($i: RegisterSupplierBillInput!) { registerSupplierBill(input: $i) { id status } }';
    const billInput = (quantity: string) => ({
      purchaseOrderId: purchaseOrder.id,
      supplierReference: `DN-${quantity}`,
      billDate: '2026-12-05',
      lines: [{ purchaseOrderLineId: purchaseOrder.lineId, quantity, unitPrice: eur('3.5'), taxRate: '19' }],
    });
    const above = await system.as(accountant, bill, { i: billInput('10') });
    expect(above.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BILLED_MORE_THAN_RECEIVED' });
    const kept = await system.must<{ registerSupplierBill: { status: string } }>(accountant, bill, { i: billInput('7') });
    expect(kept.registerSupplierBill.status).toBe('OPEN');
  });
});

describe('a return after billing makes a debit note', () => {
  type Note = {
    id: string;
    number: string;
    supplierReturnNumber: string;
    lines: { quantity: string; unitPrice: { amount: string }; taxRate: string }[];
    grossTotal: { amount: string };
    openAmount: { amount: string };
  };
  type Payable = { open: { amount: string }; credits: { amount: string }; owed: { amount: string } };
  const NOTE = 'id number supplierReturnNumber lines { quantity unitPrice { amount } taxRate } grossTotal { amount } openAmount { amount }';
  const amt = (amount: string) => ({ amount });
  let supplierId = '';
  let note: Note | undefined;
  const payable = async (): Promise<Payable | undefined> =>
    (
      await system.must<{ supplierPayables: Payable[] }>(accountant, 'query($s: ID) { supplierPayables(supplierId: $s) { open { amount } credits { amount } owed { amount } } }', {
        s: supplierId,
      })
    ).supplierPayables[0];

  it('sends 2 of the 7 billed back: a debit note for 2 at the billed 3.50 + 19 % tax lowers what is owed to the supplier', async () => {
    supplierId = (await system.must<{ purchaseOrder: { supplierId: string } }>(buyer, 'query($id: ID!) { purchaseOrder(id: $id) { supplierId } }', { id: purchaseOrder.id }))
      .purchaseOrder.supplierId;
    expect(await payable()).toEqual({ open: amt('29.16'), credits: amt('0.00'), owed: amt('29.16') });
    const returned = (await system.must<{ returnToSupplier: { number: string } }>(clerk, returnMutation, { i: returnInput('2', 'wrong size') })).returnToSupplier;
    note = await waitFor(
      async () =>
        (await system.must<{ supplierDebitNotes: Note[] }>(accountant, `query($s: ID) { supplierDebitNotes(supplierId: $s) { ${NOTE} } }`, { s: supplierId }))
          .supplierDebitNotes[0],
      { what: 'purchasing to make the debit note' },
    );
    // 2 × 3.50 = 7.00 net, 1.33 tax (7.00 × 19 % = 1.33), 8.33 gross.
    expect(note).toMatchObject({ number: expect.stringMatching(/^DN-\d{6}$/), supplierReturnNumber: returned.number, grossTotal: amt('8.33'), openAmount: amt('8.33') });
    expect(note.lines).toEqual([{ quantity: '2', unitPrice: amt('3.50'), taxRate: '19' }]);
    expect(await payable()).toEqual({ open: amt('29.16'), credits: amt('8.33'), owed: amt('20.83') });
    const line = (
      await system.must<{ purchaseOrder: { lines: { receivedQuantity: string; billedQuantity: string }[] } }>(
        buyer,
        'query($id: ID!) { purchaseOrder(id: $id) { lines { receivedQuantity billedQuantity } } }',
        { id: purchaseOrder.id },
      )
    ).purchaseOrder.lines[0];
    expect(line).toEqual({ receivedQuantity: '5', billedQuantity: '5' });
  });

  it('applies 5.00 of it to the open bill and takes the rest as a refund; more than is open is refused naming the field', async () => {
    const settle =
      'mutation($id: ID!, $i: SettleSupplierDebitNoteInput!) { settleSupplierDebitNote(id: $id, input: $i) { openAmount { amount } settlements { refund amount { amount } } } }';
    const { supplierBills } = await system.must<{ supplierBills: { id: string; openAmount: { amount: string } }[] }>(
      accountant,
      'query($p: ID) { supplierBills(filter: { purchaseOrderId: $p }) { id openAmount { amount } } }',
      { p: purchaseOrder.id },
    );
    const billId = supplierBills[0]!.id;
    const tooMuch = await system.as(accountant, settle, { id: note!.id, i: { refund: eur('8.34') } });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.refund.amount' });
    const forRep = await system.as(rep, settle, { id: note!.id, i: { refund: eur('1') } });
    expect(forRep.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const applied = await system.must<{ settleSupplierDebitNote: { openAmount: { amount: string } } }>(accountant, settle, {
      id: note!.id,
      i: { allocations: [{ billId, amount: eur('5.00') }] },
    });
    expect(applied.settleSupplierDebitNote.openAmount).toEqual(amt('3.33'));
    expect(await payable()).toEqual({ open: amt('24.16'), credits: amt('3.33'), owed: amt('20.83') });
    const refunded = await system.must<{ settleSupplierDebitNote: { openAmount: { amount: string }; settlements: { refund: boolean; amount: { amount: string } }[] } }>(
      accountant,
      settle,
      { id: note!.id, i: { refund: eur('3.33') } },
    );
    expect(refunded.settleSupplierDebitNote).toEqual({
      openAmount: amt('0.00'),
      settlements: [
        { refund: false, amount: amt('5.00') },
        { refund: true, amount: amt('3.33') },
      ],
    });
    expect(await payable()).toEqual({ open: amt('24.16'), credits: amt('0.00'), owed: amt('24.16') });
  });
});
