import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { TicketRatedV1, type EventMetadata } from '@rapport/contracts';
import { conflict, notFound, optionalText, requireUuid } from '@rapport/errors';
import type { Viewer, WriteAccess } from '@rapport/subgraph-kit';
import { reportPeriod, visibleTicketsCondition } from '../analysis/report-scope.js';
import { ticketQuery } from '../ticket/ticket.service.js';
import { assertRateable, requireRating, SatisfactionRating, type ISatisfactionRating } from './satisfaction.entity.js';
import type { SatisfactionGroupBy } from '../../generated/types.js';

const alreadyRated = (ticketId: string) => conflict('TICKET_ALREADY_RATED', `ticket ${ticketId} has already been rated`, 'ticketId');

/**
 * Records the customer's satisfaction with a resolved or closed ticket the caller may change: once
 * per ticket (CONFLICT on a second rating or while the ticket is still being worked on), in one
 * transaction holding the ticket's row lock.
 */
export async function rateTicket(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  ticketId: string,
  rating: number,
  comment: string | null | undefined,
  meta: EventMetadata,
): Promise<ISatisfactionRating> {
  const id = requireUuid('ticketId', ticketId);
  const value = requireRating('rating', rating);
  const text = optionalText('comment', comment, 2000);
  try {
    return await em.transactional(async (tx) => {
      const ticket = await ticketQuery(tx, viewer).andWhere({ id }).setLockMode(LockMode.PESSIMISTIC_WRITE).getSingleResult();
      if (!ticket) throw notFound('Ticket', id, 'ticketId');
      assertRateable(ticket);
      if (await tx.count(SatisfactionRating, { ticketId: id })) throw alreadyRated(id);
      const rated = tx.create(SatisfactionRating, { id: randomUUID(), ticketId: id, rating: value, comment: text, ratedAt: new Date(), ratedBy: viewer.principal.userId });
      publish(
        tx,
        TicketRatedV1,
        id,
        { ticketId: id, customerId: ticket.customerId, ratingId: rated.id, rating: value, ratedBy: rated.ratedBy ?? null, ratedAt: rated.ratedAt.toISOString() },
        meta,
      );
      return rated;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw alreadyRated(id);
    throw error;
  }
}

export const SATISFACTION_GROUPINGS = ['AGENT', 'CUSTOMER'] as const;
export type SatisfactionGrouping = (typeof SATISFACTION_GROUPINGS)[number];

/** Ratings of one group: an assignee (null: unassigned tickets) or a customer. */
export interface SatisfactionGroup {
  assigneeId: string | null;
  customerId: string | null;
  ratings: number;
  averageRating: number;
}

export interface SatisfactionReport {
  from: string;
  to: string;
  groupBy: SatisfactionGrouping;
  ratings: number;
  averageRating: number | null;
  groups: SatisfactionGroup[];
}

/**
 * Average rating and number of ratings given from `from` to `to` (inclusive ISO dates), per
 * assignee of the rated tickets or per customer, over the tickets the caller may see; the totals
 * come from the same query (a grouping set).
 */
export async function satisfactionReport(em: SqlEntityManager, viewer: Viewer, from: string, to: string, groupBy: SatisfactionGroupBy): Promise<SatisfactionReport> {
  const period = reportPeriod(from, to);
  const grouping = groupBy;
  const column = grouping === 'AGENT' ? 't.assignee_id' : 't.customer_id';
  const visible = visibleTicketsCondition(viewer, 't');
  const rows = await em.execute<{ key: string | null; is_total: number; ratings: number; average: number | null }[]>(
    `select ${column} as key, grouping(${column})::int as is_total, count(*)::int as ratings, round(avg(r.rating), 2)::float8 as average
       from satisfaction_rating r join ticket t on t.id = r.ticket_id
      where ${visible.sql} and r.rated_at >= ? and r.rated_at < ?
      group by grouping sets ((${column}), ())
      order by is_total desc, ratings desc, key nulls last`,
    [...visible.params, period.start, period.end],
  );
  const total = rows.find((r) => r.is_total === 1);
  return {
    from: period.from,
    to: period.to,
    groupBy: grouping,
    ratings: total?.ratings ?? 0,
    averageRating: total && total.ratings > 0 ? total.average : null,
    groups: rows
      .filter((r) => r.is_total === 0)
      .map((r) => ({
        assigneeId: grouping === 'AGENT' ? r.key : null,
        customerId: grouping === 'CUSTOMER' ? r.key : null,
        ratings: r.ratings,
        averageRating: r.average ?? 0,
      })),
  };
}
