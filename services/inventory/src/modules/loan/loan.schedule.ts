import type { MikroORM } from '@mikro-orm/postgresql';
import { startPeriodicJob, systemViewer, type Logger, type PeriodicJob } from '@rapport/subgraph-kit';
import { flagOverdueLoans } from './loan.service.js';

/** How often the service looks for loans newly overdue: hourly, so a loan due yesterday is flagged early on the day after. */
export const OVERDUE_LOAN_CHECK_MS = 60 * 60 * 1000;

/**
 * The service's daily overdue-loan check (the kit's `startPeriodicJob`, as finance runs its dunning):
 * every `everyMs` it flags the loans whose expected return date has passed with goods still out,
 * each once (`inventory.loan.overdue.v1`; customers turns it into a to-do for the customer's owner).
 * Several instances may run it: `flagOverdueLoans` takes the loans with SKIP LOCKED and marks them.
 */
export function startOverdueLoanCheck(orm: MikroORM, logger: Logger, everyMs = OVERDUE_LOAN_CHECK_MS): PeriodicJob {
  return startPeriodicJob(logger, {
    what: 'the overdue loan check',
    everyMs,
    run: () => flagOverdueLoans(orm.em.fork(), systemViewer(null), {}),
    done: (flagged) => {
      if (flagged.length) logger.info({ loans: flagged.map((l) => l.number) }, 'overdue loans flagged');
    },
  });
}
