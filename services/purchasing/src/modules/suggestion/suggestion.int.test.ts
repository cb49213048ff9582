import { randomUUID } from 'node:crypto';
import { createEvent, ProductChangedV1, ProductCreatedV2, ReceiptPostedV1, StockBelowSafetyV1, StockRecoveredV1, type CloudEvent, type EventData } from '@rapport/contracts';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurchasingService } from '../../create-purchasing-service.js';
import { seedWarehouse } from '../warehouse-copy/warehouse-copy.testing.js';
import { as, createSupplier, must, PO_FIELDS, poMutation, productSnapshot, setPrice, type PoView } from '../order/order.testing.js';

let subgraph: TestSubgraph;
const buyer = as('BUYER');
const warehouseId = randomUUID();
const bolt = productSnapshot({ name: 'Bolt M8' });
const nut = productSnapshot({ name: 'Nut M8' });
const washer = productSnapshot({ name: 'Washer M8' });
let cheap = '';
let dear = '';

/** Publishes inventory's event through Kafka and waits until purchasing's consumer committed past it. */
const deliver = async (event: CloudEvent): Promise<void> => subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
const alarm = (productId: string, reorderQuantity: string) => {
  const data = { alarmId: randomUUID(), productId, warehouseId, available: '2', safetyStock: '10', reorderQuantity, raisedAt: new Date().toISOString() };
  return createEvent(StockBelowSafetyV1, `${productId}:${warehouseId}`, data);
};
const receipt = (po: PoView, lines: { lineId: string | null; productId: string; quantity: string }[], receiptId = randomUUID()): CloudEvent => {
  const data: EventData<typeof ReceiptPostedV1> = {
    receiptId,
    number: `GR-${receiptId.slice(0, 6)}`,
    warehouseId,
    purchaseOrderId: po.id,
    supplierId: po.supplierId,
    lines: lines.map((l) => ({ purchaseOrderLineId: l.lineId, productId: l.productId, quantity: l.quantity, unitCost: { amount: '1.00', currency: 'EUR' } })),
    receivedAt: new Date().toISOString(),
  };
  return createEvent(ReceiptPostedV1, po.id, data);
};
type Suggestion = { id: string; productId: string; quantity: string; status: string; supplier: { id: string } | null; unitPrice: { amount: string } | null };
const suggestions = async (status = 'OPEN'): Promise<Suggestion[]> =>
  (
    await must<{ reorderSuggestions: Suggestion[] }>(
      subgraph,
      buyer,
      'query($s: ReorderSuggestionStatus) { reorderSuggestions(status: $s) { id productId quantity status supplier { id } unitPrice { amount } } }',
      { s: status },
    )
  ).reorderSuggestions;
const order = async (id: string): Promise<PoView & { receipts: { quantity: string; receiptNumber: string }[] }> =>
  (
    await must<{ purchaseOrder: PoView & { receipts: { quantity: string; receiptNumber: string }[] } }>(
      subgraph,
      buyer,
      `query($id: ID!) { purchaseOrder(id: $id) { ${PO_FIELDS} receipts { quantity receiptNumber } } }`,
      { id },
    )
  ).purchaseOrder;

beforeAll(async () => {
  subgraph = await startTestSubgraph('purchasing', createPurchasingService, { kafka: true });
  // The catalogue copy learns products from inventory's events.
  for (const product of [bolt, nut, washer]) await deliver(createEvent(ProductCreatedV2, product.productId, product));
  // Orders name the warehouse: purchasing must know it from inventory.
  await seedWarehouse(subgraph, { id: warehouseId });
  cheap = await createSupplier(subgraph, buyer, 'Cheap Fasteners');
  dear = await createSupplier(subgraph, buyer, 'Dear Fasteners');
  await setPrice(subgraph, buyer, { supplierId: cheap, productId: bolt.productId, price: { amount: '0.10', currency: 'EUR' } });
  await setPrice(subgraph, buyer, { supplierId: dear, productId: bolt.productId, price: { amount: '0.15', currency: 'EUR' } });
  await setPrice(subgraph, buyer, { supplierId: cheap, productId: nut.productId, price: { amount: '0.05', currency: 'EUR' }, leadTimeDays: 3 });
  await setPrice(subgraph, buyer, { supplierId: dear, productId: nut.productId, price: { amount: '0.04', currency: 'EUR' }, minimumQuantity: '10000' });
}, 60_000);
afterAll(async () => subgraph?.stop());

