import { isUuid, normaliseAmount } from '@rapport/errors';
import { auditHistory, readAccess, restoreAccess, writeAccess, type ResolverMap } from '@rapport/subgraph-kit';
import type { Context, Viewer } from '../../context.js';
import type { IOpportunity } from './opportunity.entity.js';
import { opportunityPolicy } from './opportunity.policy.js';
import {
  deleteOpportunity,
  getOpportunity,
  listOpportunities,
  moveOpportunity,
  openOpportunity,
  restoreOpportunity,
  type OpenOpportunityInput,
  type OpportunityFilter,
} from './opportunity.service.js';

/** The caller as a reader of opportunities; FORBIDDEN when their role has none. */
const reader = (ctx: Context): Viewer => ({ principal: ctx.principal, access: readAccess(opportunityPolicy, ctx.principal, 'opportunities') });
/** The caller as a writer of opportunities; FORBIDDEN when their role may only read them, or nothing. */
const writer = (ctx: Context): Viewer => ({ principal: ctx.principal, access: writeAccess(opportunityPolicy, ctx.principal, 'opportunities') });
/** The caller as a restorer of deleted opportunities (admins, directors, team heads); FORBIDDEN otherwise. */
const restorer = (ctx: Context): Viewer => ({ principal: ctx.principal, access: restoreAccess(opportunityPolicy, ctx.principal, 'opportunities') });

export const opportunityResolvers: ResolverMap = {
  Query: {
    opportunity: (_: unknown, args: { id: string }, ctx: Context) => getOpportunity(ctx.em, reader(ctx), args.id),
    opportunities: (_: unknown, args: { filter?: OpportunityFilter; first?: number; after?: string }, ctx: Context) =>
      listOpportunities(ctx.em, reader(ctx), args.filter, args.first, args.after),
  },
  Mutation: {
    openOpportunity: (_: unknown, args: { input: OpenOpportunityInput }, ctx: Context) => openOpportunity(ctx.em, writer(ctx), args.input, ctx.eventMeta),
    moveOpportunity: (_: unknown, args: { id: string; stageId: string }, ctx: Context) => moveOpportunity(ctx.em, writer(ctx), args.id, args.stageId, ctx.eventMeta),
    deleteOpportunity: (_: unknown, args: { id: string }, ctx: Context) => deleteOpportunity(ctx.em, writer(ctx), args.id, ctx.eventMeta),
    restoreOpportunity: (_: unknown, args: { id: string }, ctx: Context) => restoreOpportunity(ctx.em, restorer(ctx), args.id, ctx.eventMeta),
  },
  Opportunity: {
    __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? ctx.loaders.opportunityById.load(ref.id.toLowerCase()) : null),
    customer: (opportunity: IOpportunity) => ({ __typename: 'Customer', id: opportunity.customerId }),
    amount: (opportunity: IOpportunity) => ({ amount: normaliseAmount(opportunity.amount), currency: opportunity.currency }),
    stage: (opportunity: IOpportunity, _: unknown, ctx: Context) => ctx.loaders.stageById.load(opportunity.stageId),
    closedAt: (opportunity: IOpportunity) => opportunity.closedAt?.toISOString() ?? null,
    createdAt: (opportunity: IOpportunity) => opportunity.createdAt.toISOString(),
    deletedAt: (opportunity: IOpportunity) => opportunity.deletedAt?.toISOString() ?? null,
    history: (opportunity: IOpportunity, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'Opportunity', opportunity.id, args.first),
  },
};
