import type { Logger } from './logger.js';

/** A job a service runs on a timer, stopped with the service. */
export interface PeriodicJob {
  /** Clears the timer and waits for a run under way, so the ORM is never closed under it. */
  stop(): Promise<void>;
}

/**
 * Runs `run` every `everyMs` (the timer does not keep the process alive), never two runs at once in
 * one process: a tick while a run is under way is skipped. A failed run is logged as a warning with
 * `what` and tried again at the next tick. The job itself makes a run once-only where that matters
 * (finance's dunning checks for today's run under a lock; inventory flags each overdue loan once), so
 * several instances may run the same job. The result of a run is passed to `done` (to log it).
 */
export function startPeriodicJob<T>(logger: Logger, job: { what: string; everyMs: number; run: () => Promise<T>; done?: (result: T) => void }): PeriodicJob {
  let running: Promise<void> | null = null;
  const tick = (): void => {
    if (running) return;
    running = job
      .run()
      .then(
        (result) => job.done?.(result),
        (error: unknown) => logger.warn({ err: error }, `${job.what} failed; tried again at the next check`),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, job.everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
