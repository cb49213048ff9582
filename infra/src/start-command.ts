import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deadLetterTopic } from '@rapport/bus';
import { ALL_TOPICS, parseBrokers } from '@rapport/contracts';
import { loadDemoData } from './demo-data.js';
import { ensureTopicsAt } from './kafka-admin.js';
import { ensureKafka } from './kafka-broker.js';
import { CliError, say, secondsSince, warn } from './output.js';
import { ensureStateDirs, logDir, repoRoot } from './paths.js';
import { ensurePostgres, redact } from './postgres.js';
import {
  Interrupted,
  pidRecordLive,
  portAnswers,
  readPidFiles,
  removePidFile,
  runCaptured,
  spawnManaged,
  trapStopSignals,
  waitForHttpOk,
  whenAborted,
  writePidFile,
  type ManagedProcess,
} from './processes.js';
import { builtCommand, builtEntry, explorerUrl, GATEWAY, graphqlUrl, HOST, readyUrl, SUBGRAPHS, subgraphUrlEnv, type ServiceSpec } from './services.js';
import { supervisorStateFile } from './status-command.js';
import { describeEvent, Supervisor, type SupervisedSpec } from './supervisor.js';

const READY_TIMEOUT_MS = 90_000;
/** A service drains HTTP (5 s at most) and stops its Kafka clients (4 s at most) within this. */
const STOP_GRACE_MS = 15_000;
/** The pid file of a `rapport start` run; several may exist, one per (attempted) run. */
const SUPERVISOR_PREFIX = 'cli-start-';

const turboBin = join(repoRoot, 'node_modules', '.bin', 'turbo');

/**
 * Compiles every workspace into its `dist/` (turbo's `build` task; a workspace whose sources did
 * not change is taken from turbo's cache), so the services start under plain Node.
 */
export function buildAll(signal?: AbortSignal): Promise<string> {
  return runCaptured(turboBin, ['run', 'build', '--output-logs=errors-only'], 'building the services (npm run build)', { cwd: repoRoot, ...(signal ? { signal } : {}) });
}

/** Refuses to start over a running system. */
async function preflight(all: readonly ServiceSpec[]): Promise<void> {
  const previous = readPidFiles().find((r) => r.name.startsWith(SUPERVISOR_PREFIX) && r.pid !== process.pid && pidRecordLive(r));
  if (previous) throw new CliError(`\`rapport start\` already runs (pid ${previous.pid}); stop it with \`npm run stop\` first`);
  const busy: string[] = [];
  await Promise.all(
    all.map(async (s) => {
      if (await portAnswers(s.port, HOST)) busy.push(`${s.name} (${HOST}:${s.port})`);
    }),
  );
  if (busy.length > 0) {
    throw new CliError(`something already answers on the port of ${busy.join(', ')}: a previous \`npm start\` may still run; stop it with \`npm run stop\``);
  }
}

/** Compiles the services and the gateway (`buildAll`), and refuses to start when an entry point is missing after it. */
async function build(all: readonly ServiceSpec[], began: number): Promise<void> {
  await buildAll();
  const missing = all.filter((s) => !existsSync(join(repoRoot, builtEntry(s)))).map(builtEntry);
  if (missing.length > 0) throw new CliError(`cannot start: missing ${missing.join(', ')}`);
  say(`built the services and the gateway (${secondsSince(began)} s)`);
}

function spawnService(spec: ServiceSpec, env: NodeJS.ProcessEnv): Promise<ManagedProcess> {
  const { command, args, env: builtEnv } = builtCommand(spec);
  return spawnManaged({
    name: spec.name,
    command,
    args,
    cwd: repoRoot,
    env: { ...env, ...builtEnv, PORT: String(spec.port) },
    logFile: join(logDir, `${spec.name}.log`),
  });
}

/** Stops in order: the gateway, the subgraphs, then the broker (if this run started it). */
async function shutdown(supervisor: Supervisor): Promise<void> {
  await supervisor
    .stop([[GATEWAY.name], SUBGRAPHS.map((s) => s.name), ['kafka']], (name, how) => say(`  stopped ${name}${how === 'killed' ? ' (killed after its grace period)' : ''}`))
    .catch((error: unknown) => warn(`could not stop everything: ${error instanceof Error ? error.message : String(error)}`));
}

/** What the supervisor (re)starts: the service on its port, with its readiness URL. */
function serviceSpec(spec: ServiceSpec, env: NodeJS.ProcessEnv): SupervisedSpec {
  return { name: spec.name, spawn: () => spawnService(spec, env), readyUrl: readyUrl(spec.port), stopGraceMs: STOP_GRACE_MS };
}

/**
 * `rapport start`: PostgreSQL, Kafka and topics, the subgraphs, the gateway, demo data; then stays
 * in the foreground supervising them until a stop signal (Ctrl-C, or `rapport stop` from
 * elsewhere). A process that crashes is restarted with backoff while the others keep running; one
 * that crashes 5 times within a minute is given up on, loudly. `rapport status` shows them all.
 */
