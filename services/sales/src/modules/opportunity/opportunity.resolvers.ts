import { isUuid, normaliseAmount } from '@rapport/errors';
import { auditHistory, loadExisting } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { opportunityPolicy } from './opportunity.policy.js';
import { deleteOpportunity, getOpportunity, listOpportunities, moveOpportunity, openOpportunity, restoreOpportunity, stageHistory } from './opportunity.service.js';
import { daysInStage } from './opportunity-stage-history.entity.js';

export const opportunityResolvers: Resolvers = {
  Query: {
    opportunity: (_, args, ctx) => getOpportunity(ctx.em, ctx.viewer(opportunityPolicy, 'read'), args.id),
    opportunities: (_, args, ctx) => listOpportunities(ctx.em, ctx.viewer(opportunityPolicy, 'read'), args.filter, args.first, args.after),
  },
  Mutation: {
    openOpportunity: (_, args, ctx) => openOpportunity(ctx.em, ctx.viewer(opportunityPolicy, 'write'), args.input, ctx.eventMeta),
    moveOpportunity: (_, args, ctx) => moveOpportunity(ctx.em, ctx.viewer(opportunityPolicy, 'write'), args.id, args.stageId, ctx.eventMeta),
    deleteOpportunity: (_, args, ctx) => deleteOpportunity(ctx.em, ctx.viewer(opportunityPolicy, 'write'), args.id, ctx.eventMeta),
    restoreOpportunity: (_, args, ctx) => restoreOpportunity(ctx.em, ctx.viewer(opportunityPolicy, 'restore'), args.id, ctx.eventMeta),
  },
  Opportunity: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.opportunityById.load(ref.id.toLowerCase()) : null),
    customer: (opportunity) => ({ __typename: 'Customer', id: opportunity.customerId }),
    amount: (opportunity) => ({ amount: normaliseAmount(opportunity.amount), currency: opportunity.currency }),
    stage: (opportunity, _, ctx) => loadExisting(ctx.loaders.stageById, opportunity.stageId, 'pipeline stage'),
    stageHistory: (opportunity, _, ctx) => stageHistory(ctx.em, opportunity.id),
    quotations: (opportunity, _, ctx) => ctx.loaders.quotationsByOpportunityId.load(opportunity.id),
    history: (opportunity, args, ctx) => auditHistory(ctx.em, 'Opportunity', opportunity.id, args.first),
  },
  OpportunityStageStay: {
    stage: (stay, _, ctx) => loadExisting(ctx.loaders.stageById, stay.stageId, 'pipeline stage'),
    days: (stay) => daysInStage(stay),
  },
};
