import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { mergeLoaders, type Caller } from '@rapport/subgraph-kit';
import { createArticleLoaders } from './modules/article/article.loaders.js';
import { createCommentLoaders } from './modules/comment/comment.loaders.js';
import { createSatisfactionLoaders } from './modules/satisfaction/satisfaction.loaders.js';
import { createSlaLoaders } from './modules/sla/sla.loaders.js';
import { createTicketLoaders } from './modules/ticket/ticket.loaders.js';

/** Per-request loaders, one part per module; a loader name two modules define is an error, not an overwrite. */
export const createLoaders = (em: SqlEntityManager, caller: Caller) =>
  mergeLoaders(createTicketLoaders(em, caller), createArticleLoaders(em, caller), createSatisfactionLoaders(em), createCommentLoaders(em, caller), createSlaLoaders(em));
export type SupportLoaders = ReturnType<typeof createLoaders>;
