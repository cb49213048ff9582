import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { applyOnce } from '@rapport/bus';
import { createEvent, OrderConfirmedV2, type CloudEvent } from '@rapport/contracts';
import { useTestSubgraph, type TestSubgraph, type TestSubgraphOptions } from '@rapport/subgraph-kit/testing';
import { expect } from 'vitest';
import { createInventoryService } from './create-inventory-service.js';
import { inboundMismatches } from './modules/receipt/inbound-levels.js';
import { reservationHandlers } from './modules/reservation/reservation.consumer.js';
import { stockLedgerMismatches, type StockMismatch } from './modules/stock/stock-ledger.js';

// Test data for inventory's integration tests: factories with overrides, called through the schema
// as a client would.

/** An id no row has. */
export const unknownId = '0191b3a0-0000-7000-8000-000000000999';

/**
 * Fails unless every stock level is the sum of its ledger moves and reservations, and the inbound
 * quantities agree with the open receipts and transfers. Every test subgraph of inventory runs it
 * before it stops (`vitest.setup.ts` here, and the gateway's), so it passes after every test file.
 */
export async function expectStockBooksBalanced(subgraph: Pick<TestSubgraph, 'service'>): Promise<void> {
  const em = subgraph.service.orm.em.fork();
  expect(await stockLedgerMismatches(em), 'stock levels against the ledger and the reservations').toEqual([]);
  expect(await inboundMismatches(em), 'incoming and in-transit quantities against the purchase orders and transfers').toEqual([]);
}

/** The inventory subgraph of one test file (useTestSubgraph); like every inventory test subgraph, checked with `expectStockBooksBalanced` before it stops. */
export const useCheckedInventorySubgraph = (options: TestSubgraphOptions = {}): TestSubgraph => useTestSubgraph('inventory', createInventoryService, options);

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

/** Handles `event` as the reservation consumer does (its type's handlers, inbox and effect in one transaction), without Kafka; answers whether it was applied or already had been. */
export function applyReservationEvent(subgraph: TestSubgraph, event: CloudEvent): ReturnType<typeof applyOnce> {
  return applyOnce(
    subgraph.service.orm,
    'inventory',
    reservationHandlers.filter((h) => h.type === event.type),
    event,
  );
}

/** sales.order.confirmed.v2 for one unit of `productId` at 10 EUR, no warehouse named, as sales would publish it (`meta`: its request and actor). */
export function oneUnitOrderConfirmed(
  customerId: string,
  productId: string,
  options: { orderId?: string; number?: string; meta?: Parameters<typeof createEvent>[3] } = {},
): CloudEvent {
  const orderId = options.orderId ?? randomUUID();
  return createEvent(
    OrderConfirmedV2,
    orderId,
    {
      orderId,
      customerId,
      number: options.number ?? `SO-${next()}`,
      currency: 'EUR',
      total: { amount: '10', currency: 'EUR' },
      warehouseId: null,
      lines: [{ lineId: randomUUID(), productId, quantity: '1', unitPrice: { amount: '10', currency: 'EUR' }, discountPercent: '0', taxRate: '0' }],
      confirmedAt: new Date().toISOString(),
    },
    options.meta,
  );
}

/** A confirmed order as inventory received it, with the shipping notice its reservation raised. */
export interface ConfirmedOrderFixture {
  orderId: string;
  customerId: string;
  /** The order's lines, in the order given. */
  lines: { lineId: string; productId: string; quantity: string }[];
  /** The notices raised for it (one per warehouse it reserved in), oldest first. */
  shipmentIds: string[];
}

/**
 * Confirms an order (sales.order.confirmed.v2, applied through the inbox as the consumer would,
 * without Kafka) for `lines` of products already in stock, and returns it with the notices its
 * reservation raised.
 */
export async function aConfirmedOrder(
  subgraph: TestSubgraph,
  lines: { productId: string; quantity: string }[],
  overrides: { customerId?: string; warehouseId?: string | null; actor?: string } = {},
): Promise<ConfirmedOrderFixture> {
  const orderId = randomUUID();
  const customerId = overrides.customerId ?? randomUUID();
  const withIds = lines.map((l) => ({ lineId: randomUUID(), ...l }));
  const event = createEvent(
    OrderConfirmedV2,
    orderId,
    {
      orderId,
      customerId,
      number: `SO-${next()}`,
      currency: 'EUR',
      total: { amount: '1', currency: 'EUR' },
      warehouseId: overrides.warehouseId ?? null,
      lines: withIds.map((l) => ({
        lineId: l.lineId,
        productId: l.productId,
        quantity: l.quantity,
        unitPrice: { amount: '1', currency: 'EUR' },
        discountPercent: '0',
        taxRate: '0',
      })),
      confirmedAt: new Date().toISOString(),
    },
    { requestId: `req-${orderId}`, correlationId: `corr-${orderId}`, ...(overrides.actor ? { actor: overrides.actor } : {}) },
  );
  await applyReservationEvent(subgraph, event);
  const shipments = await subgraph.service.orm.em
    .fork()
    .execute<{ id: string }[]>('select distinct s.id, s.planned_at from shipment s join shipment_line l on l.shipment_id = s.id where l.order_id = ? order by s.planned_at, s.id', [
      orderId,
    ]);
  return { orderId, customerId, lines: withIds, shipmentIds: shipments.map((s) => s.id) };
}
