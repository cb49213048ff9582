import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './connection.js';
import { PAGE_RULES } from './operation-limits.js';
import { keysetCondition, keysetOrderSql, keysetPageSql, pageOf, pageSizeOf, type Keyset, type PageQuery } from './pagination.js';

const ID = '0191b3a0-0000-7000-8000-000000000001';
const refusal = (fn: () => unknown): { field?: unknown; code?: unknown; category?: unknown } | null => {
  try {
    fn();
    return null;
  } catch (error) {
    const { field, code, category } = error as { field?: unknown; code?: unknown; category?: unknown };
    return { field, code, category };
  }
};

interface Row {
  id: string;
  name: string;
}
const BY_NAME: Keyset<Row> = { sort: 'r.name', kind: 'text', direction: 'asc', id: 'r.id', sortValue: (r) => r.name };

describe('page sizes come from PAGE_RULES', () => {
  it('applies the field’s rule, else the default rule', () => {
    expect(pageSizeOf('tickets', undefined)).toBe(PAGE_RULES.default.default);
    expect(pageSizeOf('history', null)).toBe(50);
    expect(pageSizeOf('history', 200)).toBe(200);
    expect(pageSizeOf('findDuplicates', undefined)).toBe(10);
    expect(pageSizeOf(undefined, 100)).toBe(100);
  });

  it('refuses a size outside 1..max with BAD_USER_INPUT naming first', () => {
    for (const first of [0, -1, 1.5, PAGE_RULES.default.max + 1])
      expect(refusal(() => pageSizeOf('tickets', first))).toEqual({ field: 'first', code: 'INVALID_PAGE_SIZE', category: 'BAD_USER_INPUT' });
    expect(refusal(() => pageSizeOf('findDuplicates', 51))).toMatchObject({ field: 'first', code: 'INVALID_PAGE_SIZE' });
    expect(refusal(() => pageSizeOf('history', 201))).toMatchObject({ field: 'first', code: 'INVALID_PAGE_SIZE' });
  });
});

describe('pageOf', () => {
  it('reads the first page from an absent or empty cursor, and decodes one it issued', () => {
    expect(pageOf({ first: 5, after: null }, 'text')).toEqual({ limit: 5, after: null });
    expect(pageOf({ first: undefined, after: '' }, 'text')).toEqual({ limit: 20, after: null });
    expect(pageOf({ first: 2, after: encodeCursor('Acme', ID) }, 'text')).toEqual({ limit: 2, after: { sortValue: 'Acme', id: ID } });
  });

  it('refuses a cursor of another kind or shape with BAD_USER_INPUT naming after', () => {
    const garbled = ['garbage!', Buffer.from('{"a":1}').toString('base64url'), encodeCursor('Acme', 'not-a-uuid'), 'A'.repeat(10_000)];
    for (const after of garbled) expect(refusal(() => pageOf({ first: 1, after }, 'text'))).toEqual({ field: 'after', code: 'INVALID_CURSOR', category: 'BAD_USER_INPUT' });
    expect(refusal(() => pageOf({ first: 1, after: encodeCursor('Acme', ID) }, 'timestamp'))).toMatchObject({ field: 'after', code: 'INVALID_CURSOR' });
  });

  it('checks the page size before the cursor', () => {
    expect(refusal(() => pageOf({ first: 0, after: 'garbage!' }, 'text'))).toMatchObject({ field: 'first' });
  });
});

describe('keysetCondition', () => {
  const cursor = { sortValue: 'Acme', id: ID };

  it('compares the tuple (sort, id) after the cursor: > ascending, < descending', () => {
    expect(keysetCondition(BY_NAME, cursor)).toEqual({ sql: '(r.name, r.id) > (?, ?)', params: ['Acme', ID] });
    expect(keysetCondition({ ...BY_NAME, direction: 'desc' }, cursor)).toEqual({ sql: '(r.name, r.id) < (?, ?)', params: ['Acme', ID] });
  });

  it('casts the cursor value and puts the sort expression’s parameters first', () => {
    const rank: Keyset<Row> = { ...BY_NAME, sort: 'ts_rank(a.search, q(?))', sortParams: ['widget'], cast: 'real', direction: 'desc', orderBy: 'rank' };
    expect(keysetCondition(rank, { sortValue: '0.5', id: ID })).toEqual({ sql: '(ts_rank(a.search, q(?)), r.id) < (?::real, ?)', params: ['widget', '0.5', ID] });
  });

  it('expands the comparison when the id runs the other way (best score first, then id ascending)', () => {
    const score: Keyset<Row> = { ...BY_NAME, sort: 'm.score', kind: 'score', cast: 'numeric', direction: 'desc', id: 's.id', idDirection: 'asc' };
    expect(keysetCondition(score, { sortValue: '0.9', id: ID })).toEqual({
      sql: '(m.score < ?::numeric or (m.score = ?::numeric and s.id > ?))',
      params: ['0.9', '0.9', ID],
    });
  });
});

describe('keysetOrderSql', () => {
  it('orders by the sort then the id, each in its direction', () => {
    expect(keysetOrderSql(BY_NAME)).toBe('r.name asc, r.id asc');
    expect(keysetOrderSql({ ...BY_NAME, direction: 'desc', idDirection: 'asc' })).toBe('r.name desc, r.id asc');
    expect(keysetOrderSql({ ...BY_NAME, sort: 'ts_rank(x, ?)', sortParams: ['q'], orderBy: 'rank' })).toBe('rank asc, r.id asc');
  });

  it('refuses a sort expression with parameters and no ORDER BY name', () => {
    expect(() => keysetOrderSql({ ...BY_NAME, sort: 'ts_rank(x, ?)', sortParams: ['q'] })).toThrow(/orderBy/);
  });
});

describe('keysetPageSql', () => {
  const rows: Row[] = ['Alpha', 'Beta', 'Gamma'].map((name, i) => ({ id: `0191b3a0-0000-7000-8000-00000000000${i}`, name }));

  it('fetches first + 1 rows, tells whether another page follows and ends on the last row’s cursor', async () => {
    const asked: PageQuery[] = [];
    const page = await keysetPageSql(BY_NAME, { first: 2, after: null }, async (query) => {
      asked.push(query);
      return rows.slice(0, query.fetch);
    });
    expect(asked).toEqual([{ where: null, orderBy: 'r.name asc, r.id asc', fetch: 3 }]);
    expect(page.edges.map((e) => e.node.name)).toEqual(['Alpha', 'Beta']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor('after', page.pageInfo.endCursor!, 'text')).toEqual({ sortValue: 'Beta', id: rows[1]!.id });
  });

  it('continues after the cursor with the keyset condition, and ends the last page', async () => {
    const asked: PageQuery[] = [];
    const page = await keysetPageSql(BY_NAME, { first: 2, after: encodeCursor('Beta', rows[1]!.id) }, async (query) => {
      asked.push(query);
      return rows.slice(2, 2 + query.fetch);
    });
    expect(asked[0]?.where).toEqual({ sql: '(r.name, r.id) > (?, ?)', params: ['Beta', rows[1]!.id] });
    expect(page.edges.map((e) => e.node.name)).toEqual(['Gamma']);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor('Gamma', rows[2]!.id) });
  });

  it('never runs the query for a cursor it refuses', async () => {
    let ran = false;
    await expect(
      keysetPageSql(BY_NAME, { first: 2, after: 'garbage!' }, async () => {
        ran = true;
        return [];
      }),
    ).rejects.toMatchObject({ field: 'after', code: 'INVALID_CURSOR' });
    expect(ran).toBe(false);
  });
});
