// An OTLP/HTTP receiver in a process of its own, for the flagship bench with tracing on
// (FLAGSHIP_TRACING=1 starts it): prints its endpoint on the first line, keeps no spans (only counts
// them), and on SIGTERM prints what it received as JSON and exits.
import { startOtlpReceiver } from '@rapport/testing';

const receiver = await startOtlpReceiver();
const forget = setInterval(() => receiver.clear(), 1000);
process.stdout.write(`${receiver.endpoint}\n`);
process.on('SIGTERM', () => {
  clearInterval(forget);
  process.stdout.write(`${JSON.stringify({ spans: receiver.received, exports: receiver.requests })}\n`);
  void receiver.stop().then(() => process.exit(0));
});
