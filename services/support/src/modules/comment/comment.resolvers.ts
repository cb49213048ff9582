import type { ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { ITicket } from '../ticket/ticket.entity.js';
import type { ITicketComment } from './comment.entity.js';
import { addTicketComment } from './comment.service.js';

export const commentResolvers: ResolverMap = {
  Mutation: {
    addTicketComment: (_: unknown, args: { ticketId: string; body: string; internal?: boolean | null }, ctx: Context) =>
      addTicketComment(ctx.em, ctx.principal, args.ticketId, args.body, args.internal, ctx.eventMeta),
  },
  Ticket: {
    comments: (ticket: ITicket, _: unknown, ctx: Context) => ctx.loaders.commentsByTicket.load(ticket.id),
  },
  TicketComment: {
    ticket: (comment: ITicketComment, _: unknown, ctx: Context) => ctx.loaders.ticketById.load(comment.ticketId),
    author: (comment: ITicketComment) => ({ __typename: 'User', id: comment.authorId }),
    createdAt: (comment: ITicketComment) => comment.createdAt.toISOString(),
  },
};
