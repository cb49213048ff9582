import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deadLetterTopic } from '@rapport/bus';
import { ALL_TOPICS, parseBrokers } from '@rapport/contracts';
import { ensureTopicsAt, kafkaAnswers } from '../kafka-admin.js';
import { startPrivateBroker, type KafkaConnection } from '../kafka-broker.js';
import { logDir, repoRoot } from '../paths.js';
import { startPrivatePostgres, type PrivatePostgres } from '../private-postgres.js';
import { freePort, spawnManaged, waitForHttpOk, type ManagedProcess } from '../processes.js';
import { GATEWAY, graphqlUrl, HOST, readyUrl, SUBGRAPHS, subgraphUrlEnv, type ServiceSpec } from '../services.js';
import { Supervisor, type SupervisorEvent } from '../supervisor.js';

// A whole Rapport system of its own for the chaos suite: its own PostgreSQL, its own Kafka broker,
// every subgraph and the gateway on free ports, under the same supervisor `npm start` uses. Killing
// any of it harms nobody else on the machine.

export interface ChaosSystem {
  gatewayUrl: string;
  postgres: PrivatePostgres;
  kafka: KafkaConnection;
  /** Each subgraph's and the gateway's port. */
  services: ServiceSpec[];
  supervisor: Supervisor;
  /** The URL of service `name`'s own database. */
  databaseUrl(name: string): string;
  /** True when every process is running and answers 200 on /ready. */
  allReady(): Promise<boolean>;
  stop(): Promise<void>;
}

const tsxBin = join(repoRoot, 'node_modules', '.bin', 'tsx');

export async function startChaosSystem(options: {
  env: Record<string, string | undefined>;
  onEvent: (event: SupervisorEvent) => void;
  say: (line: string) => void;
}): Promise<ChaosSystem> {
  const { env, say } = options;
  const chaosLogs = join(logDir, 'chaos');
  mkdirSync(chaosLogs, { recursive: true });
  say('starting a private PostgreSQL');
  const postgres = await startPrivatePostgres({ env, pidName: 'chaos-postgres' });
  say(`  PostgreSQL at ${postgres.url}`);
  let kafka: KafkaConnection | undefined;
  const supervisor = new Supervisor({
    // Restart fast, as a process manager would; give up only on a real crash loop.
    policy: { initialDelayMs: 500, maxDelayMs: 8_000, maxCrashes: 5, windowMs: 60_000 },
    onEvent: options.onEvent,
  });
  const stop = async (): Promise<void> => {
    await supervisor.stop([[GATEWAY.name], SUBGRAPHS.map((s) => s.name), ['kafka']]).catch(() => undefined);
    await kafka?.stop().catch(() => undefined);
    await postgres.destroy();
  };
  try {
    say('starting a private Kafka broker');
    kafka = await startPrivateBroker({ env, quiet: true, name: 'chaos-kafka' });
    const relaunch = kafka.relaunch;
    if (!kafka.process || !relaunch) throw new Error('a private broker is owned by its caller');
    supervisor.adopt({ name: 'kafka', spawn: relaunch, stopGraceMs: 15_000 }, kafka.process);
    say(`  Kafka at ${kafka.brokers}`);
    const topics = [...ALL_TOPICS, ...SUBGRAPHS.map((s) => deadLetterTopic('', s.name))];
    await ensureTopicsAt(parseBrokers(kafka.brokers), topics);

    const services: ServiceSpec[] = [];
    // Free ports from the OS's ephemeral range (never a port `npm start` uses), each a different one.
    for (const spec of [...SUBGRAPHS, GATEWAY]) services.push({ ...spec, port: await freePort() });
    const subgraphs = services.filter((s) => s.name !== GATEWAY.name);
    const gateway = services.find((s) => s.name === GATEWAY.name) as ServiceSpec;
    const identity = services.find((s) => s.name === 'identity') as ServiceSpec;
    const childEnv: NodeJS.ProcessEnv = {
      ...env,
      NODE_ENV: 'production',
      PATH: `${join(repoRoot, 'node_modules', '.bin')}:${env.PATH ?? ''}`,
      HOST,
      DATABASE_URL: postgres.url,
      KAFKA_BROKERS: kafka.brokers,
      KAFKA_TOPIC_PREFIX: '',
      LOG_LEVEL: env.LOG_LEVEL ?? 'info',
      AUTH_JWKS_URL: `http://${HOST}:${identity.port}/.well-known/jwks.json`,
    };
    const spawnService = (spec: ServiceSpec, extraEnv: Record<string, string> = {}): Promise<ManagedProcess> =>
      spawnManaged({
        name: `chaos-${spec.name}`,
        command: tsxBin,
        args: [spec.entry],
        cwd: repoRoot,
        env: { ...childEnv, ...extraEnv, PORT: String(spec.port) },
        logFile: join(chaosLogs, `${spec.name}.log`),
      });
    say(`starting ${subgraphs.length} subgraphs and the gateway (logs in ${chaosLogs})`);
    // identity first: the others fetch its signing keys.
    const add = (spec: ServiceSpec, extraEnv?: Record<string, string>): Promise<ManagedProcess> =>
      supervisor.add({ name: spec.name, spawn: () => spawnService(spec, extraEnv), readyUrl: readyUrl(spec.port), stopGraceMs: 15_000 });
    await waitForHttpOk(readyUrl(identity.port), { timeoutMs: 120_000, process: await add(identity) });
    const rest = await Promise.all(subgraphs.filter((s) => s !== identity).map(async (s) => ({ s, p: await add(s) })));
    await Promise.all(rest.map(({ s, p }) => waitForHttpOk(readyUrl(s.port), { timeoutMs: 180_000, process: p })));
    const gatewayProcess = await add(gateway, subgraphUrlEnv(subgraphs));
    await waitForHttpOk(readyUrl(gateway.port), { timeoutMs: 120_000, process: gatewayProcess });
    const brokers = kafka.brokers;

    const system: ChaosSystem = {
      gatewayUrl: graphqlUrl(gateway.port),
      postgres,
      kafka,
      services,
      supervisor,
      databaseUrl: (name) => {
        const url = new URL(postgres.url);
        url.pathname = `/rapport_${name}`;
        return url.toString();
      },
      async allReady() {
        const status = supervisor.status();
        if (status.some((p) => p.state !== 'running')) return false;
        const answers = await Promise.all(
          status.map(async (p) => {
            if (!p.readyUrl) return kafkaAnswers(parseBrokers(brokers)).then((e) => e === null);
            return fetch(p.readyUrl, { signal: AbortSignal.timeout(2_000) }).then(
              async (r) => (await r.body?.cancel(), r.status === 200),
              () => false,
            );
          }),
        );
        return answers.every(Boolean);
      },
      stop,
    };
    return system;
  } catch (error) {
    await stop();
    throw error;
  }
}
