import { randomUUID } from 'node:crypto';
import { type HistoryEntry, historyOf, startTestSubgraph, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInventoryService } from '../../create-inventory-service.js';
import { aProduct, aWarehouse, oneUnitOrderConfirmed, receive } from '../../test-fixtures.js';

let subgraph: TestSubgraph;
let productId = '';
const team = randomUUID();
const customerId = randomUUID();
const clerk: TestPrincipal = { userId: randomUUID(), role: 'WAREHOUSE_CLERK' };
const rep: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [team] };
const outsider: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [randomUUID()] };

const historyQuery = `query($id: ID!) { shipment(id: $id) { history { action } } }`;
const historyAs = (principal: TestPrincipal, id: string): Promise<HistoryEntry[]> => historyOf(subgraph, principal, 'shipment', id);
const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown => result.errors?.[0]?.extensions?.code;
const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  subgraph = await startTestSubgraph('inventory', createInventoryService, { kafka: true });
  await sql('insert into customer_access (customer_id, owner_id, team_id) values (?, ?, ?)', [customerId, rep.userId, team]);
  productId = await aProduct(subgraph);
  await receive(subgraph, productId, await aWarehouse(subgraph), '10');
});
afterAll(async () => subgraph?.stop());

describe('shipment audit trail', () => {
  const seller = randomUUID();
  const orderId = randomUUID();
  let shipmentId = '';

  it("records a shipment planned from a confirmed order as created by the order's seller, in the order's request", async () => {
    const event = oneUnitOrderConfirmed(customerId, productId, { orderId, number: 'SO-000777', meta: { actor: seller, requestId: `req-${orderId}` } });
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    const [row] = await sql<{ id: string }>('select id from shipment where order_id = ?', [orderId]);
    shipmentId = row!.id;

    const history = await historyAs(clerk, shipmentId);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'CREATE', actorId: seller, requestId: `req-${orderId}` });
    expect(history[0]!.changes).toContainEqual({ field: 'status', from: null, to: '"PLANNED"' });
    expect(history[0]!.changes).toContainEqual({ field: 'orderId', from: null, to: JSON.stringify(orderId) });
  });

  it('records marking it shipped as an UPDATE of status and tracking number, by the clerk who did it', async () => {
    const shipped = await subgraph.gqlAs(clerk, 'mutation($id: ID!) { markShipped(shipmentId: $id, trackingNumber: "1Z999AA10123456784") { id } }', { id: shipmentId });
    expect(shipped.errors).toBeUndefined();

    const [latest] = await historyAs(clerk, shipmentId);
    expect(latest).toMatchObject({ action: 'UPDATE', actorId: clerk.userId });
    expect(latest!.requestId).toBeTruthy();
    expect(latest!.requestId).not.toBe(`req-${orderId}`);
    expect(latest!.changes.map((c) => c.field).sort()).toEqual(['shippedAt', 'status', 'trackingNumber']);
    expect(latest!.changes).toContainEqual({ field: 'status', from: '"PLANNED"', to: '"SHIPPED"' });
    expect(latest!.changes).toContainEqual({ field: 'trackingNumber', from: null, to: '"1Z999AA10123456784"' });
  });

  it('records delivery after shipping, newest first', async () => {
    await subgraph.gqlAs(clerk, 'mutation($id: ID!) { markDelivered(shipmentId: $id) { id } }', { id: shipmentId });
    const history = await historyAs(clerk, shipmentId);
    expect(history.map((h) => h.action)).toEqual(['UPDATE', 'UPDATE', 'CREATE']);
    expect(history[0]!.changes).toContainEqual({ field: 'status', from: '"SHIPPED"', to: '"DELIVERED"' });
  });

  it("shows the history to whoever may see the shipment (the customer's rep), and to no one else", async () => {
    expect(await historyAs(rep, shipmentId)).toHaveLength(3);
    expect(codeOf(await subgraph.gqlAs(outsider, historyQuery, { id: shipmentId }))).toBe('NOT_FOUND');
    expect(codeOf(await subgraph.gqlAs({ role: 'BUYER' }, historyQuery, { id: shipmentId }))).toBe('FORBIDDEN');
  });
});
