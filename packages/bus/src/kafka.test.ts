import { createRequire } from 'node:module';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { retryUnreachableCoordinator, stopIdleRequestQueueLoop, trackConnections, type TrackedConnections } from './kafka.js';

type Queue = { pending: unknown[]; throttledUntil: number; throttleCheckTimeoutId: NodeJS.Timeout | null; scheduleCheckPendingRequests(): void };
const RequestQueue = createRequire(import.meta.url)('kafkajs/src/network/requestQueue/index.js') as new (options: Record<string, unknown>) => Queue;
const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const queue = (): Queue => new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 1000, enforceRequestTimeout: false, clientId: 'test', broker: 'b:9092', logger: silent });

describe("kafkajs' request queue once the bus is loaded", () => {
  it('schedules no check when nothing waits and nothing is throttled (the 1 ms idle loop)', () => {
    stopIdleRequestQueueLoop();
    const idle = queue();
    idle.scheduleCheckPendingRequests();
    expect(idle.throttleCheckTimeoutId).toBeNull();
  });

  it('still schedules one when a request waits, or while the broker throttles', () => {
    const waiting = queue();
    waiting.pending.push({});
    waiting.scheduleCheckPendingRequests();
    expect(waiting.throttleCheckTimeoutId).not.toBeNull();
    clearTimeout(waiting.throttleCheckTimeoutId!);
    const throttled = queue();
    throttled.throttledUntil = Date.now() + 5000;
    throttled.scheduleCheckPendingRequests();
    expect(throttled.throttleCheckTimeoutId).not.toBeNull();
    clearTimeout(throttled.throttleCheckTimeoutId!);
  });
});

type TimedQueue = {
  inflight: Map<number, unknown>;
  requestTimeoutIntervalId?: NodeJS.Timeout;
  scheduleRequestTimeoutCheck(): void;
  push(request: { entry: Record<string, unknown>; expectResponse: boolean; requestTimeout?: number; sendRequest(): void }): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  destroy(): void;
};
const timedQueue = (requestTimeout: number): TimedQueue =>
  new RequestQueue({ maxInFlightRequests: null, requestTimeout, enforceRequestTimeout: true, clientId: 'test', broker: 'b:9092', logger: silent }) as unknown as TimedQueue;
const request = (correlationId: number, sent: string[]) => {
  let settle: (outcome: string) => void = () => undefined;
  const outcome = new Promise<string>((resolve) => (settle = resolve));
  return {
    outcome,
    pushed: {
      entry: { apiKey: 1, apiName: 'Fetch', apiVersion: 11, correlationId, resolve: () => settle('answered'), reject: (error: Error) => settle(error.name) },
      expectResponse: true,
      sendRequest: () => void sent.push(`request ${correlationId}`),
    },
  };
};

describe("kafkajs' request timeouts once the bus is loaded", () => {
  it('keeps no timer on a connected queue with nothing in flight (was a check every 100 ms for as long as it was connected)', () => {
    const idle = timedQueue(30_000);
    idle.scheduleRequestTimeoutCheck();
    expect(idle.requestTimeoutIntervalId).toBeUndefined();
    idle.destroy();
  });

  it('still times out a request left unanswered, at its deadline, and disarms once nothing is in flight', async () => {
    const queue = timedQueue(60);
    queue.scheduleRequestTimeoutCheck();
    const sent: string[] = [];
    const late = request(1, sent);
    const answered = request(2, sent);
    const started = performance.now();
    queue.push(late.pushed);
    queue.push(answered.pushed);
    expect(sent).toEqual(['request 1', 'request 2']);
    expect(queue.requestTimeoutIntervalId).toBeDefined();
    queue.fulfillRequest({ correlationId: 2, payload: Buffer.alloc(0), size: 0 });
    expect(await answered.outcome).toBe('answered');
    expect(await late.outcome).toBe('KafkaJSRequestTimeoutError');
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(queue.inflight.size).toBe(0);
    expect(queue.requestTimeoutIntervalId).toBeUndefined();
  });

  it('times out a request sent after a reconnect (the connection before cleared its timer)', async () => {
    const queue = timedQueue(40);
    queue.scheduleRequestTimeoutCheck();
    const first = request(1, []);
    queue.push(first.pushed);
    queue.destroy();
    queue.scheduleRequestTimeoutCheck();
    const again = request(2, []);
    queue.push(again.pushed);
    expect(await again.outcome).toBe('KafkaJSRequestTimeoutError');
  });
});

