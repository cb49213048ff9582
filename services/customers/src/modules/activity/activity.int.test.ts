import { randomUUID } from 'node:crypto';
import { testCast, type TestPrincipal, testPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCustomerAs, useCustomersSubgraph } from '../../testing.js';

const { team, otherTeam, rep, otherRep, head, otherHead, director, agent } = testCast();
const subgraph = useCustomersSubgraph();

type ActivityView = {
  id: string;
  kind: string;
  subject: string;
  occurredAt: string | null;
  plannedFor: string | null;
  nextStepDue: string | null;
  customer: { id: string; lastContactedAt: string | null };
  contact: { name: string } | null;
  opportunity: { id: string } | null;
  createdBy: { id: string } | null;
  review: { status: string; reviewer: { id: string } | null; comment: string | null; reviewedAt: string | null };
};
const view = `id kind subject occurredAt plannedFor nextStepDue customer { id lastContactedAt } contact { name } opportunity { id } createdBy { id }
  review { status reviewer { id } comment reviewedAt }`;
const log = `mutation($input: LogActivityInput!) { logActivity(input: $input) { ${view} } }`;
const reviewOp = `mutation($id: ID!, $decision: ReviewDecision!, $comment: String) { reviewActivity(id: $id, decision: $decision, comment: $comment) { ${view} } }`;
const list = `query($filter: ActivityFilter, $first: Int, $after: String) { activities(filter: $filter, first: $first, after: $after) {
  edges { node { subject customer { id } } } pageInfo { hasNextPage endCursor } } }`;
