import { randomUUID } from 'node:crypto';
import { createEvent, QuotationAcceptedV1 } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { useOpportunitySubgraph } from './opportunity.testing.js';

const { subgraph, stageIds, outboxOf } = useOpportunitySubgraph({ kafka: true });

const money = (amount: string) => ({ amount, currency: 'EUR' });

async function open(customerId: string): Promise<string> {
  const opened = await subgraph.must<{ openOpportunity: { id: string } }>('mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id } }', {
    input: { customerId, title: 'Pumps for the mill', amount: money('900.00') },
  });
  return opened.openOpportunity.id;
}
const state = async (id: string) =>
  (
    await subgraph.must<{ opportunity: { status: string; stage: { name: string }; closedAt: string | null } }>(
      'query($id: ID!) { opportunity(id: $id) { status stage { name } closedAt } }',
      { id },
    )
  ).opportunity;
const accepted = (customerId: string, opportunityId: string | null) => {
  const quotationId = randomUUID();
  return createEvent(QuotationAcceptedV1, quotationId, {
    quotationId,
    customerId,
    opportunityId,
    number: `QT-${quotationId.slice(0, 6)}`,
    currency: 'EUR',
    netTotal: money('900.00'),
    taxTotal: money('171.00'),
    grossTotal: money('1071.00'),
    acceptedAt: new Date().toISOString(),
  });
};
const handled = async (event: ReturnType<typeof accepted>) => subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));

describe('an opportunity whose quotation is accepted (sales.quotation.accepted.v1)', () => {
  it('is won: moves to the Won stage and publishes the stage change and sales.opportunity.closed.v1 (WON) once, however often the event comes', async () => {
    const customerId = randomUUID();
    const id = await open(customerId);
    const event = accepted(customerId, id);
    await handled(event);
    await handled(event);
    await handled(accepted(customerId, id)); // a second accepted quotation for the same opportunity: it is won already
    expect(await state(id)).toMatchObject({ status: 'WON', stage: { name: 'Won' } });
    const outbox = await outboxOf(id);
    expect(outbox.map((r) => r.type)).toEqual(['sales.opportunity.opened.v1', 'sales.opportunity.stage-changed.v1', 'sales.opportunity.closed.v1']);
    expect(outbox[2]!.payload.data).toMatchObject({ opportunityId: id, customerId, outcome: 'WON', amount: money('900.00') });
  });

  it('leaves an opportunity that was lost as it is', async () => {
    const customerId = randomUUID();
    const id = await open(customerId);
    await subgraph.must('mutation($id: ID!, $stageId: ID!) { moveOpportunity(id: $id, stageId: $stageId) { id } }', { id, stageId: stageIds.Lost });
    const before = await state(id);
    await handled(accepted(customerId, id));
    expect(await state(id)).toEqual(before);
    expect(before.status).toBe('LOST');
    expect((await outboxOf(id)).filter((r) => r.type === 'sales.opportunity.closed.v1')).toHaveLength(1);
  });

  it('changes nothing for a quotation without an opportunity or with one sales does not know', async () => {
    const customerId = randomUUID();
    const id = await open(customerId);
    await handled(accepted(customerId, null));
    await handled(accepted(customerId, randomUUID()));
    expect((await state(id)).status).toBe('OPEN');
  });
});
