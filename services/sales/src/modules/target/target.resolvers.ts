import { normaliseAmount } from '@rapport/errors';
import { sumInBase } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { salesNumbersPolicy } from '../analytics/scope.js';
import { attainment, listTargets, periodEnd, setTarget, targetOrderAmounts } from './target.service.js';

export const targetResolvers: Resolvers = {
  Query: {
    salesTargets: (_, args, ctx) => listTargets(ctx.em, ctx.viewer(salesNumbersPolicy, 'read'), args),
  },
  Mutation: {
    setSalesTarget: async (_, args, ctx) => {
      const viewer = ctx.viewer(salesNumbersPolicy, 'write');
      const target = await setTarget(ctx.em, viewer, args.input);
      const [progress] = await listTargets(ctx.em, { ...viewer, access: 'all' }, { id: target.id });
      return progress!;
    },
  },
  SalesTarget: {
    id: (t) => t.target.id,
    periodKind: (t) => t.target.periodKind,
    periodStart: (t) => t.target.periodStart,
    periodEnd: (t) => periodEnd(t.target.periodKind, t.target.periodStart),
    repId: (t) => t.target.repId ?? null,
    teamId: (t) => t.target.teamId ?? null,
    amount: (t) => ({ amount: normaliseAmount(t.target.amount), currency: t.target.currency }),
    achieved: (t) => t.achieved(),
    achievedInBase: async (t, _, ctx) => sumInBase(ctx.em, await targetOrderAmounts(ctx.em, t.target), 'achievedInBase'),
    attainment: async (t) => attainment((await t.achieved()).amount, t.target.amount),
  },
};
