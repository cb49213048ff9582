// The writers' process of bench/events.bench.ts (forked by it): its own ORM on the bench's database
// (BENCH_DB_URL); runs the write jobs the bench sends and answers what it wrote.
import { MikroORM } from '@mikro-orm/postgresql';
import { BUS_ENTITIES } from '../src/index.js';
import { runWriteJob, type WriteJob } from './writers.js';

const orm = await MikroORM.init({ clientUrl: process.env.BENCH_DB_URL, entities: BUS_ENTITIES, discovery: { warnWhenNoEntities: false } });
process.on('message', (job: WriteJob) => {
  runWriteJob(orm, job).then(
    (written) => process.send?.(written),
    (error: unknown) => {
      process.stderr.write(`writers failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
});
process.on('disconnect', () => void orm.close(true));
process.send?.('ready');
