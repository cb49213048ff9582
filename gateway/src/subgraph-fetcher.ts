import { STATUS_CODES } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Headers, type Dispatcher } from 'undici';

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * The gateway's subgraph client on undici's dispatcher API (`dispatcher.request`) instead of its
 * WHATWG `fetch`, whose streams, Request and Response objects cost more than the subgraph call's
 * own work. Only what Apollo's RemoteGraphQLDataSource reads is offered: status, headers, and the
 * body once as text or JSON (read once and kept, so a second read or a clone answers the same).
 */
export function dispatcherFetcher(dispatcher: Dispatcher): Fetcher {
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
    const answer = await dispatcher.request({
      origin,
      path,
      method: init.method ?? 'GET',
      headers: init.headers ?? {},
      body: init.body ?? null,
      ...(init.signal ? { signal: init.signal as AbortSignal } : {}),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else if (value !== undefined) headers.append(name, value);
    }
    let text: Promise<string> | undefined;
    const read = (): Promise<string> => (text ??= answer.body.text());
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
