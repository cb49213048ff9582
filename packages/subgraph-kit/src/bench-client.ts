import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { postgresCost } from './bench-postgres.js';
import type { SubgraphService } from './service.js';
import { testToken } from './test-client.js';

/** A GraphQL answer as a benchmark reads it. */
export interface BenchAnswer {
  data?: unknown;
  errors?: unknown;
}

/** A benchmark's client of one service: keep-alive connections, GraphQL calls, closed loops. */
export interface BenchClient {
  /** Sends `query` with `variables` as the bearer of `token`; answers the parsed answer. */
  call(token: string, query: string, variables?: Record<string, unknown>): Promise<BenchAnswer>;
  /**
   * Closed loops: `connections` callers each sending `query` again as soon as the last answer came, for
   * 2 s of warm-up and then `seconds`; prints requests/s and this process's CPU ms per request (the
   * service and the client share the process when the service runs in it: compare between runs);
   * for a client of a service, also what its database's PostgreSQL backends spent (`postgresCost`).
   * An answer with errors ends the run.
   */
  closedLoops(label: string, token: string, query: string, variables: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

/**
 * A client of `service` (or of the service at a base URL) over `connections` keep-alive connections
 * (BENCH_CONNECTIONS, 20), loops of `seconds` (BENCH_SECONDS, 10).
 */
export function benchClient(
  service: SubgraphService | string,
  connections = Number(process.env.BENCH_CONNECTIONS ?? 20),
  seconds = Number(process.env.BENCH_SECONDS ?? 10),
): BenchClient {
  const url = typeof service === 'string' ? service : service.url;
  const databaseUrl = typeof service === 'string' ? undefined : service.orm.config.get('clientUrl');
  const agent = new Agent({ connections, pipelining: 1 });
  const call = async (token: string, query: string, variables: Record<string, unknown> = {}): Promise<BenchAnswer> => {
    const response = await request(`${url}/graphql`, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.body.json()) as BenchAnswer;
  };
  return {
    call,
    async closedLoops(label, token, query, variables) {
      const loop = async (until: number): Promise<number> => {
        let count = 0;
        while (performance.now() < until) {
          const answer = await call(token, query, variables);
          if (answer.errors) throw new Error(JSON.stringify(answer.errors));
          count++;
        }
        return count;
      };
      await Promise.all(Array.from({ length: connections }, () => loop(performance.now() + 2000)));
      const postgres = databaseUrl ? await postgresCost(databaseUrl) : undefined;
      await postgres?.begin();
      const cpu = process.cpuUsage();
      const began = performance.now();
      const counts = await Promise.all(Array.from({ length: connections }, () => loop(began + seconds * 1000)));
      const wall = performance.now() - began;
      const used = process.cpuUsage(cpu);
      const requests = counts.reduce((a, b) => a + b, 0);
      const database = postgres ? await postgres.end(requests) : [];
      await postgres?.close();
      process.stdout.write(
        `${label}, ${connections} connections, ${seconds} s: ${requests} requests, ${((1000 * requests) / wall).toFixed(1)} req/s, ` +
          `${((used.user + used.system) / 1000 / requests).toFixed(3)} ms CPU/request (service + client, one process)\n${database.map((line) => `${line}\n`).join('')}`,
      );
    },
    close: () => agent.close(),
  };
}

/**
 * A sales rep owning `count` new customers in `service`'s `customer_access` copy (what the customers
 * service's events would have left there), with a token for the rep and one for an admin: the
 * caller of a flagship-read benchmark and whoever sets its data up.
 */
export async function benchRepCustomers(service: SubgraphService, count = 10): Promise<{ rep: string; customers: string[]; repToken: string; adminToken: string }> {
  const rep = randomUUID();
  const customers = Array.from({ length: count }, () => randomUUID());
  const em = service.orm.em.fork();
  for (const customer of customers) await em.execute('insert into customer_access (customer_id, owner_id) values (?, ?)', [customer, rep]);
  return { rep, customers, repToken: await testToken({ userId: rep, role: 'SALES_REP' }), adminToken: await testToken({ userId: randomUUID(), role: 'ADMIN' }) };
}
