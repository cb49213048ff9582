import { randomUUID } from 'node:crypto';
import { createEvent, OrderConfirmedV2, type CloudEvent, type EventData } from '@rapport/contracts';
import { leanSql } from '@rapport/subgraph-kit';
import { leanAndHydrated, startTestSubgraph, type TestPrincipal, type TestSubgraph, useTwoRepsOwningCustomers } from '@rapport/subgraph-kit/testing';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInventoryService } from '../../create-inventory-service.js';
import { aProduct, aWarehouse, ledgerMismatches, receive } from '../../test-fixtures.js';
import { Shipment } from './shipment.entity.js';

let subgraph: TestSubgraph;
const customerId = '0191b3a0-0000-7000-8000-0000000000c1';
const unknownId = '0191b3a0-0000-7000-8000-000000000999';

interface ShipmentRow {
  id: string;
  order_id: string;
  customer_id: string;
  status: string;
}

const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);

let productId = '';
let warehouseId = '';

const orderConfirmed = (overrides: Partial<EventData<typeof OrderConfirmedV2>> = {}): CloudEvent => {
  const orderId = overrides.orderId ?? randomUUID();
  return createEvent(
    OrderConfirmedV2,
    orderId,
    {
      orderId,
      customerId,
      number: 'SO-000001',
      currency: 'EUR',
      total: { amount: '30.29', currency: 'EUR' },
      warehouseId: null,
      lines: [{ lineId: randomUUID(), productId, quantity: '1.5', unitPrice: { amount: '20.19', currency: 'EUR' }, discountPercent: '0', taxRate: '0' }],
      confirmedAt: new Date().toISOString(),
      ...overrides,
    },
    { requestId: `req-${orderId}`, correlationId: `corr-${orderId}` },
  );
};

const shipmentsOf = (orderId: string): Promise<ShipmentRow[]> => sql<ShipmentRow>('select id, order_id, customer_id, status from shipment where order_id = ?', [orderId]);

/** Confirms an order of 1.5 units in stock (for `overrides.customerId`, else the default customer) through Kafka and waits for its shipping notice. */
async function confirmOrder(overrides: Partial<EventData<typeof OrderConfirmedV2>> = {}): Promise<{ event: CloudEvent; shipmentId: string; orderId: string }> {
  const event = orderConfirmed(overrides);
  await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
  const [shipment] = await shipmentsOf(event.subject);
  if (!shipment) throw new Error('no shipment was planned');
  return { event, shipmentId: shipment.id, orderId: event.subject };
}

const markShipped = 'mutation($id: ID!, $tracking: String!) { markShipped(shipmentId: $id, trackingNumber: $tracking) { id status trackingNumber shippedAt } }';
const markDelivered = 'mutation($id: ID!) { markDelivered(shipmentId: $id) { id status deliveredAt } }';

beforeAll(async () => {
  subgraph = await startTestSubgraph('inventory', createInventoryService, { kafka: true });
  productId = await aProduct(subgraph);
  warehouseId = await aWarehouse(subgraph);
  await receive(subgraph, productId, warehouseId, '1000');
});
afterAll(async () => {
  if (subgraph) expect(await ledgerMismatches(subgraph)).toEqual([]);
  await subgraph?.stop();
});

