import type { ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { ITicket } from '../ticket/ticket.entity.js';
import type { ISatisfactionRating } from './satisfaction.entity.js';
import { rateTicket, satisfactionReport, type SatisfactionGroup } from './satisfaction.service.js';

export const satisfactionResolvers: ResolverMap = {
  Query: {
    satisfactionReport: (_: unknown, args: { from: string; to: string; groupBy: string }, ctx: Context) =>
      satisfactionReport(ctx.em, ctx.principal, args.from, args.to, args.groupBy),
  },
  Mutation: {
    rateTicket: (_: unknown, args: { ticketId: string; rating: number; comment?: string | null }, ctx: Context) =>
      rateTicket(ctx.em, ctx.principal, args.ticketId, args.rating, args.comment, ctx.eventMeta),
  },
  SatisfactionRating: {
    ticket: (rating: ISatisfactionRating, _: unknown, ctx: Context) => ctx.loaders.ticketById.load(rating.ticketId),
    ratedAt: (rating: ISatisfactionRating) => rating.ratedAt.toISOString(),
  },
  SatisfactionGroup: {
    customer: (group: SatisfactionGroup) => (group.customerId ? { __typename: 'Customer', id: group.customerId } : null),
  },
  Ticket: {
    satisfaction: async (ticket: ITicket, _: unknown, ctx: Context) => (await ctx.loaders.ratingsByTicket.load(ticket.id))[0] ?? null,
  },
};
