import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';

// Issue 11, first slice, through the gateway: products, warehouses and the stock ledger as clients
// reach them, and who sees what — the warehouse sees stock with costs, a sales rep the same stock
// (availability per warehouse) without any cost.

let system: TestSystem;
let productId = '';
let warehouseId = '';

const stockQuery = `query($id: ID!) {
  product(id: $id) { sku listPrice { amount } standardCost { amount } stock { warehouse { code } onHand reserved available value { amount currency } } }
  stockMoves(filter: { productId: $id }) { edges { node { kind quantity unitCost { amount } warehouse { code } } } }
}`;
interface StockAnswer {
  product: {
    sku: string;
    listPrice: { amount: string } | null;
    standardCost: { amount: string } | null;
    stock: { warehouse: { code: string }; onHand: string; reserved: string; available: string; value: { amount: string; currency: string } | null }[];
  };
  stockMoves: { edges: { node: { kind: string; quantity: string; unitCost: { amount: string } | null; warehouse: { code: string } } }[] };
}

beforeAll(async () => {
  system = await startTestSystem('inventory');
  const clerk = await system.createUser({ email: 'wanda.warehouse@rapport.example', displayName: 'Wanda Warehouse', role: 'WAREHOUSE_CLERK' });
  const created = await system.must<{ createProduct: { id: string }; createWarehouse: { id: string } }>(
    clerk.token,
    `mutation {
      createProduct(input: { sku: "GW-PUMP-1", name: "Gateway pump", listPrice: { amount: "250", currency: "EUR" }, standardCost: { amount: "140.5", currency: "EUR" } }) { id }
      createWarehouse(input: { code: "GW-BER", name: "Berlin", address: "Lagerstraße 1, 10115 Berlin" }) { id }
    }`,
  );
  productId = created.createProduct.id;
  warehouseId = created.createWarehouse.id;
  await system.must(clerk.token, 'mutation($p: ID!, $w: ID!) { receiveStock(input: { productId: $p, warehouseId: $w, quantity: "12" }) { id } }', { p: productId, w: warehouseId });
  await system.must(clerk.token, 'mutation($p: ID!, $w: ID!) { adjustStock(input: { productId: $p, warehouseId: $w, quantity: "-2.5", reason: "damaged in handling" }) { id } }', {
    p: productId,
    w: warehouseId,
  });
}, 240_000);
afterAll(async () => system?.stop());

describe('stock through the gateway', () => {
  it('shows the warehouse stock per warehouse with its cost and value, and the ledger behind it, but no list price (its role sees no prices beyond cost)', async () => {
    const clerk = await system.createUser({ email: 'walter.warehouse@rapport.example', role: 'WAREHOUSE_CLERK' });
    const answer = await system.must<StockAnswer>(clerk.token, stockQuery, { id: productId });
    expect(answer.product).toEqual({
      sku: 'GW-PUMP-1',
      listPrice: null,
      standardCost: { amount: '140.50' },
      stock: [{ warehouse: { code: 'GW-BER' }, onHand: '9.5', reserved: '0', available: '9.5', value: { amount: '1334.75', currency: 'EUR' } }],
    });
    expect(answer.stockMoves.edges.map((e) => e.node)).toEqual([
      { kind: 'ADJUSTMENT', quantity: '-2.5', unitCost: { amount: '140.50' }, warehouse: { code: 'GW-BER' } },
      { kind: 'RECEIPT', quantity: '12', unitCost: { amount: '140.50' }, warehouse: { code: 'GW-BER' } },
    ]);
  });

  it('shows a sales rep the same availability and the list price, and no cost anywhere', async () => {
    const rep = await system.createUser({ email: 'rosa.rep@rapport.example', role: 'SALES_REP' });
    const answer = await system.must<StockAnswer>(rep.token, stockQuery, { id: productId });
    expect(answer.product.listPrice).toEqual({ amount: '250.00' });
    expect(answer.product.standardCost).toBeNull();
    expect(answer.product.stock).toEqual([{ warehouse: { code: 'GW-BER' }, onHand: '9.5', reserved: '0', available: '9.5', value: null }]);
    expect(answer.stockMoves.edges.map((e) => e.node.unitCost)).toEqual([null, null]);
    const refused = await system.as(rep.token, 'mutation($p: ID!, $w: ID!) { receiveStock(input: { productId: $p, warehouseId: $w, quantity: "1" }) { id } }', {
      p: productId,
      w: warehouseId,
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('gives an administrator the ledger check (empty: every level is the sum of its moves) and refuses it to a rep and a clerk', async () => {
    const check = '{ stockLedgerCheck { productId warehouseId onHand sumOfMoves } }';
    expect((await system.must<{ stockLedgerCheck: unknown[] }>(system.adminToken, check)).stockLedgerCheck).toEqual([]);
    for (const role of ['SALES_REP', 'WAREHOUSE_CLERK']) {
      const user = await system.createUser({ email: `ledger.${role.toLowerCase()}@rapport.example`, role });
      const refused = await system.as(user.token, check);
      expect(refused.errors?.[0]?.extensions, role).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
