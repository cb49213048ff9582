import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_URL, ensurePostgres, isLocalDefault } from '../src/postgres.js';

describe('ensurePostgres', () => {
  it('returns the server URL of DATABASE_URL (else the local default) once the server answers', async () => {
    const expected = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;

    const url = await ensurePostgres({ env: { DATABASE_URL: process.env.DATABASE_URL }, quiet: true });

    expect(url).toBe(expected);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ one: number }>('select 1 as one');
      expect(rows[0]?.one).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('fails naming the URL and DATABASE_URL when a non-default server does not answer', async () => {
    await expect(ensurePostgres({ env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/postgres' }, quiet: true })).rejects.toThrow(
      /PostgreSQL does not answer at postgres:\/\/postgres@127\.0\.0\.1:1\/postgres.*DATABASE_URL/s,
    );
  });
});

describe('isLocalDefault', () => {
  it('accepts this machine on port 5432 and nothing else', () => {
    expect(isLocalDefault('postgres://postgres@127.0.0.1:5432/postgres')).toBe(true);
    expect(isLocalDefault('postgres://postgres@localhost/postgres')).toBe(true);
    expect(isLocalDefault('postgres://postgres@127.0.0.1:5433/postgres')).toBe(false);
    expect(isLocalDefault('postgres://postgres@db.example.com:5432/postgres')).toBe(false);
  });
});
