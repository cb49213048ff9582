// `npx tsx gateway/bench/gateway-alone.bench.ts` (not a test): the gateway's own CPU per request, with
// nothing else in its process. This process runs only the gateway (createGateway, no Kafka feed,
// tracing off, a verifier that accepts one token without cryptography); a child process runs a stub
// customers subgraph, which answers the one-subgraph query of `npm run bench`'s federation tax (the
// rep's 20 customers) with a fixed answer, and a closed loop of GATEWAY_ALONE_CONNECTIONS (20)
// keep-alive connections through the gateway for GATEWAY_ALONE_SECONDS (10), after a 2 s warm-up.
// Prints requests/s and this process's CPU ms per request (process.cpuUsage), GATEWAY_ALONE_ROUNDS
// times (5). No PostgreSQL, no broker, no subgraph work: on a shared machine this figure moves far
// less than the whole system's, so it serves to compare two versions of the gateway's own code
// (GATEWAY_MODULE: another copy of src/create-gateway.ts to load instead).
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Principal } from '@rapport/auth';
import { Agent, request } from 'undici';
import type { createGateway as CreateGateway } from '../src/create-gateway.js';
import { stubGatewayConfig } from '../test/stub-gateway-config.js';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const QUERY = 'query Mine($o: ID) { customers(filter: { ownerId: $o }, first: 20) { edges { node { id name email lifecycleState } } } }';
const TOKEN = 'bench-token';
const answer = JSON.stringify({
  data: {
    customers: {
      edges: Array.from({ length: 20 }, (_, i) => ({
        node: { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Customer ${i}`, email: `c${i}@example.test`, lifecycleState: 'PROSPECT' },
      })),
    },
  },
});

/** The child: the stub subgraph, then the closed loops the parent asks for over IPC. */
async function child(): Promise<void> {
  const stub = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  process.send?.({ stub: `http://127.0.0.1:${(stub.address() as AddressInfo).port}/graphql` });
  process.on('message', (message: { gateway: string; connections: number; ms: number; round: number }) => {
    void (async () => {
      const agent = new Agent({ connections: message.connections });
      const body = JSON.stringify({ query: QUERY, variables: { o: '00000000-0000-4000-8000-0000000000aa' }, operationName: 'Mine' });
      let count = 0;
      let errors = 0;
      const until = performance.now() + message.ms;
      await Promise.all(
        Array.from({ length: message.connections }, async () => {
          while (performance.now() < until) {
            const response = await request(`${message.gateway}/graphql`, {
              method: 'POST',
              dispatcher: agent,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
              body,
            });
            const text = await response.body.text();
            if (response.statusCode !== 200 || !text.includes('Customer 19')) {
              if (!errors) process.stderr.write(`first failed answer: ${response.statusCode} ${text.slice(0, 500)}\n`);
              errors++;
            }
            count++;
          }
        }),
      );
      await agent.close();
      process.send?.({ round: message.round, count, errors });
    })();
  });
}

async function parent(): Promise<void> {
  const seconds = Number(process.env.GATEWAY_ALONE_SECONDS ?? 10);
  const rounds = Number(process.env.GATEWAY_ALONE_ROUNDS ?? 5);
  const connections = Number(process.env.GATEWAY_ALONE_CONNECTIONS ?? 20);
  const module = process.env.GATEWAY_MODULE ? pathToFileURL(process.env.GATEWAY_MODULE).href : '../src/create-gateway.js';
  const { createGateway } = (await import(module)) as { createGateway: typeof CreateGateway };
  const worker = fork(import.meta.filename, ['child'], { stdio: 'inherit' });
  const next = <T>(): Promise<T> => new Promise((resolve) => worker.once('message', resolve));
  const { stub } = await next<{ stub: string }>();
  const principal: Principal = { userId: 'rep', email: 'rep@example.test', role: 'SALES_REP', teamIds: [], tokenId: 'bench' };
  const gateway = createGateway(stubGatewayConfig(stub, { token: TOKEN, principal, subgraphConnections: 16, documentsMaxBytes: 1024 * 1024 }));
  const { url } = await gateway.start();
  const loop = async (ms: number, round: number): Promise<{ count: number; errors: number; cpuMs: number }> => {
    const before = process.cpuUsage();
    worker.send({ gateway: url, connections, ms, round });
    const { count, errors } = await next<{ count: number; errors: number }>();
    const used = process.cpuUsage(before);
    return { count, errors, cpuMs: (used.user + used.system) / 1000 };
  };
  await loop(2000, 0);
  for (let round = 1; round <= rounds; round++) {
    const load = loadavg()[0]?.toFixed(2);
    const { count, errors, cpuMs } = await loop(seconds * 1000, round);
    out(
      `round ${round}: ${(count / seconds).toFixed(1)} req/s, gateway ${(cpuMs / count).toFixed(3)} ms CPU/request, ${errors} errors (load ${load} → ${loadavg()[0]?.toFixed(2)})`,
    );
  }
  worker.kill();
  await gateway.stop();
}

await (process.argv[2] === 'child' ? child() : parent());
