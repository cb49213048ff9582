// `npx tsx gateway/bench/gateway-alone.bench.ts` (not a test): the gateway's own CPU per request, with
// nothing else in its process. A child process (gateway-host.ts) runs only the gateway (createGateway,
// no Kafka feed, tracing off, a verifier that accepts one token without cryptography); another child
// runs a stub that stands in for every subgraph and closed loops of GATEWAY_ALONE_CONNECTIONS (20)
// keep-alive connections through the gateway for GATEWAY_ALONE_SECONDS (10) each, after a 2 s warm-up
// of each. Two queries, one loop of each per round: the one-subgraph query of `npm run bench`'s
// federation tax (the rep's 20 customers, answered by the stub with a fixed answer) and the flagship
// query (src/explorer.ts, six subgraph fetches; the stub makes up each answer from the supergraph's
// types, shaped like the book: 10 customers, one owner, 2 tickets, 1 opportunity, 1 order, 2 overdue
// invoices each — see stub-subgraphs.ts; each distinct request body is answered once, then replayed).
// Prints requests/s and the gateway process's CPU ms per request (its process.cpuUsage),
// GATEWAY_ALONE_ROUNDS times (5); GATEWAY_ALONE_QUERIES=customers or =flagship runs only one of the two.
// No PostgreSQL, no broker, no subgraph work: on a shared machine this figure moves far less than the
// whole system's, so it serves to compare two versions of the gateway's own code.
// GATEWAY_MODULE: the create-gateway module to run, by default src/create-gateway.ts under tsx; a built
// one (`…/dist/create-gateway.js`, after `npx turbo run build --filter=@rapport/gateway...`, or a copy
// of that dist/ folder to compare against) runs under plain node on the packages' dist/, as the built
// start runs it — the figure to quote. GATEWAY_ALONE_PROFILE=<file>: a CPU profile of the gateway
// process during the measured flagship loops, written there (.cpuprofile, for Chrome DevTools).
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Principal } from '@rapport/auth';
import { Agent, request } from 'undici';
import { FLAGSHIP_QUERY } from '../src/explorer.js';
import { supergraphPath } from '../src/subgraphs.js';
import { stubGatewayConfig } from '../test/stub-gateway-config.js';
import { assertFlagshipComplete } from './book.js';
import type { HostAnswer, HostCommand } from './gateway-host.js';
import { stubAnswers } from './stub-subgraphs.js';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const QUERY = 'query Mine($o: ID) { customers(filter: { ownerId: $o }, first: 20) { edges { node { id name email lifecycleState } } } }';
const TOKEN = 'bench-token';
const OWNER = '00000000-0000-4000-8000-0000000000aa';
const answer = JSON.stringify({
  data: {
    customers: {
      edges: Array.from({ length: 20 }, (_, i) => ({
        node: { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Customer ${i}`, email: `c${i}@example.test`, lifecycleState: 'PROSPECT' },
      })),
    },
  },
});

type QueryName = 'customers' | 'flagship';
const BODIES: Record<QueryName, string> = {
  customers: JSON.stringify({ query: QUERY, variables: { o: OWNER }, operationName: 'Mine' }),
  flagship: JSON.stringify({ query: FLAGSHIP_QUERY, variables: { ownerId: OWNER }, operationName: 'RepCustomers' }),
};
/** Whether an answer of the gateway is the right one (the first wrong one is printed). */
const CHECKS: Record<QueryName, (text: string) => boolean> = {
  customers: (text) => text.includes('Customer 19'),
  flagship: (text) => {
    try {
      assertFlagshipComplete(JSON.parse(text) as Parameters<typeof assertFlagshipComplete>[0]);
      return true;
    } catch {
      return false;
    }
  },
};

/** The child: the stub subgraphs, then the closed loops the parent asks for over IPC. */
async function child(): Promise<void> {
  const synthesize = stubAnswers(readFileSync(supergraphPath, 'utf8'));
  // Apollo names a subgraph operation `<operation>__<subgraph>__<step>`: the one-subgraph query's gets the fixed answer.
  const answers = new Map<string, string>();
  const answerOf = (text: string): string => {
    let known = answers.get(text);
    if (known === undefined) {
      const body = JSON.parse(text) as Parameters<typeof synthesize>[0] & { operationName?: string };
      known = body.operationName?.startsWith('Mine__') ? answer : JSON.stringify(synthesize(body));
      answers.set(text, known);
    }
    return known;
  };
  const stub = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answerOf(Buffer.concat(chunks).toString('utf8')));
    });
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  process.send?.({ stub: `http://127.0.0.1:${(stub.address() as AddressInfo).port}/graphql` });
  process.on('message', (message: { gateway: string; query: QueryName; connections: number; ms: number }) => {
    void (async () => {
      const agent = new Agent({ connections: message.connections });
      const body = BODIES[message.query];
      const check = CHECKS[message.query];
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
            if (response.statusCode !== 200 || !check(text)) {
              if (!errors) process.stderr.write(`first failed answer: ${response.statusCode} ${text.slice(-1500)}\n`);
              errors++;
            }
            count++;
          }
        }),
      );
      await agent.close();
      process.send?.({ count, errors });
    })();
  });
}

async function parent(): Promise<void> {
  const seconds = Number(process.env.GATEWAY_ALONE_SECONDS ?? 10);
  const rounds = Number(process.env.GATEWAY_ALONE_ROUNDS ?? 5);
  const connections = Number(process.env.GATEWAY_ALONE_CONNECTIONS ?? 20);
  const queries = (process.env.GATEWAY_ALONE_QUERIES ? [process.env.GATEWAY_ALONE_QUERIES] : ['customers', 'flagship']) as QueryName[];
  const profileFile = process.env.GATEWAY_ALONE_PROFILE;
  const module = resolve(process.env.GATEWAY_MODULE ?? join(import.meta.dirname, '../src/create-gateway.ts'));
  // A built gateway runs under plain node on the packages' dist/ (as the built start runs it); the source one under tsx, as this bench.
  const built = module.endsWith('.js');
  const host = fork(join(import.meta.dirname, 'gateway-host.ts'), [], { execArgv: built ? [`--conditions=rapport-dist`] : process.execArgv, stdio: 'inherit' });
  const ask = <T extends HostAnswer>(command: HostCommand): Promise<T> => {
    const answered = new Promise<T>((settle) => host.once('message', settle));
    host.send(command);
    return answered;
  };
  const worker = fork(import.meta.filename, ['child'], { stdio: 'inherit' });
  const next = <T>(): Promise<T> => new Promise((settle) => worker.once('message', settle));
  const { stub } = await next<{ stub: string }>();
  const principal: Principal = { userId: 'rep', email: 'rep@example.test', role: 'SALES_REP', teamIds: [], tokenId: 'bench' };
  const { verifier, ...config } = stubGatewayConfig(stub, { token: TOKEN, principal, subgraphConnections: 16, documentsMaxBytes: 1024 * 1024 });
  void verifier; // the host makes its own: a function does not cross IPC
  const { url } = await ask<Extract<HostAnswer, { kind: 'started' }>>({ kind: 'start', module, config, token: TOKEN, principal });
  const cpuMs = async (): Promise<number> => (await ask<Extract<HostAnswer, { kind: 'cpu' }>>({ kind: 'cpu' })).ms;
  const loop = async (query: QueryName, ms: number): Promise<{ count: number; errors: number; cpuMs: number }> => {
    const profiling = profileFile && query === 'flagship' && ms > 2000;
    if (profiling) await ask({ kind: 'profile-start' });
    const before = await cpuMs();
    worker.send({ gateway: url, query, connections, ms });
    const { count, errors } = await next<{ count: number; errors: number }>();
    const used = (await cpuMs()) - before;
    if (profiling) await ask({ kind: 'profile-stop', file: profileFile });
    return { count, errors, cpuMs: used };
  };
  out(`gateway: ${module} (${built ? 'node --conditions=rapport-dist' : 'tsx'}), ${connections} connections`);
  for (const query of queries) await loop(query, 2000);
  for (let round = 1; round <= rounds; round++) {
    for (const query of queries) {
      const load = loadavg()[0]?.toFixed(2);
      const { count, errors, cpuMs: used } = await loop(query, seconds * 1000);
      out(
        `round ${round} ${query.padEnd(9)}: ${(count / seconds).toFixed(1)} req/s, gateway ${(used / count).toFixed(3)} ms CPU/request, ${errors} errors (load ${load} → ${loadavg()[0]?.toFixed(2)})`,
      );
    }
  }
  worker.kill();
  await ask({ kind: 'stop' });
}

await (process.argv[2] === 'child' ? child() : parent());
