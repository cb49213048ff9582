import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { withRequestLogger } from './logger.js';

describe('the request logger of a context', () => {
  it('is made on first read only, once, and logs with the request bindings', () => {
    const lines: string[] = [];
    const logger = pino(
      { base: { service: 's' } },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const child = vi.spyOn(logger, 'child');
    const context = withRequestLogger({ requestId: 'r-1' }, logger, { requestId: 'r-1', userId: 'u-1' });
    expect(child).not.toHaveBeenCalled();
    context.logger.info('hello');
    expect(context.logger).toBe(context.logger);
    expect(child).toHaveBeenCalledTimes(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ service: 's', requestId: 'r-1', userId: 'u-1', msg: 'hello' });
  });

  it('survives the copy Apollo makes of the context without making the child', () => {
    const logger = pino({ level: 'silent' });
    const child = vi.spyOn(logger, 'child');
    const context = withRequestLogger({ requestId: 'r-1' }, logger, { requestId: 'r-1' });
    // Apollo Server's cloneObject, applied to the context of every operation.
    const copy: typeof context = Object.assign(Object.create(Object.getPrototypeOf(context) as object) as object, context);
    expect(child).not.toHaveBeenCalled();
    expect(copy.requestId).toBe('r-1');
    expect(copy.logger).toBe(context.logger);
    expect(child).toHaveBeenCalledTimes(1);
  });
});
