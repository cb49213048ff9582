import { Writable } from 'node:stream';
import { DefaultLogger } from '@mikro-orm/core';
import { pino, type Logger } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ObservedLogger } from './orm.js';

/** A pino logger at `level` whose lines land in `lines`. */
function capture(level: string): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: pino({ level }, stream), lines };
}

describe('the ORM query logger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hands every statement to onQuery but formats no line when the logger writes no trace lines', () => {
    const format = vi.spyOn(DefaultLogger.prototype, 'log');
    const { log, lines } = capture('info');
    const seen: string[] = [];
    const logger = new ObservedLogger({ writer: () => undefined, debugMode: ['query'] }, log, (sql) => seen.push(sql), null);
    logger.logQuery({ query: 'select 1', took: 1, results: 1 });
    expect(seen).toEqual(['select 1']);
    expect(format).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
  });

  it('writes the formatted statement as a trace line when the logger writes them', () => {
    const { log, lines } = capture('trace');
    const logger = new ObservedLogger({ writer: () => undefined, debugMode: ['query'] }, log, undefined, null);
    logger.logQuery({ query: 'select\n  2', took: 3, results: 1 });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '{}') as { level: number; msg: string };
    expect(line.level).toBe(10);
    expect(line.msg).toContain('select 2');
    expect(line.msg).toContain('took 3 ms');
  });
});
