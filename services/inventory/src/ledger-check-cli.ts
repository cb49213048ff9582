/**
 * The stock ledger check for operators, straight against the inventory database, with the service's
 * own code (the same check as the `stockLedgerCheck` query and every test file's last step):
 *
 *   npm run ledger:check -w @rapport/inventory [-- --rebuild] [--database-url <full URL>]
 *
 * Prints every product and warehouse whose level is not the sum of its moves (or whose reserved
 * quantity is not the sum of its reservations) as JSON and exits 1 when there is any, 0 when the books
 * hold. `--rebuild` then recomputes the levels from the ledger (every product locked meanwhile),
 * checks again and prints how many levels it corrected. The database is the service's own (from
 * DATABASE_URL, as the service reads it), or `--database-url`.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { createInventoryService } from './create-inventory-service.js';
import { rebuildStockLevels, stockLedgerMismatches } from './modules/stock/stock-ledger.js';

const { values } = parseArgs({ options: { rebuild: { type: 'boolean', default: false }, 'database-url': { type: 'string' } } });

const config = { ...loadConfig(process.env), port: 0, host: '127.0.0.1', kafkaBrokers: [], logLevel: process.env.LOG_LEVEL ?? 'warn' };
if (values['database-url']) config.databaseUrl = values['database-url'];
const service = createInventoryService(config);
await service.start();
let exitCode = 0;
try {
  const mismatches = await stockLedgerMismatches(service.orm.em.fork());
  process.stdout.write(`${JSON.stringify({ mismatches }, null, 2)}\n`);
  if (mismatches.length > 0 && values.rebuild) {
    const corrected = await rebuildStockLevels(service.orm.em.fork());
    const after = await stockLedgerMismatches(service.orm.em.fork());
    process.stdout.write(`${JSON.stringify({ rebuilt: corrected, mismatchesAfter: after }, null, 2)}\n`);
    exitCode = after.length > 0 ? 1 : 0;
  } else {
    exitCode = mismatches.length > 0 ? 1 : 0;
  }
} finally {
  await service.stop();
}
process.exitCode = exitCode;