describe("a consumer client's fetch connections (abortFetches)", () => {
  /** A TCP server standing in for the broker's socket: it reads and never answers. */
  async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
    const accepted = new Set<Socket>();
    const server = createServer((socket) => {
      accepted.add(socket);
      socket.on('data', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      port,
      close: async () => {
        for (const socket of accepted) socket.destroy();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }
  /** A request as kafkajs writes it: size, then the API key (1 is Fetch, 12 Heartbeat). */
  const requestOf = (apiKey: number): Buffer => {
    const buffer = Buffer.alloc(12);
    buffer.writeInt32BE(8, 0);
    buffer.writeInt16BE(apiKey, 4);
    return buffer;
  };
  const opened = (tracked: TrackedConnections, port: number): Promise<Socket> =>
    new Promise((resolve) => {
      const socket: Socket = tracked.socketFactory({ host: '127.0.0.1', port, ssl: {}, onConnect: () => resolve(socket) });
    });
  const failure = (socket: Socket): Promise<string> => new Promise((resolve) => socket.once('error', (error) => resolve(error.message)));

  it('fails the connection a fetch was written on, leaves the others, and fails a fetch written later until resumed', async () => {
    const server = await silentServer();
    const tracked = trackConnections(({ host, port, onConnect }) => connect({ host, port }, onConnect));
    try {
      const fetching = await opened(tracked, server.port);
      const coordinator = await opened(tracked, server.port);
      fetching.write(requestOf(1));
      coordinator.write(requestOf(12));
      const fetchFailed = failure(fetching);
      tracked.abortFetches();
      expect(await fetchFailed).toContain('fetch aborted');
      expect(coordinator.destroyed).toBe(false);
      // A fetch sent after the abort (kafkajs had it under way): failed as soon as it is written.
      const late = await opened(tracked, server.port);
      const lateFailed = failure(late);
      late.write(requestOf(1));
      expect(await lateFailed).toContain('fetch aborted');
      tracked.resume();
      const next = await opened(tracked, server.port);
      next.write(requestOf(1));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(next.destroyed).toBe(false);
      for (const socket of [coordinator, next]) socket.destroy();
    } finally {
      await server.close();
    }
  });

  it('fails it with an error that has no stack frames (Node reads its stack; a bundle would map it)', async () => {
    const server = await silentServer();
    const tracked = trackConnections(({ host, port, onConnect }) => connect({ host, port }, onConnect));
    try {
      const fetching = await opened(tracked, server.port);
      fetching.write(requestOf(1));
      const failed = new Promise<Error>((resolve) => fetching.once('error', resolve));
      tracked.abortFetches();
      const error = await failed;
      expect(error.stack).toBe(`Error: ${error.message}`);
      // Only that error: errors made after it keep their frames.
      expect(new Error('later').stack?.split('\n').length).toBeGreaterThan(1);
    } finally {
      tracked.resume();
      await server.close();
    }
  });
});

describe("kafkajs' group coordinator lookup once the bus is loaded", () => {
  type Lookup = (this: unknown, args: { groupId: string }) => Promise<unknown>;
  const Cluster = createRequire(import.meta.url)('kafkajs/src/cluster/index.js') as { prototype: { findGroupCoordinatorMetadata: Lookup } };
  /** The lookup on a cluster whose every broker failed to answer (kafkajs swallows their errors). */
  const unanswered = (failure?: Error) =>
    Cluster.prototype.findGroupCoordinatorMetadata.call(
      {
        brokerPool: {
          withBroker: async () => {
            if (failure) throw failure;
            return null;
          },
        },
        retrier: (fn: (bail: () => void) => Promise<unknown>) => fn(() => undefined),
        logger: silent,
      },
      { groupId: 'g' },
    );

  it('answers a lookup no broker answered with the retriable COORDINATOR_NOT_AVAILABLE (was the non-retriable KafkaJSGroupCoordinatorNotFound)', async () => {
    retryUnreachableCoordinator();
    await expect(unanswered()).rejects.toMatchObject({ name: 'KafkaJSProtocolError', type: 'GROUP_COORDINATOR_NOT_AVAILABLE', retriable: true });
  });

  it('answers so a connection to the broker that failed, and leaves other failures as they are', async () => {
    const reset = Object.assign(new Error('Connection error: read ECONNRESET'), { name: 'KafkaJSConnectionError' });
    await expect(unanswered(reset)).rejects.toMatchObject({ type: 'GROUP_COORDINATOR_NOT_AVAILABLE', retriable: true });
    const other = Object.assign(new Error('not authorized'), { name: 'KafkaJSProtocolError', type: 'GROUP_AUTHORIZATION_FAILED' });
    await expect(unanswered(other)).rejects.toBe(other);
  });
});
