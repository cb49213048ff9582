import { describe, expect, it } from 'vitest';
import { aProduct, aWarehouse, receive, useCheckedInventorySubgraph } from '../../test-fixtures.js';
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
