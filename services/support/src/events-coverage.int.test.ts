import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type EventCoverage, onlyEvent, type MutationCaseEntry, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { describeEventCoverage } from '@rapport/subgraph-kit/event-coverage-suite';
import { afterAll, beforeAll, expect } from 'vitest';
import { createSupportService } from './create-support-service.js';

let subgraph: TestSubgraph;
const customerId = randomUUID();
const agent = { userId: randomUUID(), role: 'SUPPORT_AGENT' as const };

/** Every audited entity of support and the aggregate its events name. */
const coverage: EventCoverage = {
  Ticket: { keys: ['id'] },
  TicketStatusChange: { keys: ['id', 'ticketId'] },
  TicketComment: { keys: ['id', 'ticketId'] },
  SatisfactionRating: { keys: ['id', 'ticketId'] },
  Article: { keys: ['id'] },
  ArticleVersion: { keys: ['id', 'articleId'] },
  TicketArticle: { keys: ['id', 'ticketId'] },
  SlaTarget: { keys: ['priority'] },
};

const gql = <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => subgraph.must<T>(query, variables);
const openTicket = async (subject: string): Promise<{ id: string; number: string }> =>
  (await gql<{ openTicket: { id: string; number: string } }>('mutation($input: OpenTicketInput!) { openTicket(input: $input) { id number } }', { input: { customerId, subject } }))
    .openTicket;
const resolve = (id: string) => gql('mutation($id: ID!) { resolveTicket(id: $id) { id } }', { id });
const createArticle = async (title: string): Promise<string> =>
  (
    await gql<{ createArticle: { id: string } }>('mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }', {
      input: { category: 'Pumps', title, body: 'Check the seal.' },
    })
  ).createArticle.id;
const publish = (id: string) => gql('mutation($id: ID!) { publishArticle(id: $id) { id } }', { id });

