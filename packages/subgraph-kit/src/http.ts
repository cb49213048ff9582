import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import { actingScope } from './audit.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * Claims a request outside GraphQL (any method, e.g. file uploads and downloads) and answers
 * it itself, reading the body as it likes: the app's body limit does not apply. Returns false to
 * leave the request to the other routes.
 */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) => boolean | Promise<boolean>;

export interface HttpAppOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Builds the per-request context; `requestId` is the caller's `x-request-id` when well-formed (see `requestIdOf`), else a new one. */
  context: (req: IncomingMessage, requestId: string) => Promise<TContext>;
  logger: Logger;
  /** Readiness: every dependency reachable. */
  ready: () => Promise<Record<string, boolean>>;
  /** Extra GET routes (exact paths), e.g. the explorer's page and assets. */
  routes?: Record<string, RouteHandler>;
  /** Tried after `/health` and `/ready`, before the routes and GraphQL. */
  handle?: HttpHandler;
  graphqlPath?: string;
  maxBodyBytes?: number;
}

/** A request body longer than the limit its reader was given. */
export class BodyTooLarge extends Error {}

/**
 * After answering a request before reading all of its body (a refused upload), reads and drops the
 * rest so the client — or a proxy still sending — receives the answer instead of a reset
 * connection; once more than `maxBytes` have been dropped, the connection is closed.
 */
export function discardBody(req: IncomingMessage, maxBytes: number): void {
  if (req.complete || req.destroyed) return;
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > maxBytes) req.socket.destroy();
  });
  req.resume();
}

/** Reads a request body as UTF-8, throwing BodyTooLarge once it passes `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLarge(`request body exceeds ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** What a client's `x-request-id` may look like to be kept: short, and safe in logs, headers and audit entries. */
export const REQUEST_ID_FORMAT = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The request id of `req`: the caller's `x-request-id` when it matches REQUEST_ID_FORMAT (a gateway or
 * a client correlating its own calls), else a new UUID — never the caller's text as it came.
 */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID_FORMAT.test(given) ? given : randomUUID();
}

const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

/**
 * Apollo Server on plain node:http: `/graphql`, `/health` (the process is up), `/ready` (its
 * dependencies answer), plus static routes. Every response carries the request id.
 */
export function createHttpApp<TContext extends BaseContext>(options: HttpAppOptions<TContext>): Server {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const limit = options.maxBodyBytes ?? 1_000_000;
  return createServer((req, res) => {
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Everything this request does runs in its acting scope; the context fills in the caller.
    void actingScope.run({ requestId, actorId: null }, async () => {
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/ready') {
        const checks = await options.ready().catch(() => ({ ready: false }));
        const ok = Object.values(checks).every(Boolean);
        return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', checks });
      }
      if (options.handle && (await options.handle(req, res, url, requestId))) return;
      const route = options.routes?.[url.pathname];
      if (route && req.method === 'GET') return route(req, res);
      if (url.pathname !== graphqlPath) return sendJson(res, 404, { error: 'not found' });

      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      let body: unknown = undefined;
      if (req.method === 'POST') {
        const text = await readBody(req, limit);
        const type = headers.get('content-type') ?? '';
        if (type.includes('application/json')) {
          try {
            body = text.length ? JSON.parse(text) : undefined;
          } catch {
            return sendJson(res, 400, { errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
          }
        } else body = text;
      }
      const response = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () => options.context(req, requestId),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }).catch((error: unknown) => {
      if (error instanceof BodyTooLarge) return sendJson(res, 413, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
      options.logger.error({ err: error, requestId }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    });
  });
}

/** Listens on `host:port` (0 picks a free port) and resolves with the base URL. */
export async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return `http://${host}:${address.port}`;
}

/** Stops accepting, closes idle keep-alive sockets, waits for in-flight requests. */
export async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  server.closeIdleConnections();
  const force = setTimeout(() => server.closeAllConnections(), 5000);
  await closed.finally(() => clearTimeout(force));
}
