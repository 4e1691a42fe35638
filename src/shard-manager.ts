/**
 * `npm run start:sharded`: the same bot under discord.js's ShardingManager, one process (and
 * one knowledge index) per shard.
 */
import { ConfigError, processEnv, readBotConfig, type BotConfig } from './config.js';
import { createJsonLogger } from './discord/logger.js';
import { guardProcess } from './discord/process-guards.js';
import { startShardManager } from './discord/shard-manager.js';

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
  const manager = await startShardManager(config, logger);
  logger.info('shards-ready', { shards: manager.shards.size });
  const shutdown = (signal: string): void => {
    logger.info('shutdown', { signal });
    for (const shard of manager.shards.values()) shard.kill();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  logger.error('startup-failed', { error });
  process.exit(1);
}
