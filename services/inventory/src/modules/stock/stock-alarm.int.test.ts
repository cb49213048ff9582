import { describe, expect, it } from 'vitest';
import { aConfirmedOrder, aProduct, aWarehouse, receive, unknownId, useCheckedInventorySubgraph } from '../../test-fixtures.js';
import { stockKey } from './stock-alarm.js';

const subgraph = useCheckedInventorySubgraph();
const em = () => subgraph.service.orm.em.fork();
const ruleMutation = 'mutation($input: SetStockRuleInput!) { setStockRule(input: $input) { safetyStock reorderQuantity available } }';

async function setRule(productId: string, warehouseId: string, safetyStock: string, reorderQuantity = '10'): Promise<void> {
  const result = await subgraph.gql(ruleMutation, { input: { productId, warehouseId, safetyStock, reorderQuantity } });
  expect(result.errors).toBeUndefined();
}

async function adjust(productId: string, warehouseId: string, quantity: string): Promise<void> {
  const result = await subgraph.gql('mutation($input: AdjustStockInput!) { adjustStock(input: $input) { id } }', { input: { productId, warehouseId, quantity, reason: 'test' } });
  expect(result.errors).toBeUndefined();
}

/** The safety events of a product in a warehouse, oldest first, as type and data. */
async function safetyEvents(productId: string, warehouseId: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
  const rows = await em().execute<{ payload: { type: string; data: Record<string, unknown> } }[]>(
    `select payload from outbox_message where payload->>'subject' = ? order by position`,
    [stockKey(productId, warehouseId)],
  );
  return rows.map((r) => ({ type: r.payload.type, data: r.payload.data }));
}

type AlarmPage = { stockAlarms: { edges: { node: { id: string; available: string; safetyStock: string; recoveredAt: string | null; product: { id: string } } }[] } };
const alarmsQuery = 'query($f: StockAlarmFilter) { stockAlarms(filter: $f) { edges { node { id available safetyStock recoveredAt product { id } } } } }';

describe('safety alarms', () => {
  it('raises one alarm per crossing below the safety level and clears it when stock recovers', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await receive(subgraph, productId, warehouseId, '20');
    await setRule(productId, warehouseId, '10', '25');
    await adjust(productId, warehouseId, '-11');
    await adjust(productId, warehouseId, '-2');
    const open = await subgraph.gql<AlarmPage>(alarmsQuery, { f: { productId } });
    expect(open.data!.stockAlarms.edges.map((e) => e.node)).toEqual([{ id: expect.any(String), available: '9', safetyStock: '10', recoveredAt: null, product: { id: productId } }]);
    const alarmId = open.data!.stockAlarms.edges[0]!.node.id;
    await receive(subgraph, productId, warehouseId, '3');
    await adjust(productId, warehouseId, '-1');
    const events = await safetyEvents(productId, warehouseId);
    expect(events).toEqual([
      {
        type: 'inventory.stock.below-safety.v1',
        data: { alarmId, productId, warehouseId, available: '9', safetyStock: '10', reorderQuantity: '25', raisedAt: expect.any(String) },
      },
      { type: 'inventory.stock.recovered.v1', data: { alarmId, productId, warehouseId, available: '10', recoveredAt: expect.any(String) } },
      { type: 'inventory.stock.below-safety.v1', data: expect.objectContaining({ available: '9' }) },
    ]);
    const cleared = await subgraph.gql<AlarmPage>(alarmsQuery, { f: { productId, open: false } });
    expect(cleared.data!.stockAlarms.edges.map((e) => e.node.id)).toEqual([alarmId]);
  });

  it('raises the alarm when reservations take available stock below the safety level', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await receive(subgraph, productId, warehouseId, '5');
    await setRule(productId, warehouseId, '4');
    await aConfirmedOrder(subgraph, [{ productId, quantity: '2' }], { warehouseId });
    expect((await safetyEvents(productId, warehouseId)).map((e) => [e.type, e.data.available])).toEqual([['inventory.stock.below-safety.v1', '3']]);
  });

  it('raises or clears the alarm at once when the safety level is set, and lists levels below safety', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await receive(subgraph, productId, warehouseId, '2');
    await setRule(productId, warehouseId, '5');
    const below = await subgraph.gql<{ stockLevels: { edges: { node: { safetyStock: string } }[] } }>(
      'query($f: StockLevelFilter) { stockLevels(filter: $f) { edges { node { safetyStock } } } }',
      { f: { productId, belowSafety: true } },
    );
    expect(below.data!.stockLevels.edges.map((e) => e.node.safetyStock)).toEqual(['5']);
    await setRule(productId, warehouseId, '0');
    expect((await safetyEvents(productId, warehouseId)).map((e) => e.type)).toEqual(['inventory.stock.below-safety.v1', 'inventory.stock.recovered.v1']);
    const open = await subgraph.gql<AlarmPage>(alarmsQuery, { f: { productId } });
    expect(open.data!.stockAlarms.edges).toEqual([]);
  });

  it('refuses bad rules naming the field', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ safetyStock: '-1' }, 'BAD_USER_INPUT', 'input.safetyStock'],
      [{ safetyStock: '1.2345' }, 'BAD_USER_INPUT', 'input.safetyStock'],
      [{ reorderQuantity: 'x' }, 'BAD_USER_INPUT', 'input.reorderQuantity'],
      [{ warehouseId: unknownId }, 'NOT_FOUND', 'input.warehouseId'],
      [{ productId: unknownId }, 'NOT_FOUND', 'input.productId'],
    ];
    for (const [overrides, code, field] of cases) {
      const result = await subgraph.gql(ruleMutation, { input: { productId, warehouseId, safetyStock: '1', reorderQuantity: '1', ...overrides } });
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code, field });
    }
  });

  it('shows alarms to every department, but only the warehouse, directors and admins set safety levels', async () => {
    const productId = await aProduct(subgraph);
    const warehouseId = await aWarehouse(subgraph);
    await setRule(productId, warehouseId, '1');
    for (const role of ['BUYER', 'SALES_REP', 'WAREHOUSE_CLERK'] as const) {
      const seen = await subgraph.gqlAs<AlarmPage>({ role }, alarmsQuery, { f: { productId } });
      expect(seen.data?.stockAlarms.edges, role).toHaveLength(1);
    }
    for (const role of ['BUYER', 'SALES_REP', 'ACCOUNTANT'] as const) {
      const refused = await subgraph.gqlAs({ role }, ruleMutation, { input: { productId, warehouseId, safetyStock: '2', reorderQuantity: '1' } });
      expect(refused.errors?.[0]?.extensions, role).toMatchObject({ code: 'FORBIDDEN' });
    }
    const clerk = await subgraph.gqlAs({ role: 'WAREHOUSE_CLERK' }, ruleMutation, { input: { productId, warehouseId, safetyStock: '2', reorderQuantity: '1' } });
    expect(clerk.errors).toBeUndefined();
  });
});
