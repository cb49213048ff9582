import { TRASH_PREFIX_ENV, dropSetAsideDatabases, newTrashPrefix } from './index.js';

// The global setup of every workspace's test run (vitest.shared.ts): test databases dropped during
// the run are set aside (renamed) and dropped together at its end (`TRASH_PREFIX_ENV`).
export function setup(): () => Promise<void> {
  // Workers start after the global setup and inherit the environment; the projects of one root run share one prefix.
  const prefix = (process.env[TRASH_PREFIX_ENV] ??= newTrashPrefix());
  return async () => {
    // A run without a database server (pure units) sets nothing aside; what a failure leaves, a later run drops.
    await dropSetAsideDatabases(prefix).catch((error: unknown) => {
      process.stderr.write(`test databases set aside under ${prefix} not dropped: ${String(error)}\n`);
    });
  };
}