describe('shipping notices', () => {
  it('plans one notice for what a confirmed order reserved, publishes inventory.shipment.planned.v2 with its lines, and ignores the same event delivered again', async () => {
    const event = orderConfirmed();
    await subgraph.events.deliver(event);
    const [shipment] = await waitFor(
      async () => {
        const rows = await shipmentsOf(event.subject);
        return rows.length > 0 ? rows : undefined;
      },
      { what: 'the shipment row' },
    );
    expect(shipment).toMatchObject({ order_id: event.subject, customer_id: customerId, status: 'PLANNED' });

    const outbox = await sql<{ type: string; topic: string; payload: CloudEvent<string, Record<string, unknown>> }>(
      'select type, topic, payload from outbox_message where message_key = ?',
      [shipment!.id],
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ type: 'inventory.shipment.planned.v2', topic: 'inventory.shipment' });
    expect(outbox[0]?.payload).toMatchObject({
      causationid: event.id,
      correlationid: event.correlationid,
      requestid: event.requestid,
      data: {
        shipmentId: shipment!.id,
        number: expect.stringMatching(/^DN-\d{6}$/),
        customerId,
        warehouseId,
        lines: [{ orderId: event.subject, orderLineId: (event.data as { lines: { lineId: string }[] }).lines[0]!.lineId, productId, quantity: '1.5' }],
        plannedFor: null,
      },
    });
    await waitFor(
      async () => {
        const [row] = await sql<{ published_at: Date | null }>('select published_at from outbox_message where message_key = ?', [shipment!.id]);
        return row?.published_at ? true : undefined;
      },
      { what: 'the relay to publish the shipment event' },
    );

    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    expect(await shipmentsOf(event.subject)).toHaveLength(1);
    expect(await sql("select 1 from outbox_message where type = ? and payload->>'causationid' = ?", ['inventory.shipment.planned.v2', event.id])).toHaveLength(1);
  });

  it('ships a planned shipment with its tracking number and then delivers it, refusing steps out of order', async () => {
    const { shipmentId } = await confirmOrder();
    const early = await subgraph.gql(markDelivered, { id: shipmentId });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_SHIPMENT_TRANSITION', field: 'shipmentId' });

    const shipped = await subgraph.gql<{ markShipped: { status: string; trackingNumber: string; shippedAt: string } }>(markShipped, {
      id: shipmentId,
      tracking: ' 1Z999AA10123456784 ',
    });
    expect(shipped.errors).toBeUndefined();
    expect(shipped.data!.markShipped).toMatchObject({ status: 'SHIPPED', trackingNumber: '1Z999AA10123456784' });
    expect(shipped.data!.markShipped.shippedAt).toMatch(/Z$/);
    const twice = await subgraph.gql(markShipped, { id: shipmentId, tracking: 'OTHER' });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });

    const delivered = await subgraph.gql<{ markDelivered: { status: string; deliveredAt: string } }>(markDelivered, { id: shipmentId });
    expect(delivered.data!.markDelivered.status).toBe('DELIVERED');
    const again = await subgraph.gql(markDelivered, { id: shipmentId });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    const reread = await subgraph.gql<{ shipment: { status: string; trackingNumber: string } }>(`{ shipment(id: "${shipmentId}") { status trackingNumber } }`);
    expect(reread.data!.shipment).toEqual({ status: 'DELIVERED', trackingNumber: '1Z999AA10123456784' });
  });

  it('rejects a blank tracking number and unknown or malformed shipment ids, naming the field', async () => {
    const { shipmentId } = await confirmOrder();
    const blank = await subgraph.gql(markShipped, { id: shipmentId, tracking: '   ' });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'trackingNumber' });
    expect((await sql<ShipmentRow>('select status from shipment where id = ?', [shipmentId]))[0]?.status).toBe('PLANNED');
    const unknown = await subgraph.gql(markShipped, { id: unknownId, tracking: 'TRK' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'shipmentId' });
    const unknownDelivered = await subgraph.gql(markDelivered, { id: unknownId });
    expect(unknownDelivered.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'shipmentId' });
    const malformed = await subgraph.gql(markDelivered, { id: 'SHP-1' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shipmentId' });
    const unknownQuery = await subgraph.gql(`{ shipment(id: "${unknownId}") { id } }`);
    expect(unknownQuery.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it("resolves N SalesOrders' delivery with one shipment query (_entities batches)", async () => {
    const planned = await confirmOrder();
    const shipped = await confirmOrder();
    await subgraph.gql(markShipped, { id: shipped.shipmentId, tracking: 'TRK-2' });
    const notPlanned = randomUUID();

    subgraph.resetQueries();
    type Entity = { id: string; delivery: { status: string; shipments: { id: string; orderId: string; status: string; customer: { id: string } }[] } } | null;
    const result = await subgraph.gql<{ _entities: Entity[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on SalesOrder {
        id delivery { status shipments { id orderId status customer { id } } } } } }`,
      { r: [planned.orderId, shipped.orderId, notPlanned, 'not-a-uuid'].map((id) => ({ __typename: 'SalesOrder', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([
      { id: planned.orderId, delivery: { status: 'PLANNED', shipments: [{ id: planned.shipmentId, orderId: planned.orderId, status: 'PLANNED', customer: { id: customerId } }] } },
      { id: shipped.orderId, delivery: { status: 'SHIPPED', shipments: [{ id: shipped.shipmentId, orderId: shipped.orderId, status: 'SHIPPED', customer: { id: customerId } }] } },
      { id: notPlanned, delivery: { status: 'NOT_PLANNED', shipments: [] } },
      null,
    ]);
    expect(subgraph.queries.filter((q) => /from "shipment"/.test(q))).toHaveLength(1);

    // The notices are read as plain rows (`leanSql`): they hold exactly what hydrated entities would.
    const { lean, hydrated } = await leanAndHydrated(subgraph.service.orm.em.fork(), (em) =>
      em
        .createQueryBuilder(Shipment, 's')
        .select('*')
        .where({ id: { $in: [planned.shipmentId, shipped.shipmentId] } })
        .orderBy({ id: 'asc' }),
    );
    expect(lean).toHaveLength(2);
    expect(lean).toEqual(hydrated);
    const ids = [planned.shipmentId, shipped.shipmentId];
    expect(await leanSql(subgraph.service.orm.em.fork(), Shipment, 'select "s".* from "shipment" as "s" where "s"."id" in (?, ?) order by "s"."id"', ids)).toEqual(hydrated);
  });
});

describe('who sees shipments', () => {
  const { team, repA, repB, customerA, customerB } = useTwoRepsOwningCustomers(() => subgraph);
  let a: { shipmentId: string; orderId: string };
  let b: { shipmentId: string; orderId: string };

  type Delivery = { id: string; delivery: { status: string; shipments: { id: string }[] } } | null;
  const deliveriesFor = async (principal: TestPrincipal): Promise<Delivery[]> => {
    const result = await subgraph.gqlAs<{ _entities: Delivery[] }>(
      principal,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on SalesOrder { id delivery { status shipments { id } } } } }',
      { r: [a.orderId, b.orderId].map((id) => ({ __typename: 'SalesOrder', id })) },
    );
    expect(result.errors).toBeUndefined();
    return result.data!._entities;
  };
  const planned = (order: { shipmentId: string; orderId: string }): Delivery => ({ id: order.orderId, delivery: { status: 'PLANNED', shipments: [{ id: order.shipmentId }] } });
  const hidden = (order: { orderId: string }): Delivery => ({ id: order.orderId, delivery: { status: 'NOT_PLANNED', shipments: [] } });
  const readShipment = (principal: TestPrincipal, id: string) =>
    subgraph.gqlAs<{ shipment: { id: string; customer: { id: string } } }>(principal, `{ shipment(id: "${id}") { id customer { id } } }`);
  const shareB = (userIds: string[]) => sql('update customer_access set shared_with = ? where customer_id = ?', [`{${userIds.join(',')}}`, customerB]);

  beforeAll(async () => {
    a = await confirmOrder({ customerId: customerA });
    b = await confirmOrder({ customerId: customerB });
  });

  it("shows a rep the delivery of their own customers' orders only, in one shipment query", async () => {
    subgraph.resetQueries();
    expect(await deliveriesFor(repA)).toEqual([planned(a), hidden(b)]);
    expect(subgraph.queries.filter((q) => /from "shipment"/.test(q))).toHaveLength(1);
    expect(await deliveriesFor(repB)).toEqual([hidden(a), planned(b)]);
  });

  it("answers a rep asking for another rep's shipment by id with NOT_FOUND, as for an unknown id", async () => {
    const own = await readShipment(repA, a.shipmentId);
    expect(own.data!.shipment).toEqual({ id: a.shipmentId, customer: { id: customerA } });
    const other = await readShipment(repA, b.shipmentId);
    const unknown = await readShipment(repA, unknownId);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(other.errors?.[0]?.extensions).toEqual(unknown.errors?.[0]?.extensions);
  });

  it("lets sales and the read-only departments change no shipment (FORBIDDEN), their own customers' included", async () => {
    const readOnly: TestPrincipal[] = [repA, { role: 'SALES_MANAGER', teamIds: [team] }, { role: 'SUPPORT_AGENT' }, { role: 'ACCOUNTANT' }, { role: 'BUYER' }];
    for (const principal of readOnly) {
      for (const id of [a.shipmentId, b.shipmentId]) {
        const shipped = await subgraph.gqlAs(principal, markShipped, { id, tracking: 'TRK' });
        expect(shipped.errors?.[0]?.extensions, principal.role).toMatchObject({ code: 'FORBIDDEN' });
        const delivered = await subgraph.gqlAs(principal, markDelivered, { id });
        expect(delivered.errors?.[0]?.extensions, principal.role).toMatchObject({ code: 'FORBIDDEN' });
      }
    }
    expect((await sql<ShipmentRow>('select status from shipment where id in (?, ?)', [a.shipmentId, b.shipmentId])).map((r) => r.status)).toEqual(['PLANNED', 'PLANNED']);
  });

  it('lists to a rep the notices of their own customers only, to the warehouse all, and refuses the list and planning by hand to those who may not', async () => {
    const list = async (principal: TestPrincipal) => {
      const result = await subgraph.gqlAs<{ shipments: { edges: { node: { id: string } }[] } }>(principal, '{ shipments(first: 100) { edges { node { id } } } }');
      return result;
    };
    const ids = (result: Awaited<ReturnType<typeof list>>) => {
      expect(result.errors).toBeUndefined();
      return result.data!.shipments.edges.map((e) => e.node.id);
    };
    const mine = ids(await list(repA));
    expect(mine).toContain(a.shipmentId);
    expect(mine).not.toContain(b.shipmentId);
    expect(ids(await list({ role: 'WAREHOUSE_CLERK' }))).toEqual(expect.arrayContaining([a.shipmentId, b.shipmentId]));
    expect((await list({ role: 'BUYER' })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const plan = await subgraph.gqlAs(repA, 'mutation($i: PlanShipmentInput!) { planShipment(input: $i) { id } }', {
      i: { customerId: customerA, warehouseId, lines: [{ orderLineId: randomUUID(), quantity: '1' }] },
    });
    expect(plan.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const ship = await subgraph.gqlAs(repA, 'mutation($id: ID!) { shipShipment(shipmentId: $id, trackingNumber: "TRK") { id } }', { id: a.shipmentId });
    expect(ship.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("shows a rep another rep's shipments once that customer is shared with them", async () => {
    await shareB([repA.userId]);
    try {
      expect(await deliveriesFor(repA)).toEqual([planned(a), planned(b)]);
      expect((await readShipment(repA, b.shipmentId)).data!.shipment.id).toBe(b.shipmentId);
    } finally {
      await shareB([]);
    }
    expect(await deliveriesFor(repA)).toEqual([planned(a), hidden(b)]);
  });

  it("shows a team head their team's shipments, and a head of another team none of them", async () => {
    expect(await deliveriesFor({ role: 'SALES_MANAGER', userId: randomUUID(), teamIds: [team] })).toEqual([planned(a), planned(b)]);
    expect(await deliveriesFor({ role: 'SALES_MANAGER', userId: randomUUID(), teamIds: [randomUUID()] })).toEqual([hidden(a), hidden(b)]);
  });

  it('shows directors, the warehouse, support and finance every shipment', async () => {
    for (const role of ['DIRECTOR', 'WAREHOUSE_CLERK', 'SUPPORT_AGENT', 'ACCOUNTANT'] as const) {
      expect(await deliveriesFor({ role }), role).toEqual([planned(a), planned(b)]);
      expect((await readShipment({ role }, b.shipmentId)).data?.shipment.id, role).toBe(b.shipmentId);
    }
  });

  it('refuses shipments to purchasing (FORBIDDEN), whose order deliveries read NOT_PLANNED without a query', async () => {
    const buyer: TestPrincipal = { role: 'BUYER' };
    expect((await readShipment(buyer, a.shipmentId)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    subgraph.resetQueries();
    expect(await deliveriesFor(buyer)).toEqual([hidden(a), hidden(b)]);
    expect(subgraph.queries.filter((q) => /from "shipment"/.test(q))).toHaveLength(0);
  });

  it('lets the warehouse ship and deliver any shipment', async () => {
    const clerk: TestPrincipal = { role: 'WAREHOUSE_CLERK', userId: randomUUID() };
    const shipped = await subgraph.gqlAs<{ markShipped: { status: string } }>(clerk, markShipped, { id: b.shipmentId, tracking: 'TRK-B' });
    expect(shipped.data!.markShipped.status).toBe('SHIPPED');
    const delivered = await subgraph.gqlAs<{ markDelivered: { status: string } }>(clerk, markDelivered, { id: b.shipmentId });
    expect(delivered.data!.markDelivered.status).toBe('DELIVERED');
  });
});
