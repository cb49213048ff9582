import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader, type Caller } from '@rapport/subgraph-kit';
import { ArticleVersion, TicketArticle, type IArticle } from './article.entity.js';
import { articlePolicy } from './article.policy.js';
import { articleQuery } from './article.service.js';

/**
 * Per-request loaders: N article references, the versions of N articles, or the linked articles of
 * N tickets cost one query each (two for tickets: links, then articles), showing readers published
 * articles only and nobody archived ones.
 */
export const createArticleLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(articlePolicy, 'lookup');
  return {
    articleById: byIdLoader(async (ids) => {
      if (!viewer) return [];
      return articleQuery(em, viewer)
        .andWhere({ id: { $in: [...ids] } })
        .getResultList();
    }),
    versionsByArticle: groupedLoader(
      async (articleIds) => em.find(ArticleVersion, { articleId: { $in: [...articleIds] } }, { orderBy: { articleId: 'asc', version: 'desc' } }),
      (version) => version.articleId,
    ),
    articlesByTicket: groupedLoader(
      async (ticketIds): Promise<{ ticketId: string; article: IArticle }[]> => {
        if (!viewer) return [];
        const links = await em.find(TicketArticle, { ticketId: { $in: [...ticketIds] } }, { orderBy: { linkedAt: 'asc', id: 'asc' } });
        if (links.length === 0) return [];
        const articles = await articleQuery(em, viewer)
          .andWhere({ id: { $in: [...new Set(links.map((l) => l.articleId))] } })
          .getResultList();
        const byId = new Map(articles.map((a) => [a.id, a]));
        return links.flatMap((link) => {
          const article = byId.get(link.articleId);
          return article ? [{ ticketId: link.ticketId, article }] : [];
        });
      },
      (row) => row.ticketId,
    ),
  };
};
