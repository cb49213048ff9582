import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { groupedLoader, type DataLoader } from '@rapport/subgraph-kit';
import type { IDocument } from './document.entity.js';
import { documentCursor, documentsOf } from './document.service.js';

/**
 * Per-request loaders: a page of the documents of N customers costs one query (one loader per
 * distinct page size and cursor), narrowed to the customers the caller may see. A loader fetches
 * `limit` rows per customer: ask for one more than the page to learn whether another follows.
 */
export const createDocumentLoaders = (em: SqlEntityManager, principal: Principal | null) => {
  const byPage = new Map<string, DataLoader<string, IDocument[]>>();
  return {
    documentsByCustomer(limit: number, after: string | null): DataLoader<string, IDocument[]> {
      const key = `${limit}:${after ?? ''}`;
      let loader = byPage.get(key);
      if (!loader) {
        const cursor = after ? documentCursor(after) : null;
        loader = groupedLoader((customerIds) => documentsOf(em, principal, customerIds, limit, cursor), (document) => document.customerId);
        byPage.set(key, loader);
      }
      return loader;
    },
  };
};