export async function runStart(env: Record<string, string | undefined>): Promise<number> {
  const began = performance.now();
  ensureStateDirs();
  await preflight([GATEWAY, ...SUBGRAPHS]);
  await build([GATEWAY, ...SUBGRAPHS], began);

  const abort = new AbortController();
  const untrap = trapStopSignals((sig) => abort.abort(new Interrupted(sig)));
  const signal = abort.signal;
  const cliPidName = `${SUPERVISOR_PREFIX}${process.pid}`;
  writePidFile({ name: cliPidName, pid: process.pid, group: false, match: 'cli.ts' });
  const supervisor = new Supervisor({
    stateFile: supervisorStateFile,
    onEvent: (event) => (event.kind === 'restarted' ? say(describeEvent(event)) : warn(describeEvent(event))),
  });
  let exitCode = 0;
  let up = false;
  try {
    const databaseUrl = await ensurePostgres({ env, signal });
    say(`PostgreSQL answers at ${redact(databaseUrl)}`);

    const kafka = await ensureKafka({ env, signal });
    const brokers = kafka.brokers;
    // A broker this run started is supervised like the services; someone else's is theirs to keep up.
    if (kafka.process && kafka.relaunch) supervisor.adopt({ name: 'kafka', spawn: kafka.relaunch, stopGraceMs: STOP_GRACE_MS }, kafka.process);
    const prefix = env.KAFKA_TOPIC_PREFIX ?? '';
    // Each subgraph ensures these same topics (its own dead-letter topic too) as it starts;
    // creating them all here first spares seven clients racing to create the same topics.
    const topics = [...ALL_TOPICS.map((t) => `${prefix}${t}`), ...SUBGRAPHS.map((s) => deadLetterTopic(prefix, s.name))];
    const created = await ensureTopicsAt(parseBrokers(brokers), topics);
    say(`topics: ${created.length} created, ${topics.length - created.length} already there`);

    const childEnv: NodeJS.ProcessEnv = {
      ...env,
      PATH: `${join(repoRoot, 'node_modules', '.bin')}:${env.PATH ?? ''}`,
      HOST,
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: brokers,
      LOG_LEVEL: env.LOG_LEVEL ?? 'info',
    };

    say(`starting ${SUBGRAPHS.length} subgraphs (logs in ${logDir})`);
    const launched: { spec: ServiceSpec; p: ManagedProcess }[] = [];
    for (const spec of SUBGRAPHS) launched.push({ spec, p: await supervisor.add(serviceSpec(spec, childEnv)) });
    // The first subgraph to fail ends every wait, so its log is the one shown. A process that dies
    // while starting fails the start (its log says why) rather than being restarted in a loop.
    const failed = new AbortController();
    const waits = AbortSignal.any([signal, failed.signal]);
    await Promise.all(
      launched.map(async ({ spec, p }) => {
        try {
          await waitForHttpOk(readyUrl(spec.port), { timeoutMs: READY_TIMEOUT_MS, process: p, signal: waits });
        } catch (error) {
          failed.abort(error);
          throw error;
        }
        say(`  ${spec.name.padEnd(10)} ready at ${graphqlUrl(spec.port)} (${secondsSince(began)} s)`);
      }),
    );

    const gateway = await supervisor.add(serviceSpec(GATEWAY, { ...childEnv, ...subgraphUrlEnv() }));
    await waitForHttpOk(readyUrl(GATEWAY.port), { timeoutMs: READY_TIMEOUT_MS, process: gateway, signal });
    const gatewayUrl = graphqlUrl(GATEWAY.port);
    say(`  ${GATEWAY.name.padEnd(10)} ready at ${gatewayUrl} (${secondsSince(began)} s)`);

    try {
      const summary: unknown = await loadDemoData(gatewayUrl);
      say(`demo data: ${typeof summary === 'string' ? summary : JSON.stringify(summary)}`);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      warn(`demo data not loaded: ${error instanceof Error ? error.message : String(error)}`);
    }

    say('');
    say(`Rapport is up in ${secondsSince(began)} s`);
    say(`  GraphQL   ${gatewayUrl}`);
    say(`  Explorer  ${explorerUrl(GATEWAY.port)}`);
    say(`  Logs      ${logDir} (appended across restarts, rotated at 20 MB)`);
    say('A process that crashes is restarted; `npm run status` shows each one, its restarts and readiness.');
    say('Ctrl-C (or `npm run stop` in another terminal) stops everything.');
    up = true;

    await whenAborted(signal);
    say('stopping Rapport');
  } catch (error) {
    const reason: unknown = signal.reason;
    if (reason instanceof Interrupted) {
      say(`interrupted (${reason.signal}) while starting; stopping what was started`);
      exitCode = reason.exitCode;
    } else {
      warn(error instanceof CliError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
      say('start failed; stopping what was started');
      exitCode = 1;
    }
  } finally {
    await shutdown(supervisor);
    removePidFile(cliPidName, process.pid);
    rmSync(supervisorStateFile, { force: true });
    untrap();
  }
  say(up && exitCode === 0 ? 'Rapport stopped' : 'stopped');
  return exitCode;
}
