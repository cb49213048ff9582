import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kafkaAnswers } from '../src/kafka-admin.js';
import { PROJECT_BROKER, startPrivateBroker } from '../src/kafka-broker.js';
import { runDir } from '../src/paths.js';
import { groupAlive, type PidRecord } from '../src/processes.js';

describe('startPrivateBroker', () => {
  it('runs a broker on free ports and, once stopped, leaves no process, pid file or data behind', async () => {
    const kafka = await startPrivateBroker({ env: process.env, quiet: true });
    const broker = kafka.process;
    if (!broker) throw new Error('a private broker must be owned by its caller');
    const port = Number(kafka.brokers.split(':')[1]);
    const pidFile = join(runDir, `kafka-test-${port}.pid`);
    const record = JSON.parse(readFileSync(pidFile, 'utf8')) as PidRecord;
    const brokerDir = dirname(record.match); // the server.properties path

    try {
      expect(port).not.toBe(PROJECT_BROKER.port);
      expect(record.pid).toBe(broker.pid);
      expect(existsSync(join(brokerDir, 'data', 'meta.properties'))).toBe(true);
      expect(await kafkaAnswers([kafka.brokers])).toBeNull();
    } finally {
      await kafka.stop();
    }

    expect(groupAlive(broker.pid)).toBe(false);
    expect(existsSync(pidFile)).toBe(false);
    expect(existsSync(brokerDir)).toBe(false);
  }, 120_000);
});
