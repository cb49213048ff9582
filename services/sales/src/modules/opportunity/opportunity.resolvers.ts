import { isUuid, normaliseAmount } from '@rapport/errors';
import { auditHistory, loadExisting, readAccess, restoreAccess, writeAccess } from '@rapport/subgraph-kit';
import type { Context, Viewer } from '../../context.js';
import type { Resolvers } from '../../generated/graphql.js';
import { opportunityPolicy } from './opportunity.policy.js';
import { deleteOpportunity, getOpportunity, listOpportunities, moveOpportunity, openOpportunity, restoreOpportunity } from './opportunity.service.js';

/** The caller as a reader of opportunities; FORBIDDEN when their role has none. */
const reader = (ctx: Context): Viewer => ({ principal: ctx.principal, access: readAccess(opportunityPolicy, ctx.principal, 'opportunities') });
/** The caller as a writer of opportunities; FORBIDDEN when their role may only read them, or nothing. */
const writer = (ctx: Context): Viewer => ({ principal: ctx.principal, access: writeAccess(opportunityPolicy, ctx.principal, 'opportunities') });
/** The caller as a restorer of deleted opportunities (admins, directors, team heads); FORBIDDEN otherwise. */
const restorer = (ctx: Context): Viewer => ({ principal: ctx.principal, access: restoreAccess(opportunityPolicy, ctx.principal, 'opportunities') });

export const opportunityResolvers: Resolvers = {
  Query: {
    opportunity: (_, args, ctx) => getOpportunity(ctx.em, reader(ctx), args.id),
    opportunities: (_, args, ctx) => listOpportunities(ctx.em, reader(ctx), args.filter, args.first, args.after),
  },
  Mutation: {
    openOpportunity: (_, args, ctx) => openOpportunity(ctx.em, writer(ctx), args.input, ctx.eventMeta),
    moveOpportunity: (_, args, ctx) => moveOpportunity(ctx.em, writer(ctx), args.id, args.stageId, ctx.eventMeta),
    deleteOpportunity: (_, args, ctx) => deleteOpportunity(ctx.em, writer(ctx), args.id, ctx.eventMeta),
    restoreOpportunity: (_, args, ctx) => restoreOpportunity(ctx.em, restorer(ctx), args.id, ctx.eventMeta),
  },
  Opportunity: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.opportunityById.load(ref.id.toLowerCase()) : null),
    customer: (opportunity) => ({ __typename: 'Customer', id: opportunity.customerId }),
    amount: (opportunity) => ({ amount: normaliseAmount(opportunity.amount), currency: opportunity.currency }),
    stage: (opportunity, _, ctx) => loadExisting(ctx.loaders.stageById, opportunity.stageId, 'pipeline stage'),
    quotations: (opportunity, _, ctx) => ctx.loaders.quotationsByOpportunityId.load(opportunity.id),
    history: (opportunity, args, ctx) => auditHistory(ctx.em, 'Opportunity', opportunity.id, args.first),
  },
};
