import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '@rapport/subgraph-kit';
import { runScheduledDunning } from './dunning.service.js';

/** How often the service looks whether today's dunning run is due: hourly, so a day is never missed for long. */
export const DUNNING_CHECK_MS = 60 * 60 * 1000;

/**
 * The service's daily dunning: every `everyMs` it runs dunning as of today unless a scheduled run
 * did already today (checked under the dunning lock, so several instances run it once). `stop`
 * clears the timer and waits for a run under way, so the ORM is never closed under it.
 */
export function startDailyDunning(orm: MikroORM, logger: Logger, everyMs = DUNNING_CHECK_MS): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = (): void => {
    if (running) return;
    running = runScheduledDunning(orm.em.fork())
      .then(
        (run) => {
          if (run) logger.info({ asOf: run.asOf, reminders: run.reminderCount }, 'daily dunning run');
        },
        (error: unknown) => logger.warn({ err: error }, 'the daily dunning run failed; tried again at the next check'),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
