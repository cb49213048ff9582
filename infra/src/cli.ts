// The `rapport` CLI (run through infra/bin/rapport, which provides Node 24 and tsx):
//   start | dev [service…] | status | stop | test | kafka | compose | replay-dlq --group <g> | chaos | cycles | duplicates
import { join } from 'node:path';
import { CliError, say, silenceKafkajsTimeoutWarning, warn } from './output.js';
import { repoRoot } from './paths.js';
import { runInTerminal } from './processes.js';

const HELP = `usage: rapport <command>
  start                     PostgreSQL, Kafka, every subgraph and the gateway, with demo data; Ctrl-C stops
  dev [service…]            the named subgraphs and/or gateway (all when none), each restarted when its code changes
  status                    each process \`start\` supervises: pid, state, restarts, uptime, readiness
  stop                      stop what start/kafka/test left running (from any terminal)
  test [turbo args]         lint, typecheck and test every workspace against real PostgreSQL and Kafka
  kafka                     a local Kafka broker on 127.0.0.1:9092 until Ctrl-C
  compose                   compose the supergraph (npm run compose -w @rapport/gateway)
  replay-dlq --group <g>    re-publish what consumer group <g> dead-lettered
  chaos [--quick]           a private system under load: kill -9 each process, stop the database; prints lost/doubled
  cycles                    list import cycles between the project's files; fails on any
  duplicates                list copied code in packages/, infra/, gateway/ and services' top-level files; fails on any`;

/** `npm run compose -w @rapport/gateway`, with this process's PATH (Node 24 first). */
const runCompose = (env: Record<string, string | undefined>, args: readonly string[]): Promise<number> =>
  runInTerminal('npm', ['run', 'compose', '-w', '@rapport/gateway', ...(args.length > 0 ? ['--', ...args] : [])], {
    cwd: repoRoot,
    env: { ...env, PATH: `${join(repoRoot, 'node_modules', '.bin')}:${env.PATH ?? ''}` },
  });

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const env = process.env;
  switch (command) {
    case 'start':
      return (await import('./start-command.js')).runStart(env);
    case 'dev':
      return (await import('./dev-command.js')).runDev(env, rest);
    case 'status':
      return (await import('./status-command.js')).runStatus();
    case 'stop':
      return (await import('./stop-command.js')).runStop();
    case 'test':
      return (await import('./test-command.js')).runTest(env, rest);
    case 'kafka':
      return (await import('./kafka-command.js')).runKafka(env);
    case 'compose':
      return runCompose(env, rest);
    case 'replay-dlq':
      return (await import('./replay-dlq-command.js')).runReplayDlq(env, rest);
    case 'chaos':
      return (await import('./chaos/chaos-command.js')).runChaos(env, rest);
    case 'cycles':
      return (await import('./import-cycles.js')).runCycles();
    case 'duplicates':
      return (await import('./duplicate-code.js')).runDuplicates();
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      say(HELP);
      return command === undefined ? 1 : 0;
    default:
      throw new CliError(`unknown command '${command}'\n${HELP}`);
  }
}

silenceKafkajsTimeoutWarning();
let exitCode: number;
try {
  exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliError) {
    warn(error.message);
    exitCode = error.exitCode;
  } else {
    warn(error instanceof Error ? (error.stack ?? error.message) : String(error));
    exitCode = 1;
  }
}
// Every process a command started is stopped by now; idle keep-alive sockets must not hold us.
process.exit(exitCode);
