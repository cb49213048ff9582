/**
 * Splits a `KAFKA_BROKERS`-style list ("host:port,host:port") into broker addresses, dropping
 * blanks. The one parser of that variable: subgraphs, the gateway, the CLI and the test helpers
 * all read it through this. It lives here, beneath the bus, because `@rapport/testing` (which the
 * bus's own tests use) needs it too and may not depend on the bus.
 */
export const parseBrokers = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
