/**
 * What `npm start` and `npm run start:sharded` share: read the configuration (a clear message
 * and exit 1 when it is wrong, never a value), a JSON logger that redacts the token, the
 * last-resort guards, and a clean stop on SIGINT/SIGTERM. Bad knowledge or a database that
 * cannot be opened is a plain message and exit code 1 (the message names the problem, never a
 * password).
 */
import { ConfigError, processEnv, readBotConfig, type BotConfig } from '../config.js';
import { KnowledgeError } from '../knowledge/errors.js';
import { databaseSecrets } from '../store/database-url.js';
import { StoreError } from '../store/store.js';
import { createJsonLogger, type Logger } from './logger.js';
import { guardProcess } from './process-guards.js';

/**
 * Runs a long-lived bot process: `start` gets the configuration and logger and returns how
 * to stop. Start-up failures are reported (bad knowledge as its `path:line` problems) and end
 * the process with code 1.
 *
 * @example await runProcess(async (config, logger) => { const bot = await startBot(config, { logger }); return () => bot.stop(); });
 */
export async function runProcess(start: (config: BotConfig, logger: Logger) => Promise<() => Promise<void> | void>): Promise<void> {
  let config: BotConfig;
  try {
    config = readBotConfig(processEnv());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const logger = createJsonLogger({ level: config.logLevel, secrets: [config.token, ...databaseSecrets(config.databaseUrl)] });
  guardProcess(logger);
  try {
    const stop = await start(config, logger);
    const shutdown = (signal: string): void => {
      logger.info('shutdown', { signal });
      void Promise.resolve(stop()).finally(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (error) {
    if (error instanceof KnowledgeError) {
      console.error(`The knowledge folder "${config.knowledgeDir}" has problems; fix them and start again:\n${error.message}`);
    } else if (error instanceof StoreError) {
      // A database problem is the operator's to fix (a path, a server): say it plainly, no stack.
      console.error(`The database cannot be used; fix it and start again:\n${error.message}`);
    } else {
      logger.error('startup-failed', { error });
    }
    process.exit(1);
  }
}
