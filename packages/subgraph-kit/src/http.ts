import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer, type AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import { isAppError } from '@rapport/errors';
import { contextFrom, contextOf, SpanKind, SpanStatusCode, withContext, type Tracer } from '@rapport/telemetry';
import { GraphQLError } from 'graphql';
import { actingScope } from './audit.js';
import { isUnavailableResponse, loggable } from './format-error.js';
import { requestErrorStatus } from './http-status.js';
import { operationLabel, type RequestMetrics } from './metrics.js';
import type { GraphQLParams } from './operation-limits.js';

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
  /** `/metrics`: the Prometheus text format. */
  metrics?: () => Promise<string>;
  /** Extra GET routes (exact paths), e.g. the explorer's page and assets. */
  routes?: Record<string, RouteHandler>;
  /** Tried after `/health`, `/ready` and the routes, for every path but GraphQL's. */
  handle?: HttpHandler;
  graphqlPath?: string;
  maxBodyBytes?: number;
  /**
   * Runs on every GraphQL request after the body is read and the context built, before Apollo
   * parses anything (createOperationGuard: limits and sign-in); throws the error to answer with.
   */
  guard?: (params: GraphQLParams, context: TContext) => void;
  /**
   * When set, GraphQL and `handle` requests must carry this value in the `x-gateway-secret`
   * header (subgraphs that answer only the gateway); `/health`, `/ready` and `routes` stay open.
   */
  gatewaySecret?: string | null;
  /** Counts GraphQL requests per operation (count, status, seconds) for `/metrics`. */
  requestMetrics?: RequestMetrics;
  /**
   * Traces requests (null or absent when tracing is off): each request but `/health`, `/ready` and
   * `/metrics` runs in a SERVER span continuing the caller's `traceparent`.
   */
  tracer?: Tracer | null;
}

/** The header the gateway presents its shared secret in. */
export const GATEWAY_SECRET_HEADER = 'x-gateway-secret';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Paths that are never traced (probes and scrapes). */
const UNTRACED = new Set(['/health', '/ready', '/metrics']);

/** Whether `presented` is `secret`, in constant time. */
export function secretMatches(secret: string, presented: string | string[] | undefined): boolean {
  return typeof presented === 'string' && timingSafeEqual(digest(secret), digest(presented));
}

/** The request's GraphQL parameters, from a JSON body or (GET) the query string; null for a batch or none. */
function graphqlParams(method: string, body: unknown, searchOf: () => URLSearchParams): GraphQLParams | null {
  if (method === 'GET') {
    const search = searchOf();
    const query = search.get('query');
    if (query === null) return null;
    let variables: unknown = undefined;
    try {
      variables = JSON.parse(search.get('variables') ?? 'null');
    } catch {
      // Apollo refuses malformed variables itself
    }
    return { query, variables, operationName: search.get('operationName') };
  }
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? body : null;
}

/** The response for a request the guard refused. */
function refusal(error: unknown): { status: number; body: unknown } | null {
  const graphql = isAppError(error) ? error.toGraphQLError() : error instanceof GraphQLError ? error : null;
  if (!graphql) return null;
  const { message, extensions } = graphql.toJSON();
  return { status: requestErrorStatus(extensions?.code), body: { errors: [{ message, extensions }] } };
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

/**
 * `f` itself, for a closure made at every request: as an argument it has no name to keep, where as a
 * constant or a property it would get one, and the bundle (esbuild's `keepNames`) then defines that
 * name on each new closure (`Object.defineProperty`, as costly as the rest of reading a small body).
 */
const unnamed = <F>(f: F): F => f;

/**
 * `readBody` for the GraphQL path, with listeners instead of an async iterator (whose stream
 * end-of-stream bookkeeping cost as much as the rest of reading a small body) and no copy of a body
 * that came in one chunk. The same outcomes: the text; BodyTooLarge past `limit`, the request
 * destroyed but not its connection (as leaving the iterator did); an error if it fails or closes first.
 */
function readRequestBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let first: Buffer | undefined;
    let more: Buffer[] | undefined;
    let size = 0;
    const settle = unnamed((error: Error | null): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', settle);
      req.off('close', onClose);
      if (error) reject(error);
      else resolve(more ? Buffer.concat(more).toString('utf8') : (first?.toString('utf8') ?? ''));
    });
    const onData = unnamed((chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        settle(new BodyTooLarge(`request body exceeds ${limit} bytes`));
        // What leaving the iterator did (Node's stream destroyer, for a server request): the request
        // is destroyed apart from its socket, so the 413 is still written on the connection.
        (req as { socket: unknown }).socket = null;
        req.destroy();
      } else if (first === undefined) first = chunk;
      else (more ??= [first]).push(chunk);
    });
    const onEnd = unnamed((): void => settle(null));
    const onClose = unnamed((): void => settle(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' })));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', settle);
    req.once('close', onClose);
  });
}

