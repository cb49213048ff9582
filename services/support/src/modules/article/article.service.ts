import { randomUUID } from 'node:crypto';
import { raw, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { ArticleArchivedV1, ArticleCreatedV1, ArticleDraftUpdatedV1, ArticlePublishedV1, ArticleRestoredV1, TicketArticleLinkedV1, type EventMetadata } from '@rapport/contracts';
import { badInput, conflict, notFound, requireText, requireUuid } from '@rapport/errors';
import {
  keysetPageWith,
  restoreDeleted,
  softDelete,
  transition,
  whereDeleted,
  type Connection,
  type Deleted,
  type Keyset,
  type Viewer,
  type WriteAccess,
  visibleById,
} from '@rapport/subgraph-kit';
import { ticketQuery } from '../ticket/ticket.service.js';
import type { ITicket } from '../ticket/ticket.entity.js';
import { Article, ArticleVersion, publishDraft, TicketArticle, type IArticle } from './article.entity.js';
import { articlePolicy, isEditor } from './article.policy.js';

const CATEGORY_MAX = 100;
const TITLE_MAX = 200;
const BODY_MAX = 100_000;
const QUERY_MAX = 500;

export { isEditor };

/**
 * The one base query for articles: for editors every article, for readers only those published at
 * least once; the live ones unless `archived` says otherwise (archiving is the articles' soft deletion).
 */
export function articleQuery(em: SqlEntityManager, viewer: Viewer, archived: Deleted = 'exclude') {
  const qb = whereDeleted(em.createQueryBuilder(Article, 'a').select('*'), 'a', archived);
  if (!isEditor(viewer.access)) qb.andWhere('a.published_version is not null');
  return qb;
}

async function findVisible(em: SqlEntityManager, viewer: Viewer, id: string, field: string, archived: Deleted = 'exclude'): Promise<IArticle> {
  return visibleById(articleQuery(em, viewer, archived), 'Article', id, field);
}

export interface CreateArticleInput {
  category: string;
  title: string;
  body: string;
}

/** Creates an article whose draft is the given text; nobody but editors sees it until it is published. */
export async function createArticle(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: CreateArticleInput, meta: EventMetadata): Promise<IArticle> {
  const article = em.create(Article, {
    id: randomUUID(),
    category: requireText('input.category', input.category, CATEGORY_MAX),
    draftTitle: requireText('input.title', input.title, TITLE_MAX),
    draftBody: requireText('input.body', input.body, BODY_MAX),
    draftUpdatedAt: new Date(),
    title: null,
    body: null,
    publishedVersion: null,
    publishedAt: null,
    publishedBy: null,
    deletedAt: null,
  });
  publish(em, ArticleCreatedV1, article.id, { articleId: article.id, category: article.category, createdAt: article.draftUpdatedAt.toISOString() }, meta);
  await em.flush();
  return article;
}

export interface UpdateArticleDraftInput {
  category?: string | null;
  title?: string | null;
  body?: string | null;
}

/**
 * Changes an article's draft (and its category, which applies at once); readers keep seeing the
 * published version until the next publication. At least one field must be given.
 */
export async function updateArticleDraft(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, input: UpdateArticleDraftInput, meta: EventMetadata): Promise<IArticle> {
  const articleId = requireUuid('id', id);
  const category = input.category === null || input.category === undefined ? null : requireText('input.category', input.category, CATEGORY_MAX);
  const title = input.title === null || input.title === undefined ? null : requireText('input.title', input.title, TITLE_MAX);
  const body = input.body === null || input.body === undefined ? null : requireText('input.body', input.body, BODY_MAX);
  if (category === null && title === null && body === null) throw badInput('input', 'give at least one of input.category, input.title, input.body', 'REQUIRED');
  const article = await findVisible(em, viewer, articleId, 'id');
  if (category !== null) article.category = category;
  if (title !== null) article.draftTitle = title;
  if (body !== null) article.draftBody = body;
  if (title !== null || body !== null) article.draftUpdatedAt = new Date();
  const changedFields = [category !== null && 'category', title !== null && 'title', body !== null && 'body'].filter((f): f is string => f !== false);
  publish(em, ArticleDraftUpdatedV1, article.id, { articleId: article.id, category: article.category, changedFields, updatedAt: new Date().toISOString() }, meta);
  await em.flush();
  return article;
}

/**
 * Copies the draft to the article's next published version and shows it to readers, in one
 * transaction holding the article's row lock so two publications cannot take the same number.
 */
export async function publishArticle(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IArticle> {
  const articleId = requireUuid('id', id);
  return transition(
    em,
    (tx) => findVisible(tx, viewer, articleId, 'id'),
    (article, tx) => {
      const version = tx.create(ArticleVersion, publishDraft(article, new Date(), viewer.principal.userId, randomUUID()));
      publish(
        tx,
        ArticlePublishedV1,
        article.id,
        {
          articleId: article.id,
          version: version.version,
          title: version.title,
          category: article.category,
          publishedBy: version.publishedBy ?? null,
          publishedAt: version.publishedAt.toISOString(),
        },
        meta,
      );
      return article;
    },
  );
}

/** Archives an article (a soft deletion): it leaves search, lookups and tickets' article lists; CONFLICT when already archived. */
export async function archiveArticle(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IArticle> {
  const articleId = requireUuid('id', id);
  return softDelete(em, {
    entity: 'Article',
    word: 'archived',
    load: (tx) => findVisible(tx, viewer, articleId, 'id', 'include'),
    announce: (article, tx, at) => publish(tx, ArticleArchivedV1, article.id, { articleId: article.id, archivedAt: at.toISOString() }, meta),
  });
}

/** Brings an archived article back as it was; CONFLICT when it is not archived. */
export async function restoreArticle(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IArticle> {
  const articleId = requireUuid('id', id);
  return restoreDeleted(em, {
    entity: 'Article',
    word: 'archived',
    load: (tx) => findVisible(tx, viewer, articleId, 'id', 'include'),
    announce: (article, tx, at) => publish(tx, ArticleRestoredV1, article.id, { articleId: article.id, restoredAt: at.toISOString() }, meta),
  });
}

/** One article by id; NOT_FOUND when unknown, archived, or (for readers) never published. */
export async function getArticle(em: SqlEntityManager, viewer: Viewer, id: string): Promise<IArticle> {
  return findVisible(em, viewer, requireUuid('id', id), 'id');
}

/** A found article with how well it matched. */
export interface ArticleHit {
  id: string;
  rank: number;
  article: IArticle;
}

const TSQUERY = `websearch_to_tsquery('english', ?)`;

/**
 * Full-text search over what each article shows (its latest published version; for editors, the
 * draft of an article never published), best match first by `ts_rank`, then by id; paged by the
 * keyset (rank, id).
 */
export async function searchArticles(
  em: SqlEntityManager,
  viewer: Viewer,
  query: string,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ArticleHit>> {
  const text = requireText('query', query, QUERY_MAX);
  const qb = articleQuery(em, viewer)
    .addSelect(raw(`ts_rank(a.search, ${TSQUERY}) as rank`, [text]))
    .andWhere(`a.search @@ ${TSQUERY}`, [text]);
  const byRank: Keyset<ArticleHit> = {
    sort: `ts_rank(a.search, ${TSQUERY})`,
    sortParams: [text],
    orderBy: 'rank',
    kind: 'score',
    cast: 'real',
    direction: 'desc',
    id: 'a.id',
    sortValue: (hit) => String(hit.rank),
  };
  return keysetPageWith(qb, byRank, { field: 'searchArticles', first, after }, async (page) => {
    const rows = await page.execute<(Record<string, unknown> & { rank: number })[]>('all', false);
    return rows.map(({ rank, ...row }) => {
      const article = em.map(Article, row);
      return { id: article.id, rank: Number(rank), article };
    });
  });
}

/**
 * Records that an article helped solve a ticket. The ticket must be one the caller may change
 * (`viewer`, of tickets; else NOT_FOUND), the article one they may see (`articleViewer`); CONFLICT when the two are already linked.
 */
export async function linkArticleToTicket(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  articleViewer: Viewer,
  ticketId: string,
  articleId: string,
  meta: EventMetadata,
): Promise<ITicket> {
  const tId = requireUuid('ticketId', ticketId);
  const aId = requireUuid('articleId', articleId);
  const ticket = await ticketQuery(em, viewer).andWhere({ id: tId }).getSingleResult();
  if (!ticket) throw notFound('Ticket', tId, 'ticketId');
  await findVisible(em, articleViewer, aId, 'articleId');
  const alreadyLinked = () => conflict('ARTICLE_ALREADY_LINKED', `Article ${aId} is already linked to ticket ${ticket.number}`, 'articleId');
  if (await em.count(TicketArticle, { ticketId: tId, articleId: aId })) throw alreadyLinked();
  const link = em.create(TicketArticle, { id: randomUUID(), ticketId: tId, articleId: aId, linkedAt: new Date(), linkedBy: viewer.principal.userId });
  publish(em, TicketArticleLinkedV1, tId, { ticketId: tId, customerId: ticket.customerId, articleId: aId, linkedAt: link.linkedAt.toISOString() }, meta);
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw alreadyLinked();
    throw error;
  }
  return ticket;
}
