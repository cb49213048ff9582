import { ensureTopics } from '@rapport/bus';
import { Kafka, logLevel } from 'kafkajs';
import { CliError } from './output.js';
import { waitUntilReady, type ReadyWaitOptions } from './processes.js';

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

export interface WaitForKafkaOptions extends ReadyWaitOptions {
  /** Names the brokers in the error, e.g. "KAFKA_BROKERS=…". */
  describe?: string;
}

/** Waits until an admin client can list topics at `brokers`; fails as {@link waitUntilReady} does. */
export function waitForKafka(brokers: readonly string[], options: WaitForKafkaOptions): Promise<void> {
  return waitUntilReady(`Kafka at ${options.describe ?? brokers.join(',')}`, async () => (await kafkaAnswers(brokers))?.message ?? null, options);
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
