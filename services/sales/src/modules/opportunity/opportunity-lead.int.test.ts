import { randomUUID } from 'node:crypto';
import { createEvent, LeadConvertedV1 } from '@rapport/contracts';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesService } from '../../create-sales-service.js';

let subgraph: TestSubgraph;

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);

const converted = (customerId: string, opportunity: { title: string; amount: { amount: string; currency: string } } | null) =>
  createEvent(
    LeadConvertedV1,
    randomUUID(),
    { leadId: randomUUID(), customerId, contactId: randomUUID(), ownerId: randomUUID(), opportunity, convertedAt: new Date().toISOString() },
    { actor: randomUUID() },
  );

beforeAll(async () => {
  subgraph = await startTestSubgraph('sales', createSalesService, { kafka: true });
});
afterAll(async () => subgraph?.stop());

describe('opening the opportunity of a converted lead', () => {
  it('opens it for the new customer in the first stage and publishes sales.opportunity.opened.v1, once even when delivered twice', async () => {
    const customerId = randomUUID();
    const event = converted(customerId, { title: 'First order', amount: { amount: '1200.5', currency: 'EUR' } });
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));

    const rows = await sql<{ id: string; title: string; amount: string; currency: string; status: string; stage: string }>(
      `select o.id, o.title, o.amount::text as amount, o.currency, o.status, s.name as stage
         from opportunity o join pipeline_stage s on s.id = o.stage_id where o.customer_id = ?`,
      [customerId],
    );
    const [first] = await sql<{ name: string }>('select name from pipeline_stage order by position limit 1');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: 'First order', amount: '1200.5000', currency: 'EUR', status: 'OPEN', stage: first!.name });

    const outbox = await sql<{ type: string; data: Record<string, unknown>; causation: string; actor: string }>(
      `select type, payload->'data' as data, payload->>'causationid' as causation, payload->>'actor' as actor from outbox_message where message_key = ?`,
      [rows[0]!.id],
    );
    expect(outbox).toEqual([
      {
        type: 'sales.opportunity.opened.v1',
        data: { opportunityId: rows[0]!.id, customerId, title: 'First order', amount: { amount: '1200.50', currency: 'EUR' }, stage: first!.name },
        causation: event.id,
        actor: event.actor,
      },
    ]);

    const seen = await subgraph.gql<{ opportunities: { edges: { node: { title: string; customer: { id: string } } }[] } }>(
      `query($f: OpportunityFilter) { opportunities(filter: $f) { edges { node { title customer { id } } } } }`,
      { f: { customerId } },
    );
    expect(seen.data!.opportunities.edges.map((e) => e.node)).toEqual([{ title: 'First order', customer: { id: customerId } }]);
  });

  it('opens nothing when the conversion carries no opportunity', async () => {
    const customerId = randomUUID();
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(converted(customerId, null)));
    const [row] = await sql<{ n: number }>('select count(*)::int as n from opportunity where customer_id = ?', [customerId]);
    expect(row!.n).toBe(0);
    const [inbox] = await sql<{ n: number }>(`select count(*)::int as n from inbox_message where type = 'customers.lead.converted.v1'`);
    expect(inbox!.n).toBeGreaterThanOrEqual(2);
  });
});
