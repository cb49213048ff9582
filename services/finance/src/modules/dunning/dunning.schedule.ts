import type { MikroORM } from '@mikro-orm/postgresql';
import { startPeriodicJob, type Logger, type PeriodicJob } from '@rapport/subgraph-kit';
import { runScheduledDunning } from './dunning.service.js';

/** How often the service looks whether today's dunning run is due: hourly, so a day is never missed for long. */
export const DUNNING_CHECK_MS = 60 * 60 * 1000;

/**
 * The service's daily dunning (the kit's `startPeriodicJob`): every `everyMs` it runs dunning as of
 * today unless a scheduled run did already today (checked under the dunning lock, so several
 * instances run it once). `stop` clears the timer and waits for a run under way.
 */
export function startDailyDunning(orm: MikroORM, logger: Logger, everyMs = DUNNING_CHECK_MS): PeriodicJob {
  return startPeriodicJob(logger, {
    what: 'the daily dunning run',
    everyMs,
    run: () => runScheduledDunning(orm.em.fork()),
    done: (run) => {
      if (run) logger.info({ asOf: run.asOf, reminders: run.reminderCount }, 'daily dunning run');
    },
  });
}
