import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Agent, createServer, request as httpRequest, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, type TestDatabase } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listen } from '../src/http.js';

// Stopping drains: requests in flight finish and are told `connection: close`, requests that
// still arrive on kept-alive connections are served, idle connections close, and only then does
// Apollo stop.

interface Outcome {
  ok: number;
  /** Anything but an answer (a reset socket, a GraphQL error) to a request the server accepted. */
  failures: string[];
}

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

/** One request through `agent` (keep-alive): its status, `connection` header and body. */
function send(agent: Agent, url: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent, method: body ? 'POST' : 'GET', headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
      res.on('error', reject);
    });
    req.on('error', (error: NodeJS.ErrnoException & { reusedSocket?: boolean }) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    req.end(body);
  });
}

/**
 * `clients` keep-alive clients each sending `body` in a loop until the server refuses new
 * connections (it has stopped): every request sent on an open connection must get its answer.
 */
function keepAliveLoad(url: string, clients: number, body: string): { outcome: Outcome; stop(): void; done: Promise<Outcome> } {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const outcome: Outcome = { ok: 0, failures: [] };
  let stopped = false;
  const loop = async (): Promise<void> => {
    while (!stopped) {
      try {
        const answer = await send(agent, url, body);
        if (answer.status === 200 && !answer.body.includes('"errors"')) outcome.ok += 1;
        else outcome.failures.push(`HTTP ${answer.status}: ${answer.body.slice(0, 200)}`);
      } catch (error) {
        const { code, reusedSocket } = error as NodeJS.ErrnoException & { reusedSocket?: boolean };
        // The server stopped accepting: refused, or reset while still in its accept queue (a new
        // connection that never reached it). The loop is over.
        if (code === 'ECONNREFUSED' || (code === 'ECONNRESET' && !reusedSocket)) return;
        outcome.failures.push(`${code ?? ''} ${(error as Error).message}${reusedSocket ? ' (on a kept-alive connection)' : ''}`);
        return;
      }
    }
  };
  const done = Promise.all(Array.from({ length: clients }, loop)).then(() => {
    agent.destroy();
    return outcome;
  });
  return { outcome, stop: () => void (stopped = true), done };
}

describe('closeServer', () => {
  let server: Server;
  let url: string;
  let arrived = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      arrived += 1;
      setTimeout(() => res.end('ok'), 300);
    });
    url = await listen(server, 0, '127.0.0.1');
  });
  afterAll(() => server.closeAllConnections());

  it('lets in-flight keep-alive requests finish with connection: close, and closes without waiting for keep-alive timeouts', async () => {
    const agent = new Agent({ keepAlive: true });
    const inFlight = Array.from({ length: 5 }, () => send(agent, url));
    while (arrived < 5) await sleep(10); // every request is in flight at the server

    const began = performance.now();
    await closeServer(server);
    const took = performance.now() - began;

    expect(await Promise.all(inFlight)).toEqual(Array.from({ length: 5 }, () => ({ status: 200, connection: 'close', body: 'ok' })));
    expect(took).toBeLessThan(2_500); // the requests' 300 ms (on a busy machine), not the 5 s keep-alive timeout
    agent.destroy();
  });
});

describe('a service stopped with SIGTERM', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('drain');
  });
  afterAll(async () => {
    await database.drop();
  });

  async function startFixture(): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
    const entry = fileURLToPath(new URL('./drain-fixture/main.ts', import.meta.url));
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    // NODE_ENV=production as in `npm start` (vitest sets "test", which turns Apollo's own signal handlers off).
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      env: { ...process.env, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: database.url, KAFKA_BROKERS: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const exited = once(child, 'exit').then(([code]) => code as number | null);
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i += 1) {
      const up = await fetch(`${url}/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i > 1_500 || child.exitCode !== null) throw new Error('the fixture service did not start');
      await sleep(100);
    }
    return { child, url: `${url}/graphql`, exited };
  }

  it('answers every request its keep-alive clients sent, none with "server has stopped", and exits 0', async () => {
    const { child, url, exited } = await startFixture();
    const load = keepAliveLoad(url, 20, JSON.stringify({ query: '{ slow(ms: 50) }' }));
    while (load.outcome.ok < 40 && load.outcome.failures.length === 0) await sleep(20); // the clients' connections are open and reused

    const began = performance.now();
    child.kill('SIGTERM');
    const code = await exited;
    const took = performance.now() - began;
    load.stop();
    const outcome = await load.done;

    expect(outcome.failures).toEqual([]);
    expect(outcome.ok).toBeGreaterThan(20);
    expect(code).toBe(0);
    expect(took).toBeLessThan(5_000);
  }, 180_000);
});
