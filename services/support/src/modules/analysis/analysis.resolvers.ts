import { loadExisting } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { supportAnalysis } from './analysis.service.js';
import { articlePolicy } from '../article/article.policy.js';
import { ticketPolicy } from '../ticket/ticket.policy.js';

export const analysisResolvers: Resolvers = {
  Query: {
    supportAnalysis: (_, args, ctx) => supportAnalysis(ctx.em, ctx.viewer(ticketPolicy, 'read'), ctx.viewer(articlePolicy, 'read'), args.from, args.to),
  },
  SupportAnalysis: {
    ticketsOpened: (analysis) => analysis.opened,
    ticketsResolved: (analysis) => analysis.resolved,
  },
  SolutionCount: {
    article: (solution, _, ctx) => loadExisting(ctx.loaders.articleById, solution.articleId, 'article'),
  },
};
