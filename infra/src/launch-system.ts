// Every subgraph and the gateway as separate processes, launched as `rapport start` launches them
// (subgraphs together, then the gateway), on free ports and a database server and topic prefix of
// the caller's: for the test that the built start answers and for the start-up benchmark, which
// compares the built start with tsx. Each process's time from launch to ready and its memory.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deadLetterTopic } from '@rapport/bus';
import { ALL_TOPICS } from '@rapport/contracts';
import { ensureTopicsAt } from './kafka-admin.js';
import { repoRoot } from './paths.js';
import { freePort, spawnManaged, stopManaged, waitForHttpOk, type ManagedProcess } from './processes.js';
import { builtCommand, GATEWAY, graphqlUrl, HOST, readyUrl, SUBGRAPHS, subgraphUrlEnv, type ServiceSpec } from './services.js';

/** `built`: plain Node on `dist/` (what `rapport start` runs); `tsx`: the TypeScript source under tsx. */
export type LaunchMode = 'built' | 'tsx';

export interface LaunchedProcess {
  spec: ServiceSpec;
  process: ManagedProcess;
  /** Milliseconds from its launch to its first `/ready` answer (polled every 250 ms). */
  readyMs: number;
}

export interface LaunchedSystem {
  subgraphs: LaunchedProcess[];
  gateway: LaunchedProcess;
  gatewayUrl: string;
  /** Milliseconds from the first launch to the gateway's ready. */
  totalMs: number;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  mode: LaunchMode;
  /** The PostgreSQL server (database `postgres`); each subgraph uses its `rapport_<name>`. */
  databaseUrl: string;
  brokers: string;
  topicPrefix: string;
  /** Where the logs and pid files go. */
  dir: string;
  timeoutMs?: number;
  /** More environment for one process (by name: `sales`, `gateway`), e.g. a CPU profile for one subgraph. */
  envFor?: (name: string) => NodeJS.ProcessEnv;
}

function command(spec: ServiceSpec, mode: LaunchMode): { command: string; args: string[]; env: Record<string, string> } {
  return mode === 'built' ? builtCommand(spec) : { command: join(repoRoot, 'node_modules', '.bin', 'tsx'), args: [spec.entry], env: {} };
}

/** Live processes, each with its pid and the fields of /proc/<pid>/stat after its name ([1] ppid, [2] pgid, [11] utime, [12] stime). */
function processesWhere(keep: (fields: string[], pid: number) => boolean): { pid: string; fields: string[] }[] {
  const members: { pid: string; fields: string[] }[] = [];
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (keep(fields, Number(entry))) members.push({ pid: entry, fields });
    } catch {
      // The process ended while being read.
    }
  }
  return members;
}

/** The processes of group `pgid`. */
const groupMembers = (pgid: number): { pid: string; fields: string[] }[] => processesWhere((fields) => Number(fields[2]) === pgid);

/** Resident memory of process group `pgid` in kB (tsx runs the service in a child process: both count). */
export function groupRssKb(pgid: number): number {
  let total = 0;
  for (const { pid } of groupMembers(pgid)) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(rss?.[1] ?? 0);
    } catch {
      // The process ended while being read.
    }
  }
  return total;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

const cpuMsOf = (members: { fields: string[] }[]): number => (members.reduce((ticks, { fields }) => ticks + Number(fields[11]) + Number(fields[12]), 0) * 1000) / TICKS_PER_SECOND;

/**
 * CPU milliseconds (user + system) the live processes of group `pgid` have used so far: read before
 * and after a run, the difference is the group's CPU in it (a member that ended between the two
 * readings takes its time with it).
 */
export const groupCpuMs = (pgid: number): number => cpuMsOf(groupMembers(pgid));

/**
 * CPU milliseconds so far of process `pid` and its children, ended ones included: a PostgreSQL
 * server's postmaster and its backends and workers (each backend is a process group of its own, so
 * `groupCpuMs` misses them). A child that ended and was reaped counts in its parent's cutime/cstime
 * ([13], [14]), so the figure only grows.
 */
export function withChildrenCpuMs(pid: number): number {
  const family = processesWhere((fields, own) => own === pid || Number(fields[1]) === pid);
  const parent = family.find((p) => Number(p.pid) === pid);
  const reaped = parent ? ((Number(parent.fields[13]) + Number(parent.fields[14])) * 1000) / TICKS_PER_SECOND : 0;
  return cpuMsOf(family) + reaped;
}

