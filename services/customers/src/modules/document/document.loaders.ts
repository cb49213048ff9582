import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, type Caller, type Cursor, type DataLoader } from '@rapport/subgraph-kit';
import { documentPolicy } from './document.policy.js';
import type { IDocument } from './document.entity.js';
import { documentsOf } from './document.service.js';

/**
 * Per-request loaders: a page of the documents of N customers costs one query (one loader per
 * distinct page size and cursor), narrowed to the customers the caller may see. A loader fetches
 * `limit` rows per customer: ask for one more than the page to learn whether another follows.
 */
export const createDocumentLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(documentPolicy, 'lookup');
  const byPage = new Map<string, DataLoader<string, IDocument[]>>();
  return {
    documentsByCustomer(limit: number, after: Cursor | null): DataLoader<string, IDocument[]> {
      const key = after ? `${limit}:${after.sortValue}:${after.id}` : `${limit}:`;
      let loader = byPage.get(key);
      if (!loader) {
        loader = groupedLoader(
          async (customerIds) => (viewer ? documentsOf(em, viewer, customerIds, limit, after) : []),
          (document) => document.customerId,
        );
        byPage.set(key, loader);
      }
      return loader;
    },
  };
};
