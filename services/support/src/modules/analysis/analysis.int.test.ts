import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type GraphQLResult, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupportService } from '../../create-support-service.js';

let subgraph: TestSubgraph;
const repId = randomUUID();
const rep: TestPrincipal = { role: 'SALES_REP', userId: repId, teamIds: [randomUUID()] };
const agent: TestPrincipal = { role: 'SUPPORT_AGENT', userId: randomUUID() };
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

const sql = async <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);
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
  await sql('update ticket set opened_at = ?, resolved_at = ?, first_responded_at = ? where id = ?', [
    spec.openedAt,
    spec.resolvedAt ?? null,
    spec.firstRespondedAt ?? null,
    id,
  ]);
  return id;
}

async function analysis(as: TestPrincipal, from = '2025-03-01', to = '2025-03-31'): Promise<Analysis> {
  const result = await subgraph.gqlAs<{ supportAnalysis: Analysis }>(as, analysisQuery, { from, to });
  expect(result.errors).toBeUndefined();
  return result.data!.supportAnalysis;
}

beforeAll(async () => {
  subgraph = await startTestSubgraph('support', createSupportService);
  const insert = 'insert into customer_access (customer_id, owner_id, team_id, shared_with) values (?, ?, ?, ?)';
  await sql(insert, [customerOfRep, repId, null, '{}']);
  await sql(insert, [customerOfOther, randomUUID(), null, '{}']);
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
afterAll(async () => subgraph?.stop());

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
