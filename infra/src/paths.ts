import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is infra/src/paths.ts). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Local state of the developer runtime; git-ignored. */
export const stateDir = join(repoRoot, '.rapport');
/** One `<name>.pid` file per process the CLI started and has not stopped yet. */
export const runDir = join(stateDir, 'run');
/** `<name>.log`: stdout and stderr of each process the CLI started. */
export const logDir = join(stateDir, 'logs');
/** The project broker's server.properties, data dir and cluster id. */
export const kafkaStateDir = join(stateDir, 'kafka');

/** The Maven project listing the Kafka runtime's artifacts, and its log4j configuration. */
export const kafkaPomPath = join(repoRoot, 'infra', 'kafka', 'pom.xml');
export const kafkaLog4jPath = join(repoRoot, 'infra', 'kafka', 'log4j2.properties');

/** `${XDG_CACHE_HOME:-$HOME/.cache}/rapport`: downloads shared by every clone. */
export function cacheDir(env: Record<string, string | undefined>): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.length > 0 ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'rapport');
}

/** Creates `.rapport/{run,logs}` (and a `.gitignore` inside, should the root one lack it). */
export function ensureStateDirs(): void {
  for (const dir of [runDir, logDir, kafkaStateDir]) mkdirSync(dir, { recursive: true });
  const ignore = join(stateDir, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '*\n');
}
