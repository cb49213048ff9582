import { fileURLToPath } from 'node:url';
import { createSubgraphService, type SubgraphRuntimeConfig, type SubgraphService } from '@rapport/subgraph-kit';
import { createLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { analysisResolvers } from './modules/analysis/analysis.resolvers.js';
import { Article, ArticleVersion, TicketArticle } from './modules/article/article.entity.js';
import { articleResolvers } from './modules/article/article.resolvers.js';
import { TicketComment } from './modules/comment/comment.entity.js';
import { commentResolvers } from './modules/comment/comment.resolvers.js';
import { SatisfactionRating } from './modules/satisfaction/satisfaction.entity.js';
import { satisfactionResolvers } from './modules/satisfaction/satisfaction.resolvers.js';
import { SlaTarget } from './modules/sla/sla.entity.js';
import { slaResolvers } from './modules/sla/sla.resolvers.js';
import { customerMergeHandlers } from './modules/ticket/customer-merge.consumer.js';
import { Ticket, TicketStatusChange } from './modules/ticket/ticket.entity.js';
import { ticketResolvers } from './modules/ticket/ticket.resolvers.js';

/** The support subgraph: tickets, and the open tickets it adds to every customer, each seen only by those who may. */
export function createSupportService(config: SubgraphRuntimeConfig): SubgraphService {
  return createSubgraphService(
    {
      name: 'support',
      srcDir: fileURLToPath(new URL('.', import.meta.url)),
      resolvers: [ticketResolvers, articleResolvers, satisfactionResolvers, analysisResolvers, commentResolvers, slaResolvers],
      entities: [Ticket, Article, ArticleVersion, TicketArticle, SatisfactionRating, TicketStatusChange, TicketComment, SlaTarget],
      migrations,
      createLoaders,
      handlers: [...customerMergeHandlers],
      customerAccess: true,
    },
    config,
  );
}
