import { randomUUID } from 'node:crypto';
import { createEvent, CustomerActivityLoggedV1 } from '@rapport/contracts';
import { startTestSubgraph, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomersService } from '../../create-customers-service.js';

let subgraph: TestSubgraph;
const rep: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [randomUUID()] };
type Timeline = { customer: { timeline: { edges: { node: { kind: string; summary: string; subjectId: string } }[] } } };
const timeline = `query($id: ID!) { customer(id: $id) { timeline(first: 50) { edges { node { kind summary subjectId } } } } }`;

const activityEntries = async (customerId: string) =>
  (await subgraph.gqlAs<Timeline>(rep, timeline, { id: customerId })).data!.customer.timeline.edges.map((e) => e.node).filter((n) => n.kind === 'ACTIVITY_LOGGED');

beforeAll(async () => {
  subgraph = await startTestSubgraph('customers', createCustomersService, { kafka: true });
});
afterAll(async () => subgraph?.stop());

describe('activities on the customer timeline', () => {
  it('records a logged activity on the customer’s timeline as ACTIVITY_LOGGED, through its event', async () => {
    const created = await subgraph.gqlAs<{ createCustomer: { id: string } }>(rep, `mutation { createCustomer(input: { name: "Timeline Co", kind: COMPANY }) { id } }`);
    const customerId = created.data!.createCustomer.id;
    const logged = await subgraph.gqlAs<{ logActivity: { id: string } }>(rep, `mutation($i: LogActivityInput!) { logActivity(input: $i) { id } }`, {
      i: { customerId, kind: 'VISIT', subject: 'Plant tour', occurredAt: '2026-11-20T09:00:00Z' },
    });
    expect(logged.errors).toBeUndefined();
    const entries = await waitFor(async () => {
      const found = await activityEntries(customerId);
      return found.length ? found : undefined;
    }, { what: 'the activity to reach the timeline' });
    expect(entries).toEqual([{ kind: 'ACTIVITY_LOGGED', summary: 'Visit logged: Plant tour', subjectId: logged.data!.logActivity.id }]);
  });

  it('records a planned visit once, even when its event is delivered twice', async () => {
    const customerId = randomUUID();
    const activityId = randomUUID();
    await subgraph.service.orm.em.fork().getConnection().execute(`insert into customer_access (customer_id, owner_id) values (?, ?)`, [customerId, rep.userId]);
    await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute(`insert into customer (id, name, kind, lifecycle_state, owner_id) values (?, 'Twice Co', 'COMPANY', 'PROSPECT', ?)`, [customerId, rep.userId]);
    const event = createEvent(CustomerActivityLoggedV1, activityId, {
      activityId,
      customerId,
      kind: 'PLANNED_VISIT',
      subject: 'Quarterly review',
      occurredAt: null,
      plannedFor: '2026-12-03T10:00:00.000Z',
      contactId: null,
      opportunityId: null,
      createdBy: rep.userId ?? null,
    });
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    expect(await activityEntries(customerId)).toEqual([{ kind: 'ACTIVITY_LOGGED', summary: 'Visit planned for 2026-12-03: Quarterly review', subjectId: activityId }]);
  });
});
