import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBrokers } from '@rapport/contracts';
import { kafkaAnswers, waitForKafka } from './kafka-admin.js';
import { CliError, say, secondsSince } from './output.js';
import { cacheDir, ensureStateDirs, kafkaLog4jPath, kafkaPomPath, kafkaStateDir, logDir, repoRoot } from './paths.js';
import { freePort, pidRecordLive, portAnswers, readPidFiles, runCaptured, spawnManaged, stopManaged, type ManagedProcess } from './processes.js';

// A single-node KRaft Apache Kafka broker run straight from Maven Central's jars, for machines
// without Docker: the project broker on 127.0.0.1:9092 (data in .rapport/kafka, reused across
// runs) and private throwaway brokers on free ports for test runs.

export const PROJECT_BROKER = { host: '127.0.0.1', port: 9092, controllerPort: 9093, name: 'kafka' } as const;

const READY_TIMEOUT_MS = 60_000;
const KAFKA_BROKERS_TIMEOUT_MS = 20_000;

/** A broker the caller may use, and how to let go of it. */
export interface KafkaConnection {
  /** `host:port` list, as KAFKA_BROKERS takes it. */
  brokers: string;
  /** The broker process when this call started it, else null (someone else's broker). */
  process: ManagedProcess | null;
  /** Stops the broker if this call started it; otherwise does nothing. */
  stop(): Promise<void>;
  /**
   * Starts the broker again on the same ports and data after it died (a supervisor's restart);
   * only for a broker this call started. `stop` then stops the new process.
   */
  relaunch?: () => Promise<ManagedProcess>;
}

export interface ServerPropertiesOptions {
  port: number;
  controllerPort: number;
  logDirs: string;
  host?: string;
  nodeId?: number;
  numPartitions?: number;
}

/** server.properties of a combined broker+controller KRaft node for local development. */
export function serverProperties(options: ServerPropertiesOptions): string {
  const host = options.host ?? '127.0.0.1';
  const nodeId = options.nodeId ?? 1;
  const settings: [string, string | number][] = [
    ['process.roles', 'broker,controller'],
    ['node.id', nodeId],
    ['controller.quorum.voters', `${nodeId}@${host}:${options.controllerPort}`],
    ['listeners', `PLAINTEXT://${host}:${options.port},CONTROLLER://${host}:${options.controllerPort}`],
    ['advertised.listeners', `PLAINTEXT://${host}:${options.port}`],
    ['inter.broker.listener.name', 'PLAINTEXT'],
    ['controller.listener.names', 'CONTROLLER'],
    ['listener.security.protocol.map', 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT'],
    ['log.dirs', options.logDirs],
    ['num.partitions', options.numPartitions ?? 3],
    ['auto.create.topics.enable', 'false'],
    ['offsets.topic.replication.factor', 1],
    ['transaction.state.log.replication.factor', 1],
    ['transaction.state.log.min.isr', 1],
    ['share.coordinator.state.topic.replication.factor', 1],
    ['share.coordinator.state.topic.min.isr', 1],
    ['group.initial.rebalance.delay.ms', 0],
    // After kill -9 the restarted broker cannot register until the controller fences the dead
    // incarnation's session (9 s by default): a restart took 12.6 s to serve groups, 4.8 s with
    // these (measured here with 60 topics and 8 groups; a single node has no peer to lose).
    ['broker.session.timeout.ms', 2000],
    ['broker.heartbeat.interval.ms', 500],
  ];
  return `# Written by the rapport CLI on each start; edits are overwritten.\n${settings.map(([k, v]) => `${k}=${escapeValue(String(v))}`).join('\n')}\n`;
}

/** Java properties escaping for values (paths with backslashes, colons are fine unescaped). */
const escapeValue = (value: string): string => value.replace(/\\/g, '\\\\');

/** The Kafka version: the `kafka.version` property of infra/kafka/pom.xml. */
export function kafkaVersion(pomPath = kafkaPomPath): string {
  const match = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(readFileSync(pomPath, 'utf8'));
  if (!match?.[1]) throw new CliError(`no <kafka.version> property in ${pomPath}`);
  return match[1];
}

/** A KRaft cluster id, as `kafka-storage.sh random-uuid` makes one (base64url of 16 random bytes). */
export function randomClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

const javaCommand = (env: Record<string, string | undefined>): string => (env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java');

function requireJava(env: Record<string, string | undefined>): string {
  const java = javaCommand(env);
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new CliError(`Java (17 or newer) is needed to run the local Kafka broker and '${java}' does not run. Install a JDK, or set KAFKA_BROKERS to a running broker.`);
  }
  return java;
}

/**
 * The directory holding the Kafka runtime's jars: `<cache>/kafka-<version>/libs`, fetched from
 * Maven Central with `mvn dependency:copy-dependencies` unless already there.
 */
export async function fetchKafkaLibs(options: { env: Record<string, string | undefined>; signal?: AbortSignal; quiet?: boolean }): Promise<string> {
  const version = kafkaVersion();
  const libs = join(cacheDir(options.env), `kafka-${version}`, 'libs');
  if (existsSync(join(libs, `kafka_2.13-${version}.jar`))) return libs;
  const started = performance.now();
  if (!options.quiet) say(`fetching Apache Kafka ${version} from Maven Central (once) into ${libs}`);
  const staging = `${libs}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    await runCaptured(
      'mvn',
      ['-B', '-q', '-f', kafkaPomPath, 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`, '-DincludeScope=runtime'],
      'fetching Kafka with Maven (needs Maven and access to Maven Central; or set KAFKA_BROKERS)',
      { cwd: repoRoot, ...(options.signal ? { signal: options.signal } : {}) },
    );
    if (!existsSync(join(staging, `kafka_2.13-${version}.jar`))) throw new CliError(`Maven did not produce kafka_2.13-${version}.jar in ${staging}`);
    if (existsSync(libs)) rmSync(libs, { recursive: true, force: true }); // an incomplete earlier copy
    renameSync(staging, libs);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  if (!options.quiet) say(`fetched ${readdirSync(libs).length} jars in ${secondsSince(started)} s`);
  return libs;
}

