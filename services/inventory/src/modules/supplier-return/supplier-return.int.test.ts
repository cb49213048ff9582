import { randomUUID } from 'node:crypto';
import { applyOnce } from '@rapport/bus';
import { createEvent, PurchaseOrderApprovedV1 } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { aProduct, aWarehouse, ledgerMismatches, levelOf, unknownId, useCheckedInventorySubgraph } from '../../test-fixtures.js';
import { inboundMismatches } from '../receipt/inbound-levels.js';
import { receiptHandlers } from '../receipt/receipt.consumer.js';

const subgraph = useCheckedInventorySubgraph();
const em = () => subgraph.service.orm.em.fork();

const returnFields =
  'id number reason purchaseOrderId supplierId receipt { id } warehouse { id } lines { receiptLineId purchaseOrderLineId product { id } quantity unitCost { amount currency } stockMoveId }';
interface SupplierReturnView {
  id: string;
  number: string;
  reason: string;
  purchaseOrderId: string | null;
  supplierId: string | null;
  receipt: { id: string } | null;
  warehouse: { id: string } | null;
  lines: {
    receiptLineId: string;
    purchaseOrderLineId: string | null;
    product: { id: string } | null;
    quantity: string;
    unitCost: { amount: string; currency: string } | null;
    stockMoveId: string;
  }[];
}
const returnToSupplier = (input: Record<string, unknown>) =>
  subgraph.gql<{ returnToSupplier: SupplierReturnView }>(`mutation($input: ReturnToSupplierInput!) { returnToSupplier(input: $input) { ${returnFields} } }`, { input });

/** A purchase order of `quantity` units at 12.5 EUR approved in purchasing, and `received` of them received into `warehouseId`. */
async function aReceipt(productId: string, warehouseId: string, quantity: string, received: string) {
  const [purchaseOrderId, supplierId, lineId] = [randomUUID(), randomUUID(), randomUUID()];
  const approved = createEvent(PurchaseOrderApprovedV1, purchaseOrderId, {
    purchaseOrderId,
    number: `PO-SR-${purchaseOrderId.slice(0, 6)}`,
    supplierId,
    currency: 'EUR',
    warehouseId,
    lines: [{ lineId, productId, quantity, unitPrice: { amount: '12.5', currency: 'EUR' }, expectedDate: null }],
    approvedAt: new Date().toISOString(),
  });
  expect(
    await applyOnce(
      subgraph.service.orm,
      'inventory',
      receiptHandlers.filter((h) => h.type === approved.type),
      approved,
    ),
  ).toBe('applied');
  const receipt = await subgraph.must<{ receiveGoods: { id: string; lines: { id: string }[] } }>(
    'mutation($input: ReceiveGoodsInput!) { receiveGoods(input: $input) { id lines { id } } }',
    { input: { purchaseOrderId, warehouseId, lines: [{ purchaseOrderLineId: lineId, quantity: received }] } },
  );
  return { purchaseOrderId, supplierId, lineId, receiptId: receipt.receiveGoods.id, receiptLineId: receipt.receiveGoods.lines[0]!.id };
}

