import { setTimeout as sleep } from 'node:timers/promises';
import { ensureTopics } from '@rapport/bus';
import { Kafka, logLevel } from 'kafkajs';
import { CliError, indent } from './output.js';
import { tailFile, type ManagedProcess } from './processes.js';

// kafkajs admin calls the CLI makes: is a broker there, wait for one, create topics (the bus's ensureTopics).

/** A quiet client that fails fast: probes are repeated by the caller, not by kafkajs. */
function probeClient(brokers: readonly string[]): Kafka {
  return new Kafka({
    clientId: 'rapport-cli',
    brokers: [...brokers],
    connectionTimeout: 1_500,
    requestTimeout: 2_500,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
}

/** Lists topics at `brokers`; resolves with the failure, or null when the broker answered. */
export async function kafkaAnswers(brokers: readonly string[]): Promise<Error | null> {
  const admin = probeClient(brokers).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return null;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export interface WaitForKafkaOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** The broker process being waited for: its early exit fails the wait with its log tail. */
  process?: ManagedProcess;
  /** Names the brokers in the error, e.g. "KAFKA_BROKERS=…". */
  describe?: string;
}

/** Waits until an admin client can list topics at `brokers`. */
export async function waitForKafka(brokers: readonly string[], options: WaitForKafkaOptions): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  const what = options.describe ?? brokers.join(',');
  for (;;) {
    options.signal?.throwIfAborted();
    const exit = options.process?.exitStatus();
    if (options.process && exit) {
      throw new CliError(
        `the Kafka broker exited (${exit.signal ?? `code ${exit.code}`}) while starting; last lines of ${options.process.logFile}:\n${indent(tailFile(options.process.logFile))}`,
      );
    }
    const error = await kafkaAnswers(brokers);
    if (!error) return;
    if (performance.now() > deadline) {
      const logs = options.process ? `; last lines of ${options.process.logFile}:\n${indent(tailFile(options.process.logFile))}` : '';
      throw new CliError(`Kafka does not answer at ${what} after ${Math.round(options.timeoutMs / 1000)} s: ${error.message}${logs}`);
    }
    await sleep(250, undefined, options.signal ? { signal: options.signal } : {});
  }
}

/** Creates the missing `topics` at `brokers` through a quiet admin client (`ensureTopics`); returns the ones it created. */
export async function ensureTopicsAt(brokers: readonly string[], topics: readonly string[], numPartitions = 3): Promise<string[]> {
  const admin = new Kafka({ clientId: 'rapport-cli', brokers: [...brokers], logLevel: logLevel.NOTHING, retry: { retries: 5 } }).admin();
  await admin.connect();
  try {
    return await ensureTopics(admin, topics, numPartitions);
  } catch (error) {
    throw new CliError(`could not create the topics at ${brokers.join(',')}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await admin.disconnect();
  }
}
