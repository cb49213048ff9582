import { describe, expect, it } from 'vitest';
import { aConfirmedOrder, aProduct, aWarehouse, receive, useCheckedInventorySubgraph } from '../../test-fixtures.js';
import { dayFromToday } from '@rapport/errors';

const subgraph = useCheckedInventorySubgraph();

const summary =
  'query($from: String!, $to: String!, $w: ID, $p: ID) { stockMovementSummary(from: $from, to: $to, warehouseId: $w, productId: $p) { product { id } warehouse { id } openingQuantity inQuantity outQuantity closingQuantity } }';
const day = dayFromToday;

describe('stockMovementSummary', () => {
  it('sums the ledger into opening, in, out and closing per product and warehouse for a period', async () => {
    const productId = await aProduct(subgraph);
    const [hamburg, munich] = [await aWarehouse(subgraph), await aWarehouse(subgraph)];
    await receive(subgraph, productId, hamburg, '10');
    await receive(subgraph, productId, munich, '2.5');
    const adjusted = await subgraph.gql('mutation($i: AdjustStockInput!) { adjustStock(input: $i) { id } }', {
      i: { productId, warehouseId: hamburg, quantity: '-3.25', reason: 'broken on the shelf' },
    });
    expect(adjusted.errors).toBeUndefined();

    const today = await subgraph.gql<{ stockMovementSummary: unknown[] }>(summary, { from: day(-1), to: day(0), p: productId });
    expect(today.errors).toBeUndefined();
    expect(today.data!.stockMovementSummary).toHaveLength(2);
    expect(today.data!.stockMovementSummary).toContainEqual({
      product: { id: productId },
      warehouse: { id: hamburg },
      openingQuantity: '0',
      inQuantity: '10',
      outQuantity: '3.25',
      closingQuantity: '6.75',
    });
    // A later period opens with what this one closed with and saw no moves; one warehouse only when asked.
    const later = await subgraph.gql<{ stockMovementSummary: unknown[] }>(summary, { from: day(1), to: day(2), p: productId, w: munich });
    expect(later.data!.stockMovementSummary).toEqual([
      { product: { id: productId }, warehouse: { id: munich }, openingQuantity: '2.5', inQuantity: '0', outQuantity: '0', closingQuantity: '2.5' },
    ]);
    // Before anything moved there is nothing to show.
    const before = await subgraph.gql<{ stockMovementSummary: unknown[] }>(summary, { from: day(-3), to: day(-2), p: productId });
    expect(before.data!.stockMovementSummary).toEqual([]);
  });

  it('names the field of a bad period', async () => {
    const reversed = await subgraph.gql(summary, { from: day(0), to: day(-1) });
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const malformed = await subgraph.gql(summary, { from: '2026-13-01', to: day(0) });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const badId = await subgraph.gql(summary, { from: day(0), to: day(0), w: 'not-an-id' });
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'warehouseId' });
  });
});

const slow = 'query($days: Int!, $w: ID) { slowMovers(days: $days, warehouseId: $w) { product { id } warehouse { id } onHandQuantity lastOutboundAt value { amount currency } } }';

describe('slowMovers', () => {
  it('lists stock on hand without an outbound move in the period, biggest value at standard cost first, values only for roles that see costs', async () => {
    const warehouseId = await aWarehouse(subgraph);
    const [cheap, dear, moving] = [
      await aProduct(subgraph, { standardCost: { amount: '1.2345', currency: 'EUR' } }),
      await aProduct(subgraph, { standardCost: { amount: '12.3456', currency: 'EUR' } }),
      await aProduct(subgraph),
    ];
    await receive(subgraph, cheap, warehouseId, '3');
    await receive(subgraph, dear, warehouseId, '2.5');
    await receive(subgraph, moving, warehouseId, '4');
    const lent = await subgraph.gql('mutation($i: LendStockInput!) { lendStock(input: $i) { id } }', {
      i: { kind: 'SAMPLE', customerId: '0191b3a0-0000-7000-8000-000000000123', warehouseId, productId: moving, quantity: '1' },
    });
    expect(lent.errors).toBeUndefined();

    const result = await subgraph.gql<{ slowMovers: { product: { id: string }; lastOutboundAt: string | null }[] }>(slow, { days: 1, w: warehouseId });
    expect(result.errors).toBeUndefined();
    expect(result.data!.slowMovers).toEqual([
      { product: { id: dear }, warehouse: { id: warehouseId }, onHandQuantity: '2.5', lastOutboundAt: null, value: { amount: '30.864', currency: 'EUR' } },
      { product: { id: cheap }, warehouse: { id: warehouseId }, onHandQuantity: '3', lastOutboundAt: null, value: { amount: '3.7035', currency: 'EUR' } },
    ]);
    // Sales see the same stock but no value at cost.
    const rep = await subgraph.gqlAs<{ slowMovers: { value: unknown }[] }>({ role: 'SALES_REP' }, slow, { days: 1, w: warehouseId });
    expect(rep.errors).toBeUndefined();
    expect(rep.data!.slowMovers.map((r) => r.value)).toEqual([null, null]);
  });

  it('names days outside 1..3650 and a bad warehouse id', async () => {
    for (const days of [0, 3651, -1]) {
      const bad = await subgraph.gql(slow, { days });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
    }
    const badId = await subgraph.gql(slow, { days: 30, w: 'nope' });
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'warehouseId' });
  });
});

