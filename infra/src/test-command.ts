import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ensureKafka, projectBrokerAnswers, PROJECT_BROKER, startPrivateBroker, type KafkaConnection } from './kafka-broker.js';
import { say, secondsSince, warn } from './output.js';
import { repoRoot } from './paths.js';
import { createTally, tallyLine, tallyText, type Tally } from './test-tally.js';
import { ensurePostgres, redact } from './postgres.js';
import { Interrupted, signalExitCode, trapStopSignals } from './processes.js';

/** Which broker the tests use: KAFKA_BROKERS, else the project broker if it runs, else a private one. */
async function kafkaForTests(env: Record<string, string | undefined>, signal: AbortSignal): Promise<KafkaConnection> {
  if (env.KAFKA_BROKERS?.trim()) return ensureKafka({ env, signal });
  if (await projectBrokerAnswers()) {
    const brokers = `${PROJECT_BROKER.host}:${PROJECT_BROKER.port}`;
    return { brokers, process: null, stop: async () => undefined };
  }
  say('no Kafka at 127.0.0.1:9092; starting a private broker for this run');
  return startPrivateBroker({ env, signal });
}

function runTurbo(args: readonly string[], env: NodeJS.ProcessEnv, tally: Tally, onSpawn: (child: ChildProcess) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(repoRoot, 'node_modules', '.bin', 'turbo'), [...args], { cwd: repoRoot, env, stdio: ['inherit', 'pipe', 'inherit'] });
    onSpawn(child);
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) tallyLine(tally, line);
    });
    child.stdout?.on('end', () => tallyLine(tally, pending));
    child.once('error', reject);
    child.once('exit', (code, sig) => resolve(code ?? (sig ? signalExitCode(sig) : 1)));
  });
}

/**
 * `rapport test`: PostgreSQL and Kafka for the tests, then `turbo run typecheck test`; a broker
 * started here is stopped afterwards, whatever happens. Exits with turbo's code.
 */
export async function runTest(env: Record<string, string | undefined>, extraArgs: readonly string[]): Promise<number> {
  const began = performance.now();
  const abort = new AbortController();
  let turbo: ChildProcess | null = null;
  const untrap = trapStopSignals((sig) => {
    abort.abort(new Interrupted(sig));
    // Ctrl-C reaches turbo from the terminal itself; anything else is passed on.
    if (turbo && sig !== 'SIGINT') turbo.kill(sig);
  });
  let kafka: KafkaConnection | null = null;
  let exitCode = 1;
  const tally = createTally();
  try {
    const databaseUrl = await ensurePostgres({ env, signal: abort.signal });
    kafka = await kafkaForTests(env, abort.signal);
    say(`tests use PostgreSQL at ${redact(databaseUrl)} and Kafka at ${kafka.brokers}${kafka.process ? ' (private broker)' : ''}`);

    const childEnv: NodeJS.ProcessEnv = {
      ...env,
      PATH: `${join(repoRoot, 'node_modules', '.bin')}:${env.PATH ?? ''}`,
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: kafka.brokers,
      TURBO_TELEMETRY_DISABLED: env.TURBO_TELEMETRY_DISABLED ?? '1',
    };
    delete childEnv.KAFKA_TOPIC_PREFIX;
    const ci = env.CI === 'true' || env.CI === '1';
    if (ci && env.FORCE_COLOR === undefined) childEnv.NO_COLOR = '1'; // plain logs for CI
    const args = ['run', 'typecheck', 'test', '--concurrency=2', ...(ci ? ['--log-order=stream', '--no-color'] : []), ...extraArgs];
    abort.signal.throwIfAborted();
    exitCode = await runTurbo(args, childEnv, tally, (child) => {
      turbo = child;
    });
    const reason: unknown = abort.signal.reason;
    if (reason instanceof Interrupted) exitCode = reason.exitCode;
  } catch (error) {
    const reason: unknown = abort.signal.reason;
    if (!(reason instanceof Interrupted)) throw error;
    exitCode = reason.exitCode;
  } finally {
    if (kafka?.process) {
      try {
        await kafka.stop();
        say('private Kafka broker stopped');
      } catch (error) {
        warn(`could not stop the private Kafka broker: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    untrap();
    say(`rapport test: ${exitCode === 0 ? 'passed' : `failed (exit ${exitCode})`} in ${secondsSince(began)} s`);
    if (tally.files > 0) say(tallyText(tally));
  }
  return exitCode;
}
