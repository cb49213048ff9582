import { randomUUID } from 'node:crypto';
import {
  createEvent,
  LeadConvertedV1,
  OpportunityClosedV1,
  PaymentRecordedV1,
  ShipmentCancelledV1,
  ShipmentDeliveredV1,
  ShipmentDeliveredV2,
  ShipmentPlannedV2,
  ShipmentShippedV2,
  type CloudEvent,
} from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { useTimelineSubgraph, type TimelineEntry } from './timeline.testing.js';

const { subgraph, createCustomer, deliverTwiceAndRead } = useTimelineSubgraph('Events Co');

/** Delivers `event` twice and returns the customer's timeline entries of `kind`: each event is recorded once. */
const deliverTwice = async (customerId: string, event: CloudEvent, kind: string): Promise<TimelineEntry[]> =>
  (await deliverTwiceAndRead(customerId, [event])).filter((n) => n.kind === kind);

describe('the customer timeline records closing, payment, delivery and conversion events', () => {
  it('records a won opportunity as OPPORTUNITY_WON', async () => {
    const customerId = await createCustomer();
    const opportunityId = randomUUID();
    const event = createEvent(OpportunityClosedV1, opportunityId, {
      opportunityId,
      customerId,
      title: 'Pumps for the plant',
      outcome: 'WON',
      amount: { amount: '12500.50', currency: 'EUR' },
      closedAt: new Date().toISOString(),
    });
    expect(await deliverTwice(customerId, event, 'OPPORTUNITY_WON')).toEqual([
      { kind: 'OPPORTUNITY_WON', summary: 'Opportunity "Pumps for the plant" won at 12500.50 EUR', sourceService: 'sales', subjectId: opportunityId },
    ]);
  });

  it('records a lost opportunity as OPPORTUNITY_LOST', async () => {
    const customerId = await createCustomer();
    const opportunityId = randomUUID();
    const event = createEvent(OpportunityClosedV1, opportunityId, {
      opportunityId,
      customerId,
      title: 'Valves',
      outcome: 'LOST',
      amount: { amount: '800.00', currency: 'USD' },
      closedAt: new Date().toISOString(),
    });
    expect(await deliverTwice(customerId, event, 'OPPORTUNITY_LOST')).toEqual([
      { kind: 'OPPORTUNITY_LOST', summary: 'Opportunity "Valves" lost at 800.00 USD', sourceService: 'sales', subjectId: opportunityId },
    ]);
  });

  it('records a recorded payment as PAYMENT_RECEIVED', async () => {
    const customerId = await createCustomer();
    const paymentId = randomUUID();
    const event = createEvent(PaymentRecordedV1, paymentId, {
      paymentId,
      invoiceId: randomUUID(),
      customerId,
      invoiceNumber: 'INV-000042',
      amount: { amount: '120.50', currency: 'EUR' },
      paidOn: '2026-11-20',
    });
    expect(await deliverTwice(customerId, event, 'PAYMENT_RECEIVED')).toEqual([
      { kind: 'PAYMENT_RECEIVED', summary: 'Payment of 120.50 EUR received for invoice INV-000042 on 2026-11-20', sourceService: 'finance', subjectId: paymentId },
    ]);
  });

  it('records shipping notices per line: planned, shipped, cancelled and delivered each as its own kind', async () => {
    const customerId = await createCustomer();
    const shipmentId = randomUUID();
    const header = { shipmentId, number: 'DN-000042', customerId, warehouseId: randomUUID() };
    const lines = [
      { orderId: randomUUID(), orderLineId: randomUUID(), productId: randomUUID(), quantity: '2' },
      { orderId: randomUUID(), orderLineId: randomUUID(), productId: randomUUID(), quantity: '1.5' },
    ];
    const at = new Date().toISOString();
    const planned = createEvent(ShipmentPlannedV2, shipmentId, { ...header, lines, plannedFor: '2026-12-24', plannedAt: at });
    const shipped = createEvent(ShipmentShippedV2, shipmentId, { ...header, carrier: 'DHL', trackingNumber: 'TRK-42', lines: [lines[0]!], shippedAt: at });
    const cancelled = createEvent(ShipmentCancelledV1, shipmentId, { ...header, lines: [lines[1]!], reason: 'not kept as a backorder when shipped', cancelledAt: at });
    const delivered = createEvent(ShipmentDeliveredV2, shipmentId, { ...header, lines: [lines[0]!], deliveredAt: at });
    for (const event of [planned, shipped, cancelled]) await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    expect((await deliverTwice(customerId, planned, 'SHIPMENT_PLANNED')).map((e) => e.summary)).toEqual([
      `Shipping notice DN-000042 planned for orders ${lines[0]!.orderId}, ${lines[1]!.orderId}, to leave on 2026-12-24`,
    ]);
    expect((await deliverTwice(customerId, shipped, 'SHIPMENT_SHIPPED')).map((e) => e.summary)).toEqual([
      `Shipment DN-000042 shipped for order ${lines[0]!.orderId} with DHL, tracking number TRK-42`,
    ]);
    expect((await deliverTwice(customerId, cancelled, 'SHIPMENT_CANCELLED')).map((e) => e.summary)).toEqual([
      `Shipping notice DN-000042 cancelled for order ${lines[1]!.orderId}: not kept as a backorder when shipped`,
    ]);
    expect(await deliverTwice(customerId, delivered, 'SHIPMENT_DELIVERED')).toEqual([
      { kind: 'SHIPMENT_DELIVERED', summary: `Shipment DN-000042 delivered for order ${lines[0]!.orderId}`, sourceService: 'inventory', subjectId: shipmentId },
    ]);
  });

  it('records a delivered shipment as SHIPMENT_DELIVERED', async () => {
    const customerId = await createCustomer();
    const shipmentId = randomUUID();
    const orderId = randomUUID();
    const event = createEvent(ShipmentDeliveredV1, shipmentId, { shipmentId, orderId, customerId, deliveredAt: new Date().toISOString() });
    expect(await deliverTwice(customerId, event, 'SHIPMENT_DELIVERED')).toEqual([
      { kind: 'SHIPMENT_DELIVERED', summary: `Shipment for order ${orderId} delivered`, sourceService: 'inventory', subjectId: shipmentId },
    ]);
  });

  it('records a lead conversion as LEAD_CONVERTED, naming the opportunity it brought', async () => {
    const customerId = await createCustomer();
    const leadId = randomUUID();
    const event = createEvent(LeadConvertedV1, leadId, {
      leadId,
      customerId,
      contactId: null,
      ownerId: null,
      opportunity: { title: 'First order', amount: { amount: '990.00', currency: 'EUR' } },
      convertedAt: new Date().toISOString(),
    });
    expect(await deliverTwice(customerId, event, 'LEAD_CONVERTED')).toEqual([
      { kind: 'LEAD_CONVERTED', summary: 'Converted from a lead, with opportunity "First order" at 990.00 EUR', sourceService: 'customers', subjectId: leadId },
    ]);
  });
});
