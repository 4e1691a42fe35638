/**
 * `npm start`: runs the bot until SIGINT or SIGTERM. Also the script of each shard under
 * `npm run start:sharded` (discord.js passes the shard ids through the environment).
 */
import { ConfigError, processEnv, readBotConfig, type BotConfig } from './config.js';
import { createJsonLogger } from './discord/logger.js';
import { guardProcess } from './discord/process-guards.js';
import { startBot } from './discord/start-bot.js';
import { KnowledgeError } from './knowledge/errors.js';

let config: BotConfig;
try {
  config = readBotConfig(processEnv());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const logger = createJsonLogger({ level: config.logLevel, secrets: [config.token] });
guardProcess(logger);
try {
  const bot = await startBot(config, { logger });
  const shutdown = (signal: string): void => {
    logger.info('shutdown', { signal });
    void bot.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  if (error instanceof KnowledgeError) {
    console.error(`The knowledge folder "${config.knowledgeDir}" has problems; fix them and start again:\n${error.message}`);
  } else {
    logger.error('startup-failed', { error });
  }
  process.exit(1);
}
