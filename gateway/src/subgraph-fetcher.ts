import { STATUS_CODES } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Counter, Histogram } from '@rapport/subgraph-kit';
import { contextOf, failSpan, SpanKind, SpanStatusCode, traceHeaders, type Span, type Tracer } from '@rapport/telemetry';
import type { Dispatcher } from 'undici';

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

/**
 * The headers of the gateway's subgraph calls, both ways: lower-cased names in a Map, a repeated
 * header's values joined with ", " as `Headers` joins them. Not WHATWG's `Headers` (undici's or
 * node-fetch's), which check every name and value, keep a sorted copy and cost more per request
 * than reading the few headers Apollo and the gateway look at. Names and values come from Node's
 * HTTP parser (the caller's headers), undici's (a subgraph's answer) or the gateway itself, and
 * undici checks what it sends.
 */
export class PlainHeaders implements FetcherHeaders {
  readonly #map = new Map<string, string>();

  constructor(init?: Iterable<[string, string]>) {
    if (init) for (const [name, value] of init) this.append(name, value);
  }

  /** A subgraph's answer's headers as undici's dispatcher gives them (names already lower-cased). */
  static fromRaw(raw: Dispatcher.ResponseData['headers']): PlainHeaders {
    const headers = new PlainHeaders();
    for (const name in raw) {
      const value = raw[name];
      if (Array.isArray(value)) headers.#map.set(name, value.join(', '));
      else if (value !== undefined) headers.#map.set(name, value);
    }
    return headers;
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const known = this.#map.get(key);
    this.#map.set(key, known === undefined ? value : `${known}, ${value}`);
  }

  delete(name: string): void {
    this.#map.delete(name.toLowerCase());
  }

  get(name: string): string | null {
    return this.#map.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.#map.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.#map.set(name.toLowerCase(), value);
  }

  entries(): MapIterator<[string, string]> {
    return this.#map.entries();
  }

  keys(): MapIterator<string> {
    return this.#map.keys();
  }

  values(): MapIterator<string> {
    return this.#map.values();
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.#map.entries();
  }
}

/** What the gateway measures of its calls to one subgraph. */
export interface SubgraphFetchObserver {
  subgraph: string;
  /** Seconds from sending a request to having read its whole answer, by subgraph. */
  seconds: Histogram;
  /** Requests that failed before an answer (connection refused, reset, timeout), by subgraph. */
  failures: Counter;
  /** The gateway's tracer, while tracing is on: a CLIENT span per call, its context sent in `traceparent`. */
  tracer: () => Tracer | null;
}

/** Headers that differ between callers without changing a subgraph's answer: they do not keep two requests apart. */
const HEADERS_NOT_IN_KEY = new Set(['x-request-id', 'traceparent', 'tracestate']);

/**
 * The key under which identical requests in flight share one fetch, or null when this one must go
 * alone: only POSTed query operations (Apollo's body starts with the operation's text; a mutation,
 * a subscription or anything not recognised goes alone), without an abort signal (one caller giving
 * up must not fail the others). Same URL, same body, same headers but the request id and the trace
 * context (so the authorization, the gateway secret and anything else sent must match exactly).
 */
export function sharedRequestKey(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer; signal?: unknown }): string | null {
  const { body } = init;
  if (init.method !== 'POST' || init.signal || typeof body !== 'string') return null;
  if (!body.startsWith('{"query":"query') && !body.startsWith('{"query":"{')) return null;
  const headers = Object.entries(init.headers ?? {})
    .filter(([name]) => !HEADERS_NOT_IN_KEY.has(name.toLowerCase()))
    .map(([name, value]) => `${name.toLowerCase()}:${value}`)
    .sort()
    .join('\n');
  return `${url}\n${headers}\n\n${body}`;
}

/** A subgraph's answer read whole (what every caller that shared its request gets). */
interface Answer {
  status: number;
  headers: Dispatcher.ResponseData['headers'];
  body: string;
}

const UTF8_BOM = 0xfeff;

/** What one call measures and traces, from sending to the answer's end (or its failure). */
interface CallRecord {
  observer: SubgraphFetchObserver | undefined;
  began: number;
  span: Span | undefined;
}

