import { loadExisting } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { rateTicket, satisfactionReport } from './satisfaction.service.js';
import { ticketPolicy } from '../ticket/ticket.policy.js';

export const satisfactionResolvers: Resolvers = {
  Query: {
    satisfactionReport: (_, args, ctx) => satisfactionReport(ctx.em, ctx.viewer(ticketPolicy, 'read'), args.from, args.to, args.groupBy),
  },
  Mutation: {
    rateTicket: (_, args, ctx) => rateTicket(ctx.em, ctx.viewer(ticketPolicy, 'write'), args.ticketId, args.rating, args.comment, ctx.eventMeta),
  },
  SatisfactionRating: {
    ticket: (rating, _, ctx) => loadExisting(ctx.loaders.ticketById, rating.ticketId, 'ticket'),
  },
  SatisfactionGroup: {
    customer: (group) => (group.customerId ? { __typename: 'Customer', id: group.customerId } : null),
  },
  Ticket: {
    satisfaction: async (ticket, _, ctx) => (await ctx.loaders.ratingsByTicket.load(ticket.id))[0] ?? null,
  },
};
