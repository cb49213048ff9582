import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { conflict } from '@rapport/errors';
import { createdAt, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

export const ACTIVITY_KINDS = ['CALL', 'VISIT', 'MEETING', 'EMAIL', 'NOTE', 'PLANNED_VISIT', 'TASK'] as const;
export const REVIEW_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export const REVIEW_DECISIONS = ['APPROVED', 'REJECTED'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * Something a rep did (or plans to do) with a customer: a call, visit, meeting, email or note that
 * happened at `occurredAt`, a visit planned for `plannedFor`, or a to-do the system raised for a rep
 * at `occurredAt` (TASK, addressed to `assigneeId`, a reminder by its `nextStepDue`); `happensAt` is whichever applies
 * (the list order). A team head, director or admin reviews it.
 */
export const Activity = defineEntity({
  name: 'Activity',
  tableName: 'activity',
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid(),
    kind: p.enum([...ACTIVITY_KINDS]),
    contactId: p.uuid().nullable(),
    opportunityId: p.uuid().nullable(),
    subject: p.text(),
    body: p.text().nullable(),
    occurredAt: timestamp().nullable(),
    plannedFor: timestamp().nullable(),
    happensAt: timestamp(),
    outcome: p.text().nullable(),
    nextStep: p.text().nullable(),
    /** ISO date (YYYY-MM-DD) the next step is due: the reminder. */
    nextStepDue: p.date().nullable(),
    /** When the follow-up (the next step, or the planned visit) was done; it is no reminder any more. */
    followUpDoneAt: timestamp().nullable(),
    followUpDoneBy: p.uuid().nullable(),
    createdBy: p.uuid().nullable(),
    /** The user a to-do (TASK) is addressed to: the customer's owner when the system raised it; null for what reps log. */
    assigneeId: p.uuid().nullable(),
    reviewStatus: p.enum([...REVIEW_STATUSES]).default('PENDING'),
    reviewerId: p.uuid().nullable(),
    reviewComment: p.text().nullable(),
    reviewedAt: timestamp().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IActivity = InferEntity<typeof Activity>;

/** Whether the activity has happened (and so counts as contact with the customer): not a planned visit, nor a to-do. */
export const hasHappened = (activity: Pick<IActivity, 'kind'>): boolean => activity.kind !== 'PLANNED_VISIT' && activity.kind !== 'TASK';

/** Whether the activity asks for a follow-up: a next step with a due day, or a planned visit. */
export const hasFollowUp = (activity: Pick<IActivity, 'kind' | 'nextStepDue'>): boolean => activity.kind === 'PLANNED_VISIT' || activity.nextStepDue !== null;

/** Marks the activity's follow-up done, so it leaves the reminders; CONFLICT when it has none or it is done already. */
export function completeFollowUp(activity: IActivity, userId: string, at: Date): void {
  if (!hasFollowUp(activity)) throw conflict('NO_FOLLOW_UP', 'the activity has no next step due and is no planned visit: there is nothing to complete', 'id');
  if (activity.followUpDoneAt) throw conflict('FOLLOW_UP_DONE', `the follow-up was done already, at ${activity.followUpDoneAt.toISOString()}`, 'id');
  activity.followUpDoneAt = at;
  activity.followUpDoneBy = userId;
}

/** Records a review decision; an activity is reviewed once (CONFLICT otherwise). */
export function review(activity: IActivity, decision: ReviewDecision, reviewerId: string, comment: string | null, at: Date): void {
  if (activity.reviewStatus !== 'PENDING') {
    throw conflict('ACTIVITY_ALREADY_REVIEWED', `Activity ${activity.id} was already ${activity.reviewStatus.toLowerCase()}`, 'id');
  }
  activity.reviewStatus = decision;
  activity.reviewerId = reviewerId;
  activity.reviewComment = comment;
  activity.reviewedAt = at;
}
