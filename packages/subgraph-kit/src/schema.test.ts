import { describe, expect, it } from 'vitest';
import { mergeResolvers } from './merge.js';
import { decodeCursor, encodeCursor, toConnection } from './connection.js';
import { fieldFromMessage } from './format-error.js';
import { subgraphConfigFromEnv } from './config.js';

describe('mergeResolvers', () => {
  it('combines modules that extend the same type', () => {
    const merged = mergeResolvers([{ Query: { a: () => 1 } }, { Query: { b: () => 2 }, Customer: { c: () => 3 } }]);
    expect(Object.keys(merged.Query!)).toEqual(['a', 'b']);
    expect(Object.keys(merged.Customer!)).toEqual(['c']);
  });

  it('refuses two modules defining the same field instead of silently overwriting', () => {
    expect(() => mergeResolvers([{ Query: { a: () => 1 } }, { Query: { a: () => 2 } }])).toThrow(/Query\.a is defined twice/);
  });
});

describe('keyset cursors', () => {
  const ID = '0191b3a0-0000-7000-8000-000000000001';
  const forge = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return { field: (error as { field?: string }).field, code: (error as { code?: string }).code };
    }
    return null;
  };

  it('round-trips the sort key and id', () => {
    expect(decodeCursor('after', encodeCursor('Acme', ID), 'text')).toEqual({ sortValue: 'Acme', id: ID });
    const at = new Date('2026-12-05T11:55:00.123Z').toISOString();
    expect(decodeCursor('after', encodeCursor(at, ID), 'timestamp')).toEqual({ sortValue: at, id: ID });
    expect(decodeCursor('after', encodeCursor('2026-02-28', ID), 'date').sortValue).toBe('2026-02-28');
    expect(decodeCursor('after', encodeCursor(String(0.5724), ID), 'score').sortValue).toBe('0.5724');
    expect(decodeCursor('after', encodeCursor(String(1e-20), ID), 'score').sortValue).toBe('1e-20');
  });

  it('rejects a cursor it did not issue, naming the argument', () => {
    expect(() => decodeCursor('after', 'bm9wZQ', 'text')).toThrow(/after is not a cursor/);
  });

  it('rejects forged cursors of every shape before they reach SQL: wrong arity, wrong types, a malformed id or sort value', () => {
    const forged = [
      forge(['Acme']),
      forge(['Acme', ID, 'extra']),
      forge({ sortValue: 'Acme', id: ID }),
      forge([1, 2]),
      forge(['Acme', 'not-a-uuid']),
      forge(['Acme', ID.replace('0', '\u0000')]),
      forge(['Ac\u0000me', ID]),
      forge(['\ud800', ID]),
      forge(['x'.repeat(1001), ID]),
      'not base64 at all!',
      '',
      'A'.repeat(10_000),
    ];
    for (const cursor of forged) expect({ cursor, refusal: refusal(() => decodeCursor('after', cursor, 'text')) }).toEqual({ cursor, refusal: { field: 'after', code: 'INVALID_CURSOR' } });
    for (const sortValue of ['Acme', '1', 'Tuesday', '2026-13-01T00:00:00.000Z', '2026-02-30T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '2026-12-05 11:55:00']) {
      expect({ sortValue, refusal: refusal(() => decodeCursor('after', forge([sortValue, ID]), 'timestamp')) }).toEqual({ sortValue, refusal: { field: 'after', code: 'INVALID_CURSOR' } });
    }
    for (const sortValue of ['2026-02-30', '26-01-01', '2026-01-01T00:00:00.000Z']) expect(refusal(() => decodeCursor('after', forge([sortValue, ID]), 'date'))).toEqual({ field: 'after', code: 'INVALID_CURSOR' });
    for (const sortValue of ['NaN', 'Infinity', '1e-50', '1e99', '0x10', '1; drop table customer']) expect(refusal(() => decodeCursor('after', forge([sortValue, ID]), 'score'))).toEqual({ field: 'after', code: 'INVALID_CURSOR' });
  });

  it('reports a next page only when the extra row came back', () => {
    const rows = [{ id: '1' }, { id: '2' }, { id: '3' }];
    expect(toConnection(rows, 2, (r) => r.id).pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor('2', '2') });
    expect(toConnection(rows, 3, (r) => r.id).pageInfo.hasNextPage).toBe(false);
  });
});

describe('field names in GraphQL validation errors', () => {
  it('names the input field of a missing or invalid variable value', () => {
    expect(fieldFromMessage('Variable "$input" got invalid value { customerId: "x" }; Field "subject" of required type "String!" was not provided.')).toBe(
      'input.subject',
    );
    expect(fieldFromMessage('Variable "$input" got invalid value "SOMEDAY" at "input.priority"; Value "SOMEDAY" does not exist in "Priority" enum.')).toBe(
      'input.priority',
    );
    expect(fieldFromMessage('Argument "id" of required type "ID!" was not provided.')).toBe('id');
  });
});

describe('subgraph configuration', () => {
  it('gives each service its own database on the server DATABASE_URL names', () => {
    const config = subgraphConfigFromEnv('sales', { DATABASE_URL: 'postgres://u@db.internal:5433/postgres', KAFKA_BROKERS: 'a:9092, b:9092' });
    expect(config.databaseUrl).toBe('postgres://u@db.internal:5433/rapport_sales');
    expect(config.kafkaBrokers).toEqual(['a:9092', 'b:9092']);
    expect(config.port).toBe(4003);
  });

  it('fails at boot naming a bad variable', () => {
    expect(() => subgraphConfigFromEnv('sales', { PORT: 'eighty' })).toThrow(/PORT/);
  });
});
