import { auditHistory, pageSizeOf, type ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { ICustomer } from '../customer/customer.entity.js';
import type { IActivity } from './activity.entity.js';
import { completeFollowUp, getActivity, listActivities, logActivity, reviewActivity, type ActivityFilter, type LogActivityInput } from './activity.service.js';

export const activityResolvers: ResolverMap = {
  Query: {
    activity: (_: unknown, args: { id: string }, ctx: Context) => getActivity(ctx.em, ctx.principal, args.id),
    activities: (_: unknown, args: { filter?: ActivityFilter; first?: number; after?: string }, ctx: Context) =>
      listActivities(ctx.em, ctx.principal, args.filter, args.first, args.after),
  },
  Mutation: {
    logActivity: (_: unknown, args: { input: LogActivityInput }, ctx: Context) => logActivity(ctx.em, ctx.principal, args.input, ctx.eventMeta),
    reviewActivity: (_: unknown, args: { id: string; decision: string; comment?: string | null }, ctx: Context) => reviewActivity(ctx.em, ctx.principal, args, ctx.eventMeta),
    completeFollowUp: (_: unknown, args: { id: string }, ctx: Context) => completeFollowUp(ctx.em, ctx.principal, args.id, ctx.eventMeta),
  },
  Activity: {
    followUpDoneAt: (activity: IActivity) => activity.followUpDoneAt?.toISOString() ?? null,
    followUpDoneBy: (activity: IActivity) => (activity.followUpDoneBy ? { __typename: 'User', id: activity.followUpDoneBy } : null),
    customer: (activity: IActivity, _: unknown, ctx: Context) => ctx.loaders.customerById.load(activity.customerId),
    contact: (activity: IActivity, _: unknown, ctx: Context) => (activity.contactId ? ctx.loaders.contactById.load(activity.contactId) : null),
    opportunity: (activity: IActivity) => (activity.opportunityId ? { __typename: 'Opportunity', id: activity.opportunityId } : null),
    occurredAt: (activity: IActivity) => activity.occurredAt?.toISOString() ?? null,
    plannedFor: (activity: IActivity) => activity.plannedFor?.toISOString() ?? null,
    createdBy: (activity: IActivity) => (activity.createdBy ? { __typename: 'User', id: activity.createdBy } : null),
    createdAt: (activity: IActivity) => activity.createdAt.toISOString(),
    review: (activity: IActivity) => ({
      status: activity.reviewStatus,
      reviewer: activity.reviewerId ? { __typename: 'User', id: activity.reviewerId } : null,
      comment: activity.reviewComment ?? null,
      reviewedAt: activity.reviewedAt?.toISOString() ?? null,
    }),
    history: (activity: IActivity, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'Activity', activity.id, args.first),
  },
  Customer: {
    activities: (customer: ICustomer, args: { first?: number }, ctx: Context) =>
      ctx.loaders.latestActivitiesByCustomer(pageSizeOf('activities', args.first)).load(customer.id),
  },
};
