import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { TestSubgraph } from '@rapport/subgraph-kit/testing';
import { expect } from 'vitest';
import { stockLedgerMismatches, type StockMismatch } from './modules/stock/stock-ledger.js';

// Test data for inventory's integration tests: factories with overrides, called through the schema
// as a client would.

let seq = 0;
const next = (): number => ++seq + Math.floor(Math.random() * 1e6) * 1000;

/** Creates a product (as an ADMIN) and returns its id. */
export async function aProduct(subgraph: TestSubgraph, overrides: Record<string, unknown> = {}): Promise<string> {
  const result = await subgraph.gql<{ createProduct: { id: string } }>('mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
    input: { sku: `P-${next()}`, name: 'Test pump', listPrice: { amount: '100', currency: 'EUR' }, standardCost: { amount: '60', currency: 'EUR' }, ...overrides },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createProduct.id;
}

/** Creates a warehouse (as an ADMIN) and returns its id. */
export async function aWarehouse(subgraph: TestSubgraph, overrides: Record<string, unknown> = {}): Promise<string> {
  const result = await subgraph.gql<{ createWarehouse: { id: string } }>('mutation($input: CreateWarehouseInput!) { createWarehouse(input: $input) { id } }', {
    input: { code: `W-${next()}`, name: 'Test warehouse', ...overrides },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createWarehouse.id;
}

/** Receives `quantity` of a product into a warehouse. */
export async function receive(subgraph: TestSubgraph, productId: string, warehouseId: string, quantity: string): Promise<void> {
  const result = await subgraph.gql('mutation($input: ReceiveStockInput!) { receiveStock(input: $input) { id } }', { input: { productId, warehouseId, quantity } });
  expect(result.errors).toBeUndefined();
}

/** The level of a product in a warehouse as the schema answers it. */
export async function levelOf(subgraph: TestSubgraph, productId: string, warehouseId: string): Promise<{ onHand: string; reserved: string; available: string } | undefined> {
  const result = await subgraph.gql<{ stockLevels: { edges: { node: { onHand: string; reserved: string; available: string } }[] } }>(
    'query($f: StockLevelFilter) { stockLevels(filter: $f) { edges { node { onHand reserved available } } } }',
    { f: { productId, warehouseId } },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.stockLevels.edges[0]?.node;
}

/** Every level disagreeing with the ledger or the reservations (run after every test file: must be empty). */
export async function ledgerMismatches(subgraph: TestSubgraph): Promise<StockMismatch[]> {
  return stockLedgerMismatches(subgraph.service.orm.em.fork());
}
