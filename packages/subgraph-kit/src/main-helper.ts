import type { Logger } from 'pino';

/** Runs `service` until SIGINT/SIGTERM, then stops it; exits non-zero when start fails. */
export async function runUntilSignal(service: { start(): Promise<unknown>; stop(): Promise<void> }, logger: Logger): Promise<void> {
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    try {
      await service.stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'stop failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await service.start();
  } catch (error) {
    logger.fatal({ err: error }, 'start failed');
    await service.stop().catch(() => undefined);
    process.exit(1);
  }
}
