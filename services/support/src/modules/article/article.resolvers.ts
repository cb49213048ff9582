import { isUuid } from '@rapport/errors';
import { auditHistory, mayReadField, type ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { ITicket } from '../ticket/ticket.entity.js';
import { articleStatus, hasUnpublishedChanges, type IArticle, type IArticleVersion } from './article.entity.js';
import { articleFields } from './article.policy.js';
import {
  archiveArticle,
  createArticle,
  getArticle,
  linkArticleToTicket,
  publishArticle,
  restoreArticle,
  searchArticles,
  updateArticleDraft,
  type CreateArticleInput,
  type UpdateArticleDraftInput,
} from './article.service.js';

/** Whether the caller sees the article's draft: the same field rules its history is filtered by. */
const seesDraft = (ctx: Context): boolean => mayReadField(articleFields, 'draftBody', ctx.principal);

export const articleResolvers: ResolverMap = {
  Query: {
    article: (_: unknown, args: { id: string }, ctx: Context) => getArticle(ctx.em, ctx.principal, args.id),
    searchArticles: (_: unknown, args: { query: string; first?: number; after?: string }, ctx: Context) =>
      searchArticles(ctx.em, ctx.principal, args.query, args.first, args.after),
  },
  Mutation: {
    createArticle: (_: unknown, args: { input: CreateArticleInput }, ctx: Context) => createArticle(ctx.em, ctx.principal, args.input, ctx.eventMeta),
    updateArticleDraft: (_: unknown, args: { id: string; input: UpdateArticleDraftInput }, ctx: Context) =>
      updateArticleDraft(ctx.em, ctx.principal, args.id, args.input, ctx.eventMeta),
    publishArticle: (_: unknown, args: { id: string }, ctx: Context) => publishArticle(ctx.em, ctx.principal, args.id, ctx.eventMeta),
    archiveArticle: (_: unknown, args: { id: string }, ctx: Context) => archiveArticle(ctx.em, ctx.principal, args.id, ctx.eventMeta),
    restoreArticle: (_: unknown, args: { id: string }, ctx: Context) => restoreArticle(ctx.em, ctx.principal, args.id, ctx.eventMeta),
    linkArticleToTicket: (_: unknown, args: { ticketId: string; articleId: string }, ctx: Context) =>
      linkArticleToTicket(ctx.em, ctx.principal, args.ticketId, args.articleId, ctx.eventMeta),
  },
  Article: {
    __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? ctx.loaders.articleById.load(ref.id.toLowerCase()) : null),
    status: (article: IArticle) => articleStatus(article),
    title: (article: IArticle) => article.title ?? article.draftTitle,
    body: (article: IArticle) => article.body ?? article.draftBody,
    publishedAt: (article: IArticle) => article.publishedAt?.toISOString() ?? null,
    draft: (article: IArticle, _: unknown, ctx: Context) =>
      seesDraft(ctx) ? { title: article.draftTitle, body: article.draftBody, updatedAt: article.draftUpdatedAt.toISOString(), hasUnpublishedChanges: hasUnpublishedChanges(article) } : null,
    versions: (article: IArticle, _: unknown, ctx: Context) => ctx.loaders.versionsByArticle.load(article.id),
    createdAt: (article: IArticle) => article.createdAt.toISOString(),
    archivedAt: (article: IArticle) => article.deletedAt?.toISOString() ?? null,
    history: (article: IArticle, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'Article', article.id, args.first, { principal: ctx.principal, rules: articleFields }),
  },
  ArticleVersion: {
    publishedAt: (version: IArticleVersion) => version.publishedAt.toISOString(),
  },
  Ticket: {
    articles: async (ticket: ITicket, _: unknown, ctx: Context) => (await ctx.loaders.articlesByTicket.load(ticket.id)).map((row) => row.article),
  },
};
