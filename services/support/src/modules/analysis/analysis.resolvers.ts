import type { ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import { supportAnalysis, type SupportAnalysis } from './analysis.service.js';

export const analysisResolvers: ResolverMap = {
  Query: {
    supportAnalysis: (_: unknown, args: { from: string; to: string }, ctx: Context) => supportAnalysis(ctx.em, ctx.principal, args.from, args.to),
  },
  SupportAnalysis: {
    ticketsOpened: (analysis: SupportAnalysis) => analysis.opened,
    ticketsResolved: (analysis: SupportAnalysis) => analysis.resolved,
  },
  SolutionCount: {
    article: (solution: { articleId: string }, _: unknown, ctx: Context) => ctx.loaders.articleById.load(solution.articleId),
  },
};
