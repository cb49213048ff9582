import { isUuid } from '@rapport/errors';
import { auditHistory, type ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { ITicket, ITicketStatusChange } from './ticket.entity.js';
import {
  assignTicket,
  changeTicketStatus,
  deleteTicket,
  getTicket,
  listTickets,
  openTicket,
  resolveTicket,
  restoreTicket,
  updateTicket,
  type OpenTicketInput,
  type TicketFilter,
  type UpdateTicketInput,
} from './ticket.service.js';

const userRef = (id: string | null | undefined) => (id ? { __typename: 'User', id } : null);

export const ticketResolvers: ResolverMap = {
  Query: {
    ticket: (_: unknown, args: { id: string }, ctx: Context) => getTicket(ctx.em, ctx.principal, args.id),
    tickets: (_: unknown, args: { filter?: TicketFilter; first?: number; after?: string }, ctx: Context) =>
      listTickets(ctx.em, ctx.principal, args.filter, args.first, args.after),
  },
  Mutation: {
    openTicket: (_: unknown, args: { input: OpenTicketInput }, ctx: Context) => openTicket(ctx.em, ctx.principal, args.input, ctx.eventMeta),
    resolveTicket: (_: unknown, args: { id: string }, ctx: Context) => resolveTicket(ctx.em, ctx.principal, args.id, ctx.eventMeta),
    changeTicketStatus: (_: unknown, args: { id: string; status: string; note?: string | null }, ctx: Context) =>
      changeTicketStatus(ctx.em, ctx.principal, args.id, args.status, args.note, ctx.eventMeta),
    assignTicket: (_: unknown, args: { id: string; assigneeId?: string | null; teamId?: string | null }, ctx: Context) =>
      assignTicket(ctx.em, ctx.principal, args.id, args.assigneeId, args.teamId, ctx.eventMeta),
    updateTicket: (_: unknown, args: { input: UpdateTicketInput }, ctx: Context) => updateTicket(ctx.em, ctx.principal, args.input, ctx.eventMeta),
    deleteTicket: (_: unknown, args: { id: string }, ctx: Context) => deleteTicket(ctx.em, ctx.principal, args.id, ctx.eventMeta),
    restoreTicket: (_: unknown, args: { id: string }, ctx: Context) => restoreTicket(ctx.em, ctx.principal, args.id, ctx.eventMeta),
  },
  Ticket: {
    __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? ctx.loaders.ticketById.load(ref.id.toLowerCase()) : null),
    customer: (ticket: ITicket) => ({ __typename: 'Customer', id: ticket.customerId }),
    openedAt: (ticket: ITicket) => ticket.openedAt.toISOString(),
    resolvedAt: (ticket: ITicket) => ticket.resolvedAt?.toISOString() ?? null,
    deletedAt: (ticket: ITicket) => ticket.deletedAt?.toISOString() ?? null,
    assignee: (ticket: ITicket) => userRef(ticket.assigneeId),
    team: (ticket: ITicket) => (ticket.teamId ? { __typename: 'Team', id: ticket.teamId } : null),
    firstRespondedAt: (ticket: ITicket) => ticket.firstRespondedAt?.toISOString() ?? null,
    statusHistory: (ticket: ITicket, _: unknown, ctx: Context) => ctx.loaders.statusHistoryByTicket.load(ticket.id),
    history: (ticket: ITicket, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'Ticket', ticket.id, args.first),
  },
  TicketStatusChange: {
    from: (change: ITicketStatusChange) => change.fromStatus ?? null,
    to: (change: ITicketStatusChange) => change.toStatus,
    changedBy: (change: ITicketStatusChange) => userRef(change.changedBy),
    at: (change: ITicketStatusChange) => change.at.toISOString(),
  },
  Customer: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    openTickets: (customer: { id: string }, _: unknown, ctx: Context) =>
      isUuid(customer.id) ? ctx.loaders.openTicketsByCustomer.load(customer.id.toLowerCase()) : [],
    ticketCounts: (customer: { id: string }, _: unknown, ctx: Context) =>
      isUuid(customer.id) ? ctx.loaders.ticketCountsByCustomer.load(customer.id.toLowerCase()) : [],
  },
};
