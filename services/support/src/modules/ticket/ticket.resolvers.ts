import { isUuid } from '@rapport/errors';
import { auditHistory } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { assignTicket, changeTicketStatus, deleteTicket, getTicket, listTickets, openTicket, resolveTicket, restoreTicket, updateTicket } from './ticket.service.js';
import { ticketPolicy } from './ticket.policy.js';

const userRef = (id: string | null | undefined) => (id ? { __typename: 'User' as const, id } : null);

export const ticketResolvers: Resolvers = {
  Query: {
    ticket: (_, args, ctx) => getTicket(ctx.em, ctx.viewer(ticketPolicy, 'read'), args.id),
    tickets: (_, args, ctx) => listTickets(ctx.em, ctx.viewer(ticketPolicy, 'read'), args.filter, args.first, args.after),
  },
  Mutation: {
    openTicket: (_, args, ctx) => openTicket(ctx.em, ctx.viewer(ticketPolicy, 'write'), args.input, ctx.eventMeta),
    resolveTicket: (_, args, ctx) => resolveTicket(ctx.em, ctx.viewer(ticketPolicy, 'write'), args.id, ctx.eventMeta),
    changeTicketStatus: (_, args, ctx) => changeTicketStatus(ctx.em, ctx.viewer(ticketPolicy, 'write'), args.id, args.status, args.note, ctx.eventMeta),
    assignTicket: (_, args, ctx) => assignTicket(ctx.em, ctx.viewer(ticketPolicy, 'write'), args.id, args.assigneeId, args.teamId, ctx.eventMeta),
    updateTicket: (_, args, ctx) => updateTicket(ctx.em, ctx.viewer(ticketPolicy, 'write'), args.input, ctx.eventMeta),
    deleteTicket: (_, args, ctx) => deleteTicket(ctx.em, ctx.viewer(ticketPolicy, 'write'), args.id, ctx.eventMeta),
    restoreTicket: (_, args, ctx) => restoreTicket(ctx.em, ctx.viewer(ticketPolicy, 'restore'), args.id, ctx.eventMeta),
  },
  Ticket: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.ticketById.load(ref.id.toLowerCase()) : null),
    customer: (ticket) => ({ __typename: 'Customer', id: ticket.customerId }),
    assignee: (ticket) => userRef(ticket.assigneeId),
    team: (ticket) => (ticket.teamId ? { __typename: 'Team', id: ticket.teamId } : null),
    statusHistory: (ticket, _, ctx) => ctx.loaders.statusHistoryByTicket.load(ticket.id),
    history: (ticket, args, ctx) => auditHistory(ctx.em, 'Ticket', ticket.id, args.first),
  },
  TicketStatusChange: {
    from: (change) => change.fromStatus ?? null,
    to: (change) => change.toStatus,
    changedBy: (change) => userRef(change.changedBy),
  },
  Customer: {
    __resolveReference: (ref) => ({ id: ref.id }),
    openTickets: (customer, _, ctx) => (isUuid(customer.id) ? ctx.loaders.openTicketsByCustomer.load(customer.id.toLowerCase()) : []),
    ticketCounts: (customer, _, ctx) => (isUuid(customer.id) ? ctx.loaders.ticketCountsByCustomer.load(customer.id.toLowerCase()) : []),
  },
};
