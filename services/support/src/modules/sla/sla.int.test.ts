import { randomUUID } from 'node:crypto';
import { type GraphQLResult, testCast, type TestPrincipal, testPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { grantCustomerAccess, useSupportSubgraph } from '../../testing.js';

const subgraph = useSupportSubgraph();
const rep = testPrincipal('SALES_REP');
const { agent, director, accountant } = testCast();
const customerId = randomUUID();
const HOUR = 3_600_000;

interface SlaView {
  firstResponseDueAt: string;
  resolutionDueAt: string;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  paused: boolean;
}
interface TicketView {
  id: string;
  openedAt: string;
  sla: SlaView;
}
const slaFields = 'sla { firstResponseDueAt resolutionDueAt firstResponseBreached resolutionBreached paused }';
const targetsQuery = '{ slaTargets { priority firstResponseMinutes resolutionMinutes } }';
const setMutation = 'mutation($input: SetSlaTargetInput!) { setSlaTarget(input: $input) { priority firstResponseMinutes resolutionMinutes updatedAt history { action } } }';

const sql = subgraph.sql;
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
const plusHours = (iso: string, hours: number): string => new Date(Date.parse(iso) + hours * HOUR).toISOString();

async function openTicket(priority = 'URGENT'): Promise<string> {
  const result = await subgraph.gql<{ openTicket: { id: string } }>('mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }', {
    input: { customerId, subject: 'Line is down', priority },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.openTicket.id;
}

async function ticket(id: string, principal: TestPrincipal = agent): Promise<TicketView> {
  const result = await subgraph.gqlAs<{ ticket: TicketView }>(principal, `query($id: ID!) { ticket(id: $id) { id openedAt ${slaFields} } }`, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.ticket;
}

async function changeStatus(id: string, status: string): Promise<void> {
  const result = await subgraph.gqlAs(agent, 'mutation($id: ID!, $status: TicketStatus!) { changeTicketStatus(id: $id, status: $status) { id } }', { id, status });
  expect(result.errors, status).toBeUndefined();
}

/** Moves the ticket's opening (and a running pause's start) back in time, as if `hours` had passed. */
async function age(id: string, hours: number): Promise<void> {
  await sql(
    `update ticket set opened_at = opened_at - make_interval(secs => ?), paused_since = paused_since - make_interval(secs => ?),
       first_responded_at = first_responded_at - make_interval(secs => ?), resolved_at = resolved_at - make_interval(secs => ?) where id = ?`,
    [hours * 3600, hours * 3600, hours * 3600, hours * 3600, id],
  );
}

async function pauseState(id: string): Promise<{ paused_seconds: number; paused_since: Date | null }> {
  const [row] = await sql<{ paused_seconds: number; paused_since: Date | null }>('select paused_seconds, paused_since from ticket where id = ?', [id]);
  return row!;
}

beforeAll(async () => {
  await grantCustomerAccess(subgraph, { customerId: customerId, ownerId: rep.userId });
});

describe('SLA targets', () => {
  it('are seeded per priority and readable by whoever may see tickets, LOW to URGENT', async () => {
    const expected = [
      { priority: 'LOW', firstResponseMinutes: 1440, resolutionMinutes: 7200 },
      { priority: 'NORMAL', firstResponseMinutes: 480, resolutionMinutes: 4320 },
      { priority: 'HIGH', firstResponseMinutes: 240, resolutionMinutes: 1440 },
      { priority: 'URGENT', firstResponseMinutes: 60, resolutionMinutes: 480 },
    ];
    for (const principal of [rep, agent, director]) {
      const result = await subgraph.gqlAs<{ slaTargets: unknown[] }>(principal, targetsQuery);
      expect(result.data!.slaTargets, principal.role).toEqual(expected);
    }
    expect(codeOf(await subgraph.gqlAs(accountant, targetsQuery))).toBe('FORBIDDEN');
  });

  it('may be changed by an admin only; others are FORBIDDEN and change nothing', async () => {
    const input = { priority: 'HIGH', firstResponseMinutes: 1, resolutionMinutes: 2 };
    for (const principal of [agent, director, rep]) {
      expect(codeOf(await subgraph.gqlAs(principal, setMutation, { input })), principal.role).toBe('FORBIDDEN');
    }
    const [row] = await sql<{ first_response_minutes: number }>("select first_response_minutes from sla_target where priority = 'HIGH'");
    expect(row!.first_response_minutes).toBe(240);
  });

  it('rejects non-positive or too long targets and a first response after the resolution, naming the field', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ firstResponseMinutes: 0, resolutionMinutes: 60 }, 'input.firstResponseMinutes'],
      [{ firstResponseMinutes: 60, resolutionMinutes: 600_000 }, 'input.resolutionMinutes'],
      [{ firstResponseMinutes: 120, resolutionMinutes: 60 }, 'input.firstResponseMinutes'],
    ];
    for (const [values, field] of bad) {
      const result = await subgraph.gql(setMutation, { input: { priority: 'LOW', ...values } });
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const [row] = await sql<{ first_response_minutes: number }>("select first_response_minutes from sla_target where priority = 'LOW'");
    expect(row!.first_response_minutes).toBe(1440);
  });
});

describe('ticket SLA clocks', () => {
  it("puts a fresh ticket's due dates at opening plus its priority's targets, unbreached and running", async () => {
    const t = await ticket(await openTicket('URGENT'));
    expect(t.sla).toEqual({
      firstResponseDueAt: plusHours(t.openedAt, 1),
      resolutionDueAt: plusHours(t.openedAt, 8),
      firstResponseBreached: false,
      resolutionBreached: false,
      paused: false,
    });
    const normal = await ticket(await openTicket('NORMAL'));
    expect(normal.sla.firstResponseDueAt).toBe(plusHours(normal.openedAt, 8));
    expect(normal.sla.resolutionDueAt).toBe(plusHours(normal.openedAt, 72));
  });

  it('breaches the first response of an unanswered ticket once its target passes, and the resolution later', async () => {
    const id = await openTicket('URGENT');
    await age(id, 2);
    expect((await ticket(id)).sla).toMatchObject({ firstResponseBreached: true, resolutionBreached: false });
    await age(id, 7);
    expect((await ticket(id)).sla).toMatchObject({ firstResponseBreached: true, resolutionBreached: true });
  });

  it('stops the first-response clock at the first public answer by support', async () => {
    const id = await openTicket('URGENT');
    await age(id, 0.5);
    const answered = await subgraph.gqlAs(agent, 'mutation($id: ID!) { addTicketComment(ticketId: $id, body: "On it") { id } }', { id });
    expect(answered.errors).toBeUndefined();
    await age(id, 3);
    expect((await ticket(id)).sla).toMatchObject({ firstResponseBreached: false, resolutionBreached: false });
  });

  it('stops both clocks at a resolution before any answer and runs them again when the ticket is reopened', async () => {
    const id = await openTicket('URGENT');
    await changeStatus(id, 'RESOLVED');
    await age(id, 20);
    expect((await ticket(id)).sla).toMatchObject({ firstResponseBreached: false, resolutionBreached: false });
    await changeStatus(id, 'REOPENED');
    expect((await ticket(id)).sla).toMatchObject({ firstResponseBreached: true, resolutionBreached: true });
  });

  it('pauses while waiting on the customer: the due dates move with the clock and nothing is breached', async () => {
    const id = await openTicket('URGENT');
    await changeStatus(id, 'WAITING_ON_CUSTOMER');
    expect((await pauseState(id)).paused_since).not.toBeNull();
    await age(id, 30);
    const paused = await ticket(id);
    expect(paused.sla).toMatchObject({ paused: true, firstResponseBreached: false, resolutionBreached: false });
    expect(Date.parse(paused.sla.firstResponseDueAt)).toBeGreaterThan(Date.now());
    expect(Date.parse(paused.sla.resolutionDueAt)).toBeGreaterThan(Date.now() + 7 * HOUR);
  });

  it('adds the pause to the paused time on resume and shifts both due dates by it', async () => {
    const id = await openTicket('URGENT');
    await changeStatus(id, 'OPEN');
    await age(id, 0.5);
    await changeStatus(id, 'WAITING_ON_CUSTOMER');
    await age(id, 3);
    await changeStatus(id, 'OPEN');
    const state = await pauseState(id);
    expect(state.paused_since).toBeNull();
    expect(Math.abs(state.paused_seconds - 3 * 3600)).toBeLessThanOrEqual(2);
    const resumed = await ticket(id);
    expect(resumed.sla.paused).toBe(false);
    const shift = (Date.parse(resumed.sla.firstResponseDueAt) - Date.parse(resumed.openedAt)) / HOUR;
    expect(shift).toBeCloseTo(4, 2);
    expect((Date.parse(resumed.sla.resolutionDueAt) - Date.parse(resumed.openedAt)) / HOUR).toBeCloseTo(11, 2);
    // 3.5 h after opening, 3 h of it paused: half an hour of the hour used.
    expect(resumed.sla.firstResponseBreached).toBe(false);
    await age(id, 0.6);
    expect((await ticket(id)).sla.firstResponseBreached).toBe(true);
  });

  it('keeps a ticket breached before its pause breached while paused', async () => {
    const id = await openTicket('URGENT');
    await age(id, 2);
    await changeStatus(id, 'WAITING_ON_CUSTOMER');
    await age(id, 10);
    expect((await ticket(id)).sla).toMatchObject({ paused: true, firstResponseBreached: true, resolutionBreached: false });
  });

  it('follows a change of priority', async () => {
    const id = await openTicket('LOW');
    const result = await subgraph.gql('mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id } }', { input: { id, priority: 'HIGH' } });
    expect(result.errors).toBeUndefined();
    const t = await ticket(id);
    expect(t.sla.firstResponseDueAt).toBe(plusHours(t.openedAt, 4));
  });

  it('computes the SLA of N tickets reading the targets with one SQL query', async () => {
    const ids = [await openTicket('URGENT'), await openTicket('LOW'), await openTicket('URGENT')];
    subgraph.resetQueries();
    const result = await subgraph.gqlAs<{ _entities: { sla: SlaView }[] }>(agent, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { ${slaFields} } } }`, {
      r: ids.map((id) => ({ __typename: 'Ticket', id })),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toHaveLength(3);
    expect(subgraph.queries.filter((q) => /from "sla_target"/.test(q))).toHaveLength(1);
  });

  it("shows a rep the SLA of their customer's tickets", async () => {
    const id = await openTicket('URGENT');
    expect((await ticket(id, rep)).sla.paused).toBe(false);
  });

  it('measures tickets against changed targets from then on, and records the change', async () => {
    const id = await openTicket('URGENT');
    const set = await subgraph.gql<{ setSlaTarget: { priority: string; firstResponseMinutes: number; resolutionMinutes: number; history: { action: string }[] } }>(setMutation, {
      input: { priority: 'URGENT', firstResponseMinutes: 30, resolutionMinutes: 240 },
    });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setSlaTarget).toMatchObject({ priority: 'URGENT', firstResponseMinutes: 30, resolutionMinutes: 240, history: [{ action: 'UPDATE' }] });
    const t = await ticket(id);
    expect(t.sla.firstResponseDueAt).toBe(plusHours(t.openedAt, 0.5));
    expect(t.sla.resolutionDueAt).toBe(plusHours(t.openedAt, 4));
  });
});
