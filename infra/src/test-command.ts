import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_DIR_ENV, testWorkspaces } from '../../vitest.shared.js';
import { ensureChromium } from './chromium.js';
import { ensureKafka, projectBrokerAnswers, PROJECT_BROKER, startPrivateBroker, type KafkaConnection } from './kafka-broker.js';
import { say, secondsSince, warn } from './output.js';
import { repoRoot, stateDir } from './paths.js';
import { readTally, tallyText } from './test-tally.js';
import { ensurePostgres, redact } from './postgres.js';
import { Interrupted, runInTerminal, trapStopSignals, type Killable } from './processes.js';

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

/** Where each workspace's vitest writes its JSON report during `rapport test` (emptied first). */
export const testReportDir = join(stateDir, 'test-results');

/**
 * `rapport test`: PostgreSQL and Kafka for the tests, then `turbo run lint typecheck test` (lint: the
 * root's ESLint and Prettier check, a turbo root task beside the workspaces' tasks); a broker
 * started here is stopped afterwards, whatever happens. Exits with turbo's code.
 */
export async function runTest(env: Record<string, string | undefined>, extraArgs: readonly string[]): Promise<number> {
  const began = performance.now();
  const abort = new AbortController();
  let turbo: Killable | null = null;
  const untrap = trapStopSignals((sig) => {
    abort.abort(new Interrupted(sig));
    // Ctrl-C reaches turbo from the terminal itself; anything else is passed on.
    if (turbo && sig !== 'SIGINT') turbo.kill(sig);
  });
  let kafka: KafkaConnection | null = null;
  let exitCode = 1;
  let ranTests = false;
  try {
    const databaseUrl = await ensurePostgres({ env, signal: abort.signal });
    kafka = await kafkaForTests(env, abort.signal);
    say(`tests use PostgreSQL at ${redact(databaseUrl)} and Kafka at ${kafka.brokers}${kafka.process ? ' (private broker)' : ''}`);
    const chromium = ensureChromium(env);

    const childEnv: NodeJS.ProcessEnv = {
      ...env,
      PATH: `${join(repoRoot, 'node_modules', '.bin')}:${env.PATH ?? ''}`,
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: kafka.brokers,
      TURBO_TELEMETRY_DISABLED: env.TURBO_TELEMETRY_DISABLED ?? '1',
      [REPORT_DIR_ENV]: testReportDir,
      ...(chromium ? { CHROMIUM_PATH: chromium } : {}),
    };
    delete childEnv.KAFKA_TOPIC_PREFIX;
    const ci = env.CI === 'true' || env.CI === '1';
    if (ci && env.FORCE_COLOR === undefined) childEnv.NO_COLOR = '1'; // plain logs for CI
    const args = ['run', 'lint', 'typecheck', 'test', '--concurrency=2', ...(ci ? ['--log-order=stream', '--no-color'] : []), ...extraArgs];
    abort.signal.throwIfAborted();
    rmSync(testReportDir, { recursive: true, force: true });
    mkdirSync(testReportDir, { recursive: true });
    ranTests = true;
    exitCode = await runInTerminal(join(repoRoot, 'node_modules', '.bin', 'turbo'), args, {
      cwd: repoRoot,
      env: childEnv,
      onSpawn: (subprocess) => {
        turbo = subprocess;
      },
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
    if (ranTests) {
      try {
        // With turbo arguments (a --filter, say) which workspaces should report is turbo's to know.
        const expected = extraArgs.length === 0 ? testWorkspaces().map((w) => w.name) : [];
        say(tallyText(readTally(testReportDir, expected)));
      } catch (error) {
        warn(`could not add up the test reports: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return exitCode;
}
