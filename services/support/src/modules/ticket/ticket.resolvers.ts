import { isUuid } from '@rapport/errors';
import { auditHistory, type ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { ITicket } from './ticket.entity.js';
import { deleteTicket, getTicket, listTickets, openTicket, resolveTicket, restoreTicket, type OpenTicketInput, type TicketFilter } from './ticket.service.js';

export const ticketResolvers: ResolverMap = {
  Query: {
    ticket: (_: unknown, args: { id: string }, ctx: Context) => getTicket(ctx.em, ctx.principal, args.id),
    tickets: (_: unknown, args: { filter?: TicketFilter; first?: number; after?: string }, ctx: Context) =>
      listTickets(ctx.em, ctx.principal, args.filter, args.first, args.after),
  },
  Mutation: {
    openTicket: (_: unknown, args: { input: OpenTicketInput }, ctx: Context) => openTicket(ctx.em, ctx.principal, args.input, ctx.eventMeta),
    resolveTicket: (_: unknown, args: { id: string }, ctx: Context) => resolveTicket(ctx.em, ctx.principal, args.id, ctx.eventMeta),
    deleteTicket: (_: unknown, args: { id: string }, ctx: Context) => deleteTicket(ctx.em, ctx.principal, args.id),
    restoreTicket: (_: unknown, args: { id: string }, ctx: Context) => restoreTicket(ctx.em, ctx.principal, args.id),
  },
  Ticket: {
    __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? ctx.loaders.ticketById.load(ref.id.toLowerCase()) : null),
    customer: (ticket: ITicket) => ({ __typename: 'Customer', id: ticket.customerId }),
    openedAt: (ticket: ITicket) => ticket.openedAt.toISOString(),
    resolvedAt: (ticket: ITicket) => ticket.resolvedAt?.toISOString() ?? null,
    deletedAt: (ticket: ITicket) => ticket.deletedAt?.toISOString() ?? null,
    history: (ticket: ITicket, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'Ticket', ticket.id, args.first),
  },
  Customer: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    openTickets: (customer: { id: string }, _: unknown, ctx: Context) =>
      isUuid(customer.id) ? ctx.loaders.openTicketsByCustomer.load(customer.id.toLowerCase()) : [],
  },
};