/** A request target that `new URL` would leave as it is: a path of plain characters, no dot segment, escape or query. */
const PLAIN_TARGET = /^\/(?!\/)[A-Za-z0-9_\-/]*$/;

/** The search parameters of a target without a query: none (one function for every request, not a closure each). */
const noSearchParams = (): URLSearchParams => new URLSearchParams();

/** The path and query of `target` as `new URL(target, base)` reads them; without parsing a URL for a plain path. */
function targetOf(target: string): { pathname: string; search: string; searchParams: () => URLSearchParams } {
  if (PLAIN_TARGET.test(target)) return { pathname: target, search: '', searchParams: noSearchParams };
  const url = new URL(target, 'http://localhost');
  return { pathname: url.pathname, search: url.search, searchParams: () => url.searchParams };
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
  const { requestMetrics, tracer } = options;
  return createServer((req, res) => {
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    const url = targetOf(req.url ?? '/');
    // What is known of a GraphQL request once its body is read: its operation name (metrics, span name).
    const seen: { operation: string | null } = { operation: null };
    if (requestMetrics && url.pathname === graphqlPath) {
      const began = performance.now();
      res.once('close', () => requestMetrics.record(seen.operation ?? 'anonymous', res.statusCode, (performance.now() - began) / 1000));
    }
    const serve = unnamed(
      (): void =>
        void actingScope
          .run({ requestId, actorId: null }, async () => {
            if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
            if (url.pathname === '/ready') {
              const checks = await options.ready().catch(() => ({ ready: false }));
              const ok = Object.values(checks).every(Boolean);
              return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', checks });
            }
            if (url.pathname === '/metrics' && options.metrics) {
              const text = await options.metrics();
              res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
              return void res.end(text);
            }
            const route = options.routes?.[url.pathname];
            if (route && req.method === 'GET') return route(req, res);
            if (options.gatewaySecret && !secretMatches(options.gatewaySecret, req.headers[GATEWAY_SECRET_HEADER])) {
              discardBody(req, limit);
              return sendJson(res, 403, { errors: [{ message: 'this service answers only the gateway', extensions: { code: 'FORBIDDEN', reason: 'GATEWAY_ONLY' } }] });
            }
            if (url.pathname !== graphqlPath) {
              if (options.handle && (await options.handle(req, res, new URL(req.url ?? '/', 'http://localhost'), requestId))) return;
              return sendJson(res, 404, { error: 'not found' });
            }

            const headers = new HeaderMap();
            for (const [key, value] of Object.entries(req.headers)) {
              if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
            }
            let body: unknown = undefined;
            if (req.method === 'POST') {
              const text = await readRequestBody(req, limit);
              const type = headers.get('content-type') ?? '';
              if (type.includes('application/json')) {
                try {
                  body = text.length ? JSON.parse(text) : undefined;
                } catch {
                  return sendJson(res, 400, { errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
                }
              } else body = text;
            }
            const method = req.method ?? 'GET';
            const params = options.guard || requestMetrics || tracer ? graphqlParams(method, body, url.searchParams) : null;
            seen.operation = operationLabel(params);
            let context: Promise<TContext> | undefined;
            if (options.guard && params) {
              const contextValue = await options.context(req, requestId);
              try {
                options.guard(params, contextValue);
              } catch (error) {
                const refused = refusal(error);
                if (!refused) throw error;
                return sendJson(res, refused.status, refused.body);
              }
              context = Promise.resolve(contextValue);
            }
            const response = await options.apollo.executeHTTPGraphQLRequest({
              httpGraphQLRequest: { method, headers, search: url.search, body },
              context: unnamed(() => context ?? options.context(req, requestId)),
            });
            for (const [key, value] of response.headers) res.setHeader(key, value);
            res.statusCode = response.status ?? 200;
            if (response.body.kind === 'complete') {
              // The whole operation failed because a dependency is away: 503, so proxies and clients retry.
              if (res.statusCode === 200 && isUnavailableResponse(response.body.string)) res.statusCode = 503;
              res.end(response.body.string);
              return;
            }
            for await (const chunk of response.body.asyncIterator) res.write(chunk);
            res.end();
          })
          .catch((error: unknown) => {
            if (error instanceof BodyTooLarge) return sendJson(res, 413, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
            options.logger.error({ err: loggable(error), requestId }, 'request failed');
            if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
            else res.end();
          }),
    );
    if (!tracer || UNTRACED.has(url.pathname)) return serve();
    // A SERVER span continuing the caller's trace; Apollo's hooks, resolvers and the events they
    // write run inside it (graphqlSpanPlugin names it after the operation).
    const parent = contextFrom(req.headers);
    const method = req.method ?? 'GET';
    const span = tracer.startSpan(
      url.pathname === graphqlPath ? `${method} ${graphqlPath}` : method,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'url.path': url.pathname, 'rapport.request_id': requestId } },
      parent,
    );
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    withContext(contextOf(span, parent), serve);
  });
}

/** Listens on `host:port` (0 picks a free port) and resolves with the base URL. */
export async function listen(server: Server, port: number, host: string): Promise<string> {
  trackRequests(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return `http://${host}:${address.port}`;
}

/** The responses a server has not finished yet, and whether it is draining (see `closeServer`). */
interface Tracked {
  open: Set<ServerResponse>;
  draining: boolean;
}
const tracked = new WeakMap<Server, Tracked>();

/** Ends the connection after this response (a client must not send another request on it). */
const lastOnConnection = (res: ServerResponse): void => {
  if (!res.headersSent) res.setHeader('connection', 'close');
};

/** Keeps count of unfinished responses so `closeServer` can drain them; `listen` calls it. */
export function trackRequests(server: Server): void {
  if (tracked.has(server)) return;
  const state: Tracked = { open: new Set(), draining: false };
  tracked.set(server, state);
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    // A request that arrives on a kept-alive connection while draining is served, and is its last.
    if (state.draining) lastOnConnection(res);
    state.open.add(res);
    res.once('close', () => state.open.delete(res));
  });
}

