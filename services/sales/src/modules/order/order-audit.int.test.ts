import { randomUUID } from 'node:crypto';
import { testCast } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { productSnapshot, seedCatalogue } from '../catalogue/catalogue.testing.js';
import { useSalesSubgraph } from '../../testing.js';

const product = productSnapshot();
const { team, rep, head, repElsewhere: outsider } = testCast();
const customerId = randomUUID();
const subgraph = useSalesSubgraph({
  seed: async (started) => {
    await seedCatalogue(started, product);
    await started.service.orm.em.fork().getConnection().execute('insert into customer_access (customer_id, owner_id, team_id) values (?, ?, ?)', [customerId, rep.userId, team]);
  },
});

interface Entry {
  action: string;
  actorId: string | null;
  requestId: string | null;
  changes: { field: string; from: string | null; to: string | null }[];
}
const historyQuery = `query($id: ID!) { salesOrder(id: $id) { history { action actorId requestId changes { field from to } } } }`;
const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown => result.errors?.[0]?.extensions?.code;
const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);

describe('sales order audit trail', () => {
  it('records placing an order as CREATE and cancelling it as an UPDATE from CONFIRMED to CANCELLED, each with its actor', async () => {
    const placed = await subgraph.gqlAs<{ placeOrder: { id: string; number: string } }>(rep, 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id number } }', {
      input: { customerId, currency: 'EUR', lines: [{ productId: product.productId, quantity: '2', unitPrice: { amount: '1290', currency: 'EUR' } }] },
    });
    expect(placed.errors).toBeUndefined();
    const { id, number } = placed.data!.placeOrder;
    const cancelled = await subgraph.gqlAs(head, 'mutation($id: ID!) { cancelOrder(id: $id) { id } }', { id });
    expect(cancelled.errors).toBeUndefined();

    const result = await subgraph.gqlAs<{ salesOrder: { history: Entry[] } }>(rep, historyQuery, { id });
    expect(result.errors).toBeUndefined();
    const [update, create] = result.data!.salesOrder.history;
    expect(result.data!.salesOrder.history).toHaveLength(2);
    expect(create).toMatchObject({ action: 'CREATE', actorId: rep.userId });
    expect(create!.requestId).toBeTruthy();
    expect(create!.changes).toContainEqual({ field: 'number', from: null, to: JSON.stringify(number) });
    expect(create!.changes).toContainEqual({ field: 'status', from: null, to: '"CONFIRMED"' });
    expect(update).toMatchObject({ action: 'UPDATE', actorId: head.userId });
    expect(update!.requestId).not.toBe(create!.requestId);
    expect(update!.changes.map((c) => c.field).sort()).toEqual(['cancelledAt', 'status']);
    expect(update!.changes).toContainEqual({ field: 'status', from: '"CONFIRMED"', to: '"CANCELLED"' });
    expect(update!.changes.find((c) => c.field === 'cancelledAt')).toMatchObject({ from: null, to: expect.stringMatching(/^"\d{4}-\d\d-\d\dT/) });

    expect(codeOf(await subgraph.gqlAs(outsider, historyQuery, { id }))).toBe('NOT_FOUND');
    expect(codeOf(await subgraph.gqlAs({ role: 'BUYER' }, historyQuery, { id }))).toBe('FORBIDDEN');
  });

  it('writes no audit entry when a cancellation is refused', async () => {
    const placed = await subgraph.gqlAs<{ placeOrder: { id: string } }>(rep, 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }', {
      input: { customerId, currency: 'EUR', lines: [{ productId: product.productId, quantity: '1', unitPrice: { amount: '1290', currency: 'EUR' } }] },
    });
    const id = placed.data!.placeOrder.id;
    await subgraph.gqlAs(rep, 'mutation($id: ID!) { cancelOrder(id: $id) { id } }', { id });
    expect(codeOf(await subgraph.gqlAs(rep, 'mutation($id: ID!) { cancelOrder(id: $id) { id } }', { id }))).toBe('CONFLICT');

    const result = await subgraph.gqlAs<{ salesOrder: { history: Entry[] } }>(rep, historyQuery, { id });
    expect(result.data!.salesOrder.history.map((h) => h.action)).toEqual(['UPDATE', 'CREATE']);
  });
});
