import { parseArgs } from 'node:util';
import { createKafka, deadLetterTopic, replayDeadLetters } from '@rapport/bus';
import { Partitioners } from 'kafkajs';
import { destination, pino } from 'pino';
import { parseBrokers } from '@rapport/contracts';
import { waitForKafka } from './kafka-admin.js';
import { CliError, say } from './output.js';

const USAGE = 'usage: npm run replay-dlq -- --group <consumer group>   (replays dlq.<group> to the original topics)';

/**
 * `rapport replay-dlq --group <g>`: re-publishes what consumer group `g` dead-lettered to the
 * topics it came from, unchanged (consumers skip events they handled through their inbox).
 * Progress is kept by consumer group `<g>.replay`, so running it twice replays nothing twice.
 */
export async function runReplayDlq(env: Record<string, string | undefined>, args: readonly string[]): Promise<number> {
  let group: string | undefined;
  try {
    group = parseArgs({ args: [...args], options: { group: { type: 'string', short: 'g' } }, strict: true }).values.group;
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (!group) throw new CliError(USAGE);

  const brokersValue = env.KAFKA_BROKERS?.trim() || '127.0.0.1:9092';
  const brokers = parseBrokers(brokersValue);
  await waitForKafka(brokers, { timeoutMs: 20_000, describe: `${brokersValue} (set KAFKA_BROKERS, or start the system first)` });

  const prefix = env.KAFKA_TOPIC_PREFIX ?? '';
  const topic = deadLetterTopic(prefix, group);
  const logger = pino({ name: 'replay-dlq', level: env.LOG_LEVEL ?? 'fatal' }, destination(2));
  const kafka = createKafka({ brokers, clientId: 'rapport-replay-dlq', logger });

  const admin = kafka.admin();
  await admin.connect();
  const exists = await admin
    .listTopics()
    .then((topics) => topics.includes(topic))
    .finally(() => admin.disconnect());
  if (!exists) {
    say(`nothing to replay: topic ${topic} does not exist (has consumer group ${group} dead-lettered anything?)`);
    return 0;
  }

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    const replayed = await replayDeadLetters({ kafka, producer, groupId: group, topicPrefix: prefix, logger });
    say(`replayed ${replayed} dead-lettered message${replayed === 1 ? '' : 's'} from ${topic} (progress kept by consumer group ${group}.replay)`);
  } finally {
    await producer.disconnect();
  }
  return 0;
}