let ticket = { id: '', number: '' };
let articleId = '';
/** One case per Mutation field: a new field fails the first test until it is listed here. */
const cases: Record<string, MutationCaseEntry> = {
  openTicket: {
    run: async (call) => void (await call('mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }', { input: { customerId, subject: 'Pump leaking' } })),
    announces: ['support.ticket.opened.v1'],
  },
  changeTicketStatus: {
    run: async (call) => {
      ticket = await openTicket('Status change');
      await call('mutation($id: ID!) { changeTicketStatus(id: $id, status: WAITING_ON_CUSTOMER, note: "Asked for photos") { id } }', { id: ticket.id });
    },
    announces: ['support.ticket.status-changed.v1'],
    check: (events) => {
      const event = onlyEvent(events, 'support.ticket.status-changed.v1');
      expect(event).toMatchObject({ topic: 'support.ticket', subject: ticket.id });
      expect(event.data).toEqual({
        ticketId: ticket.id,
        customerId,
        number: ticket.number,
        fromStatus: 'NEW',
        toStatus: 'WAITING_ON_CUSTOMER',
        note: 'Asked for photos',
        changedAt: expect.any(String),
      });
    },
  },
  resolveTicket: {
    run: async (call) => {
      ticket = await openTicket('Resolve');
      await call('mutation($id: ID!) { resolveTicket(id: $id) { id } }', { id: ticket.id });
    },
    announces: ['support.ticket.status-changed.v1', 'support.ticket.resolved.v1'],
    check: (events) => expect(onlyEvent(events, 'support.ticket.status-changed.v1').data).toMatchObject({ fromStatus: 'NEW', toStatus: 'RESOLVED', note: null }),
  },
  assignTicket: {
    run: async (call) => {
      ticket = await openTicket('Assign');
      await call('mutation($id: ID!, $a: ID) { assignTicket(id: $id, assigneeId: $a) { id } }', { id: ticket.id, a: agent.userId });
    },
    announces: ['support.ticket.assigned.v1'],
    check: (events) =>
      expect(onlyEvent(events, 'support.ticket.assigned.v1').data).toEqual({
        ticketId: ticket.id,
        customerId,
        number: ticket.number,
        assigneeId: agent.userId,
        teamId: null,
        assignedAt: expect.any(String),
      }),
  },
  updateTicket: {
    run: async (call) => {
      ticket = await openTicket('Update');
      await call('mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id } }', {
        input: { id: ticket.id, subject: 'Update: seal size', priority: 'URGENT', category: 'Orders' },
      });
    },
    announces: ['support.ticket.updated.v1'],
    check: (events) =>
      expect(onlyEvent(events, 'support.ticket.updated.v1').data).toEqual({
        ticketId: ticket.id,
        customerId,
        number: ticket.number,
        changedFields: ['subject', 'priority', 'category'],
        subject: 'Update: seal size',
        priority: 'URGENT',
        category: 'orders',
        channel: null,
        updatedAt: expect.any(String),
      }),
  },
  deleteTicket: {
    run: async (call) => {
      ticket = await openTicket('Delete');
      await call('mutation($id: ID!) { deleteTicket(id: $id) { id } }', { id: ticket.id });
    },
    announces: ['support.ticket.deleted.v1'],
    check: (events) =>
      expect(onlyEvent(events, 'support.ticket.deleted.v1').data).toEqual({ ticketId: ticket.id, customerId, number: ticket.number, deletedAt: expect.any(String) }),
  },
  restoreTicket: {
    run: async (call) => {
      ticket = await openTicket('Restore');
      await gql('mutation($id: ID!) { deleteTicket(id: $id) { id } }', { id: ticket.id });
      await call('mutation($id: ID!) { restoreTicket(id: $id) { id } }', { id: ticket.id });
    },
    announces: ['support.ticket.restored.v1'],
    check: (events) =>
      expect(onlyEvent(events, 'support.ticket.restored.v1').data).toEqual({ ticketId: ticket.id, customerId, number: ticket.number, restoredAt: expect.any(String) }),
  },
  addTicketComment: {
    run: async (call) => {
      ticket = await openTicket('Comment');
      await call('mutation($id: ID!) { addTicketComment(ticketId: $id, body: "We are on it") { id } }', { id: ticket.id }, agent);
    },
    announces: ['support.ticket.commented.v1'],
    check: (events) => {
      const event = onlyEvent(events, 'support.ticket.commented.v1');
      expect(event.data).toEqual({
        ticketId: ticket.id,
        customerId,
        commentId: expect.any(String),
        authorId: agent.userId,
        internal: false,
        firstResponse: true,
        commentedAt: expect.any(String),
      });
      expect(JSON.stringify(event)).not.toContain('We are on it');
    },
  },
  rateTicket: {
    run: async (call) => {
      ticket = await openTicket('Rate');
      await resolve(ticket.id);
      await call('mutation($id: ID!) { rateTicket(ticketId: $id, rating: 4, comment: "Quick") { id } }', { id: ticket.id });
    },
    announces: ['support.ticket.rated.v1'],
    check: (events) =>
      expect(onlyEvent(events, 'support.ticket.rated.v1')).toMatchObject({
        subject: ticket.id,
        data: { ticketId: ticket.id, customerId, rating: 4, ratingId: expect.any(String) },
      }),
  },
  linkArticleToTicket: {
    run: async (call) => {
      ticket = await openTicket('Link');
      articleId = await createArticle('Seal sizes');
      await publish(articleId);
      await call('mutation($t: ID!, $a: ID!) { linkArticleToTicket(ticketId: $t, articleId: $a) { id } }', { t: ticket.id, a: articleId });
    },
    announces: ['support.ticket.article-linked.v1'],
    check: (events) => expect(onlyEvent(events, 'support.ticket.article-linked.v1').data).toEqual({ ticketId: ticket.id, customerId, articleId, linkedAt: expect.any(String) }),
  },
  createArticle: {
    run: async (call) => {
      articleId = (
        await call<{ createArticle: { id: string } }>('mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }', {
          input: { category: 'Valves', title: 'Unpublished title', body: 'Unpublished body' },
        })
      ).createArticle.id;
    },
    announces: ['support.article.created.v1'],
    check: (events) => {
      const event = onlyEvent(events, 'support.article.created.v1');
      expect(event).toMatchObject({ topic: 'support.article', subject: articleId, data: { articleId, category: 'Valves', createdAt: expect.any(String) } });
      expect(JSON.stringify(event)).not.toMatch(/Unpublished/);
    },
  },
  updateArticleDraft: {
    run: async (call) => {
      articleId = await createArticle('Draft');
      await call('mutation($id: ID!, $input: UpdateArticleDraftInput!) { updateArticleDraft(id: $id, input: $input) { id } }', {
        id: articleId,
        input: { title: 'Secret new title' },
      });
    },
    announces: ['support.article.draft-updated.v1'],
    check: (events) => {
      const event = onlyEvent(events, 'support.article.draft-updated.v1');
      expect(event.data).toEqual({ articleId, category: 'Pumps', changedFields: ['title'], updatedAt: expect.any(String) });
      expect(JSON.stringify(event)).not.toMatch(/Secret/);
    },
  },
  publishArticle: {
    run: async (call) => {
      articleId = await createArticle('Published title');
      await call('mutation($id: ID!) { publishArticle(id: $id) { id } }', { id: articleId });
    },
    announces: ['support.article.published.v1'],
    check: (events) =>
      expect(onlyEvent(events, 'support.article.published.v1').data).toEqual({
        articleId,
        version: 1,
        title: 'Published title',
        category: 'Pumps',
        publishedBy: expect.any(String),
        publishedAt: expect.any(String),
      }),
  },
  archiveArticle: {
    run: async (call) => {
      articleId = await createArticle('Archived');
      await call('mutation($id: ID!) { archiveArticle(id: $id) { id } }', { id: articleId });
    },
    announces: ['support.article.archived.v1'],
    check: (events) => expect(onlyEvent(events, 'support.article.archived.v1').data).toEqual({ articleId, archivedAt: expect.any(String) }),
  },
  restoreArticle: {
    run: async (call) => {
      articleId = await createArticle('Restored');
      await gql('mutation($id: ID!) { archiveArticle(id: $id) { id } }', { id: articleId });
      await call('mutation($id: ID!) { restoreArticle(id: $id) { id } }', { id: articleId });
    },
    announces: ['support.article.restored.v1'],
    check: (events) => expect(onlyEvent(events, 'support.article.restored.v1').data).toEqual({ articleId, restoredAt: expect.any(String) }),
  },
  setSlaTarget: {
    run: async (call) =>
      void (await call('mutation($input: SetSlaTargetInput!) { setSlaTarget(input: $input) { priority } }', {
        input: { priority: 'HIGH', firstResponseMinutes: 30, resolutionMinutes: 480 },
      })),
    announces: ['support.sla-target.set.v1'],
    check: (events) =>
      expect(onlyEvent(events, 'support.sla-target.set.v1')).toMatchObject({
        topic: 'support.sla-target',
        subject: 'HIGH',
        data: { priority: 'HIGH', firstResponseMinutes: 30, resolutionMinutes: 480, setAt: expect.any(String) },
      }),
  },
};

beforeAll(async () => {
  subgraph = await startTestSubgraph('support', createSupportService);
});
afterAll(async () => subgraph?.stop());

describeEventCoverage('support', () => subgraph, coverage, cases);
