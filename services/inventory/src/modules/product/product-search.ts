import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { badInput, requireText } from '@rapport/errors';
import type { Viewer } from '@rapport/subgraph-kit';
import { Product, type IProduct } from './product.entity.js';

/**
 * What a product is searched by: its code, name and specification together, lower-cased (the
 * expression the trigram index `product_search_trgm_idx` is built on, so keep the two the same).
 */
export const PRODUCT_SEARCH_DOCUMENT = `lower(sku || ' ' || name || ' ' || coalesce(specification, ''))`;

/** How close a word of the document must come to the query to match despite typos (pg_trgm's word similarity, 0..1). */
const WORD_SIMILARITY_THRESHOLD = '0.5';

/**
 * Live products matching `text`, best first, at most `first` (1..50, 20 when omitted): typo-tolerant
 * over code, name and specification together. A product matches when some stretch of it is close to
 * the text by trigrams (pg_trgm's word similarity: the text itself, or with a typo in a word);
 * ranked by that closeness (a code or words found as typed come first), then by name. The nearest
 * are read off the GiST index (`<<->`), so a query costs about the same at any catalogue size.
 */
export async function searchProducts(em: SqlEntityManager, _viewer: Viewer, text: string, first?: number | null): Promise<IProduct[]> {
  const query = requireText('text', text, 100).toLowerCase();
  if (query.length < 2) throw badInput('text', 'text must have at least 2 characters', 'TOO_SHORT');
  const limit = first ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw badInput('first', 'first must be between 1 and 50', 'OUT_OF_RANGE');
  const ids = await em.transactional(async (tx) => {
    await tx.execute(`select set_config('pg_trgm.word_similarity_threshold', ?, true)`, [WORD_SIMILARITY_THRESHOLD]);
    const rows = await tx.execute<{ id: string }[]>(
      `select p.id from product p
       where p.deleted_at is null and ? <% ${PRODUCT_SEARCH_DOCUMENT}
       order by ? <<-> ${PRODUCT_SEARCH_DOCUMENT}, p.name, p.id
       limit ?`,
      [query, query, limit],
    );
    return rows.map((r) => r.id);
  });
  if (ids.length === 0) return [];
  const products = await em.find(Product, { id: { $in: ids } });
  const byId = new Map(products.map((p) => [p.id, p]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
