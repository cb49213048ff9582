import { fileURLToPath } from 'node:url';
import { subgraphCodegen } from '@rapport/subgraph-kit/codegen';

// `npm run codegen` writes src/generated/types.ts and graphql.ts: the types and resolver types of the support SDL. Mappers
// name what resolvers return for a type (paths relative to src/generated).
export default subgraphCodegen({
  service: 'support',
  srcDir: fileURLToPath(new URL('./src', import.meta.url)),
  mappers: {
    Article: '../modules/article/article.entity.js#IArticle',
    ArticleVersion: '../modules/article/article.entity.js#IArticleVersion',
    AuditEntry: '@rapport/subgraph-kit#IAuditEntry',
    Customer: '{ id: string }',
    SatisfactionGroup: '../modules/satisfaction/satisfaction.service.js#SatisfactionGroup',
    SatisfactionRating: '../modules/satisfaction/satisfaction.entity.js#ISatisfactionRating',
    SlaTarget: '../modules/sla/sla.entity.js#ISlaTarget',
    SolutionCount: '{ articleId: string; count: number }',
    SupportAnalysis: '../modules/analysis/analysis.service.js#SupportAnalysis',
    Ticket: '../modules/ticket/ticket.entity.js#ITicket',
    TicketComment: '../modules/comment/comment.entity.js#ITicketComment',
    TicketSla: '../modules/sla/sla-clock.js#SlaClock',
    TicketStatusChange: '../modules/ticket/ticket.entity.js#ITicketStatusChange',
  },
});
