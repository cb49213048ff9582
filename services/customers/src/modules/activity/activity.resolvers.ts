import { auditHistory, loadExisting, pageSizeOf } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { completeFollowUp, getActivity, listActivities, logActivity, reviewActivity } from './activity.service.js';
import { activityPolicy } from './activity.policy.js';

export const activityResolvers: Resolvers = {
  Query: {
    activity: (_, args, ctx) => getActivity(ctx.em, ctx.viewer(activityPolicy, 'read'), args.id),
    activities: (_, args, ctx) => listActivities(ctx.em, ctx.viewer(activityPolicy, 'read'), args.filter, args.first, args.after),
  },
  Mutation: {
    logActivity: (_, args, ctx) => logActivity(ctx.em, ctx.viewer(activityPolicy, 'write'), args.input, ctx.eventMeta),
    reviewActivity: (_, args, ctx) => reviewActivity(ctx.em, ctx.viewer(activityPolicy, 'write'), args, ctx.eventMeta),
    completeFollowUp: (_, args, ctx) => completeFollowUp(ctx.em, ctx.viewer(activityPolicy, 'write'), args.id, ctx.eventMeta),
  },
  Activity: {
    followUpDoneBy: (activity) => (activity.followUpDoneBy ? { __typename: 'User', id: activity.followUpDoneBy } : null),
    customer: (activity, _, ctx) => loadExisting(ctx.loaders.customerById, activity.customerId, 'customer'),
    contact: (activity, _, ctx) => (activity.contactId ? ctx.loaders.contactById.load(activity.contactId) : null),
    opportunity: (activity) => (activity.opportunityId ? { __typename: 'Opportunity', id: activity.opportunityId } : null),
    createdBy: (activity) => (activity.createdBy ? { __typename: 'User', id: activity.createdBy } : null),
    assignee: (activity) => (activity.assigneeId ? { __typename: 'User', id: activity.assigneeId } : null),
    review: (activity) => ({
      status: activity.reviewStatus,
      reviewer: activity.reviewerId ? { __typename: 'User', id: activity.reviewerId } : null,
      comment: activity.reviewComment ?? null,
      reviewedAt: activity.reviewedAt,
    }),
    history: (activity, args, ctx) => auditHistory(ctx.em, 'Activity', activity.id, args.first),
  },
  Customer: {
    activities: (customer, args, ctx) => ctx.loaders.latestActivitiesByCustomer(pageSizeOf('activities', args.first)).load(customer.id),
  },
};