/** Environment every launched process shares: the database, broker, topic prefix and identity's keys on `identityPort`. */
function sharedEnv(options: LaunchOptions, identityPort: number): NodeJS.ProcessEnv {
  return {
    // Everyone but identity verifies tokens against identity's keys (on its port here, not the registry's).
    AUTH_JWKS_URL: `http://${HOST}:${identityPort}/.well-known/jwks.json`,
    ...process.env,
    HOST,
    DATABASE_URL: options.databaseUrl,
    KAFKA_BROKERS: options.brokers,
    KAFKA_TOPIC_PREFIX: options.topicPrefix,
    LOG_LEVEL: 'warn',
  };
}

/** The topics `rapport start` creates before launching anything. */
async function ensureSystemTopics(options: LaunchOptions): Promise<void> {
  const topics = [...ALL_TOPICS.map((t) => `${options.topicPrefix}${t}`), ...SUBGRAPHS.map((s) => deadLetterTopic(options.topicPrefix, s.name))];
  await ensureTopicsAt(options.brokers.split(','), topics);
}

/** Launches one process and waits for its first `/ready` answer; `launched` gets it at once (to be stopped on failure). */
async function launchOne(
  options: LaunchOptions,
  env: NodeJS.ProcessEnv,
  launched: ManagedProcess[],
  spec: ServiceSpec,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<LaunchedProcess> {
  const began = performance.now();
  const how = command(spec, options.mode);
  const process_ = await spawnManaged({
    name: `${spec.name}-${options.mode}`,
    command: how.command,
    args: how.args,
    cwd: repoRoot,
    env: { ...env, ...how.env, ...extraEnv, ...options.envFor?.(spec.name), PORT: String(spec.port), ...(spec.name === 'identity' ? { AUTH_JWKS_URL: undefined } : {}) },
    logFile: join(options.dir, `${spec.name}-${options.mode}.log`),
    pidDir: options.dir,
  });
  launched.push(process_);
  await waitForHttpOk(readyUrl(spec.port), { timeoutMs: options.timeoutMs ?? 120_000, process: process_ });
  return { spec, process: process_, readyMs: performance.now() - began };
}

/**
 * Launches subgraph `name` alone (no other subgraph, no gateway), as a restart of one service does:
 * its time from launch to ready with the machine to itself. The caller stops it.
 */
export async function launchSubgraphAlone(options: LaunchOptions, name: string): Promise<LaunchedProcess & { stop(): Promise<void> }> {
  const registered = SUBGRAPHS.find((s) => s.name === name);
  if (!registered) throw new Error(`no subgraph ${name} in the registry`);
  await ensureSystemTopics(options);
  const spec = { ...registered, port: await freePort() };
  const launched: ManagedProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(launched.map((p) => stopManaged(p, 10_000)));
  };
  try {
    // Identity does not run: its keys are asked for per request, not at start-up.
    return { ...(await launchOne(options, sharedEnv(options, await freePort()), launched, spec)), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Launches the subgraphs (all at once) and, once each is ready, the gateway; answers their
 * readiness times. The topics are created first, as `rapport start` does. Stops what it launched
 * when a process fails to become ready.
 */
export async function launchSystem(options: LaunchOptions): Promise<LaunchedSystem> {
  await ensureSystemTopics(options);
  const specs = await Promise.all(SUBGRAPHS.map(async (s) => ({ ...s, port: await freePort() })));
  const gatewaySpec = { ...GATEWAY, port: await freePort() };
  const identity = specs.find((s) => s.name === 'identity');
  if (!identity) throw new Error('no identity subgraph in the registry');
  const env = sharedEnv(options, identity.port);
  const launched: ManagedProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(launched.map((p) => stopManaged(p, 10_000)));
  };
  const launch = (spec: ServiceSpec, extraEnv: NodeJS.ProcessEnv = {}): Promise<LaunchedProcess> => launchOne(options, env, launched, spec, extraEnv);
  const began = performance.now();
  try {
    const subgraphs = await Promise.all(specs.map((spec) => launch(spec)));
    const gateway = await launch(gatewaySpec, subgraphUrlEnv(specs));
    return { subgraphs, gateway, gatewayUrl: graphqlUrl(gatewaySpec.port), totalMs: performance.now() - began, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