/** How long `closeServer` lets in-flight requests finish before cutting their connections. */
export const DRAIN_TIMEOUT_MS = 5_000;

/**
 * How long a kept-alive connection may stay idle during a drain before it is closed. A client that
 * sends on it within this time is answered (with `connection: close`); closing idle connections at
 * once would reset the requests clients were sending on them at that moment.
 */
export const DRAIN_IDLE_GRACE_MS = 1_000;

/**
 * Drains and closes the server: stops accepting connections; answers every request in flight, and
 * any request still arriving on a kept-alive connection, with `connection: close` (so the client
 * sends no further request on it); closes connections still idle after `idleGraceMs`; cuts
 * whatever is still open after `timeoutMs`. Callers stop Apollo only after this resolves, so no
 * request meets a stopped server.
 */
export async function closeServer(server: Server, timeoutMs = DRAIN_TIMEOUT_MS, idleGraceMs = DRAIN_IDLE_GRACE_MS): Promise<void> {
  if (!server.listening) return;
  const state = tracked.get(server);
  if (state) {
    state.draining = true;
    for (const res of state.open) lastOnConnection(res);
  }
  // net.Server's close stops accepting and resolves once every connection has closed; http.Server's
  // would also close idle keep-alive connections at once, racing requests clients are sending.
  const closed = new Promise<void>((resolve, reject) => NetServer.prototype.close.call(server, (error?: Error) => (error ? reject(error) : resolve())));
  if (!state) server.closeIdleConnections();
  const idle = setTimeout(() => server.closeIdleConnections(), idleGraceMs);
  const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
  await closed.finally(() => {
    clearTimeout(idle);
    clearTimeout(force);
  });
}
