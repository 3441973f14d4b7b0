// Entry point: runs the configured services in one process and stops cleanly on SIGINT/SIGTERM.
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config.js';
import { startPlatform } from './platform.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const platform = await startPlatform(config);
  if (platform.url)
    platform.logger.info(`GraphQL and its sandbox: ${platform.url.replace('0.0.0.0', 'localhost')}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    platform.logger.info({ signal }, 'stopping');
    platform.close().then(
      () => process.exit(0),
      (error: unknown) => {
        platform.logger.error({ err: error }, 'failed to stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // The logger may not exist yet (bad configuration), so this one line goes to stderr directly.
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
