import { randomUUID } from 'node:crypto';
import { type GraphQLResult, type TestPrincipal, testPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { slaOutcomes } from '../sla/sla-clock.js';
import { Ticket } from '../ticket/ticket.entity.js';
import { grantCustomerAccess, useSupportSubgraph } from '../../testing.js';

const subgraph = useSupportSubgraph();
const repId = randomUUID();
const rep: TestPrincipal = { role: 'SALES_REP', userId: repId, teamIds: [randomUUID()] };
const agent = testPrincipal('SUPPORT_AGENT');
const customerOfRep = randomUUID();
const customerOfOther = randomUUID();
const teamOne = randomUUID();
const teamTwo = randomUUID();
const anna = randomUUID();
const ben = randomUUID();

const analysisQuery = `query Analysis($from: String!, $to: String!) {
  supportAnalysis(from: $from, to: $to) {
    from to ticketsOpened ticketsResolved meanSecondsToResolution meanSecondsToFirstResponse
    topCategories { category count }
    byTeam { teamId opened resolved meanSecondsToResolution meanSecondsToFirstResponse }
    byAgent { assigneeId opened resolved meanSecondsToResolution meanSecondsToFirstResponse }
  }
}`;

interface Figures {
  opened: number;
  resolved: number;
  meanSecondsToResolution: number | null;
  meanSecondsToFirstResponse: number | null;
}
interface Analysis {
  from: string;
  to: string;
  ticketsOpened: number;
  ticketsResolved: number;
  meanSecondsToResolution: number | null;
  meanSecondsToFirstResponse: number | null;
  topCategories: { category: string; count: number }[];
  byTeam: (Figures & { teamId: string | null })[];
  byAgent: (Figures & { assigneeId: string | null })[];
}

const sql = subgraph.sql;
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

interface TicketSpec {
  customerId: string;
  teamId?: string;
  assigneeId?: string;
  category?: string;
  openedAt: string;
  resolvedAt?: string;
  firstRespondedAt?: string;
  /** Status after resolution: RESOLVED (default), CLOSED or REOPENED. */
  after?: 'RESOLVED' | 'CLOSED' | 'REOPENED';
}

/** Opens (and resolves) a ticket through the API, then dates it, standing in for the passing of time. */
async function ticket(spec: TicketSpec): Promise<string> {
  const opened = await subgraph.gql<{ openTicket: { id: string } }>('mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }', {
    input: {
      customerId: spec.customerId,
      subject: 'Pump leaks after service',
      ...(spec.teamId ? { teamId: spec.teamId } : {}),
      ...(spec.assigneeId ? { assigneeId: spec.assigneeId } : {}),
      ...(spec.category ? { category: spec.category } : {}),
    },
  });
  expect(opened.errors).toBeUndefined();
  const id = opened.data!.openTicket.id;
  if (spec.resolvedAt) {
    expect((await subgraph.gql('mutation($id: ID!) { resolveTicket(id: $id) { id } }', { id })).errors).toBeUndefined();
    if (spec.after && spec.after !== 'RESOLVED') {
      const moved = await subgraph.gql('mutation($id: ID!, $s: TicketStatus!) { changeTicketStatus(id: $id, status: $s) { id } }', { id, s: spec.after });
      expect(moved.errors).toBeUndefined();
    }
  }
  await sql('update ticket set opened_at = ?, resolved_at = ?, first_responded_at = ? where id = ?', [spec.openedAt, spec.resolvedAt ?? null, spec.firstRespondedAt ?? null, id]);
  return id;
}

async function analysis(as: TestPrincipal, from = '2025-03-01', to = '2025-03-31'): Promise<Analysis> {
  const result = await subgraph.gqlAs<{ supportAnalysis: Analysis }>(as, analysisQuery, { from, to });
  expect(result.errors).toBeUndefined();
  return result.data!.supportAnalysis;
}

beforeAll(async () => {
  await grantCustomerAccess(subgraph, { customerId: customerOfRep, ownerId: repId }, { customerId: customerOfOther, ownerId: randomUUID() });
  const rep1 = { customerId: customerOfRep, teamId: teamOne };
  // Opened and resolved in March: 1 h to resolve, 10 min to first response.
  await ticket({ ...rep1, assigneeId: anna, category: 'billing', openedAt: '2025-03-01T00:00:00Z', resolvedAt: '2025-03-01T01:00:00Z', firstRespondedAt: '2025-03-01T00:10:00Z' });
  // Opened and resolved (then closed) in March: 3 h, never answered.
  await ticket({ ...rep1, assigneeId: ben, category: 'billing', openedAt: '2025-03-05T00:00:00Z', resolvedAt: '2025-03-05T03:00:00Z', after: 'CLOSED' });
  // Another customer's, team two: opened in March, still open, answered after 20 min.
  await ticket({ customerId: customerOfOther, teamId: teamTwo, assigneeId: anna, category: 'pumps', openedAt: '2025-03-10T00:00:00Z', firstRespondedAt: '2025-03-10T00:20:00Z' });
  // Opened in February, resolved in March after 10 days; no team, unassigned, uncategorised.
  await ticket({ customerId: customerOfRep, openedAt: '2025-02-20T00:00:00Z', resolvedAt: '2025-03-02T00:00:00Z' });
  // Opened in April: outside.
  await ticket({ ...rep1, assigneeId: anna, category: 'billing', openedAt: '2025-04-01T00:00:00Z' });
  // Opened in the last second of March: inside.
  await ticket({ ...rep1, assigneeId: anna, category: 'shipping', openedAt: '2025-03-31T23:59:59Z' });
  // Resolved in March but reopened since: opened counts, resolved does not.
  await ticket({ ...rep1, assigneeId: anna, category: 'billing', openedAt: '2025-03-03T00:00:00Z', resolvedAt: '2025-03-04T00:00:00Z', after: 'REOPENED' });
});

describe('support subgraph: support analysis', () => {
  it('counts tickets opened and resolved in the period with their mean times, and the top categories', async () => {
    const result = await analysis(agent);
    expect(result).toMatchObject({
      from: '2025-03-01',
      to: '2025-03-31',
      ticketsOpened: 5,
      ticketsResolved: 3,
      meanSecondsToResolution: (3600 + 10800 + 864000) / 3,
      meanSecondsToFirstResponse: 900,
    });
    expect(result.topCategories).toEqual([
      { category: 'billing', count: 3 },
      { category: 'pumps', count: 1 },
      { category: 'shipping', count: 1 },
    ]);
  });

  it('breaks the figures down per team and per agent, with no team and unassigned as null', async () => {
    const result = await analysis(agent);
    expect(result.byTeam).toEqual([
      { teamId: teamOne, opened: 4, resolved: 2, meanSecondsToResolution: 7200, meanSecondsToFirstResponse: 600 },
      { teamId: teamTwo, opened: 1, resolved: 0, meanSecondsToResolution: null, meanSecondsToFirstResponse: 1200 },
      { teamId: null, opened: 0, resolved: 1, meanSecondsToResolution: 864000, meanSecondsToFirstResponse: null },
    ]);
    expect(result.byAgent).toEqual([
      { assigneeId: anna, opened: 4, resolved: 1, meanSecondsToResolution: 3600, meanSecondsToFirstResponse: 900 },
      { assigneeId: ben, opened: 1, resolved: 1, meanSecondsToResolution: 10800, meanSecondsToFirstResponse: null },
      { assigneeId: null, opened: 0, resolved: 1, meanSecondsToResolution: 864000, meanSecondsToFirstResponse: null },
    ]);
  });

  it("covers only a rep's own customers' tickets", async () => {
    const result = await analysis(rep);
    expect(result).toMatchObject({ ticketsOpened: 4, ticketsResolved: 3, meanSecondsToFirstResponse: 600 });
    expect(result.topCategories).toEqual([
      { category: 'billing', count: 3 },
      { category: 'shipping', count: 1 },
    ]);
    expect(result.byTeam.map((t) => t.teamId)).toEqual([teamOne, null]);
    expect(result.byAgent.find((a) => a.assigneeId === anna)).toMatchObject({ opened: 3, meanSecondsToFirstResponse: 600 });
  });

  it('answers a period without tickets with zeros, null means and empty breakdowns', async () => {
    expect(await analysis(agent, '2024-01-01', '2024-01-31')).toMatchObject({
      ticketsOpened: 0,
      ticketsResolved: 0,
      meanSecondsToResolution: null,
      meanSecondsToFirstResponse: null,
      topCategories: [],
      byTeam: [],
      byAgent: [],
    });
  });

  it('leaves out deleted tickets', async () => {
    const id = await ticket({ customerId: customerOfRep, category: 'warranty', openedAt: '2025-05-05T00:00:00Z' });
    expect((await analysis(agent, '2025-05-01', '2025-05-31')).ticketsOpened).toBe(1);
    expect((await subgraph.gql('mutation($id: ID!) { deleteTicket(id: $id) { id } }', { id })).errors).toBeUndefined();
    expect((await analysis(agent, '2025-05-01', '2025-05-31')).ticketsOpened).toBe(0);
  });

  it('rejects a period ending before it starts or longer than 366 days naming `to`, and a non-date naming the argument', async () => {
    const ask = (from: string, to: string) => subgraph.gqlAs(agent, analysisQuery, { from, to });
    expect((await ask('2025-03-31', '2025-03-01')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((await ask('2025-01-01', '2026-01-03')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to', reason: 'PERIOD_TOO_LONG' });
    expect((await ask('2025-01-01', '2026-01-02')).errors).toBeUndefined();
    expect((await ask('March', '2025-03-31')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect((await ask('2025-03-01', '2025-13-01')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('forbids departments without access to tickets and callers without a token', async () => {
    expect(codeOf(await subgraph.gqlAs({ role: 'WAREHOUSE_CLERK', userId: randomUUID() }, analysisQuery, { from: '2025-03-01', to: '2025-03-31' }))).toBe('FORBIDDEN');
    expect(codeOf(await subgraph.gqlAs(null, analysisQuery, { from: '2025-03-01', to: '2025-03-31' }))).toBe('UNAUTHENTICATED');
  });
});

// SLA attainment, inquiries and solutions: NORMAL tickets (targets 8 h to first response, 72 h to
// resolution) opened in June 2025, moved through the API to their status, then dated by SQL.
const june = { from: '2025-06-01', to: '2025-06-30' };
const H = 3_600_000;
const opening = (day: number) => new Date(Date.UTC(2025, 5, day, 9));
const after = (day: number, hours: number) => new Date(opening(day).getTime() + hours * H).toISOString();

interface Attainment {
  met: number;
  missed: number;
  pending: number;
  percent: string | null;
}
interface SlaAnalysis {
  firstResponseSla: Attainment;
  resolutionSla: Attainment;
  topInquiries: { subject: string; count: number }[];
  topSolutions: { article: { id: string; title: string }; count: number }[];
  byTeam: { teamId: string | null; firstResponseSla: Attainment; resolutionSla: Attainment }[];
  byAgent: { assigneeId: string | null; firstResponseSla: Attainment; resolutionSla: Attainment }[];
}
const attainment = 'met missed pending percent';
const slaQuery = `query($from: String!, $to: String!) { supportAnalysis(from: $from, to: $to) {
  firstResponseSla { ${attainment} } resolutionSla { ${attainment} }
  topInquiries { subject count } topSolutions { article { id title } count }
  byTeam { teamId firstResponseSla { ${attainment} } resolutionSla { ${attainment} } }
  byAgent { assigneeId firstResponseSla { ${attainment} } resolutionSla { ${attainment} } }
} }`;

interface SlaSpec {
  subject: string;
  day: number;
  teamId?: string;
  assigneeId?: string;
  /** Statuses to move through after opening. */
  path?: string[];
  firstRespondedAfter?: number;
  firstResponsePausedHours?: number;
  resolvedAfter?: number;
  pausedHours?: number;
  pausedSinceAfter?: number;
}

async function slaTicket(spec: SlaSpec): Promise<string> {
  const opened = await subgraph.gql<{ openTicket: { id: string } }>('mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }', {
    input: { customerId: customerOfRep, subject: spec.subject, teamId: spec.teamId ?? null, assigneeId: spec.assigneeId ?? null },
  });
  expect(opened.errors).toBeUndefined();
  const id = opened.data!.openTicket.id;
  for (const status of spec.path ?? []) {
    const moved = await subgraph.gql('mutation($id: ID!, $s: TicketStatus!) { changeTicketStatus(id: $id, status: $s) { id } }', { id, s: status });
    expect(moved.errors, status).toBeUndefined();
  }
  const hours = (h: number | undefined) => (h === undefined ? null : after(spec.day, h));
  await sql(`update ticket set opened_at = ?, first_responded_at = ?, first_response_paused_seconds = ?, resolved_at = ?, paused_seconds = ?, paused_since = ? where id = ?`, [
    opening(spec.day).toISOString(),
    hours(spec.firstRespondedAfter),
    spec.firstRespondedAfter === undefined ? null : (spec.firstResponsePausedHours ?? 0) * 3600,
    hours(spec.resolvedAfter),
    (spec.pausedHours ?? 0) * 3600,
    hours(spec.pausedSinceAfter),
    id,
  ]);
  return id;
}

async function slaAnalysis(as: TestPrincipal = agent): Promise<SlaAnalysis> {
  const result = await subgraph.gqlAs<{ supportAnalysis: SlaAnalysis }>(as, slaQuery, june);
  expect(result.errors).toBeUndefined();
  return result.data!.supportAnalysis;
}

type Outcome = 'MET' | 'MISSED' | 'PENDING';
type Outcomes = { firstResponse: Outcome; resolution: Outcome };

/** June's SLA attainment counts exactly `outcomes`, one per ticket: met, missed and pending, for first response and for resolution. */
async function expectSlaAnalysisToCount(outcomes: Outcomes[]): Promise<void> {
  const tally = { firstResponse: { MET: 0, MISSED: 0, PENDING: 0 }, resolution: { MET: 0, MISSED: 0, PENDING: 0 } };
  for (const outcome of outcomes) {
    tally.firstResponse[outcome.firstResponse] += 1;
    tally.resolution[outcome.resolution] += 1;
  }
  const result = await slaAnalysis();
  const counts = (a: Attainment) => ({ MET: a.met, MISSED: a.missed, PENDING: a.pending });
  expect(counts(result.firstResponseSla)).toEqual(tally.firstResponse);
  expect(counts(result.resolutionSla)).toEqual(tally.resolution);
}

describe('support analysis: SLA attainment, inquiries and solutions', () => {
  const teamA = randomUUID();
  const teamB = randomUUID();
  const pia = randomUUID();
  const quinn = randomUUID();
  const juneTickets: string[] = [];
  const articles: Record<string, string> = {};

  beforeAll(async () => {
    const specs: SlaSpec[] = [
      // Answered after 1 h, resolved after 10 h: both met.
      { subject: 'Pump leaks!', day: 2, teamId: teamA, assigneeId: pia, path: ['RESOLVED'], firstRespondedAfter: 1, resolvedAfter: 10 },
      // Answered after 9 h, resolved after 80 h: both missed.
      { subject: ' pump  LEAKS', day: 3, teamId: teamA, assigneeId: pia, path: ['RESOLVED', 'CLOSED'], firstRespondedAfter: 9, resolvedAfter: 80 },
      // Answered after 2 h, waited on the customer 100 h, resolved 110 h after opening: 10 running hours, both met.
      {
        subject: 'Invoice wrong?',
        day: 4,
        teamId: teamB,
        assigneeId: quinn,
        path: ['WAITING_ON_CUSTOMER', 'RESOLVED'],
        firstRespondedAfter: 2,
        resolvedAfter: 110,
        pausedHours: 100,
      },
      // Resolved after 5 h without any answer: the resolution settles the first response in time.
      { subject: 'invoice wrong', day: 5, teamId: teamB, assigneeId: quinn, path: ['RESOLVED'], resolvedAfter: 5 },
      // Answered exactly at 8 h, resolved exactly at 72 h: met on the dot.
      { subject: 'Something else', day: 6, teamId: teamB, assigneeId: quinn, path: ['RESOLVED'], firstRespondedAfter: 8, resolvedAfter: 72 },
      // Still NEW, never answered, opened long ago: both already missed.
      { subject: 'Pump leaks', day: 7 },
      // Answered after 30 min, waiting on the customer since 1 h after opening: resolution pending.
      { subject: 'Login fails', day: 8, path: ['WAITING_ON_CUSTOMER'], firstRespondedAfter: 0.5, pausedSinceAfter: 1 },
    ];
    for (const spec of specs) juneTickets.push(await slaTicket(spec));
    const create = 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }';
    for (const [key, title] of [
      ['seal', 'Replacing the pump seal'],
      ['invoice', 'Correcting an invoice'],
      ['draft', 'Unpublished notes'],
    ] as const) {
      const created = await subgraph.gqlAs<{ createArticle: { id: string } }>(agent, create, { input: { category: 'Pumps', title, body: `${title}, step by step.` } });
      expect(created.errors).toBeUndefined();
      articles[key] = created.data!.createArticle.id;
      if (key !== 'draft') expect((await subgraph.gqlAs(agent, 'mutation($id: ID!) { publishArticle(id: $id) { id } }', { id: articles[key] })).errors).toBeUndefined();
    }
    const links: [number, string][] = [
      [0, 'seal'],
      [1, 'seal'],
      [5, 'seal'],
      [2, 'invoice'],
      [3, 'draft'],
      [4, 'draft'],
    ];
    for (const [ticketIndex, article] of links) {
      const linked = await subgraph.gqlAs(agent, 'mutation($t: ID!, $a: ID!) { linkArticleToTicket(ticketId: $t, articleId: $a) { id } }', {
        t: juneTickets[ticketIndex],
        a: articles[article],
      });
      expect(linked.errors).toBeUndefined();
    }
    await sql(`update ticket_article set linked_at = '2025-06-15T12:00:00Z' where ticket_id = any(?::uuid[])`, [`{${juneTickets.join(',')}}`]);
  });

  it('counts met, missed and pending clocks of the tickets opened in the period, with the share met rounded to one decimal', async () => {
    const result = await slaAnalysis();
    expect(result.firstResponseSla).toEqual({ met: 5, missed: 2, pending: 0, percent: '71.4' });
    expect(result.resolutionSla).toEqual({ met: 4, missed: 2, pending: 1, percent: '66.7' });
  });

  it('breaks SLA attainment down per team and per agent, no team and unassigned as null', async () => {
    const result = await slaAnalysis();
    const byTeam = Object.fromEntries(result.byTeam.map((t) => [t.teamId ?? 'none', [t.firstResponseSla, t.resolutionSla]]));
    expect(byTeam).toEqual({
      [teamA]: [
        { met: 1, missed: 1, pending: 0, percent: '50.0' },
        { met: 1, missed: 1, pending: 0, percent: '50.0' },
      ],
      [teamB]: [
        { met: 3, missed: 0, pending: 0, percent: '100.0' },
        { met: 3, missed: 0, pending: 0, percent: '100.0' },
      ],
      none: [
        { met: 1, missed: 1, pending: 0, percent: '50.0' },
        { met: 0, missed: 1, pending: 1, percent: '0.0' },
      ],
    });
    const byAgent = Object.fromEntries(result.byAgent.map((a) => [a.assigneeId ?? 'none', a.resolutionSla.percent]));
    expect(byAgent).toEqual({ [pia]: '50.0', [quinn]: '100.0', none: '0.0' });
  });

  it("agrees ticket by ticket with each ticket's own SLA flags", async () => {
    const outcomes: Outcomes[] = [];
    for (const id of juneTickets) {
      const result = await subgraph.gqlAs<{ ticket: { status: string; firstRespondedAt: string | null; sla: { firstResponseBreached: boolean; resolutionBreached: boolean } } }>(
        agent,
        'query($id: ID!) { ticket(id: $id) { status firstRespondedAt sla { firstResponseBreached resolutionBreached } } }',
        { id },
      );
      const t = result.data!.ticket;
      const done = t.status === 'RESOLVED' || t.status === 'CLOSED';
      outcomes.push({
        firstResponse: t.sla.firstResponseBreached ? 'MISSED' : t.firstRespondedAt || done ? 'MET' : 'PENDING',
        resolution: t.sla.resolutionBreached ? 'MISSED' : done ? 'MET' : 'PENDING',
      });
    }
    await expectSlaAnalysisToCount(outcomes);
  });

  it('agrees with the pure SLA outcome rules (slaOutcomes) applied to every ticket as stored', async () => {
    const tickets = await subgraph.service.orm.em.fork().find(Ticket, { id: { $in: juneTickets } });
    expect(tickets).toHaveLength(juneTickets.length);
    const now = new Date();
    const outcomes = tickets.map((t): Outcomes => {
      const done = t.status === 'RESOLVED' || t.status === 'CLOSED';
      return slaOutcomes({
        openedAt: t.openedAt,
        firstResponseMinutes: 480,
        resolutionMinutes: 4320,
        pausedSeconds: t.pausedSeconds,
        pausedSince: t.pausedSince ?? null,
        firstRespondedAt: t.firstRespondedAt ?? null,
        firstResponsePausedSeconds: t.firstResponsePausedSeconds ?? null,
        resolvedAt: done ? (t.resolvedAt ?? null) : null,
        now,
      });
    });
    await expectSlaAnalysisToCount(outcomes);
  });

  it('gives null percentages when no ticket has an outcome yet', async () => {
    expect((await analysis(agent, '2024-01-01', '2024-01-31')) as unknown).toMatchObject({ ticketsOpened: 0 });
    const empty = await subgraph.gqlAs<{ supportAnalysis: SlaAnalysis }>(agent, slaQuery, { from: '2024-01-01', to: '2024-01-31' });
    expect(empty.data!.supportAnalysis.firstResponseSla).toEqual({ met: 0, missed: 0, pending: 0, percent: null });
  });

  it('lists the most frequent inquiries by normalised subject, most first, ties alphabetically', async () => {
    expect((await slaAnalysis()).topInquiries).toEqual([
      { subject: 'pump leaks', count: 3 },
      { subject: 'invoice wrong', count: 2 },
      { subject: 'login fails', count: 1 },
      { subject: 'something else', count: 1 },
    ]);
  });

  it('lists the articles most often linked as solutions in the period, leaving unpublished ones out for readers', async () => {
    const forAgent = (await slaAnalysis()).topSolutions;
    expect(forAgent.map((s) => [s.article.id, s.article.title, s.count])).toEqual([
      [articles.seal, 'Replacing the pump seal', 3],
      [articles.draft, 'Unpublished notes', 2],
      [articles.invoice, 'Correcting an invoice', 1],
    ]);
    const forRep = (await slaAnalysis(rep)).topSolutions;
    expect(forRep.map((s) => [s.article.title, s.count])).toEqual([
      ['Replacing the pump seal', 3],
      ['Correcting an invoice', 1],
    ]);
    const july = await subgraph.gqlAs<{ supportAnalysis: SlaAnalysis }>(agent, slaQuery, { from: '2025-07-01', to: '2025-07-31' });
    expect(july.data!.supportAnalysis.topSolutions).toEqual([]);
  });
});
