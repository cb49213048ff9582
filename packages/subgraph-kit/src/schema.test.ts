import { describe, expect, it } from 'vitest';
import { mergeResolvers } from './schema.js';
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
  it('round-trips the sort key and id', () => {
    expect(decodeCursor('after', encodeCursor('Acme', 'id-1'))).toEqual({ sortValue: 'Acme', id: 'id-1' });
  });

  it('rejects a cursor it did not issue, naming the argument', () => {
    expect(() => decodeCursor('after', 'bm9wZQ')).toThrow(/after is not a cursor/);
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
    const config = subgraphConfigFromEnv('sales', 4003, { DATABASE_URL: 'postgres://u@db.internal:5433/postgres', KAFKA_BROKERS: 'a:9092, b:9092' });
    expect(config.databaseUrl).toBe('postgres://u@db.internal:5433/rapport_sales');
    expect(config.kafkaBrokers).toEqual(['a:9092', 'b:9092']);
    expect(config.port).toBe(4003);
  });

  it('fails at boot naming a bad variable', () => {
    expect(() => subgraphConfigFromEnv('sales', 4003, { PORT: 'eighty' })).toThrow(/PORT/);
  });
});