function finishCall({ observer, began, span }: CallRecord, status: number | null, error?: unknown): void {
  if (observer) {
    if (status === null) observer.failures.inc([observer.subgraph]);
    else observer.seconds.observe([observer.subgraph], (performance.now() - began) / 1000);
  }
  if (span) {
    if (status !== null) span.setAttribute('http.response.status_code', status);
    if (error !== undefined) failSpan(span, error);
    else if (status !== null && status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  }
}

/**
 * undici's handler for one call: gathers the answer's chunks and decodes them once when it ends. A
 * class, so that a call allocates one object instead of a closure per callback (in the esbuild
 * bundle, whose `keepNames` also names each such closure again at every call).
 */
class AnswerReader implements Dispatcher.DispatchHandler {
  #status: number | null = null;
  #headers: Dispatcher.ResponseData['headers'] = {};
  #chunks: Buffer[] = [];
  #settled = false;
  #abort: (() => void) | undefined;

  constructor(
    private readonly call: CallRecord,
    private readonly signal: AbortSignal | undefined,
    private readonly resolve: (answer: Answer) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  #settle(): boolean {
    if (this.#settled) return false;
    this.#settled = true;
    if (this.#abort) this.signal?.removeEventListener('abort', this.#abort);
    return true;
  }

  fail(error: unknown): void {
    if (!this.#settle()) return;
    finishCall(this.call, this.#status, error);
    this.reject(error);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    const { signal } = this;
    if (!signal) return;
    const abort = (): void => controller.abort(signal.reason);
    this.#abort = abort;
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: Dispatcher.ResponseData['headers']): void {
    this.#status = statusCode;
    this.#headers = headers;
    this.#chunks = [];
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    const status = this.#status;
    if (status === null) return this.fail(new Error('the subgraph ended its answer before sending a status'));
    if (!this.#settle()) return;
    // As undici's `text()` decodes (UTF-8, a byte-order mark dropped), in one pass over the whole answer.
    const chunks = this.#chunks;
    let body = (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString('utf8');
    if (body.charCodeAt(0) === UTF8_BOM) body = body.slice(1);
    finishCall(this.call, status);
    this.resolve({ status, headers: this.#headers, body });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error);
  }
}

/**
 * What Apollo's RemoteGraphQLDataSource reads of an answer: status, headers (made when first read),
 * and the body as text or JSON, any number of times (a clone answers the same). Methods on the
 * prototype rather than closures per answer, for the same reason as AnswerReader.
 */
class SubgraphResponse implements FetcherResponse {
  readonly redirected = false;
  readonly ok: boolean;
  readonly statusText: string;
  readonly status: number;
  #used = false;
  #headers: PlainHeaders | undefined;

  constructor(
    readonly url: string,
    private readonly answer: Answer,
  ) {
    this.status = answer.status;
    this.ok = answer.status >= 200 && answer.status < 300;
    this.statusText = STATUS_CODES[answer.status] ?? '';
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  get headers(): PlainHeaders {
    return (this.#headers ??= PlainHeaders.fromRaw(this.answer.headers));
  }

  text(): Promise<string> {
    this.#used = true;
    return Promise.resolve(this.answer.body);
  }

  json(): Promise<unknown> {
    this.#used = true;
    try {
      return Promise.resolve(JSON.parse(this.answer.body) as unknown);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(await this.text());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }

  clone(): SubgraphResponse {
    return this;
  }
}

/**
 * The gateway's subgraph client on undici's lowest API (`dispatcher.dispatch` with a handler that
 * keeps the answer's chunks) instead of its WHATWG `fetch` or even `dispatcher.request`, whose
 * Request/Response objects, body streams and promise chains cost more per subgraph call than the
 * call's own work: a GraphQL answer is always read whole, so the answer is gathered as it arrives and
 * decoded once when it ends. Only what Apollo's RemoteGraphQLDataSource reads is offered: status,
 * headers, and the body as text or JSON (any number of times; a clone answers the same).
 *
 * With `dedupe`, identical query requests in flight at the same moment (`sharedRequestKey`: same
 * subgraph URL, body, authorization and other headers) share one fetch, as Hive Gateway does by
 * default: the first sends it, the others wait for its answer, and each gets its own response object
 * to parse. The shared request carries the first caller's request id and trace context; the others
 * make no call of their own, so they count in neither the fetch metrics nor a client span.
 */
export function dispatcherFetcher(dispatcher: Dispatcher, observer?: SubgraphFetchObserver, options: { dedupe?: boolean } = {}): Fetcher {
  const targets = new Map<string, { origin: string; path: string }>();
  const targetOf = (url: string): { origin: string; path: string } => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      targets.set(url, target);
    }
    return target;
  };
  const inFlight = new Map<string, Promise<Answer>>();

  /** Sends one request and reads its whole answer; measured (and traced) from sending to the answer's end. */
  const send = (url: string, init: Parameters<Fetcher>[1] = {}): Promise<Answer> => {
    const { origin, path } = targetOf(url);
    const method = init.method ?? 'GET';
    const tracer = observer?.tracer() ?? null;
    const span: Span | undefined = tracer?.startSpan(`${method} ${observer?.subgraph ?? origin}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'http.request.method': method, 'url.full': url, 'rapport.subgraph': observer?.subgraph ?? '' },
    });
    const call: CallRecord = { observer, began: performance.now(), span };
    return new Promise<Answer>((resolve, reject) => {
      dispatcher.dispatch(
        {
          origin,
          path,
          method,
          headers: span ? { ...init.headers, ...traceHeaders(contextOf(span)) } : (init.headers ?? {}),
          body: init.body ?? null,
        },
        new AnswerReader(call, init.signal as AbortSignal | undefined, resolve, reject),
      );
    });
  };

  return async (url, init = {}) => {
    const key = options.dedupe ? sharedRequestKey(url, init) : null;
    if (key === null) return new SubgraphResponse(url, await send(url, init));
    let shared = inFlight.get(key);
    if (!shared) {
      shared = send(url, init);
      const settled = (): void => {
        inFlight.delete(key);
      };
      shared.then(settled, settled);
      inFlight.set(key, shared);
    }
    return new SubgraphResponse(url, await shared);
  };
}
