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
// start runs it — the figure to quote. GATEWAY_MODULE_B: a second one, to compare: both run, each in
// its own process, taking turns in slices of GATEWAY_ALONE_SLICE_MS (500) so that both see the same
// load on a shared machine; each round prints both and B's CPU per request over A's.
// GATEWAY_NODE_FLAGS / GATEWAY_NODE_FLAGS_B: Node flags for gateway A's / B's process (space-separated,
// e.g. `--max-semi-space-size=32`), to compare start-up flags with the same module on both sides.
// GATEWAY_ALONE_PROFILE=<file>: a CPU profile of gateway A during the measured loops of the last query
// (the flagship, unless only customers run), written there (.cpuprofile, for Chrome DevTools).
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Principal } from '@rapport/auth';
import { Agent, request } from 'undici';
import { FLAGSHIP_QUERY } from '../src/explorer.js';
import { supergraphPath } from '../src/subgraphs.js';
import { stubGatewayConfig } from '../test/stub-gateway-config.js';
import { assertFlagshipComplete } from './book.js';
import type { HostAnswer, HostCommand } from './gateway-host.js';
import { startStubSubgraphs, stubAnswers } from './stub-subgraphs.js';

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
  const stub = await startStubSubgraphs(answerOf);
  process.send?.({ stub: stub.url });
  // One pool of keep-alive connections per gateway, kept across loops (interleaved slices included).
  const agents = new Map<string, Agent>();
  process.on('message', (message: { gateway: string; query: QueryName; connections: number; ms: number }) => {
    void (async () => {
      let agent = agents.get(message.gateway);
      if (!agent) agents.set(message.gateway, (agent = new Agent({ connections: message.connections })));
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
      process.send?.({ count, errors });
    })();
  });
}

interface Host {
  module: string;
  url: string;
  ask<T extends HostAnswer>(command: HostCommand): Promise<T>;
}

async function parent(): Promise<void> {
  const seconds = Number(process.env.GATEWAY_ALONE_SECONDS ?? 10);
  const rounds = Number(process.env.GATEWAY_ALONE_ROUNDS ?? 5);
  const connections = Number(process.env.GATEWAY_ALONE_CONNECTIONS ?? 20);
  const sliceMs = Number(process.env.GATEWAY_ALONE_SLICE_MS ?? 500);
  const queries = (process.env.GATEWAY_ALONE_QUERIES ? [process.env.GATEWAY_ALONE_QUERIES] : ['customers', 'flagship']) as QueryName[];
  const profileFile = process.env.GATEWAY_ALONE_PROFILE;
  const modules = [process.env.GATEWAY_MODULE ?? join(import.meta.dirname, '../src/create-gateway.ts'), process.env.GATEWAY_MODULE_B]
    .filter((module): module is string => module !== undefined)
    .map((module) => resolve(module));
  const worker = fork(import.meta.filename, ['child'], { stdio: 'inherit' });
  const next = <T>(): Promise<T> => new Promise((settle) => worker.once('message', settle));
  const { stub } = await next<{ stub: string }>();
  const principal: Principal = { userId: 'rep', email: 'rep@example.test', role: 'SALES_REP', teamIds: [], tokenId: 'bench' };
  const { verifier, ...config } = stubGatewayConfig(stub, { token: TOKEN, principal, subgraphConnections: 16, documentsMaxBytes: 1024 * 1024 });
  void verifier; // each host makes its own: a function does not cross IPC
  const hosts: Host[] = [];
  for (const [index, module] of modules.entries()) {
    // A built gateway runs under plain node on the packages' dist/ (as the built start runs it); the source one under tsx, as this bench.
    const built = module.endsWith('.js');
    // Node flags of one host (GATEWAY_NODE_FLAGS for A, GATEWAY_NODE_FLAGS_B for B): to compare start-up flags such as V8's heap sizes.
    const flags = (process.env[index ? 'GATEWAY_NODE_FLAGS_B' : 'GATEWAY_NODE_FLAGS'] ?? '').split(' ').filter(Boolean);
    const child = fork(join(import.meta.dirname, 'gateway-host.ts'), [], { execArgv: [...(built ? ['--conditions=rapport-dist'] : process.execArgv), ...flags], stdio: 'inherit' });
    const ask = <T extends HostAnswer>(command: HostCommand): Promise<T> => {
      const answered = new Promise<T>((settle) => child.once('message', settle));
      child.send(command);
      return answered;
    };
    const { url } = await ask<Extract<HostAnswer, { kind: 'started' }>>({ kind: 'start', module, config, token: TOKEN, principal });
    hosts.push({ module, url, ask });
    out(
      `gateway ${hosts.length === 1 ? 'A' : 'B'}: ${module} (${built ? 'node --conditions=rapport-dist' : 'tsx'}${flags.length ? ` ${flags.join(' ')}` : ''}), ${connections} connections`,
    );
  }
  const cpuMs = async (host: Host): Promise<number> => (await host.ask<Extract<HostAnswer, { kind: 'cpu' }>>({ kind: 'cpu' })).ms;
  const loop = async (host: Host, query: QueryName, ms: number): Promise<{ count: number; errors: number; cpuMs: number }> => {
    const before = await cpuMs(host);
    worker.send({ gateway: host.url, query, connections, ms });
    const { count, errors } = await next<{ count: number; errors: number }>();
    return { count, errors, cpuMs: (await cpuMs(host)) - before };
  };
  const profiled = profileFile ? hosts[0] : undefined;
  for (const query of queries) for (const host of hosts) await loop(host, query, 2000);
  for (let round = 1; round <= rounds; round++) {
    for (const query of queries) {
      const load = loadavg()[0]?.toFixed(2);
      const totals = hosts.map(() => ({ count: 0, errors: 0, cpuMs: 0 }));
      if (profiled && query === queries.at(-1)) await profiled.ask({ kind: 'profile-start' });
      // With two gateways, slices of GATEWAY_ALONE_SLICE_MS each in turn: both see the same machine.
      const slices = hosts.length > 1 ? Math.max(1, Math.round((seconds * 1000) / sliceMs)) : 1;
      for (let slice = 0; slice < slices; slice++) {
        for (const [i, host] of hosts.entries()) {
          const run = await loop(host, query, (seconds * 1000) / slices);
          const total = totals[i];
          if (!total) continue;
          total.count += run.count;
          total.errors += run.errors;
          total.cpuMs += run.cpuMs;
        }
      }
      if (profiled && query === queries.at(-1) && profileFile) await profiled.ask({ kind: 'profile-stop', file: profileFile });
      const perRequest = totals.map(({ count, cpuMs: used }) => used / Math.max(count, 1));
      const figures = totals.map(
        ({ count, errors }, i) =>
          `${hosts.length > 1 ? `${i ? 'B' : 'A'} ` : ''}${(count / seconds).toFixed(1)} req/s, gateway ${perRequest[i]?.toFixed(3)} ms CPU/request, ${errors} errors`,
      );
      const ratio = perRequest.length > 1 ? `, B/A ${((perRequest[1] ?? 0) / (perRequest[0] ?? 1)).toFixed(3)}` : '';
      out(`round ${round} ${query.padEnd(9)}: ${figures.join('; ')}${ratio} (load ${load} → ${loadavg()[0]?.toFixed(2)})`);
    }
  }
  worker.kill();
  for (const host of hosts) await host.ask({ kind: 'stop' });
}

await (process.argv[2] === 'child' ? child() : parent());
