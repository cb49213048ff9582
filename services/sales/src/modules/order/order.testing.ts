// What the order tests share: placing and reading orders with each test's own selection of fields,
// and delivering the events other services send about them.
import { randomUUID } from 'node:crypto';
import { createEvent, ShipmentShippedV2, type CloudEvent } from '@rapport/contracts';
import type { TestSubgraph } from '@rapport/subgraph-kit/testing';
import { useSalesSubgraph } from '../../testing.js';
import { productSnapshot, seedCatalogue } from '../catalogue/catalogue.testing.js';

/** An order line to place: `quantity` units of `productId` at `unitPrice` EUR each. */
export interface OrderLineToPlace {
  productId: string;
  quantity: string;
  unitPrice: string;
}

/** An order as the shipment events name it: its id, its customer, its lines. */
interface ShippableOrder {
  id: string;
  customerId: string;
}

/** Orders of `subgraph` placed and read with `fields` (the test's selection, answered as `O`). */
export function orderTestClient<O>(subgraph: TestSubgraph, fields: string) {
  return {
    /** Places an EUR order for `customerId` as an ADMIN and answers it, with its customer. */
    async place(customerId: string, lines: readonly OrderLineToPlace[]): Promise<O & { customerId: string }> {
      const placed = await subgraph.must<{ placeOrder: O }>(`mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ${fields} } }`, {
        input: { customerId, currency: 'EUR', lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: { amount: l.unitPrice, currency: 'EUR' } })) },
      });
      return { ...placed.placeOrder, customerId };
    },
    /** The order `id` as an ADMIN reads it. */
    async read(id: string): Promise<O> {
      return (await subgraph.must<{ salesOrder: O }>(`query($id: ID!) { salesOrder(id: $id) { ${fields} } }`, { id })).salesOrder;
    },
    /** Delivers `event` and waits until sales handled it. */
    async deliver(event: CloudEvent): Promise<void> {
      await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    },
  };
}

/** A shipment.shipped.v2 of `order` from `warehouseId`: per line, the quantity shipped. */
export function shippedEvent(
  order: ShippableOrder,
  quantities: readonly (readonly [{ id: string; productId: string }, string])[],
  options: { warehouseId: string; carrier?: string | null; trackingNumber?: string | null; shippedAt?: string },
): CloudEvent {
  const shipmentId = randomUUID();
  return createEvent(ShipmentShippedV2, shipmentId, {
    shipmentId,
    number: `SH-${shipmentId.slice(0, 6)}`,
    customerId: order.customerId,
    warehouseId: options.warehouseId,
    carrier: options.carrier ?? null,
    trackingNumber: options.trackingNumber ?? null,
    lines: quantities.map(([line, quantity]) => ({ orderId: order.id, orderLineId: line.id, productId: line.productId, quantity })),
    shippedAt: options.shippedAt ?? new Date().toISOString(),
  });
}

/** Sales with Kafka for one order test file, a pump and a valve in its catalogue copy, and a warehouse for inventory's events. */
export function usePumpAndValveOrders() {
  const pump = productSnapshot({ name: 'Pump' });
  const valve = productSnapshot({ name: 'Valve' });
  const subgraph = useSalesSubgraph({ kafka: true, seed: (started) => seedCatalogue(started, pump, valve) });
  return { subgraph, pump, valve, warehouseId: randomUUID() };
}
