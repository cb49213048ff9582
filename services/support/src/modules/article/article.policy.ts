import type { Principal } from '@rapport/auth';
import { definePolicy, POLICIES, viewerFor, type Access, type FieldRules, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may read and write the knowledge base: the kit's `POLICIES.articles` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const articlePolicy: ModulePolicy = definePolicy('articles', POLICIES.articles);

/** Editors (write access) see drafts; everyone else only published articles. */
export const isEditor = (access: Access): boolean => access === 'all' || access === 'scoped';

/** Whether the caller edits the knowledge base (their viewer of articles has write access). */
export const editsArticles = (principal: Principal | null): boolean => {
  const viewer = viewerFor(principal, articlePolicy, 'lookup');
  return viewer !== null && isEditor(viewer.access);
};

/**
 * An article's fields only editors see: its working draft. `Article.draft` answers by these rules,
 * and so does `Article.history`, so readers of the published version never see unpublished text.
 */
export const articleFields: FieldRules = { draftTitle: editsArticles, draftBody: editsArticles, draftUpdatedAt: editsArticles };
