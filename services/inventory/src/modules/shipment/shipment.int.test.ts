import { randomUUID } from 'node:crypto';
import { createKafka } from '@rapport/bus';
import { createEvent, OrderConfirmedV1, type CloudEvent, type EventData } from '@rapport/contracts';
import { createLogger } from '@rapport/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { testKafkaBrokers, waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInventoryService } from '../../create-inventory-service.js';

type Kafka = ReturnType<typeof createKafka>;
type Producer = ReturnType<Kafka['producer']>;
type Admin = ReturnType<Kafka['admin']>;

let subgraph: TestSubgraph;
let producer: Producer;
let admin: Admin;
const customerId = '0191b3a0-0000-7000-8000-0000000000c1';
const unknownId = '0191b3a0-0000-7000-8000-000000000999';

interface ShipmentRow {
  id: string;
  order_id: string;
  customer_id: string;
  status: string;
}

const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);

const orderConfirmed = (overrides: Partial<EventData<typeof OrderConfirmedV1>> = {}): CloudEvent => {
  const orderId = overrides.orderId ?? randomUUID();
  return createEvent(
    OrderConfirmedV1,
    orderId,
    {
      orderId,
      customerId,
      number: 'SO-000001',
      total: { amount: '30.285', currency: 'EUR' },
      lines: [{ productId: '0191b3a0-0000-7000-8000-0000000000a1', quantity: '1.5', unitPrice: { amount: '20.19', currency: 'EUR' } }],
      confirmedAt: new Date().toISOString(),
      ...overrides,
    },
    { requestId: `req-${orderId}`, correlationId: `corr-${orderId}` },
  );
};

/** Produces `event` into the test's namespace as the sales relay would; resolves with where it landed. */
async function produce(event: CloudEvent): Promise<{ topic: string; partition: number; offset: bigint }> {
  const topic = `${subgraph.topicPrefix}${OrderConfirmedV1.topic}`;
  const [meta] = await producer.send({ topic, acks: -1, messages: [{ key: event.subject, value: JSON.stringify(event) }] });
  if (!meta?.baseOffset) throw new Error('Kafka did not acknowledge the event');
  return { topic, partition: meta.partition, offset: BigInt(meta.baseOffset) };
}

/** Waits until the inventory consumer group has committed past `sent`: the event was handled. */
async function waitUntilConsumed(sent: { topic: string; partition: number; offset: bigint }): Promise<void> {
  await waitFor(
    async () => {
      const [topicOffsets] = await admin.fetchOffsets({ groupId: 'inventory', topics: [sent.topic] });
      const committed = topicOffsets?.partitions.find((p) => p.partition === sent.partition)?.offset;
      return committed !== undefined && BigInt(committed) > sent.offset ? true : undefined;
    },
    { what: `the consumer to commit past offset ${sent.offset}` },
  );
}

const shipmentsOf = (orderId: string): Promise<ShipmentRow[]> => sql<ShipmentRow>('select id, order_id, customer_id, status from shipment where order_id = ?', [orderId]);

/** Confirms an order through Kafka and waits for its shipping notice. */
async function confirmOrder(): Promise<{ event: CloudEvent; shipmentId: string; orderId: string }> {
  const event = orderConfirmed();
  await waitUntilConsumed(await produce(event));
  const [shipment] = await shipmentsOf(event.subject);
  if (!shipment) throw new Error('no shipment was planned');
  return { event, shipmentId: shipment.id, orderId: event.subject };
}

const markShipped = 'mutation($id: ID!, $tracking: String!) { markShipped(shipmentId: $id, trackingNumber: $tracking) { id status trackingNumber shippedAt } }';
const markDelivered = 'mutation($id: ID!) { markDelivered(shipmentId: $id) { id status deliveredAt } }';

beforeAll(async () => {
  subgraph = await startTestSubgraph('inventory', createInventoryService, { kafka: true });
  const kafka = createKafka({ brokers: testKafkaBrokers(), clientId: 'inventory-shipment-test', logger: createLogger('inventory-shipment-test', 'warn') });
  producer = kafka.producer();
  admin = kafka.admin();
  await producer.connect();
  await admin.connect();
});
afterAll(async () => {
  await producer?.disconnect();
  await admin?.disconnect();
  await subgraph?.stop();
});

describe('shipping notices', () => {
  it('plans one shipment for a confirmed order, publishes inventory.shipment.planned.v1, and ignores the same event delivered again', async () => {
    const event = orderConfirmed();
    await produce(event);
    const [shipment] = await waitFor(async () => {
      const rows = await shipmentsOf(event.subject);
      return rows.length > 0 ? rows : undefined;
    }, { what: 'the shipment row' });
    expect(shipment).toMatchObject({ order_id: event.subject, customer_id: customerId, status: 'PLANNED' });

    const outbox = await sql<{ type: string; topic: string; payload: CloudEvent<string, Record<string, unknown>> }>(
      'select type, topic, payload from outbox_message where message_key = ?',
      [shipment!.id],
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ type: 'inventory.shipment.planned.v1', topic: 'inventory.shipment' });
    expect(outbox[0]?.payload).toMatchObject({
      causationid: event.id,
      correlationid: event.correlationid,
      requestid: event.requestid,
      data: { shipmentId: shipment!.id, orderId: event.subject, customerId },
    });
    await waitFor(async () => {
      const [row] = await sql<{ published_at: Date | null }>('select published_at from outbox_message where message_key = ?', [shipment!.id]);
      return row?.published_at ? true : undefined;
    }, { what: 'the relay to publish the shipment event' });

    await waitUntilConsumed(await produce(event));
    expect(await shipmentsOf(event.subject)).toHaveLength(1);
    expect(await sql('select 1 from outbox_message where type = ? and payload->>\'causationid\' = ?', ['inventory.shipment.planned.v1', event.id])).toHaveLength(1);
  });

  it('ships a planned shipment with its tracking number and then delivers it, refusing steps out of order', async () => {
    const { shipmentId } = await confirmOrder();
    const early = await subgraph.gql(markDelivered, { id: shipmentId });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_SHIPMENT_TRANSITION', field: 'shipmentId' });

    const shipped = await subgraph.gql<{ markShipped: { status: string; trackingNumber: string; shippedAt: string } }>(markShipped, { id: shipmentId, tracking: ' 1Z999AA10123456784 ' });
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
  });
});
