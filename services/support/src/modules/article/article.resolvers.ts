import { isUuid } from '@rapport/errors';
import { auditHistory, mayReadField } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { Resolvers } from '../../generated/graphql.js';
import { articleStatus, hasUnpublishedChanges } from './article.entity.js';
import { articleFields } from './article.policy.js';
import { archiveArticle, createArticle, getArticle, linkArticleToTicket, publishArticle, restoreArticle, searchArticles, updateArticleDraft } from './article.service.js';
import { articlePolicy } from './article.policy.js';
import { ticketPolicy } from '../ticket/ticket.policy.js';

/** Whether the caller sees the article's draft: the same field rules its history is filtered by. */
const seesDraft = (ctx: Context): boolean => mayReadField(articleFields, 'draftBody', ctx.principal);

export const articleResolvers: Resolvers = {
  Query: {
    article: (_, args, ctx) => getArticle(ctx.em, ctx.viewer(articlePolicy, 'read'), args.id),
    searchArticles: (_, args, ctx) => searchArticles(ctx.em, ctx.viewer(articlePolicy, 'read'), args.query, args.first, args.after),
  },
  Mutation: {
    createArticle: (_, args, ctx) => createArticle(ctx.em, ctx.viewer(articlePolicy, 'write'), args.input, ctx.eventMeta),
    updateArticleDraft: (_, args, ctx) => updateArticleDraft(ctx.em, ctx.viewer(articlePolicy, 'write'), args.id, args.input, ctx.eventMeta),
    publishArticle: (_, args, ctx) => publishArticle(ctx.em, ctx.viewer(articlePolicy, 'write'), args.id, ctx.eventMeta),
    archiveArticle: (_, args, ctx) => archiveArticle(ctx.em, ctx.viewer(articlePolicy, 'write'), args.id, ctx.eventMeta),
    restoreArticle: (_, args, ctx) => restoreArticle(ctx.em, ctx.viewer(articlePolicy, 'restore'), args.id, ctx.eventMeta),
    linkArticleToTicket: (_, args, ctx) =>
      linkArticleToTicket(ctx.em, ctx.viewer(ticketPolicy, 'write'), ctx.viewer(articlePolicy, 'read'), args.ticketId, args.articleId, ctx.eventMeta),
  },
  Article: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.articleById.load(ref.id.toLowerCase()) : null),
    status: (article) => articleStatus(article),
    title: (article) => article.title ?? article.draftTitle,
    body: (article) => article.body ?? article.draftBody,
    draft: (article, _, ctx) =>
      seesDraft(ctx) ? { title: article.draftTitle, body: article.draftBody, updatedAt: article.draftUpdatedAt, hasUnpublishedChanges: hasUnpublishedChanges(article) } : null,
    versions: (article, _, ctx) => ctx.loaders.versionsByArticle.load(article.id),
    archivedAt: (article) => article.deletedAt ?? null,
    history: (article, args, ctx) => auditHistory(ctx.em, 'Article', article.id, args.first, { principal: ctx.principal, rules: articleFields }),
  },
  ArticleVersion: {},
  Ticket: {
    articles: async (ticket, _, ctx) => (await ctx.loaders.articlesByTicket.load(ticket.id)).map((row) => row.article),
  },
};