describe('the catalogue copy', () => {
  it('refuses a price for a product inventory made inactive, once its change arrives', async () => {
    await deliver(createEvent(ProductChangedV1, washer.productId, { ...washer, active: false, changedAt: new Date(Date.now() + 1000).toISOString() }));
    const result = await subgraph.gqlAs(buyer, 'mutation($input: SetSupplierPriceInput!) { setSupplierPrice(input: $input) { id } }', {
      input: { supplierId: cheap, productId: washer.productId, price: { amount: '1', currency: 'EUR' } },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ field: 'input.productId', reason: 'PRODUCT_INACTIVE' });
  });
});

describe('reorder suggestions from safety-stock alarms', () => {
  it('suggests the reorder quantity from the supplier with the best current price, once per alarm', async () => {
    const boltAlarm = alarm(bolt.productId, '500');
    await deliver(boltAlarm);
    await deliver(boltAlarm);
    await deliver(alarm(nut.productId, '1000'));
    const open = await suggestions();
    expect(open.filter((s) => s.productId === bolt.productId)).toEqual([
      { id: expect.any(String), productId: bolt.productId, quantity: '500', status: 'OPEN', supplier: { id: cheap }, unitPrice: { amount: '0.10' } },
    ]);
    expect(open.find((s) => s.productId === nut.productId)).toMatchObject({ quantity: '1000', supplier: { id: cheap }, unitPrice: { amount: '0.05' } });
  });

  it('clears a suggestion when the stock recovers before it was ordered', async () => {
    const raised = alarm(washer.productId, '50');
    await deliver(raised);
    expect((await suggestions()).some((s) => s.productId === washer.productId)).toBe(true);
    await deliver(
      createEvent(StockRecoveredV1, raised.subject, {
        alarmId: raised.data.alarmId,
        productId: washer.productId,
        warehouseId,
        available: '60',
        recoveredAt: new Date().toISOString(),
      }),
    );
    expect((await suggestions()).some((s) => s.productId === washer.productId)).toBe(false);
    expect((await suggestions('CLEARED')).map((s) => s.productId)).toContain(washer.productId);
  });

  it('turns several suggestions into one purchase order per supplier; ordering them again is refused', async () => {
    const open = (await suggestions()).filter((s) => s.productId === bolt.productId || s.productId === nut.productId);
    const made = await must<{ createPurchaseOrdersFromSuggestions: PoView[] }>(
      subgraph,
      buyer,
      `mutation($ids: [ID!]!) { createPurchaseOrdersFromSuggestions(ids: $ids) { ${PO_FIELDS} } }`,
      { ids: open.map((s) => s.id) },
    );
    expect(made.createPurchaseOrdersFromSuggestions).toHaveLength(1);
    const [po] = made.createPurchaseOrdersFromSuggestions;
    expect(po).toMatchObject({ status: 'DRAFT', supplierId: cheap, netTotal: { amount: '100.00' } });
    expect(po!.lines.map((l) => [l.productId, l.quantity, l.unitPrice.amount])).toEqual([
      [bolt.productId, '500', '0.10'],
      [nut.productId, '1000', '0.05'],
    ]);
    expect((await suggestions('ORDERED')).map((s) => s.id).sort()).toEqual(open.map((s) => s.id).sort());
    const again = await subgraph.gqlAs(buyer, 'mutation($ids: [ID!]!) { createPurchaseOrdersFromSuggestions(ids: $ids) { id } }', { ids: open.map((s) => s.id) });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SUGGESTION_NOT_OPEN', field: 'ids.0' });
  });
});