const undelivered =
  'query($f: UndeliveredOrderLineFilter, $first: Int, $after: String) { undeliveredOrderLines(filter: $f, first: $first, after: $after) { edges { node { orderLineId orderId orderNumber customer { id } product { id } orderedQuantity deliveredQuantity cancelledQuantity undeliveredQuantity reservedQuantity shortQuantity } } pageInfo { hasNextPage endCursor } } }';
interface UndeliveredPage {
  undeliveredOrderLines: { edges: { node: Record<string, unknown> }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

describe('undeliveredOrderLines', () => {
  it('shows ordered − delivered − cancelled with reserved and short per order line, oldest first, paged, and drops lines fully shipped', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await receive(subgraph, productId, warehouseId, '3');
    const first = await aConfirmedOrder(subgraph, [{ productId, quantity: '5' }], { warehouseId });
    const second = await aConfirmedOrder(subgraph, [{ productId, quantity: '0.25' }], { warehouseId });
    // Ship 1 of the first order's 3 reserved; the rest stays on a backorder notice.
    const shipped = await subgraph.gql('mutation($id: ID!, $l: [ShipmentLineInput!]) { shipShipment(shipmentId: $id, lines: $l, trackingNumber: "T-1") { id } }', {
      id: first.shipmentIds[0],
      l: [{ orderLineId: first.lines[0]!.lineId, quantity: '1' }],
    });
    expect(shipped.errors).toBeUndefined();

    const page1 = await subgraph.gql<UndeliveredPage>(undelivered, { f: { productId }, first: 1 });
    expect(page1.errors).toBeUndefined();
    expect(page1.data!.undeliveredOrderLines.edges.map((e) => e.node)).toEqual([
      {
        orderLineId: first.lines[0]!.lineId,
        orderId: first.orderId,
        orderNumber: null, // the fixture applies only the reservation's handler, not the order-number copy
        customer: { id: first.customerId },
        product: { id: productId },
        orderedQuantity: '5',
        deliveredQuantity: '1',
        cancelledQuantity: '0',
        undeliveredQuantity: '4',
        reservedQuantity: '2',
        shortQuantity: '2',
      },
    ]);
    expect(page1.data!.undeliveredOrderLines.pageInfo.hasNextPage).toBe(true);
    const page2 = await subgraph.gql<UndeliveredPage>(undelivered, { f: { productId }, first: 1, after: page1.data!.undeliveredOrderLines.pageInfo.endCursor });
    expect(page2.data!.undeliveredOrderLines.edges.map((e) => e.node)).toMatchObject([
      { orderLineId: second.lines[0]!.lineId, undeliveredQuantity: '0.25', reservedQuantity: '0', shortQuantity: '0.25' },
    ]);
    expect(page2.data!.undeliveredOrderLines.pageInfo.hasNextPage).toBe(false);
    // Filters: by customer and warehouse; a sales rep who owns neither customer sees nothing.
    const byCustomer = await subgraph.gql<UndeliveredPage>(undelivered, { f: { customerId: second.customerId, warehouseId } });
    expect(byCustomer.data!.undeliveredOrderLines.edges.map((e) => e.node.orderLineId)).toEqual([second.lines[0]!.lineId]);
    const rep = await subgraph.gqlAs<UndeliveredPage>({ role: 'SALES_REP' }, undelivered, { f: { productId } });
    expect(rep.errors).toBeUndefined();
    expect(rep.data!.undeliveredOrderLines.edges).toEqual([]);

    // A line shipped in full is no longer undelivered.
    const other = await aProduct(subgraph);
    await receive(subgraph, other, warehouseId, '1');
    const full = await aConfirmedOrder(subgraph, [{ productId: other, quantity: '1' }], { warehouseId });
    expect((await subgraph.gql<UndeliveredPage>(undelivered, { f: { productId: other } })).data!.undeliveredOrderLines.edges).toHaveLength(1);
    expect((await subgraph.gql('mutation($id: ID!) { shipShipment(shipmentId: $id, trackingNumber: "T-2") { id } }', { id: full.shipmentIds[0] })).errors).toBeUndefined();
    expect((await subgraph.gql<UndeliveredPage>(undelivered, { f: { productId: other } })).data!.undeliveredOrderLines.edges).toEqual([]);
  });

  it('names the filter field of a bad id', async () => {
    const bad = await subgraph.gql(undelivered, { f: { customerId: 'x' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.customerId' });
  });
});