describe('returns to suppliers', () => {
  it('sends part of a receipt back: a SUPPLIER_RETURN move at the receipt cost, the order line expected again, announced, readable by id and per receipt', async () => {
    const [productId, warehouseId] = [await aProduct(subgraph), await aWarehouse(subgraph)];
    const receipt = await aReceipt(productId, warehouseId, '10', '10');
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '10' });

    const sent = await returnToSupplier({ receiptId: receipt.receiptId, reason: 'wrong colour', lines: [{ receiptLineId: receipt.receiptLineId, quantity: '2.5' }] });
    expect(sent.errors).toBeUndefined();
    const returned = sent.data!.returnToSupplier;
    expect(returned).toMatchObject({
      number: expect.stringMatching(/^SR-\d{6}$/),
      reason: 'wrong colour',
      purchaseOrderId: receipt.purchaseOrderId,
      supplierId: receipt.supplierId,
      receipt: { id: receipt.receiptId },
      warehouse: { id: warehouseId },
      lines: [
        { receiptLineId: receipt.receiptLineId, purchaseOrderLineId: receipt.lineId, product: { id: productId }, quantity: '2.5', unitCost: { amount: '12.50', currency: 'EUR' } },
      ],
    });
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '7.5' });
    const [move] = await em().execute<{ kind: string; quantity: string; reference_type: string; reference_id: string }[]>(
      'select kind, quantity::text, reference_type, reference_id from stock_move where id = ?',
      [returned.lines[0]!.stockMoveId],
    );
    expect(move).toEqual({ kind: 'SUPPLIER_RETURN', quantity: '-2.500', reference_type: 'SUPPLIER_RETURN', reference_id: returned.id });
    const expected = await subgraph.must<{ expectedReceipts: { edges: { node: { received: string; stillExpected: string } }[] } }>(
      'query($f: ExpectedReceiptFilter) { expectedReceipts(filter: $f) { edges { node { received stillExpected } } } }',
      { f: { purchaseOrderId: receipt.purchaseOrderId } },
    );
    expect(expected.expectedReceipts.edges.map((e) => e.node)).toEqual([{ received: '7.5', stillExpected: '2.5' }]);
    // Keyed by the purchase order, so purchasing sees its receipts and returns in order.
    const [posted] = await em().execute<{ payload: { data: Record<string, unknown> } }[]>(
      `select payload from outbox_message where payload->>'type' = 'inventory.supplier-return.posted.v1' and payload->>'subject' = ?`,
      [receipt.purchaseOrderId],
    );
    expect(posted!.payload.data).toMatchObject({
      supplierReturnId: returned.id,
      number: returned.number,
      receiptId: receipt.receiptId,
      reason: 'wrong colour',
      lines: [{ productId, quantity: '2.5' }],
    });

    const byId = await subgraph.must<{ supplierReturn: SupplierReturnView | null }>(`query($id: ID!) { supplierReturn(id: $id) { ${returnFields} } }`, { id: returned.id });
    expect(byId.supplierReturn).toEqual(returned);
    expect((await subgraph.must<{ supplierReturn: null }>('query($id: ID!) { supplierReturn(id: $id) { id } }', { id: unknownId })).supplierReturn).toBeNull();
    const listed = await subgraph.must<{ supplierReturns: { id: string }[] }>('query($r: ID) { supplierReturns(receiptId: $r) { id } }', { r: receipt.receiptId });
    expect(listed.supplierReturns).toEqual([{ id: returned.id }]);
    expect(await ledgerMismatches(subgraph)).toEqual([]);
    expect(await inboundMismatches(em())).toEqual([]);
  });

  it('refuses bad returns naming the field, and writes nothing', async () => {
    const [productId, warehouseId] = [await aProduct(subgraph), await aWarehouse(subgraph)];
    const receipt = await aReceipt(productId, warehouseId, '4', '4');
    const line = (quantity: string, receiptLineId = receipt.receiptLineId) => ({ receiptLineId, quantity });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ lines: [line('4.001')] }, 'input.lines[0].quantity', 'MORE_THAN_RECEIVED'],
      [{ lines: [line('-1')] }, 'input.lines[0].quantity', 'NEGATIVE_QUANTITY'],
      [{ lines: [line('0.0001')] }, 'input.lines[0].quantity', 'QUANTITY_TOO_PRECISE'],
      [{ lines: [line('1'), line('1')] }, 'input.lines[1].receiptLineId', 'DUPLICATE_LINE'],
      [{ lines: [line('1', unknownId)] }, 'input.lines[0].receiptLineId', 'NOT_ON_RECEIPT'],
      [{ lines: [] }, 'input.lines', 'REQUIRED'],
    ];
    for (const [override, field, reason] of cases) {
      const result = await returnToSupplier({ receiptId: receipt.receiptId, reason: 'broken', ...override });
      expect(result.errors?.[0]?.extensions, JSON.stringify(override)).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
    const unknown = await returnToSupplier({ receiptId: unknownId, reason: 'broken', lines: [line('1')] });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.receiptId' });
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '4' });

    // All of it, then one unit more: the second is more than is left of the line.
    expect((await returnToSupplier({ receiptId: receipt.receiptId, reason: 'recall', lines: [line('4')] })).errors).toBeUndefined();
    const more = await returnToSupplier({ receiptId: receipt.receiptId, reason: 'recall', lines: [line('0.001')] });
    expect(more.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[0].quantity', reason: 'MORE_THAN_RECEIVED' });
    expect(await levelOf(subgraph, productId, warehouseId)).toMatchObject({ onHand: '0' });
  });
});
