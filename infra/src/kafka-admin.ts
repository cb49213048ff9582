import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { CliError, indent } from './output.js';
import { tailFile, type ManagedProcess } from './processes.js';

// kafkajs admin calls the CLI makes: is a broker there, wait for one, create topics.

/** Splits a `KAFKA_BROKERS`-style list: "host:port,host:port". */
export const parseBrokers = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

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

/**
 * Creates those of `topics` that do not exist yet and waits until every one of them has a leader
 * for each partition (so clients starting next find them all); returns the ones it created.
 */
export async function createTopics(brokers: readonly string[], topics: readonly string[], numPartitions = 3, timeoutMs = 30_000): Promise<string[]> {
  const kafka = new Kafka({ clientId: 'rapport-cli', brokers: [...brokers], logLevel: logLevel.NOTHING, retry: { retries: 5 } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const wanted = [...new Set(topics)];
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor: 1 })) });
    }
    // createTopics' own waitForLeaders gives up on a metadata race KRaft brokers have right after
    // creation ("This server does not host this topic-partition"); poll until it settles.
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const led = await admin
        .fetchTopicMetadata({ topics: wanted })
        .then(({ topics: metadata }) => metadata.length === wanted.length && metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
        .catch(() => false);
      if (led) return missing;
      if (performance.now() > deadline) throw new CliError(`topics created but without leaders after ${Math.round(timeoutMs / 1000)} s: ${wanted.join(', ')}`);
      await sleep(200);
    }
  } finally {
    await admin.disconnect();
  }
}