type Page = { activities: { edges: { node: { subject: string; customer: { id: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

const sql = subgraph.sql;

const newCustomer = (who: TestPrincipal, name: string): Promise<string> => createCustomerAs(subgraph, who, name);

async function logAs(who: TestPrincipal, input: Record<string, unknown>): Promise<ActivityView> {
  const r = await subgraph.gqlAs<{ logActivity: ActivityView }>(who, log, { input: { kind: 'CALL', subject: 'Check-in', ...input } });
  expect(r.errors).toBeUndefined();
  return r.data!.logActivity;
}

const lastContactedAt = async (who: TestPrincipal, id: string) =>
  (await subgraph.gqlAs<{ customer: { lastContactedAt: string | null } }>(who, `query($id: ID!) { customer(id: $id) { lastContactedAt } }`, { id })).data!.customer.lastContactedAt;

const subjects = (r: { data?: Page | null; errors?: unknown }) => {
  expect(r.errors).toBeUndefined();
  return r.data!.activities.edges.map((e) => e.node.subject);
};

describe('logging activities', () => {
  it('logs a call on the rep’s own customer, moves lastContactedAt to it and writes its event to the outbox', async () => {
    const customerId = await newCustomer(rep, 'Called Co');
    expect(await lastContactedAt(rep, customerId)).toBeNull();
    const contact = await subgraph.gqlAs<{ addContact: { id: string } }>(rep, `mutation($i: AddContactInput!) { addContact(input: $i) { id } }`, {
      i: { customerId, name: 'Eva' },
    });
    const opportunityId = randomUUID();
    const a = await logAs(rep, {
      customerId,
      subject: 'Pricing call',
      occurredAt: '2026-11-20T09:30:00Z',
      contactId: contact.data!.addContact.id,
      opportunityId,
      outcome: 'Interested',
      nextStep: 'Send offer',
      nextStepDue: '2026-11-27',
    });
    expect(a).toMatchObject({
      kind: 'CALL',
      subject: 'Pricing call',
      occurredAt: '2026-11-20T09:30:00.000Z',
      plannedFor: null,
      nextStepDue: '2026-11-27',
      customer: { id: customerId, lastContactedAt: '2026-11-20T09:30:00.000Z' },
      contact: { name: 'Eva' },
      opportunity: { id: opportunityId },
      createdBy: { id: rep.userId },
      review: { status: 'PENDING', reviewer: null, comment: null, reviewedAt: null },
    });
    const outbox = await sql(`select type, payload->'data'->>'customerId' as customer_id from outbox_message where message_key = ?`, [a.id]);
    expect(outbox).toEqual([{ type: 'customers.activity.logged.v1', customer_id: customerId }]);
    const history = await subgraph.gqlAs<{ activity: { history: { action: string; actorId: string }[] } }>(
      rep,
      `query($id: ID!) { activity(id: $id) { history { action actorId } } }`,
      { id: a.id },
    );
    expect(history.data!.activity.history).toEqual([{ action: 'CREATE', actorId: rep.userId }]);
  });

  it('moves lastContactedAt only forward, and never for a planned visit', async () => {
    const customerId = await newCustomer(rep, 'Forward Co');
    await logAs(rep, { customerId, kind: 'VISIT', occurredAt: '2026-11-10T10:00:00Z' });
    await logAs(rep, { customerId, kind: 'EMAIL', occurredAt: '2026-11-01T10:00:00Z' });
    expect(await lastContactedAt(rep, customerId)).toBe('2026-11-10T10:00:00.000Z');
    const planned = await logAs(rep, { customerId, kind: 'PLANNED_VISIT', plannedFor: '2099-01-15T08:00:00Z' });
    expect(planned).toMatchObject({ occurredAt: null, plannedFor: '2099-01-15T08:00:00.000Z' });
    expect(await lastContactedAt(rep, customerId)).toBe('2026-11-10T10:00:00.000Z');
    const now = await logAs(rep, { customerId, kind: 'NOTE', subject: 'Right now' });
    expect(now.occurredAt).toBe(now.customer.lastContactedAt);
    expect(Date.parse(now.occurredAt!)).toBeGreaterThan(Date.parse('2026-11-10T10:00:00Z'));
  });

  it('rejects bad input naming the field and writes nothing', async () => {
    const customerId = await newCustomer(rep, 'Strict Activity Co');
    const elsewhere = await newCustomer(rep, 'Other Activity Co');
    const foreignContact = await subgraph.gqlAs<{ addContact: { id: string } }>(rep, `mutation($i: AddContactInput!) { addContact(input: $i) { id } }`, {
      i: { customerId: elsewhere, name: 'Not here' },
    });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: 'PLANNED_VISIT' }, 'input.plannedFor', 'BAD_USER_INPUT'],
      [{ kind: 'PLANNED_VISIT', plannedFor: '2099-01-01T10:00:00Z', occurredAt: '2026-01-01T10:00:00Z' }, 'input.occurredAt', 'BAD_USER_INPUT'],
      [{ kind: 'CALL', plannedFor: '2099-01-01T10:00:00Z' }, 'input.plannedFor', 'BAD_USER_INPUT'],
      [{ occurredAt: '2099-01-01T10:00:00Z' }, 'input.occurredAt', 'BAD_USER_INPUT'],
      [{ occurredAt: '2026-11-20 10:00' }, 'input.occurredAt', 'BAD_USER_INPUT'],
      [{ nextStepDue: '2026-12-01' }, 'input.nextStep', 'BAD_USER_INPUT'],
      [{ nextStep: 'Call back', nextStepDue: '2026-02-30' }, 'input.nextStepDue', 'BAD_USER_INPUT'],
      [{ subject: ' ' }, 'input.subject', 'BAD_USER_INPUT'],
      [{ opportunityId: 'opp-1' }, 'input.opportunityId', 'BAD_USER_INPUT'],
      [{ contactId: foreignContact.data!.addContact.id }, 'input.contactId', 'NOT_FOUND'],
      [{ customerId: randomUUID() }, 'input.customerId', 'NOT_FOUND'],
    ];
    for (const [changes, field, code] of cases) {
      const r = await subgraph.gqlAs(rep, log, { input: { customerId, kind: 'CALL', subject: 'S', ...changes } });
      expect({ field, ext: r.errors?.[0]?.extensions }).toMatchObject({ field, ext: { code, field } });
    }
    expect(await sql('select count(*)::int as n from activity where customer_id = ?', [customerId])).toEqual([{ n: 0 }]);
    expect(await lastContactedAt(rep, customerId)).toBeNull();
  });

  it('lets a rep log activities on their own customers only: another rep gets NOT_FOUND, support FORBIDDEN', async () => {
    const customerId = await newCustomer(rep, 'Own Activity Co');
    const byOther = await subgraph.gqlAs(otherRep, log, { input: { customerId, kind: 'CALL', subject: 'Sneaky' } });
    expect(byOther.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.customerId' });
    const byAgent = await subgraph.gqlAs(agent, log, { input: { customerId, kind: 'CALL', subject: 'Support call' } });
    expect(byAgent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await sql('select count(*)::int as n from activity where customer_id = ?', [customerId])).toEqual([{ n: 0 }]);
    expect(await lastContactedAt(rep, customerId)).toBeNull();
  });
});

describe('reviewing activities', () => {
  let customerId = '';
  beforeAll(async () => {
    customerId = await newCustomer(rep, 'Reviewed Co');
  });

  it('refuses a review by a rep (FORBIDDEN) and accepts one by the head of the customer’s team', async () => {
    const a = await logAs(rep, { customerId, subject: 'To review' });
    const byRep = await subgraph.gqlAs(rep, reviewOp, { id: a.id, decision: 'APPROVED' });
    expect(byRep.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byHead = await subgraph.gqlAs<{ reviewActivity: ActivityView }>(head, reviewOp, { id: a.id, decision: 'REJECTED', comment: 'Too vague' });
    expect(byHead.errors).toBeUndefined();
    expect(byHead.data!.reviewActivity.review).toMatchObject({ status: 'REJECTED', reviewer: { id: head.userId }, comment: 'Too vague' });
    expect(byHead.data!.reviewActivity.review.reviewedAt).toBeTruthy();
    const again = await subgraph.gqlAs(director, reviewOp, { id: a.id, decision: 'APPROVED' });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
    const history = await subgraph.gqlAs<{ activity: { history: { action: string; actorId: string }[] } }>(
      head,
      `query($id: ID!) { activity(id: $id) { history { action actorId } } }`,
      { id: a.id },
    );
    expect(history.data!.activity.history.map((h) => [h.action, h.actorId])).toEqual([
      ['UPDATE', head.userId],
      ['CREATE', rep.userId],
    ]);
  });

  it('keeps other teams’ heads out: NOT_FOUND when they cannot see it, FORBIDDEN when it is only shared with them', async () => {
    const a = await logAs(rep, { customerId, subject: 'Cross-team' });
    const unseen = await subgraph.gqlAs(otherHead, reviewOp, { id: a.id, decision: 'APPROVED' });
    expect(unseen.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await subgraph.gqlAs(rep, `mutation($i: ShareCustomerInput!) { shareCustomer(input: $i) { id } }`, { i: { customerId, userId: otherHead.userId } });
    const shared = await subgraph.gqlAs(otherHead, reviewOp, { id: a.id, decision: 'APPROVED' });
    expect(shared.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byDirector = await subgraph.gqlAs<{ reviewActivity: ActivityView }>(director, reviewOp, { id: a.id, decision: 'APPROVED' });
    expect(byDirector.data!.reviewActivity.review).toMatchObject({ status: 'APPROVED', reviewer: { id: director.userId }, comment: null });
  });

  it('answers an unknown activity with NOT_FOUND and a malformed id with BAD_USER_INPUT', async () => {
    expect((await subgraph.gqlAs(head, reviewOp, { id: randomUUID(), decision: 'APPROVED' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await subgraph.gqlAs(head, reviewOp, { id: 'x', decision: 'APPROVED' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('completing follow-ups', () => {
  const complete = (who: TestPrincipal, id: string) =>
    subgraph.gqlAs<{ completeFollowUp: { id: string; followUpDoneAt: string | null; followUpDoneBy: { id: string } | null } }>(
      who,
      `mutation($id: ID!) { completeFollowUp(id: $id) { id followUpDoneAt followUpDoneBy { id } } }`,
      { id },
    );
  const reminders = async (who: TestPrincipal, customerId: string) => subjects(await subgraph.gqlAs<Page>(who, list, { filter: { customerId, dueBefore: '2099-01-01' } }));

  it('takes a done next step or planned visit off the reminders, once, for whoever may change the customer', async () => {
    const customerId = await newCustomer(rep, 'Follow-up GmbH');
    const call = await logAs(rep, { customerId, subject: 'F-call', nextStep: 'Send the quotation', nextStepDue: '2098-05-01' });
    const visit = await logAs(rep, { customerId, kind: 'PLANNED_VISIT', subject: 'F-visit', plannedFor: '2098-06-01T09:00:00.000Z' });
    const plain = await logAs(rep, { customerId, subject: 'F-plain' });
    expect(await reminders(rep, customerId)).toEqual(['F-visit', 'F-call']);

    const done = await complete(rep, call.id);
    expect(done.errors).toBeUndefined();
    expect(done.data!.completeFollowUp.followUpDoneBy).toEqual({ id: rep.userId });
    expect(Date.parse(done.data!.completeFollowUp.followUpDoneAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(await reminders(rep, customerId)).toEqual(['F-visit']);

    expect((await complete(rep, call.id)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'FOLLOW_UP_DONE', field: 'id' });
    expect((await complete(rep, plain.id)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_FOLLOW_UP' });
    expect((await complete(otherHead, visit.id)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await complete(agent, visit.id)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await reminders(rep, customerId)).toEqual(['F-visit']);
    expect((await complete(head, visit.id)).errors).toBeUndefined();
    expect(await reminders(rep, customerId)).toEqual([]);
  });
});

describe('listing activities', () => {
  const owner = testPrincipal('SALES_REP', [team]);
  let first = '';
  let second = '';
  beforeAll(async () => {
    first = await newCustomer(owner, 'List One');
    second = await newCustomer(owner, 'List Two');
    await logAs(owner, { customerId: first, kind: 'CALL', subject: 'L-call', occurredAt: '2026-10-01T10:00:00Z', nextStep: 'Follow up', nextStepDue: '2026-10-05' });
    await logAs(owner, { customerId: first, kind: 'MEETING', subject: 'L-meeting', occurredAt: '2026-10-02T10:00:00Z' });
    await logAs(owner, { customerId: first, kind: 'PLANNED_VISIT', subject: 'L-planned', plannedFor: '2099-03-01T10:00:00Z' });
    await logAs(owner, { customerId: second, kind: 'EMAIL', subject: 'L-email', occurredAt: '2026-10-03T10:00:00Z', nextStep: 'Quote', nextStepDue: '2026-12-01' });
  });
  const listAs = (who: TestPrincipal, filter: Record<string, unknown>, firstN = 50, after?: string) => subgraph.gqlAs<Page>(who, list, { filter, first: firstN, after });

  it('shows a rep only the activities of customers they see, and the team head all of the team’s', async () => {
    expect(subjects(await listAs(owner, {}))).toEqual(['L-planned', 'L-email', 'L-meeting', 'L-call']);
    expect(subjects(await listAs(otherRep, { customerId: first }))).toEqual([]);
    expect(subjects(await listAs(head, { customerId: first }))).toEqual(['L-planned', 'L-meeting', 'L-call']);
    expect(subjects(await listAs(otherHead, { customerId: second }))).toEqual([]);
    const single = await subgraph.gqlAs(otherRep, `query($id: ID!) { activity(id: $id) { id } }`, { id: (await sql(`select id from activity where subject = 'L-call'`))[0]!.id });
    expect(single.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('filters by customer, kind, review status and due reminders', async () => {
    expect(subjects(await listAs(owner, { customerId: second }))).toEqual(['L-email']);
    expect(subjects(await listAs(owner, { kind: 'MEETING' }))).toEqual(['L-meeting']);
    expect(subjects(await listAs(owner, { reviewStatus: 'PENDING', customerId: first }))).toEqual(['L-planned', 'L-meeting', 'L-call']);
    expect(subjects(await listAs(owner, { dueBefore: '2026-12-01' }))).toEqual(['L-call']);
    expect(subjects(await listAs(owner, { dueBefore: '2099-03-02' }))).toEqual(['L-planned', 'L-email', 'L-call']);
    expect((await listAs(owner, { dueBefore: 'soon' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.dueBefore' });
  });

  it('drops the activities of a deleted customer from the list', async () => {
    const gone = await newCustomer(owner, 'List Gone');
    await logAs(owner, { customerId: gone, subject: 'L-gone' });
    expect(subjects(await listAs(owner, { customerId: gone }))).toEqual(['L-gone']);
    await subgraph.gqlAs(owner, `mutation($id: ID!) { deleteCustomer(id: $id) { id } }`, { id: gone });
    expect(subjects(await listAs(owner, { customerId: gone }))).toEqual([]);
  });

  it('pages by cursor, newest first', async () => {
    const one = await listAs(owner, {}, 3);
    expect(subjects(one)).toEqual(['L-planned', 'L-email', 'L-meeting']);
    expect(one.data!.activities.pageInfo.hasNextPage).toBe(true);
    const two = await listAs(owner, {}, 3, one.data!.activities.pageInfo.endCursor!);
    expect(subjects(two)).toEqual(['L-call']);
    expect(two.data!.activities.pageInfo.hasNextPage).toBe(false);
  });

  it('resolves the latest activities of N customers with one SQL query, `first` per customer', async () => {
    subgraph.resetQueries();
    const r = await subgraph.gqlAs<{ _entities: { activities: { subject: string }[] }[] }>(
      owner,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { activities(first: 2) { subject } } } }`,
      { r: [first, second].map((id) => ({ __typename: 'Customer', id })) },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities.map((e) => e.activities.map((a) => a.subject))).toEqual([['L-planned', 'L-meeting'], ['L-email']]);
    expect(subgraph.queries.filter((q) => /from "activity"/.test(q))).toHaveLength(1);
  });
});
