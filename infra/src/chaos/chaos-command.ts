import { cpus, totalmem } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { CliError, say, warn } from '../output.js';
import { ensureStateDirs } from '../paths.js';
import { Interrupted, removePidFile, trapStopSignals, writePidFile } from '../processes.js';
import { SUBGRAPHS } from '../services.js';
import { formatTable } from '../status-command.js';
import { describeEvent } from '../supervisor.js';
import { createChecker, consistent, type Snapshot } from './checks.js';
import { ChaosClient, runLoad } from './load.js';
import { startChaosSystem, type ChaosSystem } from './system.js';

// `rapport chaos`: faults under load, one at a time, on a private system (own PostgreSQL, own
// broker, every subgraph and the gateway on free ports), and a table of what each did.

const ADMIN = { email: 'admin@rapport.example', password: 'rapport-admin-password' };
/** Load before the fault, and after it heals, so the fault meets traffic in flight. */
const LOAD_BEFORE_MS = 3_000;
const LOAD_AFTER_MS = 5_000;
const DATABASE_OUTAGE_MS = 10_000;
/** How long to wait for consistency before calling a scenario failed. */
const CONSISTENCY_TIMEOUT_MS = 120_000;

interface Scenario {
  name: string;
  /** Injects the fault; resolves when it has healed from the suite's side (the database back), or at once for a kill. */
  inject(system: ChaosSystem): Promise<void>;
}

/** kill -9 of a process's whole group (tsx and the service it runs), as an OOM kill would. */
const killScenario = (name: string): Scenario => ({
  name: `kill -9 ${name}`,
  async inject(system) {
    const current = system.supervisor.current(name);
    if (!current) throw new CliError(`${name} is not running before its scenario`);
    process.kill(-current.pid, 'SIGKILL');
  },
});

const databaseScenario: Scenario = {
  name: `database down ${DATABASE_OUTAGE_MS / 1000} s`,
  async inject(system) {
    await system.postgres.stop();
    await sleep(DATABASE_OUTAGE_MS);
    await system.postgres.start();
  },
};

export const SCENARIOS: readonly Scenario[] = [...SUBGRAPHS.map((s) => killScenario(s.name)), killScenario('gateway'), killScenario('kafka'), databaseScenario];
const QUICK = ['kill -9 sales', 'kill -9 kafka'];

export interface ScenarioResult {
  scenario: string;
  operations: number;
  lost: number;
  doubled: number;
  clientErrors: number;
  gaveUp: number;
  deadLetters: number;
  /** Seconds from the end of the fault until everything checked out, or null when it never did. */
  secondsToConsistency: number | null;
  recovered: boolean;
  notes: string[];
}