describe('received quantities from inventory’s receipts', () => {
  it('records partial receipts per line once each, derives PARTLY_RECEIVED then RECEIVED, and lists overdue lines', async () => {
    const created = await must<{ createPurchaseOrder: PoView }>(
      subgraph,
      buyer,
      `mutation($input: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $input) { ${PO_FIELDS} } }`,
      {
        input: {
          supplierId: cheap,
          warehouseId,
          lines: [
            { productId: bolt.productId, quantity: '100', expectedDate: '2026-01-10' },
            { productId: nut.productId, quantity: '200', expectedDate: '2026-01-10' },
          ],
        },
      },
    );
    const po = created.createPurchaseOrder;
    expect((await must<{ submitPurchaseOrder: PoView }>(subgraph, buyer, poMutation('submitPurchaseOrder'), { id: po.id })).submitPurchaseOrder.status).toBe('APPROVED');
    const overdue = async () =>
      (await must<{ overdueReceipts: { id: string; openQuantity: string }[] }>(subgraph, buyer, '{ overdueReceipts { id openQuantity } }')).overdueReceipts.filter((l) =>
        po.lines.some((p) => p.id === l.id),
      );
    expect(await overdue()).toHaveLength(2);

    const first = receipt(po, [
      { lineId: po.lines[0]!.id, productId: bolt.productId, quantity: '60' },
      { lineId: null, productId: nut.productId, quantity: '200' },
    ]);
    await deliver(first);
    await deliver(first);
    let seen = await order(po.id);
    expect(seen.status).toBe('PARTLY_RECEIVED');
    expect(seen.lines.map((l) => [l.receivedQuantity, l.openQuantity])).toEqual([
      ['60', '40'],
      ['200', '0'],
    ]);
    expect(await overdue()).toEqual([{ id: po.lines[0]!.id, openQuantity: '40' }]);

    // More than ordered is recorded as it came (inventory decides what it accepts).
    await deliver(receipt(po, [{ lineId: po.lines[0]!.id, productId: bolt.productId, quantity: '41' }]));
    seen = await order(po.id);
    expect(seen.status).toBe('RECEIVED');
    expect(seen.lines[0]).toMatchObject({ receivedQuantity: '101', openQuantity: '0' });
    expect(seen.receipts.map((r) => r.quantity).sort()).toEqual(['200', '41', '60']);
    expect(await overdue()).toEqual([]);
    const listed = async (status: string) =>
      (
        await must<{ purchaseOrders: { edges: { node: { id: string; status: string } }[] } }>(
          subgraph,
          buyer,
          'query($s: PurchaseOrderStatus) { purchaseOrders(filter: { status: $s }, first: 100) { edges { node { id status } } } }',
          { s: status },
        )
      ).purchaseOrders.edges.map((e) => e.node);
    expect(await listed('RECEIVED')).toEqual([{ id: po.id, status: 'RECEIVED' }]);
    expect((await listed('PARTLY_RECEIVED')).map((n) => n.id)).not.toContain(po.id);
    expect((await listed('DRAFT')).every((n) => n.status === 'DRAFT')).toBe(true);
    const cancel = await subgraph.gqlAs(buyer, poMutation('cancelPurchaseOrder'), { id: po.id });
    expect(cancel.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PURCHASE_ORDER_RECEIVED' });
  });

  it('ignores a receipt for an order purchasing does not know', async () => {
    const unknown = { id: randomUUID(), supplierId: cheap } as PoView;
    await deliver(receipt(unknown, [{ lineId: randomUUID(), productId: bolt.productId, quantity: '1' }]));
    const [row] = await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>('select count(*)::int as n from purchase_receipt_line where purchase_order_id = ?', [unknown.id]);
    expect(row!.n).toBe(0);
  });
});
