import { ensureKafka } from './kafka-broker.js';
import { indent, say, warn } from './output.js';
import { ensureStateDirs } from './paths.js';
import { Interrupted, removePidFile, tailFile, trapStopSignals, whenAborted, writePidFile } from './processes.js';

/** `rapport kafka`: a broker in the foreground until Ctrl-C (or `rapport stop`). */
export async function runKafka(env: Record<string, string | undefined>): Promise<number> {
  ensureStateDirs();
  const abort = new AbortController();
  const untrap = trapStopSignals((sig) => abort.abort(new Interrupted(sig)));
  const pidName = `cli-kafka-${process.pid}`;
  writePidFile({ name: pidName, pid: process.pid, group: false, match: 'cli.ts' });
  try {
    const kafka = await ensureKafka({ env, signal: abort.signal });
    const broker = kafka.process;
    if (!broker) {
      say(`nothing to keep running: Kafka at ${kafka.brokers} was not started by this command`);
      return 0;
    }
    say(`Kafka runs at ${kafka.brokers}; Ctrl-C (or \`npm run stop\`) stops it`);
    const crashed = await Promise.race([whenAborted(abort.signal).then(() => false), broker.exited.then(() => true)]);
    if (crashed) {
      const status = broker.exitStatus();
      warn(`the Kafka broker exited (${status?.signal ?? `code ${status?.code}`}); last lines of ${broker.logFile}:\n${indent(tailFile(broker.logFile))}`);
      return 1;
    }
    say('stopping Kafka');
    await kafka.stop();
    say('Kafka stopped');
    return 0;
  } catch (error) {
    const reason: unknown = abort.signal.reason;
    if (reason instanceof Interrupted) {
      say(`interrupted (${reason.signal}) while starting Kafka; nothing left running`);
      return reason.exitCode;
    }
    throw error;
  } finally {
    removePidFile(pidName, process.pid);
    untrap();
  }
}
