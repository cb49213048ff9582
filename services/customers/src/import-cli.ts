/**
 * Imports customers from a CSV or XLSX file straight into the customers database, with the
 * service's own code, as an ADMIN user:
 *
 *   npm run import -w @rapport/customers -- --file customers.csv --mapping name=Company,email=Email \
 *     --as <userId> [--format csv|xlsx] [--dry-run] [--duplicates skip|merge|create] [--mode per-row|all-or-nothing]
 *
 * `--mapping` pairs import fields (camelCase, e.g. contactEmail) with header columns. The format
 * follows the file's extension (.xlsx: XLSX, first worksheet; anything else: CSV) unless
 * `--format` says. The database is the service's own (from DATABASE_URL), or
 * `--database-url <full URL>`. The run gets a request id of its own (in its audit entries and
 * events). Prints progress per batch and the report as JSON.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Principal } from '@rapport/auth';
import { isAppError, requireUuid } from '@rapport/errors';
import { loadConfig } from './config.js';
import { callerOf } from '@rapport/subgraph-kit';
import { createCustomersService } from './create-customers-service.js';
import { customerPolicy } from './modules/customer/customer.policy.js';
import { DUPLICATE_HANDLING, IMPORT_MODES } from './modules/import/import-job.entity.js';
import { IMPORT_FORMATS, importFieldOf } from './modules/import/import.parser.js';
import { importCustomers } from './modules/import/import.service.js';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    format: { type: 'string' },
    mapping: { type: 'string' },
    as: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    duplicates: { type: 'string', default: 'skip' },
    mode: { type: 'string', default: 'per-row' },
    'database-url': { type: 'string' },
  },
});

const fail = (message: string): never => {
  process.stderr.write(`import: ${message}\n`);
  process.exit(2);
};

/** Whether `value` is one of `allowed` (the CLI checks its flags itself: the service takes the GraphQL enums' values). */
const isOneOf = <T extends string>(value: string, allowed: readonly T[]): value is T => (allowed as readonly string[]).includes(value);

const file = values.file ?? fail('--file <path.csv|path.xlsx> is required');
const formatText = (values.format ?? (file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv')).toUpperCase();
const format = isOneOf(formatText, IMPORT_FORMATS) ? formatText : fail('--format must be csv or xlsx');
const duplicatesText = (values.duplicates ?? 'skip').toUpperCase();
const duplicates = isOneOf(duplicatesText, DUPLICATE_HANDLING) ? duplicatesText : fail('--duplicates must be skip, merge or create');
const modeText = (values.mode ?? 'per-row').toUpperCase().replace(/-/g, '_');
const mode = isOneOf(modeText, IMPORT_MODES) ? modeText : fail('--mode must be per-row or all-or-nothing');
const mappingText = values.mapping ?? fail('--mapping field=Column,… is required');
const userId = requireUuid('--as', values.as ?? fail('--as <userId> is required (the import runs as this ADMIN user)'));
const mapping = mappingText.split(',').map((pair) => {
  const [field, ...column] = pair.split('=');
  const known = field ? importFieldOf(field) : undefined;
  if (!known || column.length === 0) return fail(`--mapping: "${pair}" is not field=Column with a known field`);
  return { field: known, column: column.join('=') };
});
const requestId = `import-cli-${randomUUID()}`;
const principal: Principal = { userId, email: 'import-cli@rapport.local', role: 'ADMIN', teamIds: [], tokenId: `import-cli-${randomUUID()}` };

const config = { ...loadConfig(process.env), port: 0, host: '127.0.0.1', kafkaBrokers: [], logLevel: process.env.LOG_LEVEL ?? 'warn' };
if (values['database-url']) config.databaseUrl = values['database-url'];
const service = createCustomersService(config);
await service.start();
const started = Date.now();
try {
  const content = await readFile(file);
  const report = await importCustomers(
    service.orm.em.fork(),
    callerOf(principal).viewer(customerPolicy, 'write'),
    {
      format,
      ...(format === 'XLSX' ? { file: content.toString('base64') } : { csv: content.toString('utf8') }),
      mapping,
      dryRun: values['dry-run'] ?? false,
      duplicates,
      mode,
    },
    { actor: userId, requestId, correlationId: requestId },
    (p) =>
      process.stdout.write(
        `${p.processed}/${p.total} rows: ${p.created} created, ${p.merged} merged, ${p.skipped} skipped, ${p.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
      ),
  );
  const { errors, duplicateRows, ...summary } = report;
  process.stdout.write(
    `${JSON.stringify({ ...summary, requestId, errors: errors.slice(0, 20), moreErrors: Math.max(0, errors.length - 20), duplicateRows: duplicateRows.slice(0, 20), moreDuplicateRows: Math.max(0, duplicateRows.length - 20) }, null, 2)}\n`,
  );
  process.stdout.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  process.exitCode = report.status === 'COMPLETED' ? 0 : 1;
} catch (error) {
  process.stderr.write(`import: ${isAppError(error) ? `${error.field ?? ''} ${error.message}` : String(error)}\n`);
  process.exitCode = 2;
} finally {
  await service.stop();
}
