import { pino, type Logger } from 'pino';

/** JSON logs on stdout, one logger per process, children per request with the request id. */
export function createLogger(name: string, level = 'info'): Logger {
  return pino({ name, level, base: { service: name }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };
