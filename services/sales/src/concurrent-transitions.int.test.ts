import { randomUUID } from 'node:crypto';
import { createEvent, ShipmentDeliveredV1 } from '@rapport/contracts';
import { countAuditEntries, countOutboxEvents, holdRowLock, raceBehindRow, raceOutcome } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { productSnapshot, seedCatalogue } from './modules/catalogue/catalogue.testing.js';
import { anOpportunity, anOrder, useSalesSubgraph } from './testing.js';

const product = productSnapshot();
const subgraph = useSalesSubgraph({ kafka: true, seed: (started) => seedCatalogue(started, product) });
const RACERS = 20;
const em = () => subgraph.service.orm.em.fork();

const placeOrder = (): Promise<string> => anOrder(subgraph, randomUUID(), product.productId);
const openOpportunity = (): Promise<string> => anOpportunity(subgraph, randomUUID(), 'Raced deal');

const status = async (table: string, id: string) => (await em().getConnection().execute<{ status: string }[]>(`select status from ${table} where id = ?`, [id]))[0]!.status;

describe('concurrent transitions of one sales order', () => {
  it('20 concurrent cancelOrder calls: one wins, 19 get CONFLICT, one audit entry, one cancelled event', async () => {
    const id = await placeOrder();
    const outcome = await raceBehindRow(subgraph.database.url, 'sales_order', id, () => subgraph.gql('mutation($id: ID!) { cancelOrder(id: $id) { id status } }', { id }), RACERS);

    expect(outcome.other).toEqual([]);
    expect(outcome.won).toHaveLength(1);
    expect(outcome.conflicts).toHaveLength(RACERS - 1);
    expect(await status('sales_order', id)).toBe('CANCELLED');
    expect(await countAuditEntries(em(), 'SalesOrder', id, 'UPDATE')).toBe(1);
    // sales.order.confirmed and the winner's sales.order.cancelled: the losers wrote nothing.
    expect(await countOutboxEvents(em(), id, 'sales.order.cancelled.v2')).toBe(1);
    expect(await countOutboxEvents(em(), id)).toBe(2);
  });

  it('a delivery of the whole order and a concurrent cancel: exactly one of them changes it', async () => {
    const id = await placeOrder();
    const held = await holdRowLock(subgraph.database.url, 'sales_order', id);
    const cancel = subgraph.gql('mutation($id: ID!) { cancelOrder(id: $id) { id status } }', { id });
    const delivery = subgraph.events.deliver(
      createEvent(ShipmentDeliveredV1, randomUUID(), { shipmentId: randomUUID(), orderId: id, customerId: randomUUID(), deliveredAt: new Date().toISOString() }),
    );
    // Both the request and the event handler are now in line behind the held row.
    await held.waitForWaiters(2);
    await held.release();
    const cancelled = raceOutcome([await cancel]);
    await subgraph.events.waitUntilHandled(await delivery);

    expect(cancelled.other).toEqual([]);
    expect(await countAuditEntries(em(), 'SalesOrder', id, 'UPDATE')).toBe(1);
    /* eslint-disable vitest/no-conditional-expect -- either the cancel or the delivery wins the race (a delivered order is DELIVERED until invoiced and paid); each outcome is checked in full */
    if (cancelled.won.length === 1) {
      expect(await status('sales_order', id)).toBe('CANCELLED');
    } else {
      expect(cancelled.conflicts[0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_NOT_CANCELLABLE' });
      expect(await status('sales_order', id)).toBe('DELIVERED');
    }
    /* eslint-enable vitest/no-conditional-expect */
  });
});

describe('concurrent transitions of one opportunity', () => {
  it('20 concurrent moves to Won: one closes it, 19 get CONFLICT, one audit entry, one closed event', async () => {
    const stages = (await subgraph.gql<{ pipelineStages: { id: string; name: string }[] }>('{ pipelineStages { id name } }')).data!.pipelineStages;
    const won = stages.find((s) => s.name === 'Won')!.id;
    const id = await openOpportunity();
    const outcome = await raceBehindRow(subgraph.database.url, 'opportunity', id, () =>
      subgraph.gql('mutation($id: ID!, $stageId: ID!) { moveOpportunity(id: $id, stageId: $stageId) { id status } }', { id, stageId: won }),
    );

    expect(outcome.other).toEqual([]);
    expect(outcome.won).toHaveLength(1);
    expect(outcome.conflicts).toHaveLength(RACERS - 1);
    expect(await countAuditEntries(em(), 'Opportunity', id, 'UPDATE')).toBe(1);
    expect(await countOutboxEvents(em(), id, 'sales.opportunity.closed.v1')).toBe(1);
  });

  it('20 concurrent deletes: one wins, 19 get CONFLICT, one audit entry', async () => {
    const id = await openOpportunity();
    const outcome = await raceBehindRow(subgraph.database.url, 'opportunity', id, () => subgraph.gql('mutation($id: ID!) { deleteOpportunity(id: $id) { id } }', { id }));

    expect(outcome.other).toEqual([]);
    expect(outcome.won).toHaveLength(1);
    expect(outcome.conflicts).toHaveLength(RACERS - 1);
    expect(await countAuditEntries(em(), 'Opportunity', id, 'DELETE')).toBe(1);
  });
});

describe('concurrent conversions of one accepted quotation', () => {
  it('20 concurrent convertQuotation calls: one order is made, 19 get CONFLICT', async () => {
    const customerId = randomUUID();
    const created = await subgraph.gql<{ createQuotation: { id: string } }>('mutation($input: CreateQuotationInput!) { createQuotation(input: $input) { id } }', {
      input: { customerId, currency: 'EUR', lines: [{ productId: product.productId, quantity: '1', unitPrice: { amount: '10', currency: 'EUR' } }] },
    });
    const id = created.data!.createQuotation.id;
    for (const step of ['sendQuotation', 'acceptQuotation']) {
      expect((await subgraph.gql(`mutation($id: ID!) { ${step}(id: $id) { id } }`, { id })).errors).toBeUndefined();
    }
    const outcome = await raceBehindRow(subgraph.database.url, 'quotation', id, () => subgraph.gql('mutation($id: ID!) { convertQuotation(id: $id) { id } }', { id }), RACERS);

    expect(outcome.other).toEqual([]);
    expect(outcome.won).toHaveLength(1);
    expect(outcome.conflicts).toHaveLength(RACERS - 1);
    expect(await status('quotation', id)).toBe('CONVERTED');
    const orders = await em().getConnection().execute<{ n: number }[]>('select count(*)::int as n from sales_order where quotation_id = ?', [id]);
    expect(orders[0]!.n).toBe(1);
    expect(await countOutboxEvents(em(), id, 'sales.quotation.converted.v1')).toBe(1);
  });
});
