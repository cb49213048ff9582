import { pino, type Logger } from 'pino';

/** JSON logs on stdout, one logger per process, children per request with the request id. */
export function createLogger(name: string, level = 'info'): Logger {
  return pino({ name, level, base: { service: name }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };

/**
 * `context` with a `logger` property: `logger.child(bindings)`, made when first read and kept (most
 * requests log nothing, and a child costs its bindings' serialisation).
 */
export function withRequestLogger<T extends object>(context: T, logger: Logger, bindings: Record<string, unknown>): T & { logger: Logger } {
  let child: Logger | undefined;
  return Object.defineProperty(context, 'logger', {
    enumerable: true,
    configurable: true,
    get: () => (child ??= logger.child(bindings)),
  }) as T & { logger: Logger };
}
