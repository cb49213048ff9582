import { pino, type Logger } from 'pino';

/** JSON logs on stdout, one logger per process, children per request with the request id. */
export function createLogger(name: string, level = 'info'): Logger {
  return pino({ name, level, base: { service: name }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };

/** Where a request context keeps what its lazy `logger` needs (an enumerable own property: copies carry it). */
const REQUEST_LOGGING = Symbol('request logging');

interface RequestLogging {
  parent: Logger;
  bindings: Record<string, unknown>;
  child?: Logger;
}

/**
 * The one prototype of request contexts: `logger` is a getter here, not an own property. Apollo
 * clones the context for each operation (`Object.assign(Object.create(prototype), context)`): an own
 * getter was read by that copy, so every request made its child logger (its bindings serialised)
 * although most log nothing. The copy keeps this prototype and the shared `REQUEST_LOGGING` state,
 * so the child is still made once, on first read, by whichever copy reads it. One prototype for all
 * contexts also keeps their shape the same for the resolvers' property reads.
 */
class RequestContextPrototype {
  declare [REQUEST_LOGGING]: RequestLogging;

  get logger(): Logger {
    const logging = this[REQUEST_LOGGING];
    return (logging.child ??= logging.parent.child(logging.bindings));
  }
}

/** `context`'s properties with a `logger`: `logger.child(bindings)`, made when first read and kept. */
export function withRequestLogger<T extends object>(context: T, logger: Logger, bindings: Record<string, unknown>): T & { logger: Logger } {
  const logging: RequestLogging = { parent: logger, bindings };
  return Object.assign(Object.create(RequestContextPrototype.prototype) as RequestContextPrototype, context, { [REQUEST_LOGGING]: logging });
}
