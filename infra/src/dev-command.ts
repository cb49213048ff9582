// `rapport dev [name…]`: one subgraph, several, or (without names) every subgraph and the gateway,
// each under `tsx watch`, which restarts it when a file it imports changes (its own code, the kit,
// any package), or one of the GraphQL schema files it reads. Output goes to the terminal, each line
// prefixed with the process's name. No supervisor, no demo data: that is `rapport start`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deadLetterTopic } from '@rapport/bus';
import { execa } from 'execa';
import { ALL_TOPICS, parseBrokers } from '@rapport/contracts';
import { ensureTopicsAt } from './kafka-admin.js';
import { ensureKafka, type KafkaConnection } from './kafka-broker.js';
import { CliError, say, warn } from './output.js';
import { ensureStateDirs, repoRoot } from './paths.js';
import { ensurePostgres, redact } from './postgres.js';
import { Interrupted, portAnswers, removePidFile, terminate, trapStopSignals, whenAborted, writePidFile } from './processes.js';
import { GATEWAY, HOST, SUBGRAPHS, subgraphUrlEnv, type ServiceSpec } from './services.js';

const STOP_GRACE_MS = 15_000;

/** The processes `rapport dev` runs for `names`: all subgraphs and the gateway when none are given. */
export function devTargets(names: readonly string[]): ServiceSpec[] {
  const all = [...SUBGRAPHS, GATEWAY];
  if (names.length === 0) return all;
  const unknown = names.filter((n) => !all.some((s) => s.name === n));
  if (unknown.length > 0) throw new CliError(`unknown service ${unknown.map((n) => `'${n}'`).join(', ')}: choose from ${all.map((s) => s.name).join(', ')}`);
  return all.filter((s) => names.includes(s.name));
}

/** The `tsx watch` arguments for `spec`: its entry, plus the schema files it reads rather than imports. */
export function watchArgs(spec: ServiceSpec): string[] {
  const schemas = spec.name === GATEWAY.name ? ['gateway/supergraph.graphql'] : [`services/${spec.name}/src/**/*.graphql`, 'packages/subgraph-kit/graphql/*.graphql'];
  return ['watch', '--clear-screen=false', ...schemas.flatMap((glob) => ['--include', glob]), spec.entry];
}

interface Watched {
  spec: ServiceSpec;
  pid: number;
  /** Resolves once it has exited and its output is written out. */
  exited: Promise<unknown>;
}

function startWatched(spec: ServiceSpec, env: NodeJS.ProcessEnv, stopping: () => boolean): Watched {
  // Each line of its output on this terminal, prefixed with its name.
  const label = `${spec.name.padEnd(10)} | `;
  const prefixed = function* (line: unknown): Generator<string> {
    yield `${label}${String(line)}`;
  };
  // Its own process group, so stopping it also stops the service tsx runs under it.
  const subprocess = execa(join(repoRoot, 'node_modules', '.bin', 'tsx'), watchArgs(spec), {
    cwd: repoRoot,
    env: { ...env, PORT: String(spec.port) },
    extendEnv: false,
    detached: true,
    stdin: 'ignore',
    stdout: [prefixed, 'inherit'],
    stderr: [prefixed, 'inherit'],
    buffer: false,
    reject: false,
  });
  const pid = subprocess.pid;
  if (pid === undefined) throw new CliError(`could not start ${spec.name}`);
  // `rapport stop` from another terminal finds it by this file.
  writePidFile({ name: `dev-${spec.name}`, pid, group: true, match: spec.entry });
  const exited = subprocess.then((result) => {
    removePidFile(`dev-${spec.name}`, pid);
    if (!stopping()) warn(`${spec.name}: tsx watch exited (${result.signal ?? `code ${result.exitCode}`}); the others keep running`);
  });
  return { spec, pid, exited };
}

/**
 * `rapport dev [name…]`: PostgreSQL, Kafka and the topics as for `start`, then each named process
 * under `tsx watch` until Ctrl-C, which stops them all (and a broker this command started).
 */
export async function runDev(env: Record<string, string | undefined>, names: readonly string[]): Promise<number> {
  const targets = devTargets(names);
  const missing = targets.filter((s) => !existsSync(join(repoRoot, s.entry))).map((s) => s.entry);
  if (missing.length > 0) throw new CliError(`cannot start: missing ${missing.join(', ')}`);
  const busy: string[] = [];
  for (const s of targets) if (await portAnswers(s.port, HOST)) busy.push(`${s.name} (${HOST}:${s.port})`);
  if (busy.length > 0) throw new CliError(`something already answers on the port of ${busy.join(', ')}; stop it first (\`npm run stop\`)`);

  ensureStateDirs();
  const abort = new AbortController();
  const untrap = trapStopSignals((sig) => abort.abort(new Interrupted(sig)));
  // `rapport stop` in another terminal stops this command, which then stops what it started.
  const cliPidName = `cli-dev-${process.pid}`;
  writePidFile({ name: cliPidName, pid: process.pid, group: false, match: 'cli.ts' });
  let kafka: KafkaConnection | null = null;
  const watched: Watched[] = [];
  let exitCode = 0;
  try {
    const databaseUrl = await ensurePostgres({ env, signal: abort.signal });
    say(`PostgreSQL answers at ${redact(databaseUrl)}`);
    kafka = await ensureKafka({ env, signal: abort.signal });
    const prefix = env.KAFKA_TOPIC_PREFIX ?? '';
    const topics = [...ALL_TOPICS.map((t) => `${prefix}${t}`), ...SUBGRAPHS.map((s) => deadLetterTopic(prefix, s.name))];
    await ensureTopicsAt(parseBrokers(kafka.brokers), topics);
    abort.signal.throwIfAborted();

    const childEnv: NodeJS.ProcessEnv = {
      ...env,
      PATH: `${join(repoRoot, 'node_modules', '.bin')}:${env.PATH ?? ''}`,
      HOST,
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: kafka.brokers,
      LOG_LEVEL: env.LOG_LEVEL ?? 'info',
      ...subgraphUrlEnv(),
    };
    for (const spec of targets) watched.push(startWatched(spec, childEnv, () => abort.signal.aborted));
    say(`watching ${targets.map((s) => `${s.name} (:${s.port})`).join(', ')}; a change restarts the process; Ctrl-C stops`);
    await whenAborted(abort.signal);
  } catch (error) {
    // Interrupted while still preparing: what was started is stopped below.
    const reason: unknown = abort.signal.reason;
    if (!(reason instanceof Interrupted)) throw error;
    exitCode = reason.exitCode;
  } finally {
    await Promise.all(
      watched.map(async (w) => {
        try {
          await terminate(w.pid, true, STOP_GRACE_MS);
          await w.exited;
        } catch (error) {
          warn(`could not stop ${w.spec.name}: ${String(error)}`);
        }
      }),
    );
    if (kafka?.process) await kafka.stop().catch((e: unknown) => warn(`could not stop the Kafka broker: ${String(e)}`));
    removePidFile(cliPidName, process.pid);
    untrap();
  }
  say('stopped');
  return exitCode;
}
