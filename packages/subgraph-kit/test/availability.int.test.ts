import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { DEFAULT_RETRY_POLICY, publish } from '@rapport/bus';
import { CustomerCreatedV1, createEvent } from '@rapport/contracts';
import { brokerAddress, proxiedKafkaSockets, startTcpProxy, testKafkaBrokers, waitFor, type TcpProxy } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphService, type SubgraphContext, type SubgraphRuntimeConfig } from '../src/index.js';
import { startTestSubgraph, testToken, type TestSubgraph } from '../src/testing.js';

// A subgraph built by the kit, with its database and its broker behind proxies this file cuts:
// readiness, the errors clients get, metrics and the event status while dependencies are away, and
// how soon its consumer handles events once they are back.

/** How soon after a dependency's return an event waiting for it must be handled (it took 5-10 s after a broker outage, up to 5 s after a database outage). */
const RECOVERY_MS = 3000;

const createProbeService = (config: SubgraphRuntimeConfig) =>
  createSubgraphService(
    {
      name: 'probe',
      srcDir: fileURLToPath(new URL('./fixture', import.meta.url)),
      resolvers: [
        {
          Query: {
            probe: async (_root: unknown, _args: unknown, ctx: SubgraphContext<Record<string, never>>) => {
              const [row] = await ctx.em.getConnection().execute<{ one: number }[]>('select 1 as one');
              return row?.one;
            },
          },
        },
      ],
      entities: [],
      migrations: [],
      createLoaders: () => ({}),
      // Consumes the customers service's events, so it has a consumer group.
      customerAccess: true,
    },
    config,
  );

let subgraph: TestSubgraph;
let database: TcpProxy;
let broker: TcpProxy;
let baseUrl = '';

const ready = async (): Promise<{ status: number; checks: Record<string, boolean> }> => {
  const response = await fetch(`${baseUrl}/ready`);
  return { status: response.status, checks: ((await response.json()) as { checks: Record<string, boolean> }).checks };
};
const readyTurns = (status: number, what: string) =>
  waitFor(
    async () => {
      const answer = await ready();
      return answer.status === status ? answer : undefined;
    },
    { what, timeoutMs: 10000 },
  );

/** The value of `name`'s sample with these labels (after the service's) in /metrics. */
const metric = async (name: string, labels = ''): Promise<number> => {
  const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = metrics.split('\n').find((l) => l.startsWith(`${name}{service="probe"${labels}} `));
  if (!line) throw new Error(`no ${name} in /metrics`);
  return Number(line.split(' ').at(-1));
};

/** A valid event the probe's consumer handles (it keeps a copy of customers' access). */
const customerCreated = () => {
  const customerId = randomUUID();
  return createEvent(CustomerCreatedV1, customerId, { customerId, name: 'Acme', kind: 'COMPANY', ownerId: null });
};

/** Milliseconds from `since` until the subgraph has handled `delivery`'s event (its offset committed). */
const handledAfter = async (delivery: Parameters<TestSubgraph['events']['waitUntilHandled']>[0], since: number, what: string): Promise<number> => {
  await subgraph.events.waitUntilHandled(delivery, 30_000);
  const ms = Math.round(performance.now() - since);
  if (process.env.KIT_FIGURES) console.info(`probe: ${what} ${ms} ms`);
  return ms;
};

const post = async (
  query: string,
  token?: string,
): Promise<{ status: number; body: { data?: Record<string, unknown> | null; errors?: { extensions?: Record<string, unknown> }[] } }> => {
  const response = await fetch(subgraph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? (await testToken())}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as never };
};

beforeAll(async () => {
  broker = await startTcpProxy(brokerAddress(testKafkaBrokers()));
  const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  database = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
  subgraph = await startTestSubgraph('probe', createProbeService, {
    kafka: true,
    // The production retry policy (not the tests' faster one): how soon an event waiting out the database's outage is handled depends on it.
    overrides: { kafkaSocketFactory: proxiedKafkaSockets(broker), consumerRetry: DEFAULT_RETRY_POLICY },
    databaseUrl: (url) => database.url(url),
  });
  baseUrl = subgraph.service.url;
});

afterAll(async () => {
  await broker?.restore();
  await database?.restore();
  await subgraph?.stop();
  await broker?.close();
  await database?.close();
});

