import { randomUUID } from 'node:crypto';
import { enqueue } from '@rapport/bus';
import { createEvent, CreditHoldChangedV1 } from '@rapport/contracts';
import { waitFor } from '@rapport/testing';
import { describe, expect, it } from 'vitest';
import { productSnapshot, seedCatalogue } from '../catalogue/catalogue.testing.js';
import { useSalesSubgraph } from '../../testing.js';

const pump = productSnapshot({ name: 'Pump' });
const subgraph = useSalesSubgraph({ kafka: true, seed: (started) => seedCatalogue(started, pump) });

type Hold = { onHold: boolean; reason: string | null; since: string } | null;
const line = { productId: pump.productId, quantity: '1', unitPrice: { amount: '100', currency: 'EUR' } };

/** Finance's event, published the way finance publishes it: written to an outbox in a transaction, relayed to Kafka by the bus, consumed by sales. */
async function publishHold(customerId: string, onHold: boolean, reason: string | null, changedAt: string): Promise<string> {
  const event = createEvent(CreditHoldChangedV1, customerId, { customerId, onHold, reason, changedAt });
  await subgraph.service.orm.em.fork().transactional(async (em) => enqueue(em, CreditHoldChangedV1.topic, event));
  return event.id;
}
/** Waits until sales' consumer recorded the event in its inbox (handled and committed). */
const handled = (eventId: string) =>
  waitFor(async () => ((await subgraph.sql('select 1 from inbox_message where event_id = ?', [eventId])).length ? true : undefined), { what: `sales to handle ${eventId}` });

const placeOrder = async (customerId: string) =>
  (
    await subgraph.must<{ placeOrder: { id: string; creditHold: Hold } }>(
      'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id creditHold { onHold reason since } } }',
      { input: { customerId, currency: 'EUR', lines: [line] } },
    )
  ).placeOrder;
const orderHold = async (id: string): Promise<Hold> =>
  (await subgraph.must<{ salesOrder: { creditHold: Hold } }>('query($id: ID!) { salesOrder(id: $id) { creditHold { onHold reason since } } }', { id })).salesOrder.creditHold;

describe("a customer on finance's credit hold", () => {
  it('still gets the order, which warns the rep why and since when; a late older event changes nothing; a release clears it', async () => {
    const customerId = randomUUID();
    const unheld = await placeOrder(customerId);
    expect(unheld.creditHold).toBeNull();

    await publishHold(customerId, true, 'INV-2026-000012 reached reminder level 3', '2026-12-06T09:00:00.000Z');
    await waitFor(async () => ((await orderHold(unheld.id)) ? true : undefined), { what: 'sales to copy the credit hold from the bus' });
    const held = await placeOrder(customerId);
    expect(held.creditHold).toEqual({ onHold: true, reason: 'INV-2026-000012 reached reminder level 3', since: '2026-12-06T09:00:00.000Z' });

    // Finance's release at 10:00 arrives before an older hold of 08:00 (a late or redelivered event): the release wins.
    await publishHold(customerId, false, null, '2026-12-06T10:00:00.000Z');
    await waitFor(async () => ((await orderHold(held.id)) === null ? true : undefined), { what: 'sales to copy the release' });
    await handled(await publishHold(customerId, true, 'an older hold', '2026-12-06T08:00:00.000Z'));
    expect(await orderHold(held.id)).toBeNull();
  });

  it('warns on a quotation and on the order converted from it, and converting is not blocked', async () => {
    const customerId = randomUUID();
    await publishHold(customerId, true, 'Blocked by an accountant', '2026-12-06T09:30:00.000Z');
    const quotationHold = async (id: string): Promise<Hold> =>
      (await subgraph.must<{ quotation: { creditHold: Hold } }>('query($id: ID!) { quotation(id: $id) { creditHold { onHold reason since } } }', { id })).quotation.creditHold;
    const { createQuotation } = await subgraph.must<{ createQuotation: { id: string } }>('mutation($input: CreateQuotationInput!) { createQuotation(input: $input) { id } }', {
      input: { customerId, currency: 'EUR', lines: [line] },
    });
    await waitFor(async () => ((await quotationHold(createQuotation.id)) ? true : undefined), { what: 'sales to copy the credit hold from the bus' });
    expect(await quotationHold(createQuotation.id)).toEqual({ onHold: true, reason: 'Blocked by an accountant', since: '2026-12-06T09:30:00.000Z' });
    await subgraph.must('mutation($id: ID!) { sendQuotation(id: $id) { id } }', { id: createQuotation.id });
    await subgraph.must('mutation($id: ID!) { acceptQuotation(id: $id) { id } }', { id: createQuotation.id });
    const { convertQuotation } = await subgraph.must<{ convertQuotation: { status: string; creditHold: Hold } }>(
      'mutation($id: ID!) { convertQuotation(id: $id) { status creditHold { onHold reason } } }',
      { id: createQuotation.id },
    );
    expect(convertQuotation).toEqual({ status: 'CONFIRMED', creditHold: { onHold: true, reason: 'Blocked by an accountant' } });
  });
});
