import type { GraphQLResult } from '@rapport/subgraph-kit/testing';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';

// Support end to end through the gateway: a rep's customer calls in, an agent works the ticket
// through its whole lifecycle, the knowledge base supplies the fix, the customer rates it, and the
// analysis adds it up. Each step builds on the one before (the file runs in order). Where time must
// pass, the support database's timestamps are moved back, as the subgraph's own SLA tests do.

const HOUR = 3_600_000;
let system: TestSystem;
const tokens = { admin: '', agent: '', rep: '', manager: '', director: '', otherRep: '' };
const ids = { agent: '', rep: '', manager: '', desk: '', north: '', customer: '', otherCustomer: '', contact: '' };
const tickets = { main: '', second: '', third: '', low: '' };
let articleId = '';

type Who = keyof typeof tokens;
const as = <T>(who: Who, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> => system.as<T>(tokens[who], query, variables);
const must = async <T>(who: Who, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
  const result = await as<T>(who, query, variables);
  expect(result.errors, `${who}: ${JSON.stringify(result.errors)}`).toBeUndefined();
  return result.data as T;
};
const errorOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions;
/** Runs SQL on the support subgraph's database (to let time pass). */
const supportSql = <T>(query: string, params: unknown[] = []): Promise<T[]> => system.subgraphs.support.service.orm.em.fork().getConnection().execute<T[]>(query, params);
/** As if `hours` had passed since the ticket was opened: its timestamps move back by that much. */
const age = (ticketId: string, hours: number) =>
  supportSql(
    `update ticket set opened_at = opened_at - make_interval(secs => ?), paused_since = paused_since - make_interval(secs => ?),
       first_responded_at = first_responded_at - make_interval(secs => ?), resolved_at = resolved_at - make_interval(secs => ?) where id = ?`,
    [hours * 3600, hours * 3600, hours * 3600, hours * 3600, ticketId],
  );

const OPEN = `mutation($i: OpenTicketInput!) { openTicket(input: $i) { id number status priority channel category contactId customer { id name } assignee { id } statusHistory { from to } } }`;
const CHANGE = `mutation($id: ID!, $s: TicketStatus!, $note: String) { changeTicketStatus(id: $id, status: $s, note: $note) { id status resolvedAt } }`;
const COMMENT = `mutation($id: ID!, $body: String!, $internal: Boolean) { addTicketComment(ticketId: $id, body: $body, internal: $internal) { id internal author { id } } }`;
const SLA = `query($id: ID!) { ticket(id: $id) { openedAt firstRespondedAt sla { firstResponseDueAt resolutionDueAt firstResponseBreached resolutionBreached paused } } }`;
const CUSTOMER_TICKETS = `query($id: ID!) { customer(id: $id) { name openTickets { id status comments { body internal } } ticketCounts { status count } } }`;

interface SlaView {
  openedAt: string;
  firstRespondedAt: string | null;
  sla: { firstResponseDueAt: string; resolutionDueAt: string; firstResponseBreached: boolean; resolutionBreached: boolean; paused: boolean };
}
interface CustomerTickets {
  customer: { name: string; openTickets: { id: string; status: string; comments: { body: string; internal: boolean }[] }[]; ticketCounts: { status: string; count: number }[] };
}
const slaOf = async (ticketId: string): Promise<SlaView> => (await must<{ ticket: SlaView }>('agent', SLA, { id: ticketId })).ticket;
const move = (ticketId: string, status: string, note?: string) =>
  must<{ changeTicketStatus: { status: string; resolvedAt: string | null } }>('agent', CHANGE, { id: ticketId, s: status, note });

beforeAll(async () => {
  system = await startTestSystem('support-test');
  tokens.admin = system.adminToken;
  ids.desk = (await must<{ createTeam: { id: string } }>('admin', `mutation { createTeam(input: { name: "Support Desk" }) { id } }`)).createTeam.id;
  ids.north = (await must<{ createTeam: { id: string } }>('admin', `mutation { createTeam(input: { name: "Sales North" }) { id } }`)).createTeam.id;
  const users: [Exclude<Who, 'admin'>, string, string | null][] = [
    ['agent', 'SUPPORT_AGENT', ids.desk],
    ['rep', 'SALES_REP', ids.north],
    ['manager', 'SALES_MANAGER', ids.north],
    ['director', 'DIRECTOR', null],
    ['otherRep', 'SALES_REP', null],
  ];
  for (const [who, role, teamId] of users) {
    const user = await system.createUser({ email: `${who.toLowerCase()}@support.example`, displayName: who, role, teamId });
    tokens[who] = user.token;
    if (who === 'agent' || who === 'rep' || who === 'manager') ids[who] = user.id;
  }
});
afterAll(async () => system?.stop());

describe('support through the gateway', () => {
  it('opens a ticket with contact, channel, category, priority and assignment for a customer a rep created', async () => {
    ids.customer = (await must<{ createCustomer: { id: string } }>('rep', `mutation { createCustomer(input: { name: "Acme Pumps", kind: COMPANY }) { id } }`)).createCustomer.id;
    ids.otherCustomer = (
      await must<{ createCustomer: { id: string } }>('otherRep', `mutation { createCustomer(input: { name: "Globex", kind: COMPANY }) { id } }`)
    ).createCustomer.id;
    ids.contact = (
      await must<{ addContact: { id: string } }>('rep', `mutation($i: AddContactInput!) { addContact(input: $i) { id } }`, {
        i: { customerId: ids.customer, name: 'Carla Contact', emails: ['carla@acme.example'], primary: true },
      })
    ).addContact.id;

    const opened = await must<{ openTicket: Record<string, unknown> }>('agent', OPEN, {
      i: {
        customerId: ids.customer,
        subject: 'Pump leaks after service',
        description: 'Water under the pump since the service visit.',
        priority: 'HIGH',
        contactId: ids.contact,
        channel: 'PHONE',
        category: 'Pumps',
      },
    });
    tickets.main = opened.openTicket.id as string;
    expect(opened.openTicket).toMatchObject({
      number: expect.stringMatching(/^T-\d{6}$/),
      status: 'NEW',
      priority: 'HIGH',
      channel: 'PHONE',
      category: 'pumps',
      contactId: ids.contact,
      customer: { id: ids.customer, name: 'Acme Pumps' },
      assignee: null,
      statusHistory: [{ from: null, to: 'NEW' }],
    });
    const assigned = await must<{ assignTicket: { assignee: { displayName: string }; team: { name: string } } }>(
      'agent',
      `mutation($id: ID!, $a: ID, $t: ID) { assignTicket(id: $id, assigneeId: $a, teamId: $t) { assignee { displayName } team { name } } }`,
      { id: tickets.main, a: ids.agent, t: ids.desk },
    );
    expect(assigned.assignTicket).toEqual({ assignee: { displayName: 'agent' }, team: { name: 'Support Desk' } });

    // The rep sees it on their customer once support has learnt from the customers service that the customer is theirs.
    await waitFor(
      async () => {
        const result = await as<CustomerTickets>('rep', CUSTOMER_TICKETS, { id: ids.customer });
        return result.data?.customer.openTickets.length === 1 ? result : undefined;
      },
      { what: "the rep's customer's open ticket" },
    );
    const second = await must<{ openTicket: { id: string } }>('rep', OPEN, { i: { customerId: ids.customer, subject: 'Invoice is wrong', category: 'Billing', channel: 'EMAIL' } });
    tickets.second = second.openTicket.id;
    const refused = await as('rep', OPEN, { i: { customerId: ids.otherCustomer, subject: 'Not mine' } });
    expect(errorOf(refused)).toMatchObject({ code: 'NOT_FOUND', field: 'input.customerId' });
  });

  it('shows internal comments to support, directors and admins only, and lets only them write one', async () => {
    await must('agent', COMMENT, { id: tickets.main, body: 'We are sending a technician.' });
    await must('agent', COMMENT, { id: tickets.main, body: 'Seal batch 42 is known to be faulty.', internal: true });
    await must('rep', COMMENT, { id: tickets.main, body: 'Customer called again, please hurry.' });
    const forbidden = await as('rep', COMMENT, { id: tickets.main, body: 'Psst', internal: true });
    expect(errorOf(forbidden)).toMatchObject({ code: 'FORBIDDEN', field: 'internal' });

    const commentsOf = async (who: Who) =>
      (
        await must<{ ticket: { comments: { body: string; internal: boolean; author: { displayName: string } }[] } }>(
          who,
          `query($id: ID!) { ticket(id: $id) { comments { body internal author { displayName } } } }`,
          { id: tickets.main },
        )
      ).ticket.comments;
    const everything = [
      { body: 'We are sending a technician.', internal: false, author: { displayName: 'agent' } },
      { body: 'Seal batch 42 is known to be faulty.', internal: true, author: { displayName: 'agent' } },
      { body: 'Customer called again, please hurry.', internal: false, author: { displayName: 'rep' } },
    ];
    expect(await commentsOf('agent')).toEqual(everything);
    expect(await commentsOf('admin')).toEqual(everything);
    expect(await commentsOf('director')).toEqual(everything);
    const publicOnly = everything.filter((c) => !c.internal);
    expect(await commentsOf('rep')).toEqual(publicOnly);
    expect(await commentsOf('manager')).toEqual(publicOnly);
    // Also when reached from the customer, through federation.
    const fromCustomer = await must<CustomerTickets>('manager', CUSTOMER_TICKETS, { id: ids.customer });
    const main = fromCustomer.customer.openTickets.find((t) => t.id === tickets.main)!;
    expect(main.comments.map((c) => c.internal)).toEqual([false, false]);
    // The agent's public comment was the first response; the rep's did not count.
    expect((await slaOf(tickets.main)).firstRespondedAt).not.toBeNull();
  });

  it('refuses a change outside the status flow with a coded CONFLICT, and pauses the SLA clocks while waiting on the customer', async () => {
    const illegal = await as('agent', CHANGE, { id: tickets.main, s: 'CLOSED' });
    expect(errorOf(illegal)).toMatchObject({ code: 'CONFLICT', field: 'status', reason: 'TICKET_STATUS_TRANSITION_FORBIDDEN', details: { from: 'NEW', to: 'CLOSED' } });
    await move(tickets.main, 'OPEN');
    await move(tickets.main, 'WAITING_ON_CUSTOMER', 'Asked for a photo of the leak');
    // 30 hours pass while waiting: far beyond HIGH's 24 h to resolution, yet nothing is breached.
    await age(tickets.main, 30);
    const waiting = await slaOf(tickets.main);
    expect(waiting.sla).toMatchObject({ paused: true, firstResponseBreached: false, resolutionBreached: false });
    expect(Date.parse(waiting.sla.resolutionDueAt)).toBeGreaterThan(Date.now() + 23 * HOUR);

    const counts = await must<CustomerTickets>('rep', CUSTOMER_TICKETS, { id: ids.customer });
    expect(counts.customer.openTickets.map((t) => [t.id, t.status])).toEqual([
      [tickets.second, 'NEW'],
      [tickets.main, 'WAITING_ON_CUSTOMER'],
    ]);
    expect(counts.customer.ticketCounts).toEqual([
      { status: 'NEW', count: 1 },
      { status: 'WAITING_ON_CUSTOMER', count: 1 },
    ]);

    await move(tickets.main, 'OPEN', 'Photo received');
    const resumed = await slaOf(tickets.main);
    expect(resumed.sla).toMatchObject({ paused: false, resolutionBreached: false });
    // 24 h target + the ~30 h paused, counted from opening.
    expect((Date.parse(resumed.sla.resolutionDueAt) - Date.parse(resumed.openedAt)) / HOUR).toBeCloseTo(54, 1);
  });

  it('flags an SLA breach: an unanswered ticket past its target, and a ticket of a priority whose target an admin made tiny', async () => {
    expect((await slaOf(tickets.second)).sla).toMatchObject({ firstResponseBreached: false, resolutionBreached: false });
    await age(tickets.second, 9); // NORMAL: 8 h to first response, 72 h to resolution
    expect((await slaOf(tickets.second)).sla).toMatchObject({ firstResponseBreached: true, resolutionBreached: false });

    const setTarget = `mutation($i: SetSlaTargetInput!) { setSlaTarget(input: $i) { priority firstResponseMinutes resolutionMinutes } }`;
    expect(errorOf(await as('agent', setTarget, { i: { priority: 'LOW', firstResponseMinutes: 1, resolutionMinutes: 2 } }))?.code).toBe('FORBIDDEN');
    expect((await must<{ setSlaTarget: unknown }>('admin', setTarget, { i: { priority: 'LOW', firstResponseMinutes: 1, resolutionMinutes: 2 } })).setSlaTarget).toEqual({
      priority: 'LOW',
      firstResponseMinutes: 1,
      resolutionMinutes: 2,
    });
    tickets.low = (await must<{ openTicket: { id: string } }>('agent', OPEN, { i: { customerId: ids.otherCustomer, subject: 'Paint scratched', priority: 'LOW' } })).openTicket.id;
    const fresh = await slaOf(tickets.low);
    expect(Date.parse(fresh.sla.firstResponseDueAt) - Date.parse(fresh.openedAt)).toBe(60_000);
    expect(fresh.sla.firstResponseBreached).toBe(false);
    await age(tickets.low, 3 / 60);
    expect((await slaOf(tickets.low)).sla).toMatchObject({ firstResponseBreached: true, resolutionBreached: true });
  });

  it('keeps a knowledge base: drafts only editors see, numbered published versions, full-text search, links to tickets', async () => {
    const ARTICLE = `query($id: ID!) { article(id: $id) { status title publishedVersion versions { version title } draft { title hasUnpublishedChanges } } }`;
    const SEARCH = `query($q: String!) { searchArticles(query: $q) { edges { node { rank article { id title } } } } }`;
    expect(errorOf(await as('rep', `mutation { createArticle(input: { category: "Pumps", title: "x", body: "y" }) { id } }`))?.code).toBe('FORBIDDEN');
    articleId = (
      await must<{ createArticle: { id: string } }>('agent', `mutation($i: CreateArticleInput!) { createArticle(input: $i) { id } }`, {
        i: {
          category: 'Pumps',
          title: 'Replacing a worn pump seal',
          body: 'A pump that leaks after service usually has a worn shaft seal: drain it, pull the seal, fit a new one.',
        },
      })
    ).createArticle.id;
    await must('agent', `mutation { createArticle(input: { category: "Billing", title: "Correcting an invoice", body: "Issue a credit note, then a new invoice." }) { id } }`);
    expect(errorOf(await as('rep', ARTICLE, { id: articleId }))?.code).toBe('NOT_FOUND');
    expect((await must<{ searchArticles: { edges: unknown[] } }>('rep', SEARCH, { q: 'seal' })).searchArticles.edges).toEqual([]);
    expect((await must<{ searchArticles: { edges: unknown[] } }>('agent', SEARCH, { q: 'seal' })).searchArticles.edges).toHaveLength(1);

    await must('agent', `mutation($id: ID!) { publishArticle(id: $id) { id } }`, { id: articleId });
    expect((await must<{ article: unknown }>('rep', ARTICLE, { id: articleId })).article).toEqual({
      status: 'PUBLISHED',
      title: 'Replacing a worn pump seal',
      publishedVersion: 1,
      versions: [{ version: 1, title: 'Replacing a worn pump seal' }],
      draft: null,
    });
    await must('agent', `mutation($id: ID!) { updateArticleDraft(id: $id, input: { title: "Replacing a worn pump shaft seal" }) { id } }`, { id: articleId });
    expect((await must<{ article: { title: string; draft: unknown } }>('rep', ARTICLE, { id: articleId })).article.title).toBe('Replacing a worn pump seal');
    expect((await must<{ article: { draft: unknown } }>('agent', ARTICLE, { id: articleId })).article.draft).toEqual({
      title: 'Replacing a worn pump shaft seal',
      hasUnpublishedChanges: true,
    });
    await must('agent', `mutation($id: ID!) { publishArticle(id: $id) { id } }`, { id: articleId });
    expect((await must<{ article: unknown }>('rep', ARTICLE, { id: articleId })).article).toMatchObject({
      title: 'Replacing a worn pump shaft seal',
      publishedVersion: 2,
      versions: [
        { version: 2, title: 'Replacing a worn pump shaft seal' },
        { version: 1, title: 'Replacing a worn pump seal' },
      ],
    });
    expect(errorOf(await as('agent', `mutation($id: ID!) { publishArticle(id: $id) { id } }`, { id: articleId }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'ARTICLE_NOTHING_TO_PUBLISH',
    });

    // Stemmed search over what readers see: "leaking pumps" matches "leaks" and "pump"; the unpublished invoice article stays hidden.
    const hits = (await must<{ searchArticles: { edges: { node: { rank: number; article: { id: string; title: string } } }[] } }>('rep', SEARCH, { q: 'leaking pumps' }))
      .searchArticles.edges;
    expect(hits.map((e) => e.node.article.id)).toEqual([articleId]);
    expect(hits[0]!.node.rank).toBeGreaterThan(0);
    expect((await must<{ searchArticles: { edges: unknown[] } }>('rep', SEARCH, { q: 'invoice' })).searchArticles.edges).toEqual([]);

    const link = `mutation($t: ID!, $a: ID!) { linkArticleToTicket(ticketId: $t, articleId: $a) { articles { id title } } }`;
    expect((await must<{ linkArticleToTicket: { articles: unknown[] } }>('agent', link, { t: tickets.main, a: articleId })).linkArticleToTicket.articles).toEqual([
      { id: articleId, title: 'Replacing a worn pump shaft seal' },
    ]);
    expect(errorOf(await as('agent', link, { t: tickets.main, a: articleId }))).toMatchObject({ code: 'CONFLICT', field: 'articleId' });
    const seenByRep = await must<{ ticket: { articles: { id: string }[] } }>('rep', `query($id: ID!) { ticket(id: $id) { articles { id } } }`, { id: tickets.main });
    expect(seenByRep.ticket.articles).toEqual([{ id: articleId }]);
  });

  it('resolves, takes one satisfaction rating, reopens and closes, keeping the whole status history', async () => {
    const RATE = `mutation($t: ID!, $r: Int!, $c: String) { rateTicket(ticketId: $t, rating: $r, comment: $c) { rating comment ticket { id } } }`;
    expect(errorOf(await as('rep', RATE, { t: tickets.main, r: 5 }))).toMatchObject({ code: 'CONFLICT', reason: 'TICKET_NOT_RESOLVED' });
    const resolved = await must<{ resolveTicket: { status: string; resolvedAt: string } }>('agent', `mutation($id: ID!) { resolveTicket(id: $id) { status resolvedAt } }`, {
      id: tickets.main,
    });
    expect(resolved.resolveTicket.status).toBe('RESOLVED');
    expect((await must<{ rateTicket: unknown }>('rep', RATE, { t: tickets.main, r: 4, c: 'Fixed quickly' })).rateTicket).toEqual({
      rating: 4,
      comment: 'Fixed quickly',
      ticket: { id: tickets.main },
    });
    expect(errorOf(await as('rep', RATE, { t: tickets.main, r: 1 }))).toMatchObject({ code: 'CONFLICT', reason: 'TICKET_ALREADY_RATED' });
    expect(errorOf(await as('rep', RATE, { t: tickets.second, r: 6 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rating' });

    await move(tickets.main, 'REOPENED', 'Leak is back');
    await move(tickets.main, 'RESOLVED', 'New seal fitted');
    await move(tickets.main, 'CLOSED');
    expect(errorOf(await as('agent', CHANGE, { id: tickets.main, s: 'RESOLVED' }))).toMatchObject({
      code: 'CONFLICT',
      details: { from: 'CLOSED', to: 'RESOLVED', allowed: ['REOPENED'] },
    });

    // The second ticket: answered, resolved and rated poorly.
    await must('agent', COMMENT, { id: tickets.second, body: 'A credit note is on its way.' });
    await must('agent', `mutation($id: ID!) { resolveTicket(id: $id) { id } }`, { id: tickets.second });
    await must('rep', RATE, { t: tickets.second, r: 2, c: 'Took too long' });

    const history = await must<{
      ticket: {
        status: string;
        satisfaction: { rating: number };
        statusHistory: { from: string | null; to: string; note: string | null; changedBy: { displayName: string } | null }[];
      };
    }>('rep', `query($id: ID!) { ticket(id: $id) { status satisfaction { rating } statusHistory { from to note changedBy { displayName } } } }`, { id: tickets.main });
    expect(history.ticket.status).toBe('CLOSED');
    expect(history.ticket.satisfaction).toEqual({ rating: 4 });
    expect(history.ticket.statusHistory).toEqual([
      { from: null, to: 'NEW', note: null, changedBy: { displayName: 'agent' } },
      { from: 'NEW', to: 'OPEN', note: null, changedBy: { displayName: 'agent' } },
      { from: 'OPEN', to: 'WAITING_ON_CUSTOMER', note: 'Asked for a photo of the leak', changedBy: { displayName: 'agent' } },
      { from: 'WAITING_ON_CUSTOMER', to: 'OPEN', note: 'Photo received', changedBy: { displayName: 'agent' } },
      { from: 'OPEN', to: 'RESOLVED', note: null, changedBy: { displayName: 'agent' } },
      { from: 'RESOLVED', to: 'REOPENED', note: 'Leak is back', changedBy: { displayName: 'agent' } },
      { from: 'REOPENED', to: 'RESOLVED', note: 'New seal fitted', changedBy: { displayName: 'agent' } },
      { from: 'RESOLVED', to: 'CLOSED', note: null, changedBy: { displayName: 'agent' } },
    ]);

    // From the customers side: nothing open any more, one ticket resolved and one closed; nothing for a rep who may not see it.
    for (const who of ['rep', 'manager'] as const) {
      const view = await must<CustomerTickets>(who, CUSTOMER_TICKETS, { id: ids.customer });
      expect(view.customer.openTickets, who).toEqual([]);
      expect(view.customer.ticketCounts, who).toEqual([
        { status: 'RESOLVED', count: 1 },
        { status: 'CLOSED', count: 1 },
      ]);
    }
    const admin = await must<CustomerTickets>('admin', CUSTOMER_TICKETS, { id: ids.otherCustomer });
    expect(admin.customer.ticketCounts).toEqual([{ status: 'NEW', count: 1 }]);
  });

  it('reports satisfaction per agent and per customer', async () => {
    const REPORT = `query($from: String!, $to: String!, $g: SatisfactionGroupBy!) { satisfactionReport(from: $from, to: $to, groupBy: $g) {
      ratings averageRating groups { assigneeId customer { id name } ratings averageRating } } }`;
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 24 * HOUR).toISOString().slice(0, 10);
    const byAgent = await must<{ satisfactionReport: unknown }>('manager', REPORT, { from: yesterday, to: today, g: 'AGENT' });
    expect(byAgent.satisfactionReport).toEqual({
      ratings: 2,
      averageRating: 3,
      groups: [
        { assigneeId: ids.agent, customer: null, ratings: 1, averageRating: 4 },
        { assigneeId: null, customer: null, ratings: 1, averageRating: 2 },
      ],
    });
    const byCustomer = await must<{ satisfactionReport: unknown }>('agent', REPORT, { from: yesterday, to: today, g: 'CUSTOMER' });
    expect(byCustomer.satisfactionReport).toEqual({
      ratings: 2,
      averageRating: 3,
      groups: [{ assigneeId: null, customer: { id: ids.customer, name: 'Acme Pumps' }, ratings: 2, averageRating: 3 }],
    });
  });

  it('analyses a period: top categories and inquiries, solutions, mean times and SLA attainment, overall, per team and per agent', async () => {
    tickets.third = (
      await must<{ openTicket: { id: string } }>('agent', OPEN, { i: { customerId: ids.otherCustomer, subject: 'invoice is  wrong!', category: 'billing' } })
    ).openTicket.id;
    await must('agent', `mutation($id: ID!, $a: ID, $t: ID) { assignTicket(id: $id, assigneeId: $a, teamId: $t) { id } }`, { id: tickets.second, a: ids.agent, t: ids.desk });
    // Date the three tickets into February 2025 (targets: HIGH 4 h / 24 h, NORMAL 8 h / 72 h).
    const date = (id: string, opened: string, firstResponse: string | null, resolved: string | null, pausedSeconds: number) =>
      supportSql(
        'update ticket set opened_at = ?, first_responded_at = ?, first_response_paused_seconds = ?, resolved_at = ?, paused_seconds = ?, paused_since = null where id = ?',
        [opened, firstResponse, firstResponse ? 0 : null, resolved, pausedSeconds, id],
      );
    // Main (HIGH, closed): answered after 30 min; resolved 50 h after opening, 30 h of them waiting on the customer: 20 running hours, in time.
    await date(tickets.main, '2025-02-03T08:00:00Z', '2025-02-03T08:30:00Z', '2025-02-05T10:00:00Z', 30 * 3600);
    // Second (NORMAL, resolved): answered after 10 h (late), resolved after 24 h (in time).
    await date(tickets.second, '2025-02-10T09:00:00Z', '2025-02-10T19:00:00Z', '2025-02-11T09:00:00Z', 0);
    // Third (NORMAL, another rep's customer, unassigned): never answered, still NEW: both clocks long past their targets.
    await date(tickets.third, '2025-02-12T09:00:00Z', null, null, 0);
    await supportSql(`update ticket_article set linked_at = '2025-02-04T12:00:00Z'`);

    const ANALYSIS = `query { supportAnalysis(from: "2025-02-01", to: "2025-02-28") {
      ticketsOpened ticketsResolved meanSecondsToResolution meanSecondsToFirstResponse
      firstResponseSla { met missed pending percent } resolutionSla { met missed pending percent }
      topCategories { category count } topInquiries { subject count } topSolutions { article { id title } count }
      byTeam { teamId opened resolved meanSecondsToFirstResponse firstResponseSla { percent } resolutionSla { percent } }
      byAgent { assigneeId opened resolved meanSecondsToResolution firstResponseSla { met missed percent } resolutionSla { met missed percent } } } }`;
    const { supportAnalysis: all } = await must<{ supportAnalysis: Record<string, unknown> }>('agent', ANALYSIS);
    expect(all).toEqual({
      ticketsOpened: 3,
      ticketsResolved: 2,
      meanSecondsToResolution: (50 * 3600 + 24 * 3600) / 2,
      meanSecondsToFirstResponse: (30 * 60 + 10 * 3600) / 2,
      firstResponseSla: { met: 1, missed: 2, pending: 0, percent: '33.3' },
      resolutionSla: { met: 2, missed: 1, pending: 0, percent: '66.7' },
      topCategories: [
        { category: 'billing', count: 2 },
        { category: 'pumps', count: 1 },
      ],
      topInquiries: [
        { subject: 'invoice is wrong', count: 2 },
        { subject: 'pump leaks after service', count: 1 },
      ],
      topSolutions: [{ article: { id: articleId, title: 'Replacing a worn pump shaft seal' }, count: 1 }],
      byTeam: [
        { teamId: ids.desk, opened: 2, resolved: 2, meanSecondsToFirstResponse: 18900, firstResponseSla: { percent: '50.0' }, resolutionSla: { percent: '100.0' } },
        { teamId: null, opened: 1, resolved: 0, meanSecondsToFirstResponse: null, firstResponseSla: { percent: '0.0' }, resolutionSla: { percent: '0.0' } },
      ],
      byAgent: [
        {
          assigneeId: ids.agent,
          opened: 2,
          resolved: 2,
          meanSecondsToResolution: 133200,
          firstResponseSla: { met: 1, missed: 1, percent: '50.0' },
          resolutionSla: { met: 2, missed: 0, percent: '100.0' },
        },
        {
          assigneeId: null,
          opened: 1,
          resolved: 0,
          meanSecondsToResolution: null,
          firstResponseSla: { met: 0, missed: 1, percent: '0.0' },
          resolutionSla: { met: 0, missed: 1, percent: '0.0' },
        },
      ],
    });
    // The rep's analysis covers their own customer's two tickets only.
    const { supportAnalysis: mine } = await must<{ supportAnalysis: { ticketsOpened: number; firstResponseSla: { percent: string }; topInquiries: unknown[] } }>('rep', ANALYSIS);
    expect(mine).toMatchObject({ ticketsOpened: 2, firstResponseSla: { percent: '50.0' } });
    expect(mine.topInquiries).toEqual([
      { subject: 'invoice is wrong', count: 1 },
      { subject: 'pump leaks after service', count: 1 },
    ]);
  });
});
