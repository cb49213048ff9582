import { loadExisting } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { addTicketComment } from './comment.service.js';
import { ticketPolicy } from '../ticket/ticket.policy.js';

export const commentResolvers: Resolvers = {
  Mutation: {
    addTicketComment: (_, args, ctx) => addTicketComment(ctx.em, ctx.viewer(ticketPolicy, 'write'), args.ticketId, args.body, args.internal, ctx.eventMeta),
  },
  Ticket: {
    comments: (ticket, _, ctx) => ctx.loaders.commentsByTicket.load(ticket.id),
  },
  TicketComment: {
    ticket: (comment, _, ctx) => loadExisting(ctx.loaders.ticketById, comment.ticketId, 'ticket'),
    author: (comment) => ({ __typename: 'User', id: comment.authorId }),
  },
};
