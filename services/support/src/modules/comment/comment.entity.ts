import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { timestamp } from '@rapport/subgraph-kit/properties';

/** A comment on a ticket: public ones for everyone who sees the ticket, internal ones for support only. */
export const TicketComment = defineEntity({
  name: 'TicketComment',
  tableName: 'ticket_comment',
  properties: {
    id: p.uuid().primary(),
    ticketId: p.uuid(),
    authorId: p.uuid(),
    body: p.text(),
    /** Seen only by support agents, directors and admins. */
    internal: p.boolean().default(false),
    createdAt: timestamp(),
  },
});
export type ITicketComment = InferEntity<typeof TicketComment>;
