import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { requireText } from '@rapport/errors';
import { keysetPageSql, type Keyset, type Viewer, notDeletedSql } from '@rapport/subgraph-kit';
import { Customer, type ICustomer } from '../customer/customer.entity.js';
import { applyCustomerFilter, visibleQuery, type CustomerFilter } from '../customer/customer.service.js';

/** One customer found by a search, with its relevance (0–1, higher is better). */
export interface CustomerSearchEdge {
  cursor: string;
  node: ICustomer;
  score: number;
}

export interface CustomerSearchConnection {
  edges: CustomerSearchEdge[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** How far a name may differ from the query and still match (pg_trgm word similarity, 0–1). */
export const NAME_SIMILARITY_THRESHOLD = 0.5;
const QUERY_MAX = 200;
const PHONE_QUERY = /^[+()\d\s./-]+$/;
const MIN_PHONE_DIGITS = 4;
const FULL_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type SearchMode = 'NAME' | 'EMAIL' | 'PHONE';

/** How a query is read: an e-mail (has `@`), a phone number (digits and punctuation, at least 4 digits) or a name. */
export function searchMode(query: string): SearchMode {
  if (query.includes('@')) return 'EMAIL';
  if (PHONE_QUERY.test(query) && query.replace(/\D/g, '').length >= MIN_PHONE_DIGITS) return 'PHONE';
  return 'NAME';
}

/** The digits after a leading international (00) or national trunk (0) prefix, when enough remain to search by. */
export function nationalCore(digits: string): string {
  const stripped = digits.startsWith('00') ? digits.slice(2) : digits.startsWith('0') ? digits.slice(1) : digits;
  return stripped.length >= MIN_PHONE_DIGITS ? stripped : digits;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The candidate customers for `query` with a score each, as SQL yielding (customer_id, score); a
 * customer may appear several times (its own fields and each contact), the caller takes the best.
 * Every branch is served by a trigram GIN index from Migration20261124000050.
 */
function candidates(mode: SearchMode, query: string): { sql: string; params: unknown[] } {
  if (mode === 'EMAIL' && FULL_EMAIL.test(query)) {
    return {
      sql: `select id as customer_id, 1.0 as score from customer where ${notDeletedSql('customer')} and lower(email) = ?
            union all
            select customer_id, 0.95 from contact where ${notDeletedSql('contact')} and emails @> array[?]::text[]`,
      params: [query, query],
    };
  }
  if (mode === 'EMAIL') {
    const like = `%${escapeLike(query)}%`;
    return {
      sql: `select id as customer_id, case when lower(email) = ? then 1.0 else 0.8 end as score
              from customer where ${notDeletedSql('customer')} and email is not null and lower(email) like ?
            union all
            select customer_id, case when ? = any(emails) then 0.95 else 0.75 end
              from contact where ${notDeletedSql('contact')} and search_emails(emails) like ?`,
      params: [query, like, query, like],
    };
  }
  if (mode === 'PHONE') {
    const digits = query.replace(/\D/g, '');
    // A number written nationally ("030 …", trunk prefix 0) or with the international prefix 00
    // ("0049 30 …") is stored as "+49 30 …": search for what follows the prefix.
    const core = nationalCore(digits);
    return {
      sql: `select id as customer_id, case when search_digits(phone) = ? then 1.0 else 0.8 end as score
              from customer where ${notDeletedSql('customer')} and phone is not null and search_digits(phone) like ?
            union all
            select customer_id, case when (' ' || search_phone_digits(phones) || ' ') like ? then 0.95 else 0.75 end
              from contact where ${notDeletedSql('contact')} and search_phone_digits(phones) like ?`,
      params: [digits, `%${core}%`, `% ${digits} %`, `%${core}%`],
    };
  }
  const nameScore = (column: string) => `(2 * word_similarity(?, ${column}) + similarity(?, ${column})) / 3`;
  return {
    sql: `select id as customer_id, ${nameScore('lower(name)')} as score
            from customer where ${notDeletedSql('customer')} and ? <% lower(name)
          union all
          select customer_id, 0.9 * ${nameScore('lower(name)')}
            from contact where ${notDeletedSql('contact')} and ? <% lower(name)`,
    params: [query, query, query, query, query, query],
  };
}

/** A customer found, with its score as SQL gave it (numeric, four places). */
interface SearchHit {
  id: string;
  customer: ICustomer;
  score: string;
}

/** Best score first, then id ascending (`matches` is `m`, the customers `s`). */
const BY_SCORE: Keyset<SearchHit> = { sort: 'm.score', kind: 'score', cast: 'numeric', direction: 'desc', id: 's.id', idDirection: 'asc', sortValue: (hit) => hit.score };

/**
 * Customers matching `query`, fuzzily on customer and contact names ("acme pmps" finds "Acme
 * Pumps"), exactly or by substring on e-mail addresses, and on the digits of phone numbers;
 * narrowed by `filter` exactly as the customer list is, and limited to what the caller may see
 * (the same base query). Best match first, then by id; paged by keyset on (score, id).
 */
export async function searchCustomers(
  em: SqlEntityManager,
  viewer: Viewer,
  rawQuery: string,
  filter: CustomerFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<CustomerSearchConnection> {
  const query = requireText('query', rawQuery ?? '', QUERY_MAX)
    .toLowerCase()
    .replace(/\s+/g, ' ');
  const qb = visibleQuery(em, viewer);
  applyCustomerFilter(qb, filter);
  qb.andWhere('c.id in (select customer_id from matches)');
  const found = candidates(searchMode(query), query);
  const base = qb.toQuery(); // `?` placeholders, as em.execute expects
  const page = await keysetPageSql(BY_SCORE, { field: 'searchCustomers', first, after }, async ({ where, orderBy, fetch }) => {
    const sql = `with matches as materialized (
                   select customer_id, round(max(score)::numeric, 4) as score from (${found.sql}) x group by customer_id
                 )
                 select s.*, m.score::text as search_score
                   from (${base.sql}) s join matches m on m.customer_id = s.id
                   ${where ? `where ${where.sql}` : ''}
                   order by ${orderBy}
                   limit ?`;
    const params = [...found.params, ...base.params, ...(where?.params ?? []), fetch];
    const rows = await em.transactional(async (tx) => {
      await tx.execute(`select set_config('pg_trgm.word_similarity_threshold', ?, true)`, [String(NAME_SIMILARITY_THRESHOLD)]);
      return tx.execute<Record<string, unknown>[]>(sql, params);
    });
    return rows.map((row) => {
      const { search_score: score, ...columns } = row;
      const customer = em.map(Customer, columns);
      return { id: customer.id, customer, score: String(score) };
    });
  });
  return { pageInfo: page.pageInfo, edges: page.edges.map(({ cursor, node: hit }) => ({ cursor, node: hit.customer, score: Number(hit.score) })) };
}