describe('a subgraph whose dependencies go away', () => {
  it('is ready while its database and broker answer', async () => {
    expect(await ready()).toEqual({ status: 200, checks: { database: true, kafka: true } });
  });

  it('turns not ready while its broker is away, and ready again when it returns', async () => {
    await broker.cut();
    expect((await readyTurns(503, 'not ready without the broker')).checks).toEqual({ database: true, kafka: false });
    await broker.restore();
    expect((await readyTurns(200, 'ready with the broker back')).checks).toEqual({ database: true, kafka: true });
  });

  it('handles an event published while its broker was away within 3 s of its return, as the same group member', async () => {
    // The consumer's connections reset while it fetches: kafkajs rejoins the group, cannot find its
    // coordinator and gave up (KafkaJSGroupCoordinatorNotFound); the new member that replaced it
    // waited for the old one's 10 s session to expire before the broker let it in.
    await broker.cut();
    await readyTurns(503, 'not ready without the broker');
    // The test's own producer reaches the broker directly.
    const delivery = await subgraph.events.deliver(customerCreated());
    await broker.restore();
    const back = performance.now();
    expect(await handledAfter(delivery, back, 'handled an event after the broker returned in')).toBeLessThan(RECOVERY_MS);
    expect(await metric('rapport_event_consumer_relaunches_total', ',group="probe"')).toBe(0);
    await readyTurns(200, 'ready with the broker back');
  });

  it('answers SERVICE_UNAVAILABLE, retryable, with HTTP 503 while its database is away, and turns not ready', async () => {
    expect((await post('{ probe }')).body).toEqual({ data: { probe: 1 } });
    await database.cut();
    const during = await post('{ probe }');
    expect(during.status).toBe(503);
    expect(during.body.data ?? null).toBeNull();
    expect(during.body.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect(JSON.stringify(during.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
    expect((await readyTurns(503, 'not ready without the database')).checks).toEqual({ database: false, kafka: true });
    await database.restore();
    await readyTurns(200, 'ready with the database back');
    expect((await post('{ probe }')).status).toBe(200);
  });

  it('handles an event that arrived while its database was away within 3 s of its return, without dead-lettering it', async () => {
    await database.cut();
    const event = customerCreated();
    const delivery = await subgraph.events.deliver(event);
    // Long enough for the retries' back-off to grow past its transient cap: with the policy's 5 s
    // cap, the attempt after 6.2 s of outage came at 11.2 s.
    await waitFor(async () => ((await metric('rapport_event_consumer_waiting_out', ',group="probe"')) >= 6.5 ? true : undefined), {
      what: 'the consumer to wait out 6.5 s of outage',
      timeoutMs: 20_000,
    });
    await database.restore();
    const back = performance.now();
    expect(await handledAfter(delivery, back, 'handled an event after the database returned in')).toBeLessThan(RECOVERY_MS);
    expect(await subgraph.sql('select 1 from inbox_message where consumer = ? and event_id = ?', ['probe', event.id])).toHaveLength(1);
    expect(await metric('rapport_dead_letters_total', ',group="probe"')).toBe(0);
    // Readiness is probed at most once a second: the next test reads it in /metrics.
    await readyTurns(200, 'ready with the database back');
  });

  it('shows a dead letter in /metrics and, to admins only, in its event status', async () => {
    const customerId = '0191b3a0-0000-7000-8000-000000000001';
    const valid = createEvent(CustomerCreatedV1, customerId, { customerId, name: 'Acme', kind: 'COMPANY', ownerId: null });
    const broken = { ...valid, data: { customerId: 'not-a-uuid' } };
    // Right after the broker's and the database's outages above (the consumer once took longer than
    // 15 s here: a member replaced after the broker outage, waiting for the old one's session).
    const delivery = await subgraph.events.deliver(broken);
    expect(await handledAfter(delivery, performance.now(), 'dead-lettered an event delivered after both outages in')).toBeLessThan(RECOVERY_MS);
    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(metrics).toContain('rapport_dead_letters_total{service="probe",group="probe"} 1');
    expect(metrics).toContain('rapport_ready{service="probe",check="database"} 1');

    const query = `{ probeEventBus { service kafkaEnabled outboxPending consumer { group deadLettersInTopic deadLetteredSinceStart
      recentDeadLetters { eventId type kind attempts reason } transientRetries waitingOutSince lag { topic lag } } } }`;
    const status = await post(query);
    expect(status.body.errors).toBeUndefined();
    const bus = status.body.data?.probeEventBus as {
      consumer: { deadLettersInTopic: number; deadLetteredSinceStart: number; recentDeadLetters: { eventId: string; kind: string; attempts: number }[]; lag: { lag: number }[] };
    };
    expect(bus).toMatchObject({
      service: 'probe',
      kafkaEnabled: true,
      outboxPending: 0,
      consumer: { group: 'probe', deadLettersInTopic: 1, deadLetteredSinceStart: 1, waitingOutSince: null },
    });
    expect(bus.consumer.recentDeadLetters[0]).toMatchObject({ eventId: broken.id, type: CustomerCreatedV1.type, kind: 'EVENT', attempts: 1 });
    expect(bus.consumer.lag.every((t) => t.lag === 0)).toBe(true);

    const rep = await post(query, await testToken({ role: 'SALES_REP' }));
    expect(rep.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("shows the outbox's backlog and its oldest row's age growing in /metrics while the broker is away, and both back at 0 once it returns", async () => {
    expect(await metric('rapport_outbox_pending')).toBe(0);
    expect(await metric('rapport_outbox_oldest_pending_age_seconds')).toBe(0);
    await broker.cut();
    try {
      const em = subgraph.service.orm.em.fork();
      for (const name of ['Away One', 'Away Two', 'Away Three']) {
        const customerId = randomUUID();
        publish(em, CustomerCreatedV1, customerId, { customerId, name, kind: 'COMPANY', ownerId: null });
      }
      await em.flush();
      expect(await metric('rapport_outbox_pending')).toBe(3);
      const first = await metric('rapport_outbox_oldest_pending_age_seconds');
      const later = await waitFor(
        async () => {
          const age = await metric('rapport_outbox_oldest_pending_age_seconds');
          return age >= first + 1 ? age : undefined;
        },
        { what: 'the oldest pending age to grow' },
      );
      expect(later).toBeGreaterThan(first);
      expect(await metric('rapport_outbox_pending')).toBe(3);
    } finally {
      await broker.restore();
    }
    await waitFor(async () => ((await metric('rapport_outbox_pending')) === 0 ? true : undefined), { what: 'the backlog to be relayed', timeoutMs: 20000 });
    expect(await metric('rapport_outbox_oldest_pending_age_seconds')).toBe(0);
  });
});
