import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useOpportunitySubgraph } from './opportunity.testing.js';

const { subgraph, stageIds, outboxOf } = useOpportunitySubgraph();

async function openAndMove(customerId: string, stage: string): Promise<{ id: string; closedAt: string | null }> {
  const opened = await subgraph.gql<{ openOpportunity: { id: string } }>('mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id } }', {
    input: { customerId, title: 'Valves for the dam', amount: { amount: '2500.50', currency: 'EUR' } },
  });
  expect(opened.errors).toBeUndefined();
  const moved = await subgraph.gql<{ moveOpportunity: { id: string; closedAt: string | null } }>(
    'mutation($id: ID!, $stageId: ID!) { moveOpportunity(id: $id, stageId: $stageId) { id closedAt } }',
    { id: opened.data!.openOpportunity.id, stageId: stageIds[stage] },
  );
  expect(moved.errors).toBeUndefined();
  return moved.data!.moveOpportunity;
}

describe('closing an opportunity', () => {
  it('writes sales.opportunity.closed.v1 with outcome WON in the same flush when the opportunity reaches Won', async () => {
    const customerId = randomUUID();
    const won = await openAndMove(customerId, 'Won');
    const outbox = await outboxOf(won.id);
    expect(outbox.map((r) => r.type).sort()).toEqual(['sales.opportunity.closed.v1', 'sales.opportunity.opened.v1', 'sales.opportunity.stage-changed.v1']);
    expect(outbox.find((r) => r.type === 'sales.opportunity.closed.v1')?.payload.data).toEqual({
      opportunityId: won.id,
      customerId,
      title: 'Valves for the dam',
      outcome: 'WON',
      amount: { amount: '2500.50', currency: 'EUR' },
      closedAt: won.closedAt,
    });
  });

  it('writes sales.opportunity.closed.v1 with outcome LOST when the opportunity reaches Lost', async () => {
    const lost = await openAndMove(randomUUID(), 'Lost');
    const outbox = await outboxOf(lost.id);
    expect(outbox.map((r) => r.type).sort()).toEqual(['sales.opportunity.closed.v1', 'sales.opportunity.opened.v1', 'sales.opportunity.stage-changed.v1']);
    expect(outbox.find((r) => r.type === 'sales.opportunity.closed.v1')?.payload.data).toMatchObject({ opportunityId: lost.id, outcome: 'LOST' });
  });

  it('writes only the stage change, no closing event, for a move between open stages', async () => {
    const moved = await openAndMove(randomUUID(), 'Proposal');
    expect((await outboxOf(moved.id)).map((r) => r.type)).toEqual(['sales.opportunity.opened.v1', 'sales.opportunity.stage-changed.v1']);
  });
});
