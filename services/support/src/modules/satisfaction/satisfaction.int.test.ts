import { randomUUID } from 'node:crypto';
import { type GraphQLResult, testCast, type TestPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { grantCustomerAccess, useSupportSubgraph } from '../../testing.js';

const subgraph = useSupportSubgraph();
const repId = randomUUID();
const rep: TestPrincipal = { role: 'SALES_REP', userId: repId, teamIds: [randomUUID()] };
const { agent, accountant } = testCast();
const customerOfRep = randomUUID();
const customerOfOther = randomUUID();
const agentAnna = randomUUID();
const agentBen = randomUUID();

const rateMutation =
  'mutation Rate($t: ID!, $r: Int!, $c: String) { rateTicket(ticketId: $t, rating: $r, comment: $c) { id rating comment ratedAt ratedBy ticket { id status } } }';
const reportQuery = `query Report($from: String!, $to: String!, $g: SatisfactionGroupBy!) {
  satisfactionReport(from: $from, to: $to, groupBy: $g) { from to groupBy ratings averageRating groups { assigneeId customer { id } ratings averageRating } }
}`;
const ticketEntities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { id satisfaction { rating comment } } } }';

interface Report {
  ratings: number;
  averageRating: number | null;
  groups: { assigneeId: string | null; customer: { id: string } | null; ratings: number; averageRating: number }[];
}

const sql = subgraph.sql;
const ratingCount = async () => (await sql<{ n: number }>('select count(*)::int as n from satisfaction_rating'))[0]!.n;
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

/** Opens a ticket as an ADMIN, optionally assigned, and resolves (or also closes) it. */
async function ticketFor(customerId: string, options: { assigneeId?: string; status?: 'NEW' | 'RESOLVED' | 'CLOSED' } = {}): Promise<string> {
  const opened = await subgraph.gql<{ openTicket: { id: string } }>('mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }', {
    input: { customerId, subject: 'Pump leaks after service', ...(options.assigneeId ? { assigneeId: options.assigneeId } : {}) },
  });
  expect(opened.errors).toBeUndefined();
  const id = opened.data!.openTicket.id;
  const status = options.status ?? 'RESOLVED';
  if (status !== 'NEW') expect((await subgraph.gql('mutation($id: ID!) { resolveTicket(id: $id) { id } }', { id })).errors).toBeUndefined();
  if (status === 'CLOSED') {
    expect((await subgraph.gql('mutation($id: ID!) { changeTicketStatus(id: $id, status: CLOSED) { id } }', { id })).errors).toBeUndefined();
  }
  return id;
}

async function rate(ticketId: string, rating: number, as: TestPrincipal = agent, comment?: string) {
  const result = await subgraph.gqlAs<{ rateTicket: { id: string; rating: number; comment: string | null; ratedBy: string; ticket: { id: string } } }>(as, rateMutation, {
    t: ticketId,
    r: rating,
    c: comment,
  });
  expect(result.errors).toBeUndefined();
  return result.data!.rateTicket;
}

async function report(as: TestPrincipal, groupBy: 'AGENT' | 'CUSTOMER', from = '2026-01-01', to = '2026-12-31'): Promise<Report> {
  const result = await subgraph.gqlAs<{ satisfactionReport: Report }>(as, reportQuery, { from, to, g: groupBy });
  expect(result.errors).toBeUndefined();
  return result.data!.satisfactionReport;
}

beforeAll(async () => {
  await grantCustomerAccess(subgraph, { customerId: customerOfRep, ownerId: repId }, { customerId: customerOfOther, ownerId: randomUUID() });
});

