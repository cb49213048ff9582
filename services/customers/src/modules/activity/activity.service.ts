import { randomUUID } from 'node:crypto';
import { raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { ActivityFollowUpCompletedV1, ActivityReviewedV1, CustomerActivityLoggedV1, type EventMetadata } from '@rapport/contracts';
import { AppError, badInput, notFound, optionalText, requireIsoDate, requireText, requireUuid } from '@rapport/errors';
import {
  ANY_TEAM,
  headsTeam,
  isScoped,
  keysetPage,
  restrictToVisibleCustomers,
  transition,
  type Connection,
  type Keyset,
  type Viewer,
  type WriteAccess,
  notDeletedSql,
} from '@rapport/subgraph-kit';
import { findCustomerContact } from '../contact/contact.service.js';
import { Customer } from '../customer/customer.entity.js';
import { findWritableCustomer } from '../customer/customer.service.js';
import { Activity, completeFollowUp as markFollowUpDone, hasHappened, review, type IActivity } from './activity.entity.js';
import type { ActivityKind, LogActivityInput, ReviewDecision, ReviewStatus } from '../../generated/types.js';

/** How far ahead of the server's clock an activity that happened may be dated (clock skew). */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The one base query for activities: those of the live (not deleted) customers the caller may see. Every list,
 * lookup, loader and mutation starts here.
 */
export function activityQuery(em: SqlEntityManager, viewer: Viewer) {
  const qb = em.createQueryBuilder(Activity, 'a').select('*');
  qb.where(`a.customer_id in (select id from customer where ${notDeletedSql('customer')})`);
  restrictToVisibleCustomers(qb, 'a', viewer);
  return qb;
}

/** Loads activity `id` for a transition when the caller may see it; NOT_FOUND (field `id`) otherwise. */
function visibleActivity(viewer: Viewer, id: string): (tx: SqlEntityManager) => Promise<IActivity> {
  return async (tx) => {
    const activity = await activityQuery(tx, viewer).andWhere({ id }).getSingleResult();
    if (!activity) throw notFound('Activity', id, 'id');
    return activity;
  };
}

/**
 * Logs an activity with a customer the caller may change, in one transaction holding the
 * customer's row: the activity, the customer's `lastContactedAt` moved forward to the activity's
 * time (unless it is only planned, or older than the last contact), and the
 * `customers.activity.logged.v1` event, all in one flush.
 */
export async function logActivity(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: LogActivityInput, meta: EventMetadata): Promise<IActivity> {
  if (input.kind === 'TASK') throw badInput('input.kind', 'input.kind: TASK to-dos are raised by the system; log a NOTE with a next step instead', 'NOT_ALLOWED');
  const kind = input.kind;
  const subject = requireText('input.subject', input.subject);
  const body = optionalText('input.body', input.body, 10000);
  const outcome = optionalText('input.outcome', input.outcome, 2000);
  const nextStep = optionalText('input.nextStep', input.nextStep, 2000);
  const nextStepDue = input.nextStepDue ? requireIsoDate('input.nextStepDue', input.nextStepDue) : null;
  if (nextStepDue && !nextStep) throw badInput('input.nextStep', 'input.nextStep is required when input.nextStepDue is given', 'REQUIRED');
  const opportunityId = input.opportunityId ? requireUuid('input.opportunityId', input.opportunityId) : null;
  let occurredAt: Date | null = null;
  let plannedFor: Date | null = null;
  if (kind === 'PLANNED_VISIT') {
    if (input.occurredAt) throw badInput('input.occurredAt', 'a planned visit has not happened yet: give input.plannedFor instead', 'NOT_ALLOWED');
    if (!input.plannedFor) throw badInput('input.plannedFor', 'input.plannedFor is required for a planned visit', 'REQUIRED');
    plannedFor = input.plannedFor;
  } else {
    if (input.plannedFor) throw badInput('input.plannedFor', 'input.plannedFor is only for planned visits; give input.occurredAt', 'NOT_ALLOWED');
    occurredAt = input.occurredAt ?? new Date();
    if (occurredAt.getTime() > Date.now() + CLOCK_SKEW_MS) throw badInput('input.occurredAt', 'input.occurredAt must not be in the future; plan a visit instead', 'IN_FUTURE');
  }
  return em.transactional(async (tx) => {
    const customer = await findWritableCustomer(tx, viewer, input.customerId, 'input.customerId', true);
    const contactId = input.contactId ? (await findCustomerContact(tx, viewer, customer.id, input.contactId, 'input.contactId')).id : null;
    const activity = tx.create(Activity, {
      id: randomUUID(),
      customerId: customer.id,
      kind,
      contactId,
      opportunityId,
      subject,
      body,
      occurredAt,
      plannedFor,
      happensAt: occurredAt ?? plannedFor ?? new Date(),
      outcome,
      nextStep,
      nextStepDue,
      createdBy: viewer.principal.userId,
      assigneeId: null,
      reviewStatus: 'PENDING',
      reviewerId: null,
      reviewComment: null,
      reviewedAt: null,
    });
    if (hasHappened(activity) && occurredAt && (!customer.lastContactedAt || occurredAt > customer.lastContactedAt)) customer.lastContactedAt = occurredAt;
    publish(
      tx,
      CustomerActivityLoggedV1,
      activity.id,
      {
        activityId: activity.id,
        customerId: customer.id,
        kind,
        subject,
        occurredAt: occurredAt?.toISOString() ?? null,
        plannedFor: plannedFor?.toISOString() ?? null,
        contactId,
        opportunityId,
        createdBy: activity.createdBy ?? null,
      },
      meta,
    );
    return activity;
  });
}

/**
 * Approves or rejects a pending activity (CONFLICT once reviewed). Only the head of the customer's
 * team (the kit's `headsTeam`), a director or an admin reviews; anyone else is
 * FORBIDDEN. An activity the caller may not see is NOT_FOUND.
 */
export async function reviewActivity(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  args: { id: string; decision: ReviewDecision; comment?: string | null },
  meta: EventMetadata,
): Promise<IActivity> {
  if (isScoped(viewer.access) && !headsTeam(viewer, ANY_TEAM)) {
    throw new AppError('FORBIDDEN', 'REVIEW_FORBIDDEN', 'only the head of the customer’s team, a director or an admin reviews activities');
  }
  const id = requireUuid('id', args.id);
  const decision = args.decision;
  const comment = optionalText('comment', args.comment, 2000);
  return transition(em, visibleActivity(viewer, id), async (activity, tx) => {
    if (isScoped(viewer.access)) {
      const customer = await tx.findOne(Customer, { id: activity.customerId });
      if (!headsTeam(viewer, customer?.teamId)) {
        throw new AppError('FORBIDDEN', 'REVIEW_FORBIDDEN', 'only the head of the customer’s team, a director or an admin reviews activities');
      }
    }
    const reviewedAt = new Date();
    review(activity, decision, viewer.principal.userId, comment, reviewedAt);
    publish(
      tx,
      ActivityReviewedV1,
      activity.id,
      { activityId: activity.id, customerId: activity.customerId, status: decision, reviewerId: viewer.principal.userId, comment, reviewedAt: reviewedAt.toISOString() },
      meta,
    );
    return activity;
  });
}

/**
 * Marks an activity's follow-up (its next step, or the planned visit) done, so it leaves the
 * reminders: for whoever may change the customer's activities. CONFLICT when there is none or it
 * was done already; NOT_FOUND when the caller may not see the activity.
 */
export async function completeFollowUp(em: SqlEntityManager, viewer: Viewer<WriteAccess>, rawId: string, meta: EventMetadata): Promise<IActivity> {
  const id = requireUuid('id', rawId);
  return transition(em, visibleActivity(viewer, id), (activity, tx) => {
    const doneAt = new Date();
    markFollowUpDone(activity, viewer.principal.userId, doneAt);
    publish(
      tx,
      ActivityFollowUpCompletedV1,
      activity.id,
      { activityId: activity.id, customerId: activity.customerId, nextStep: activity.nextStep ?? null, doneBy: viewer.principal.userId, doneAt: doneAt.toISOString() },
      meta,
    );
    return activity;
  });
}

/** One activity by id; NOT_FOUND when it does not exist or its customer is not the caller's to see. */
export async function getActivity(em: SqlEntityManager, viewer: Viewer, id: string): Promise<IActivity> {
  const activityId = requireUuid('id', id);
  const activity = await activityQuery(em, viewer).andWhere({ id: activityId }).getSingleResult();
  if (!activity) throw notFound('Activity', activityId, 'id');
  return activity;
}

export interface ActivityFilter {
  customerId?: string | null;
  kind?: ActivityKind | null;
  reviewStatus?: ReviewStatus | null;
  dueBefore?: string | null;
  assigneeId?: string | null;
}

/** Activities newest first: by when they happen, then id. */
const ACTIVITY_ORDER: Keyset<IActivity> = { sort: 'a.happens_at', kind: 'timestamp', direction: 'desc', id: 'a.id', sortValue: (a) => a.happensAt.toISOString() };

/**
 * The activities the caller may see, newest first by (happensAt, id), paged by keyset. `dueBefore`
 * keeps the reminders due before that day: visits planned, or next steps due, before it, whose
 * follow-up is not done yet.
 */
export async function listActivities(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: ActivityFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IActivity>> {
  const qb = activityQuery(em, viewer);
  if (filter?.customerId) qb.andWhere({ customerId: requireUuid('filter.customerId', filter.customerId) });
  if (filter?.kind) qb.andWhere({ kind: filter.kind });
  if (filter?.reviewStatus) qb.andWhere({ reviewStatus: filter.reviewStatus });
  if (filter?.assigneeId) qb.andWhere({ assigneeId: requireUuid('filter.assigneeId', filter.assigneeId) });
  if (filter?.dueBefore) {
    const day = requireIsoDate('filter.dueBefore', filter.dueBefore);
    qb.andWhere(`a.follow_up_done_at is null and (a.next_step_due < ?::date or (a.kind = 'PLANNED_VISIT' and a.planned_for < ?::date))`, [day, day]);
  }
  return keysetPage(qb, ACTIVITY_ORDER, { field: 'activities', first, after });
}

/** The latest `first` activities of each of `customerIds` the caller may see, in one query. */
export async function latestActivitiesOf(em: SqlEntityManager, viewer: Viewer, customerIds: readonly string[], first: number): Promise<IActivity[]> {
  const ranked = activityQuery(em, viewer)
    .addSelect(raw('row_number() over (partition by a.customer_id order by a.happens_at desc, a.id desc) as activity_rank'))
    .andWhere({ customerId: { $in: [...customerIds] } });
  return em
    .createQueryBuilder(Activity, 'ranked')
    .select('*')
    .from(ranked, 'ranked')
    .where('ranked.activity_rank <= ?', [first])
    .orderBy({ happensAt: 'desc', id: 'desc' })
    .getResultList();
}
