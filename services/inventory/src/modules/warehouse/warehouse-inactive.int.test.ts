import { describe, expect, it } from 'vitest';
import { aConfirmedOrder, aProduct, aWarehouse, levelOf, receive, useCheckedInventorySubgraph } from '../../test-fixtures.js';

const subgraph = useCheckedInventorySubgraph();

const setActive = (id: string, active: boolean) =>
  subgraph.gql<{ updateWarehouse: { active: boolean } }>('mutation($id: ID!, $input: UpdateWarehouseInput!) { updateWarehouse(id: $id, input: $input) { active } }', {
    id,
    input: { active },
  });

const adjust = (productId: string, warehouseId: string, quantity: string) =>
  subgraph.gql('mutation($input: AdjustStockInput!) { adjustStock(input: $input) { id } }', { input: { productId, warehouseId, quantity, reason: 'test' } });

describe('inactive warehouses', () => {
  it('refuses to deactivate a warehouse that still holds stock, naming input.active and what holds it, and deactivates it once emptied', async () => {
    const product = await aProduct(subgraph);
    const warehouse = await aWarehouse(subgraph);
    await receive(subgraph, product, warehouse, '5');

    const refused = await setActive(warehouse, false);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'WAREHOUSE_NOT_EMPTY', field: 'input.active', details: { levels: 1 } });

    expect((await adjust(product, warehouse, '-5')).errors).toBeUndefined();
    const done = await setActive(warehouse, false);
    expect(done.errors).toBeUndefined();
    expect(done.data!.updateWarehouse.active).toBe(false);
  });

  it('refuses a transfer under way to or from it until the goods arrive', async () => {
    const product = await aProduct(subgraph);
    const [from, to] = [await aWarehouse(subgraph), await aWarehouse(subgraph)];
    await receive(subgraph, product, from, '3');
    const sent = await subgraph.gql('mutation($input: TransferStockInput!) { transferStock(input: $input) { id } }', {
      input: { fromWarehouseId: from, toWarehouseId: to, lines: [{ productId: product, quantity: '3' }] },
    });
    expect(sent.errors).toBeUndefined();
    // The source is empty now, but the transfer out of it is still in transit.
    expect((await setActive(from, false)).errors?.[0]?.extensions).toMatchObject({ reason: 'WAREHOUSE_NOT_EMPTY', details: { transfers: 1 } });
  });

  it('refuses receiving, adjusting, transferring from or to, counting and stock rules in an inactive warehouse, naming the field', async () => {
    const product = await aProduct(subgraph);
    const active = await aWarehouse(subgraph);
    const inactive = await aWarehouse(subgraph);
    await receive(subgraph, product, active, '4');
    expect((await setActive(inactive, false)).errors).toBeUndefined();

    const inactiveRefusal = (field: string) => ({ code: 'BAD_USER_INPUT', reason: 'WAREHOUSE_INACTIVE', field });
    const attempts: [string, Record<string, unknown>, string][] = [
      ['mutation($input: ReceiveStockInput!) { receiveStock(input: $input) { id } }', { productId: product, warehouseId: inactive, quantity: '1' }, 'input.warehouseId'],
      [
        'mutation($input: AdjustStockInput!) { adjustStock(input: $input) { id } }',
        { productId: product, warehouseId: inactive, quantity: '1', reason: 'found' },
        'input.warehouseId',
      ],
      [
        'mutation($input: TransferStockInput!) { transferStock(input: $input) { id } }',
        { fromWarehouseId: inactive, toWarehouseId: active, lines: [{ productId: product, quantity: '1' }] },
        'input.fromWarehouseId',
      ],
      [
        'mutation($input: TransferStockInput!) { transferStock(input: $input) { id } }',
        { fromWarehouseId: active, toWarehouseId: inactive, lines: [{ productId: product, quantity: '1' }] },
        'input.toWarehouseId',
      ],
      ['mutation($input: CreateStockCountInput!) { createStockCount(input: $input) { id } }', { warehouseId: inactive, productIds: [product] }, 'input.warehouseId'],
      [
        'mutation($input: SetStockRuleInput!) { setStockRule(input: $input) { onHand } }',
        { productId: product, warehouseId: inactive, safetyStock: '1', reorderQuantity: '5' },
        'input.warehouseId',
      ],
    ];
    for (const [mutation, input, field] of attempts) {
      const result = await subgraph.gql(mutation, { input });
      expect(result.errors?.[0]?.extensions, `${mutation} ${field}`).toMatchObject(inactiveRefusal(field));
    }
    // Nothing was written: the active warehouse still holds all 4, the inactive one nothing.
    expect(await levelOf(subgraph, product, active)).toMatchObject({ onHand: '4', reserved: '0' });
    expect(await levelOf(subgraph, product, inactive)).toBeUndefined();

    // Activated again, it receives.
    expect((await setActive(inactive, true)).errors).toBeUndefined();
    await receive(subgraph, product, inactive, '1');
    expect(await levelOf(subgraph, product, inactive)).toMatchObject({ onHand: '1' });
  });

  it('reserves nothing from an inactive warehouse: an order naming it waits short, an order naming none takes an active one', async () => {
    const product = await aProduct(subgraph);
    const active = await aWarehouse(subgraph, { allowNegativeStock: true });
    const inactive = await aWarehouse(subgraph);
    await receive(subgraph, product, active, '2');
    expect((await setActive(inactive, false)).errors).toBeUndefined();

    const named = await aConfirmedOrder(subgraph, [{ productId: product, quantity: '1' }], { warehouseId: inactive });
    expect(named.shipmentIds).toEqual([]);
    const [demand] = await subgraph.service.orm.em.fork().execute<{ short: string }[]>('select short::text from order_demand where order_id = ?', [named.orderId]);
    expect(demand?.short).toBe('1.000');

    const any = await aConfirmedOrder(subgraph, [{ productId: product, quantity: '1' }]);
    expect(any.shipmentIds).toHaveLength(1);
    expect(await levelOf(subgraph, product, active)).toMatchObject({ onHand: '2', reserved: '1' });
  });
});
