import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kafkaVersion, randomClusterId, serverProperties } from '../src/kafka-broker.js';
import { repoRoot } from '../src/paths.js';

const parse = (text: string): Map<string, string> =>
  new Map(
    text
      .split('\n')
      .filter((line) => line.length > 0 && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

describe('serverProperties', () => {
  it('describes a combined KRaft broker and controller on the given ports', () => {
    const props = parse(serverProperties({ port: 29092, controllerPort: 29093, logDirs: '/tmp/k/data' }));

    expect(props.get('process.roles')).toBe('broker,controller');
    expect(props.get('node.id')).toBe('1');
    expect(props.get('controller.quorum.voters')).toBe('1@127.0.0.1:29093');
    expect(props.get('listeners')).toBe('PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093');
    expect(props.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:29092');
    expect(props.get('controller.listener.names')).toBe('CONTROLLER');
    expect(props.get('listener.security.protocol.map')).toBe('PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT');
    expect(props.get('log.dirs')).toBe('/tmp/k/data');
  });

  it('suits a single node: replication factor 1, three partitions, no auto-created topics, no rebalance delay', () => {
    const props = parse(serverProperties({ port: 9092, controllerPort: 9093, logDirs: '/d' }));

    expect(props.get('offsets.topic.replication.factor')).toBe('1');
    expect(props.get('transaction.state.log.replication.factor')).toBe('1');
    expect(props.get('transaction.state.log.min.isr')).toBe('1');
    expect(props.get('num.partitions')).toBe('3');
    expect(props.get('auto.create.topics.enable')).toBe('false');
    expect(props.get('group.initial.rebalance.delay.ms')).toBe('0');
    // A restart after kill -9 registers within about 2 s instead of waiting out a 9 s session.
    expect(props.get('broker.session.timeout.ms')).toBe('2000');
    expect(props.get('broker.heartbeat.interval.ms')).toBe('500');
  });
});

describe('randomClusterId', () => {
  it('makes 22-character base64url ids that do not start with a dash, different each time', () => {
    const ids = Array.from({ length: 200 }, randomClusterId);

    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('kafkaVersion', () => {
  it('reads the Kafka version from the kafka.version property of infra/kafka/pom.xml', () => {
    expect(kafkaVersion()).toMatch(/^4\.\d+\.\d+$/);
  });
});

describe('one Kafka version', () => {
  // infra/kafka/pom.xml is the source; the compose file and the README follow it.
  it('runs the same Kafka in docker-compose as the project broker (infra/kafka/pom.xml)', () => {
    const compose = readFileSync(join(repoRoot, 'infra', 'docker-compose.yml'), 'utf8');
    const images = [...compose.matchAll(/^\s*image:\s*apache\/kafka:(\S+)\s*$/gm)].map((m) => m[1]);

    expect(images).toEqual([kafkaVersion()]);
  });

  it('names that version where the README says which Kafka runs', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const named = [...readme.matchAll(/Apache Kafka (\d+\.\d+\.\d+)|kafka_2\.13:(\d+\.\d+\.\d+)|apache\/kafka:(\d+\.\d+\.\d+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);

    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named)).toEqual(new Set([kafkaVersion()]));
  });
});
