import { STATUS_CODES } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Counter, Histogram } from '@rapport/subgraph-kit';
import { contextOf, failSpan, SpanKind, SpanStatusCode, traceHeaders, type Span, type Tracer } from '@rapport/telemetry';
import { Headers, type Dispatcher } from 'undici';

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

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

/**
 * The gateway's subgraph client on undici's dispatcher API (`dispatcher.request`) instead of its
 * WHATWG `fetch`, whose streams, Request and Response objects cost more than the subgraph call's
 * own work. Only what Apollo's RemoteGraphQLDataSource reads is offered: status, headers, and the
 * body once as text or JSON (read once and kept, so a second read or a clone answers the same).
 */
export function dispatcherFetcher(dispatcher: Dispatcher, observer?: SubgraphFetchObserver): Fetcher {
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
  return async (url, init = {}) => {
    const { origin, path } = targetOf(url);
    const began = performance.now();
    const method = init.method ?? 'GET';
    const tracer = observer?.tracer() ?? null;
    const span: Span | undefined = tracer?.startSpan(`${method} ${observer?.subgraph ?? origin}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'http.request.method': method, 'url.full': url, 'rapport.subgraph': observer?.subgraph ?? '' },
    });
    let ended = false;
    const finish = (status: number | null, error?: unknown): void => {
      if (ended) return;
      ended = true;
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
    };
    let answer: Dispatcher.ResponseData;
    try {
      answer = await dispatcher.request({
        origin,
        path,
        method,
        headers: span ? { ...init.headers, ...traceHeaders(contextOf(span)) } : (init.headers ?? {}),
        body: init.body ?? null,
        ...(init.signal ? { signal: init.signal as AbortSignal } : {}),
      });
    } catch (error) {
      finish(null, error);
      throw error;
    }
    const status = answer.statusCode;
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else if (value !== undefined) headers.append(name, value);
    }
    let text: Promise<string> | undefined;
    const read = (): Promise<string> =>
      (text ??= answer.body.text().then(
        (body) => {
          finish(status);
          return body;
        },
        (error: unknown) => {
          finish(status, error);
          throw error;
        },
      ));
    const response: FetcherResponse = {
      url,
      status: answer.statusCode,
      ok: answer.statusCode >= 200 && answer.statusCode < 300,
      statusText: STATUS_CODES[answer.statusCode] ?? '',
      redirected: false,
      get bodyUsed() {
        return text !== undefined;
      },
      headers,
      text: read,
      json: async () => JSON.parse(await read()) as unknown,
      arrayBuffer: async () => {
        const bytes = Buffer.from(await read());
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      },
      clone: () => response,
    };
    return response;
  };
}
