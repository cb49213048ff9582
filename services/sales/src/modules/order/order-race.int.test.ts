import { randomUUID } from 'node:crypto';
import { createEvent, ShipmentDeliveredV1 } from '@rapport/contracts';
import { holdRowLock, raceOutcome, startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesService } from '../../create-sales-service.js';

let subgraph: TestSubgraph;
const RACERS = 20;
/** The sales service's connection pool: at most this many racers wait in PostgreSQL at once. */
const POOL = 10;

async function placeOrder(): Promise<string> {
  const placed = await subgraph.gql<{ placeOrder: { id: string } }>('mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }', {
    input: { customerId: randomUUID(), currency: 'EUR', lines: [{ productId: randomUUID(), quantity: '1', unitPrice: { amount: '10', currency: 'EUR' } }] },
  });
  expect(placed.errors).toBeUndefined();
  return placed.data!.placeOrder.id;
}

const count = async (sql: string, params: unknown[]): Promise<number> =>
  Number((await subgraph.service.orm.em.getConnection().execute<{ n: string }[]>(sql, params))[0]!.n);
const statusUpdates = (id: string) => count(`select count(*) as n from audit_entry where entity = 'SalesOrder' and entity_id = ? and action = 'UPDATE'`, [id]);
const events = (id: string) => count('select count(*) as n from outbox_message where message_key = ?', [id]);
const status = async (id: string) => (await subgraph.service.orm.em.getConnection().execute<{ status: string }[]>('select status from sales_order where id = ?', [id]))[0]!.status;

beforeAll(async () => {
  subgraph = await startTestSubgraph('sales', createSalesService, { kafka: true });
});
afterAll(async () => subgraph?.stop());

describe('concurrent transitions of one sales order', () => {
  it('20 concurrent cancelOrder calls: one wins, 19 get CONFLICT, one audit entry', async () => {
    const id = await placeOrder();
    const held = await holdRowLock(subgraph.database.url, 'sales_order', id);
    const calls = Array.from({ length: RACERS }, () => subgraph.gql('mutation($id: ID!) { cancelOrder(id: $id) { id status } }', { id }));
    await held.waitForWaiters(POOL);
    await held.release();
    const outcome = raceOutcome(await Promise.all(calls));

    expect(outcome.other).toEqual([]);
    expect(outcome.won).toHaveLength(1);
    expect(outcome.conflicts).toHaveLength(RACERS - 1);
    expect(await status(id)).toBe('CANCELLED');
    expect(await statusUpdates(id)).toBe(1);
    expect(await events(id)).toBe(1); // sales.order.confirmed only: the losers wrote nothing
  });

  it('a delivery completing the order and a concurrent cancel: exactly one of them changes it', async () => {
    const id = await placeOrder();
    const held = await holdRowLock(subgraph.database.url, 'sales_order', id);
    const cancel = subgraph.gql('mutation($id: ID!) { cancelOrder(id: $id) { id status } }', { id });
    const delivery = subgraph.events.deliver(createEvent(ShipmentDeliveredV1, randomUUID(), { shipmentId: randomUUID(), orderId: id, customerId: randomUUID(), deliveredAt: new Date().toISOString() }));
    // Both the request and the event handler are now in line behind the held row.
    await held.waitForWaiters(2);
    await held.release();
    const cancelled = raceOutcome([await cancel]);
    await subgraph.events.waitUntilHandled(await delivery);

    expect(cancelled.other).toEqual([]);
    expect(await statusUpdates(id)).toBe(1);
    if (cancelled.won.length === 1) {
      expect(await status(id)).toBe('CANCELLED');
    } else {
      expect(cancelled.conflicts[0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_NOT_CANCELLABLE' });
      expect(await status(id)).toBe('COMPLETED');
    }
  });
});