function summarize(scenario: string, snapshot: Snapshot, before: Snapshot | null, ops: ChaosClient['operations'], seconds: number | null, recovered: boolean): ScenarioResult {
  const mine = ops.filter((o) => o.scenario === scenario);
  const missingBefore = new Set((before?.missingInbox ?? []).map((m) => `${m.consumer} ${m.eventId}`));
  const newlyMissing = snapshot.missingInbox.filter((m) => !missingBefore.has(`${m.consumer} ${m.eventId}`));
  const lostRecords = snapshot.lostRecords.filter((o) => o.scenario === scenario);
  const doubledRecords = snapshot.doubledRecords.filter((o) => o.scenario === scenario);
  const doubledEffects = Math.max(0, snapshot.doubledShipments - (before?.doubledShipments ?? 0)) + Math.max(0, snapshot.doubledEvents - (before?.doubledEvents ?? 0));
  const notes: string[] = [];
  if (lostRecords.length) notes.push(`records missing for ${lostRecords.map((o) => `${o.kind} #${o.seq}`).join(', ')}`);
  if (newlyMissing.length) {
    const byType = new Map<string, number>();
    for (const m of newlyMissing) byType.set(`${m.type} → ${m.consumer}`, (byType.get(`${m.type} → ${m.consumer}`) ?? 0) + 1);
    notes.push(`events not handled: ${[...byType].map(([k, n]) => `${n}× ${k}`).join(', ')}`);
  }
  if (doubledRecords.length) notes.push(`doubled by retries: ${doubledRecords.map((o) => `${o.kind} #${o.seq} (${o.failedAttempts} failed attempts)`).join(', ')}`);
  if (doubledEffects) notes.push(`${doubledEffects} effects doubled (shipments/events)`);
  if (snapshot.unpublished) notes.push(`${snapshot.unpublished} outbox rows unpublished`);
  const gaveUp = mine.filter((o) => o.outcome === 'gave-up');
  if (gaveUp.length) notes.push(`${gaveUp.length} operations without a definite answer (${gaveUp[0]?.lastError ?? ''})`);
  const refused = mine.filter((o) => o.outcome === 'refused');
  if (refused.length) notes.push(`${refused.length} refused (${[...new Set(refused.map((o) => o.lastError?.split(':')[0]))].join(', ')})`);
  const deadLetters = snapshot.deadLetters - (before?.deadLetters ?? 0);
  if (deadLetters) notes.push(`${deadLetters} dead letters`);
  if (!recovered) notes.push('not every process back to ready');
  return {
    scenario,
    operations: mine.length,
    lost: lostRecords.length + newlyMissing.length,
    doubled: doubledRecords.length + doubledEffects,
    clientErrors: mine.reduce((sum, o) => sum + o.failedAttempts, 0) + refused.length,
    gaveUp: gaveUp.length,
    deadLetters,
    secondsToConsistency: seconds,
    recovered,
    notes,
  };
}

export function resultTable(results: readonly ScenarioResult[]): string {
  return formatTable(
    ['scenario', 'ops', 'lost', 'doubled', 'client errors', 'dead letters', 'time to consistency', 'back to ready'],
    results.map((r) => [
      r.scenario,
      r.operations,
      r.lost,
      r.doubled,
      r.clientErrors,
      r.deadLetters,
      r.secondsToConsistency === null ? `> ${CONSISTENCY_TIMEOUT_MS / 1000} s` : `${r.secondsToConsistency.toFixed(1)} s`,
      r.recovered ? 'yes' : 'NO',
    ]),
  );
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    signal.throwIfAborted();
    if (await condition().catch(() => false)) return true;
    await sleep(500);
  }
  return false;
}

/** `rapport chaos [--quick] [--only <scenario substring>]` */
export async function runChaos(env: Record<string, string | undefined>, args: readonly string[]): Promise<number> {
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const scenarios = SCENARIOS.filter((s) => (args.includes('--quick') ? QUICK.includes(s.name) : only ? s.name.includes(only) : true));
  if (scenarios.length === 0) throw new CliError(`no scenario matches; scenarios: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  ensureStateDirs();
  const abort = new AbortController();
  const untrap = trapStopSignals((sig) => abort.abort(new Interrupted(sig)));
  const pidName = `cli-chaos-${process.pid}`;
  writePidFile({ name: pidName, pid: process.pid, group: false, match: 'cli.ts' });
  const began = performance.now();
  let system: ChaosSystem | undefined;
  const results: ScenarioResult[] = [];
  try {
    system = await startChaosSystem({ env, say, onEvent: (e) => say(`  [supervisor] ${describeEvent(e).split('\n')[0]}`) });
    say(`system up in ${((performance.now() - began) / 1000).toFixed(0)} s; gateway ${system.gatewayUrl}`);
    const client = new ChaosClient(system.gatewayUrl, ADMIN);
    await client.signIn();
    const customerIds: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const created = await client.must<{ createCustomer: { id: string } }>('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
        input: { name: `Chaos customer ${i + 1}`, kind: 'COMPANY' },
      });
      customerIds.push(created.createCustomer.id);
    }
    const product = await client.must<{ createProduct: { id: string } }>('mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
      input: { sku: `CHAOS-${Date.now()}`, name: 'Chaos test part', unit: 'pcs', listPrice: { amount: '10.00', currency: 'EUR' } },
    });
    const fixtures = { customerIds, productId: product.createProduct.id };
    const checker = createChecker(system.databaseUrl, system.kafka.brokers);
    const active = system;
    try {
      // Warm-up: every kind of operation and event once, fault-free, so each consumer has shown
      // which event types it handles (the checks expect an inbox row from each of them).
      let current = 'warm-up';
      const warm = runLoad(client, () => current, fixtures, 3);
      await sleep(4_000);
      warm.stop();
      await warm.done;
      let last: Snapshot | null = null;
      if (!(await until(async () => consistent((last = await checker.snapshot(client.operations))), CONSISTENCY_TIMEOUT_MS, abort.signal))) {
        warn(`the warm-up never became consistent: ${JSON.stringify(last, (_k, v: unknown) => (Array.isArray(v) ? v.length : v))}`);
      }
      say(`warm-up: ${client.operations.length} operations, consistent`);

      for (const scenario of scenarios) {
        abort.signal.throwIfAborted();
        current = scenario.name;
        say(`\n== ${scenario.name}`);
        const load = runLoad(client, () => current, fixtures, 4);
        await sleep(LOAD_BEFORE_MS);
        await scenario.inject(active);
        const healed = performance.now();
        await sleep(LOAD_AFTER_MS);
        // Keep the load on until the system answers again, so clients ride the whole outage.
        await until(() => active.allReady(), 60_000, abort.signal);
        load.stop();
        await load.done;
        let snapshot: Snapshot | null = null;
        const ok = await until(
          async () => {
            snapshot = await checker.snapshot(client.operations);
            return consistent(snapshot) && (await active.allReady());
          },
          CONSISTENCY_TIMEOUT_MS,
          abort.signal,
        );
        const seconds = ok ? (performance.now() - healed) / 1000 : null;
        const recovered = await active.allReady();
        snapshot ??= await checker.snapshot(client.operations);
        const result = summarize(scenario.name, snapshot, last, client.operations, seconds, recovered);
        last = snapshot;
        results.push(result);
        say(resultTable([result]).split('\n')[1] ?? '');
        for (const note of result.notes) say(`   - ${note}`);
      }
    } finally {
      await checker.close();
    }
  } catch (error) {
    const reason: unknown = abort.signal.reason;
    if (reason instanceof Interrupted) warn(`interrupted (${reason.signal}); stopping the private system`);
    else warn(error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    say('stopping the private system');
    await system?.stop();
    removePidFile(pidName, process.pid);
    untrap();
  }
  if (results.length === 0) return 1;
  say(`\nRapport chaos run, ${new Date().toISOString().slice(0, 16)} UTC, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB`);
  say(resultTable(results));
  const notes = results.flatMap((r) => r.notes.map((n) => `${r.scenario}: ${n}`));
  if (notes.length) say(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
  const passed = results.every((r) => r.lost === 0 && r.doubled === 0 && r.deadLetters === 0 && r.recovered && r.secondsToConsistency !== null && r.secondsToConsistency < 15);
  say(passed ? '\nall scenarios met the targets (0 lost, 0 doubled, no dead letters, back to ready, consistent within 15 s)' : '\nsome scenarios missed the targets (see above)');
  return passed && results.length === scenarios.length ? 0 : 1;
}
