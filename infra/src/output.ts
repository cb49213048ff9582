// What the CLI tells the person at the terminal. CLI scripts print plain lines, not JSON logs.

/** An expected failure: its message is the whole story, so no stack is printed. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const say = (message: string): void => {
  process.stdout.write(`${message}\n`);
};

export const warn = (message: string): void => {
  process.stderr.write(`rapport: ${message}\n`);
};

/** Seconds since `startedAt` (a `performance.now()` value), one decimal. */
export const secondsSince = (startedAt: number): string => ((performance.now() - startedAt) / 1000).toFixed(1);

/** Indents a block of text, e.g. a log tail inside an error message. */
export const indent = (text: string, prefix = '  | '): string =>
  text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');

/**
 * kafkajs 2.2.4 hands setTimeout negative delays (Node clamps them to 1 ms, as kafkajs expects);
 * Node 24 warns about each. Drops that one warning and lets every other through.
 */
export function silenceKafkajsTimeoutWarning(): void {
  const defaults = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name === 'TimeoutNegativeWarning') return;
    for (const listener of defaults) listener(warning);
  });
}