interface LaunchOptions {
  name: string;
  /** Holds server.properties and (in `data/`) the log dirs. */
  dir: string;
  port: number;
  controllerPort: number;
  logFile: string;
  /** Where the cluster id is kept, so a re-format reuses it; a fresh id when absent. */
  clusterIdFile?: string;
  env: Record<string, string | undefined>;
  signal?: AbortSignal;
  quiet?: boolean;
  /**
   * False for a supervisor's restart: return once the process runs. After an unclean stop the
   * broker recovers its logs first, which can outlast any wait here on a busy machine, and a broker
   * stopped mid-recovery starts the recovery over.
   */
  waitReady?: boolean;
}

/** Writes server.properties, formats the data dir if new, starts the broker and (unless told not to) waits for it. */
async function launchBroker(options: LaunchOptions): Promise<ManagedProcess> {
  const java = requireJava(options.env);
  const libs = await fetchKafkaLibs(options);
  const classpath = join(libs, '*');
  const dataDir = join(options.dir, 'data');
  const propertiesFile = join(options.dir, 'server.properties');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(propertiesFile, serverProperties({ port: options.port, controllerPort: options.controllerPort, logDirs: dataDir }));

  if (!existsSync(join(dataDir, 'meta.properties'))) {
    let clusterId = options.clusterIdFile && existsSync(options.clusterIdFile) ? readFileSync(options.clusterIdFile, 'utf8').trim() : '';
    if (clusterId === '') {
      clusterId = randomClusterId();
      if (options.clusterIdFile) writeFileSync(options.clusterIdFile, `${clusterId}\n`);
    }
    await runCaptured(java, ['-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', propertiesFile], 'formatting the Kafka data dir', {
      cwd: repoRoot,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  const started = performance.now();
  const broker = await spawnManaged({
    name: options.name,
    command: java,
    args: [
      '-Xms128m',
      // 512 MB ran out (OutOfMemoryError, 2026-12-06) when six test runs shared one broker and
      // created and deleted topics at once; the heap grows only as far as the broker needs.
      '-Xmx1g',
      // A dev broker on a small machine: start fast (the C1 compiler only, the serial collector)
      // rather than reach peak throughput; a restart after kill -9 came up in 4.1 s instead of 4.8.
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Djava.awt.headless=true',
      `-Dlog4j2.configurationFile=${kafkaLog4jPath}`,
      '-cp',
      classpath,
      'kafka.Kafka',
      propertiesFile,
    ],
    cwd: options.dir,
    env: { ...process.env, ...options.env },
    logFile: options.logFile,
    match: propertiesFile,
  });
  const brokers = [`${PROJECT_BROKER.host}:${options.port}`];
  if (options.waitReady === false) return broker;
  try {
    await waitForKafka(brokers, { timeoutMs: READY_TIMEOUT_MS, process: broker, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    await stopManaged(broker);
    throw error;
  }
  if (!options.quiet) say(`Kafka broker ready at ${brokers[0]} in ${secondsSince(started)} s (pid ${broker.pid}, log ${options.logFile})`);
  return broker;
}

const notOurs = (brokers: string): KafkaConnection => ({ brokers, process: null, stop: async () => undefined });

export interface EnsureKafkaOptions {
  env: Record<string, string | undefined>;
  signal?: AbortSignal;
  quiet?: boolean;
  /** How long brokers named by KAFKA_BROKERS get to answer; 20 s by default. */
  kafkaBrokersTimeoutMs?: number;
}

/**
 * A broker for `start` and `kafka`: KAFKA_BROKERS if set (it must answer within 20 s); else the
 * project broker on 127.0.0.1:9092, reused when it runs, started (and fetched) when it does not.
 */
export async function ensureKafka(options: EnsureKafkaOptions): Promise<KafkaConnection> {
  const configured = options.env.KAFKA_BROKERS?.trim();
  const signal = options.signal ? { signal: options.signal } : {};
  if (configured) {
    await waitForKafka(parseBrokers(configured), { timeoutMs: options.kafkaBrokersTimeoutMs ?? KAFKA_BROKERS_TIMEOUT_MS, describe: `KAFKA_BROKERS=${configured}`, ...signal });
    return notOurs(configured);
  }
  const { host, port, controllerPort, name } = PROJECT_BROKER;
  const brokers = `${host}:${port}`;
  const running = readPidFiles().find((r) => r.name === name);
  if ((running && pidRecordLive(running)) || (await portAnswers(port, host))) {
    // Started by another `rapport` command (maybe still starting), or run by someone else.
    await waitForKafka([brokers], { timeoutMs: running ? READY_TIMEOUT_MS : 10_000, describe: `${brokers} (port ${port} is in use)`, ...signal });
    if (!options.quiet) say(`using the Kafka broker already running at ${brokers}`);
    return notOurs(brokers);
  }
  if (await portAnswers(controllerPort, host)) {
    throw new CliError(`port ${controllerPort} (the local broker's controller port) is in use by another program; free it or set KAFKA_BROKERS`);
  }
  ensureStateDirs();
  const launch: LaunchOptions = {
    name,
    dir: kafkaStateDir,
    port,
    controllerPort,
    logFile: join(logDir, 'kafka.log'),
    clusterIdFile: join(kafkaStateDir, 'cluster-id'),
    env: options.env,
    ...signal,
    ...(options.quiet ? { quiet: true } : {}),
  };
  let current = await launchBroker(launch);
  return {
    brokers,
    process: current,
    stop: () => stopManaged(current).then(() => undefined),
    relaunch: async () => (current = await launchBroker({ ...launch, quiet: true, waitReady: false })),
  };
}

/**
 * A throwaway broker on free ports with its data in a temp folder, for one test run. `stop()`
 * stops it and deletes the folder, keeping its log as .rapport/logs/kafka-test.log.
 */
export async function startPrivateBroker(options: EnsureKafkaOptions & { name?: string }): Promise<KafkaConnection> {
  ensureStateDirs();
  // A free port found here may be taken by another process before the broker binds it (tests start
  // servers side by side): the broker then exits with "Address already in use", and is started
  // again on other ports, in a fresh directory.
  for (let attempt = 1; ; attempt += 1) {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-kafka-'));
    const cleanup = (): void => {
      try {
        copyFileSync(join(dir, 'kafka.log'), join(logDir, 'kafka-test.log'));
      } catch {
        // no log to keep
      }
      rmSync(dir, { recursive: true, force: true });
    };
    try {
      const port = await freePort();
      const controllerPort = await freePort();
      const launch: LaunchOptions = {
        name: options.name ?? `kafka-test-${port}`,
        dir,
        port,
        controllerPort,
        logFile: join(dir, 'kafka.log'),
        env: options.env,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.quiet ? { quiet: true } : {}),
      };
      let current = await launchBroker(launch);
      return {
        brokers: `${PROJECT_BROKER.host}:${port}`,
        process: current,
        stop: async () => {
          await stopManaged(current);
          cleanup();
        },
        relaunch: async () => (current = await launchBroker({ ...launch, quiet: true, waitReady: false })),
      };
    } catch (error) {
      cleanup();
      if (attempt < 3 && error instanceof Error && error.message.includes('Address already in use')) continue;
      throw error;
    }
  }
}

/** True when a Kafka broker answers at the project address (used by `test` to reuse it). */
export async function projectBrokerAnswers(): Promise<boolean> {
  const { host, port } = PROJECT_BROKER;
  return (await portAnswers(port, host)) && (await kafkaAnswers([`${host}:${port}`])) === null;
}
