import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { ISocketFactory } from 'kafkajs';

/**
 * A TCP proxy a test controls, put between a client and a shared server (PostgreSQL, Kafka) to
 * take the server away from that client alone: `cut()` resets every open connection and refuses
 * new ones (the port stops listening, as a stopped server's would), `restore()` listens again on
 * the same port. The shared server itself is never touched.
 */
export interface TcpProxy {
  readonly host: string;
  readonly port: number;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** `url` with its host and port replaced by the proxy's (e.g. a database URL). */
  url(url: string): string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((client) => {
    accepted += 1;
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const drop = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number): Promise<void> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stopListening = (): Promise<void> => new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    get accepted() {
      return accepted;
    },
    url(original) {
      const url = new URL(original);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    async cut() {
      const closed = stopListening();
      for (const socket of sockets) socket.resetAndDestroy();
      sockets.clear();
      await closed;
    },
    async restore() {
      if (!server.listening) await listen(port);
    },
    async close() {
      const closed = stopListening();
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await closed;
    },
  };
}

/**
 * A kafkajs socket factory that opens every broker connection through `proxy`, whatever address
 * the broker advertises: with a single broker, cutting the proxy takes the broker away from this
 * client only (a plain proxy in front of the bootstrap address would not do, as clients connect
 * to the advertised address after the first metadata request).
 */
export function proxiedKafkaSockets(proxy: TcpProxy): ISocketFactory {
  return ({ onConnect }) => {
    const socket = connect({ host: proxy.host, port: proxy.port }, onConnect);
    socket.setKeepAlive(true, 60000);
    return socket;
  };
}

/** Kafka protocol API keys a test may refuse (see `refusingKafkaRequests`). */
export const KAFKA_API = { FindCoordinator: 10, JoinGroup: 11, Heartbeat: 12, SyncGroup: 14 } as const;

/**
 * Wraps a kafkajs socket factory so that, while armed, a connection that sends a request with one
 * of `apiKeys` is destroyed before the request leaves: the real broker never sees it and the client
 * gets the connection error it would get from a broker dying at that moment. kafkajs writes each
 * request whole (size, then the header's api key), so the key is read at byte 4 of the write.
 */
export function refusingKafkaRequests(base: ISocketFactory, apiKeys: readonly number[]): { socketFactory: ISocketFactory; arm(): void; disarm(): void; readonly refused: number } {
  let armed = false;
  let refused = 0;
  const socketFactory: ISocketFactory = (args) => {
    const socket = base(args);
    const write = socket.write.bind(socket) as (...a: unknown[]) => boolean;
    (socket as { write: (...a: unknown[]) => boolean }).write = (...a: unknown[]) => {
      const chunk = a[0];
      if (armed && Buffer.isBuffer(chunk) && chunk.length >= 6 && apiKeys.includes(chunk.readInt16BE(4))) {
        refused += 1;
        socket.destroy(new Error('connection lost (refused by the test)'));
        return false;
      }
      return write(...a);
    };
    return socket;
  };
  return {
    socketFactory,
    arm: () => void (armed = true),
    disarm: () => void (armed = false),
    get refused() {
      return refused;
    },
  };
}

/** Host and port of the first of `brokers` ("host:port"). */
export function brokerAddress(brokers: readonly string[]): { host: string; port: number } {
  const [host, port] = (brokers[0] ?? '').split(':');
  if (!host || !port) throw new Error(`not a broker address: ${brokers[0]}`);
  return { host, port: Number(port) };
}