describe('support subgraph: rating a ticket', () => {
  it('records the rating of a resolved ticket and of a closed one, with who recorded it', async () => {
    const resolved = await ticketFor(customerOfRep);
    const rating = await rate(resolved, 4, agent, '  Quick and friendly.  ');
    expect(rating).toMatchObject({ rating: 4, comment: 'Quick and friendly.', ratedBy: agent.userId, ticket: { id: resolved } });
    const closed = await ticketFor(customerOfRep, { status: 'CLOSED' });
    expect((await rate(closed, 2)).rating).toBe(2);
  });

  it('refuses a second rating of the same ticket with CONFLICT and keeps the first', async () => {
    const ticketId = await ticketFor(customerOfRep);
    await rate(ticketId, 5);
    const before = await ratingCount();
    const again = await subgraph.gqlAs(agent, rateMutation, { t: ticketId, r: 1 });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TICKET_ALREADY_RATED', field: 'ticketId' });
    expect(await ratingCount()).toBe(before);
    const [row] = await sql<{ rating: number }>('select rating from satisfaction_rating where ticket_id = ?', [ticketId]);
    expect(row!.rating).toBe(5);
  });

  it('accepts only one of two concurrent ratings of the same ticket', async () => {
    const ticketId = await ticketFor(customerOfRep);
    const results = await Promise.all([1, 2, 3].map((r) => subgraph.gqlAs(agent, rateMutation, { t: ticketId, r })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(2);
  });

  it('refuses to rate a ticket still being worked on with CONFLICT', async () => {
    const ticketId = await ticketFor(customerOfRep, { status: 'NEW' });
    const result = await subgraph.gqlAs(agent, rateMutation, { t: ticketId, r: 3 });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TICKET_NOT_RESOLVED' });
  });

  it('rejects a rating outside 1–5 naming `rating`, an over-long comment naming `comment`, and writes nothing', async () => {
    const ticketId = await ticketFor(customerOfRep);
    const before = await ratingCount();
    for (const r of [0, 6, -1]) {
      expect((await subgraph.gqlAs(agent, rateMutation, { t: ticketId, r })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rating' });
    }
    const long = await subgraph.gqlAs(agent, rateMutation, { t: ticketId, r: 3, c: 'x'.repeat(2001) });
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
    const badId = await subgraph.gqlAs(agent, rateMutation, { t: 'T-1', r: 3 });
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ticketId' });
    expect(await ratingCount()).toBe(before);
  });

  it("lets a rep rate their customer's ticket, answers another customer's (or an unknown) ticket with NOT_FOUND, and forbids departments without tickets", async () => {
    const own = await ticketFor(customerOfRep);
    expect((await rate(own, 3, rep)).rating).toBe(3);
    const other = await ticketFor(customerOfOther);
    const refused = await subgraph.gqlAs(rep, rateMutation, { t: other, r: 3 });
    const unknown = await subgraph.gqlAs(rep, rateMutation, { t: randomUUID(), r: 3 });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'ticketId' });
    expect(refused.errors?.[0]?.extensions).toEqual(unknown.errors?.[0]?.extensions);
    expect(codeOf(await subgraph.gqlAs(accountant, rateMutation, { t: own, r: 3 }))).toBe('FORBIDDEN');
  });

  it("loads several tickets' ratings in one query through _entities, null for unrated tickets", async () => {
    const rated = await ticketFor(customerOfRep);
    const unrated = await ticketFor(customerOfRep);
    await rate(rated, 5, agent, 'Great');
    subgraph.resetQueries();
    const result = await subgraph.gqlAs<{ _entities: { id: string; satisfaction: { rating: number; comment: string } | null }[] }>(agent, ticketEntities, {
      r: [rated, unrated].map((id) => ({ __typename: 'Ticket', id })),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.map((t) => t.satisfaction)).toEqual([{ rating: 5, comment: 'Great' }, null]);
    expect(subgraph.queries.filter((q) => /from "satisfaction_rating"/.test(q))).toHaveLength(1);
  });
});

describe('support subgraph: satisfaction report', () => {
  const from = '2025-03-01';
  const to = '2025-03-31';
  let anna1: string;
  let anna2: string;
  let ben: string;
  let unassigned: string;
  let otherCustomers: string;

  beforeAll(async () => {
    anna1 = await ticketFor(customerOfRep, { assigneeId: agentAnna });
    anna2 = await ticketFor(customerOfOther, { assigneeId: agentAnna });
    ben = await ticketFor(customerOfRep, { assigneeId: agentBen });
    unassigned = await ticketFor(customerOfRep);
    otherCustomers = await ticketFor(customerOfOther, { assigneeId: agentBen });
    const outside = await ticketFor(customerOfRep, { assigneeId: agentAnna });
    for (const [id, r] of [
      [anna1, 5],
      [anna2, 2],
      [ben, 4],
      [unassigned, 3],
      [otherCustomers, 1],
      [outside, 1],
    ] as const) {
      await rate(id, r);
    }
    // Ratings given in March 2025 (the last one on the 31st, late evening), and one in April.
    await sql(`update satisfaction_rating set rated_at = '2025-03-10T12:00:00Z' where ticket_id in (?, ?, ?, ?)`, [anna1, anna2, ben, unassigned]);
    await sql(`update satisfaction_rating set rated_at = '2025-03-31T23:30:00Z' where ticket_id = ?`, [otherCustomers]);
    await sql(`update satisfaction_rating set rated_at = '2025-04-01T00:00:00Z' where ticket_id = ?`, [outside]);
  });

  it('averages the ratings given in the period per assignee, unassigned tickets as a null assignee', async () => {
    const result = await report(agent, 'AGENT', from, to);
    expect(result.ratings).toBe(5);
    expect(result.averageRating).toBe(3);
    expect(result.groups).toEqual(
      [
        { assigneeId: agentAnna, customer: null, ratings: 2, averageRating: 3.5 },
        { assigneeId: agentBen, customer: null, ratings: 2, averageRating: 2.5 },
        { assigneeId: null, customer: null, ratings: 1, averageRating: 3 },
      ].sort((a, b) => b.ratings - a.ratings || (a.assigneeId === null ? 1 : b.assigneeId === null ? -1 : a.assigneeId.localeCompare(b.assigneeId))),
    );
  });

  it('averages per customer', async () => {
    const result = await report(agent, 'CUSTOMER', from, to);
    expect(result.groups).toEqual(
      expect.arrayContaining([
        { assigneeId: null, customer: { id: customerOfRep }, ratings: 3, averageRating: 4 },
        { assigneeId: null, customer: { id: customerOfOther }, ratings: 2, averageRating: 1.5 },
      ]),
    );
    expect(result.groups).toHaveLength(2);
  });

  it("covers only a rep's own customers' tickets", async () => {
    const byCustomer = await report(rep, 'CUSTOMER', from, to);
    expect(byCustomer.groups.map((g) => g.customer?.id)).toEqual([customerOfRep]);
    const byAgent = await report(rep, 'AGENT', from, to);
    expect(byAgent.ratings).toBe(3);
    expect(byAgent.groups.find((g) => g.assigneeId === agentBen)).toMatchObject({ ratings: 1, averageRating: 4 });
  });

  it('answers an empty period with no groups and a null average', async () => {
    const result = await report(agent, 'AGENT', '2024-01-01', '2024-01-31');
    expect(result).toMatchObject({ ratings: 0, averageRating: null, groups: [] });
  });

  it('rejects a period that ends before it starts, spans over 366 days, or is not a date, naming the argument', async () => {
    const ask = (f: string, t: string) => subgraph.gqlAs(agent, reportQuery, { from: f, to: t, g: 'AGENT' });
    expect((await ask('2025-03-02', '2025-03-01')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((await ask('2024-01-01', '2025-01-02')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((await ask('2024-01-01', '2025-01-01')).errors).toBeUndefined();
    expect((await ask('2025-02-30', '2025-03-01')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });

  it('forbids departments without access to tickets', async () => {
    expect(codeOf(await subgraph.gqlAs(accountant, reportQuery, { from, to, g: 'AGENT' }))).toBe('FORBIDDEN');
    expect(codeOf(await subgraph.gqlAs(null, reportQuery, { from, to, g: 'AGENT' }))).toBe('UNAUTHENTICATED');
  });
});
