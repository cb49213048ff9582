import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { badInput, conflict } from '@rapport/errors';
import { createdAt, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';
import type { ITicket } from '../ticket/ticket.entity.js';

/** How satisfied the customer was with the handling of one resolved or closed ticket; one per ticket. */
export const SatisfactionRating = defineEntity({
  name: 'SatisfactionRating',
  tableName: 'satisfaction_rating',
  properties: {
    id: p.uuid().primary(),
    ticketId: p.uuid().unique('satisfaction_rating_ticket_id_key'),
    /** 1 (very dissatisfied) to 5 (very satisfied). */
    rating: p.smallint(),
    comment: p.text().nullable(),
    ratedAt: timestamp(),
    ratedBy: p.uuid().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type ISatisfactionRating = InferEntity<typeof SatisfactionRating>;

export const MIN_RATING = 1;
export const MAX_RATING = 5;
/** Ticket statuses in which the customer may rate the handling. */
export const RATEABLE_STATUSES: readonly string[] = ['RESOLVED', 'CLOSED'];

/** A whole number from 1 to 5; BAD_USER_INPUT naming `field` otherwise. */
export function requireRating(field: string, value: number): number {
  if (!Number.isInteger(value) || value < MIN_RATING || value > MAX_RATING) {
    throw badInput(field, `${field} must be a whole number from ${MIN_RATING} to ${MAX_RATING}`, 'RATING_OUT_OF_RANGE');
  }
  return value;
}

/** CONFLICT unless the ticket is resolved or closed. */
export function assertRateable(ticket: ITicket): void {
  if (!RATEABLE_STATUSES.includes(ticket.status)) {
    throw conflict('TICKET_NOT_RESOLVED', `ticket ${ticket.number} is ${ticket.status}; only a resolved or closed ticket can be rated`, 'ticketId');
  }
}
