import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_TOPICS } from '@rapport/contracts';
import { loadDemoData } from './demo-data.js';
import { createTopics, parseBrokers } from './kafka-admin.js';
import { ensureKafka, type KafkaConnection } from './kafka-broker.js';
import { CliError, indent, say, secondsSince, warn } from './output.js';
import { ensureStateDirs, logDir, repoRoot } from './paths.js';
import { ensurePostgres, redact } from './postgres.js';
import {
  Interrupted,
  pidRecordLive,
  portAnswers,
  readPidFiles,
  removePidFile,
  spawnManaged,
  stopManaged,
  tailFile,
  trapStopSignals,
  waitForHttpOk,
  whenAborted,
  writePidFile,
  type ManagedProcess,
} from './processes.js';
import { explorerUrl, GATEWAY, graphqlUrl, HOST, readyUrl, SUBGRAPHS, subgraphUrlEnv, type ServiceSpec } from './services.js';

const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 10_000;
/** The pid file of a `rapport start` run; several may exist, one per (attempted) run. */
const SUPERVISOR_PREFIX = 'cli-start-';

/** What this run started, stopped in reverse: gateway, subgraphs, then Kafka if it started it. */
interface Started {
  kafka: KafkaConnection | null;
  subgraphs: ManagedProcess[];
  gateway: ManagedProcess | null;
}

const tsxBin = join(repoRoot, 'node_modules', '.bin', 'tsx');

/** Refuses to start over a running system, and over missing entry points. */
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
  const missing = all.filter((s) => !existsSync(join(repoRoot, s.entry))).map((s) => s.entry);
  if (missing.length > 0) throw new CliError(`cannot start: missing ${missing.join(', ')}`);
}

function spawnService(spec: ServiceSpec, env: NodeJS.ProcessEnv): Promise<ManagedProcess> {
  return spawnManaged({
    name: spec.name,
    command: tsxBin,
    args: [spec.entry],
    cwd: repoRoot,
    env: { ...env, PORT: String(spec.port) },
    logFile: join(logDir, `${spec.name}.log`),
  });
}

async function shutdown(started: Started): Promise<void> {
  const stop = async (p: ManagedProcess): Promise<void> => {
    try {
      const how = await stopManaged(p, STOP_GRACE_MS);
      say(`  stopped ${p.name}${how === 'killed' ? ' (killed after 10 s)' : ''}`);
    } catch (error) {
      warn(`could not stop ${p.name} (pid ${p.pid}): ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  if (started.gateway) await stop(started.gateway);
  await Promise.all(started.subgraphs.map(stop));
  if (started.kafka?.process) await stop(started.kafka.process);
}

/**
 * `rapport start`: PostgreSQL, Kafka and topics, the subgraphs, the gateway, demo data; then
 * stays in the foreground until a stop signal (Ctrl-C, or `rapport stop` from elsewhere).
 */
export async function runStart(env: Record<string, string | undefined>): Promise<number> {
  const began = performance.now();
  ensureStateDirs();
  await preflight([GATEWAY, ...SUBGRAPHS]);

  const abort = new AbortController();
  const untrap = trapStopSignals((sig) => abort.abort(new Interrupted(sig)));
  const signal = abort.signal;
  const supervisor = `${SUPERVISOR_PREFIX}${process.pid}`;
  writePidFile({ name: supervisor, pid: process.pid, group: false, match: 'cli.ts' });
  const started: Started = { kafka: null, subgraphs: [], gateway: null };
  let exitCode = 0;
  try {
    const databaseUrl = await ensurePostgres({ env, signal });
    say(`PostgreSQL answers at ${redact(databaseUrl)}`);

    started.kafka = await ensureKafka({ env, signal });
    const brokers = started.kafka.brokers;
    const prefix = env.KAFKA_TOPIC_PREFIX ?? '';
    // Each subgraph ensures these same topics (its own dead-letter topic too) as it starts;
    // creating them all here first spares seven clients racing to create the same topics.
    const topics = [...ALL_TOPICS, ...SUBGRAPHS.map((s) => `dlq.${s.name}`)].map((t) => `${prefix}${t}`);
    const created = await createTopics(parseBrokers(brokers), topics, 3);
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
    for (const spec of SUBGRAPHS) {
      const p = await spawnService(spec, childEnv);
      started.subgraphs.push(p);
      launched.push({ spec, p });
    }
    // The first subgraph to fail ends every wait, so its log is the one shown.
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

    started.gateway = await spawnService(GATEWAY, { ...childEnv, ...subgraphUrlEnv() });
    await waitForHttpOk(readyUrl(GATEWAY.port), { timeoutMs: READY_TIMEOUT_MS, process: started.gateway, signal });
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
    say(`  Logs      ${logDir}`);
    say('Ctrl-C (or `npm run stop` in another terminal) stops everything.');

    const watched = [started.gateway, ...started.subgraphs, ...(started.kafka.process ? [started.kafka.process] : [])];
    const crashed = await Promise.race([whenAborted(signal).then(() => null), ...watched.map((p) => p.exited.then(() => p))]);
    if (crashed) {
      const status = crashed.exitStatus();
      warn(`${crashed.name} exited unexpectedly (${status?.signal ?? `code ${status?.code}`}); last lines of ${crashed.logFile}:\n${indent(tailFile(crashed.logFile))}`);
      exitCode = 1;
    }
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
    await shutdown(started);
    removePidFile(supervisor, process.pid);
    untrap();
  }
  say(exitCode === 0 ? 'Rapport stopped' : 'stopped');
  return exitCode;
}
