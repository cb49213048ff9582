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
    const entries = await waitFor(
      async () => {
        const found = await activityEntries(customerId);
        return found.length ? found : undefined;
      },
      { what: 'the activity to reach the timeline' },
    );
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
  it('pages the timelines of N customers with one SQL query for the first page, and by cursor after it', async () => {
    const sql = (text: string, params: unknown[]) => subgraph.service.orm.em.fork().getConnection().execute(text, params);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const [n, id] of ids.entries()) {
      await sql(`insert into customer (id, name, kind, lifecycle_state, owner_id) values (?, ?, 'COMPANY', 'PROSPECT', ?)`, [id, `Paged ${n}`, rep.userId]);
      await sql(`insert into customer_access (customer_id, owner_id) values (?, ?)`, [id, rep.userId]);
      for (let i = 0; i < n + 1; i++) {
        await sql(
          `insert into timeline_entry (id, customer_id, event_id, kind, module, summary, source_service, subject_id, occurred_at) values (?, ?, ?, 'ACTIVITY_LOGGED', 'activities', ?, 'test', ?, ?)`,
          [randomUUID(), id, randomUUID(), `${n}-${i}`, id, `2026-11-0${i + 1}T10:00:00Z`],
        );
      }
    }
    type Page = { timeline: { edges: { node: { summary: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    subgraph.resetQueries();
    const r = await subgraph.gqlAs<{ _entities: Page[] }>(
      rep,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { timeline(first: 2) { edges { node { summary } } pageInfo { hasNextPage endCursor } } } } }`,
      { r: ids.map((id) => ({ __typename: 'Customer', id })) },
    );
    expect(r.errors).toBeUndefined();
    expect(subgraph.queries.filter((q) => /from "?timeline_entry"?/i.test(q))).toHaveLength(1);
    const pages = r.data!._entities.map((e) => e.timeline);
    expect(pages.map((p) => p.edges.map((e) => e.node.summary))).toEqual([['0-0'], ['1-1', '1-0'], ['2-2', '2-1']]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([false, false, true]);

    const next = await subgraph.gqlAs<{ customer: Page }>(
      rep,
      `query($id: ID!, $after: String) { customer(id: $id) { timeline(first: 2, after: $after) { edges { node { summary } } pageInfo { hasNextPage endCursor } } } }`,
      {
        id: ids[2],
        after: pages[2]!.pageInfo.endCursor,
      },
    );
    expect(next.data!.customer.timeline.edges.map((e) => e.node.summary)).toEqual(['2-0']);
    expect(next.data!.customer.timeline.pageInfo.hasNextPage).toBe(false);
  });
});
