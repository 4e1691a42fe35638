/**
 * `npm run start:sharded`: the same bot under discord.js's ShardingManager, one process (and
 * one knowledge index) per shard.
 */
import { runProcess } from './discord/run-process.js';
import { startShardManager } from './discord/shard-manager.js';

await runProcess(async (config, logger) => {
  const manager = await startShardManager(config, logger);
  logger.info('shards-ready', { shards: manager.shards.size });
  return () => {
    for (const shard of manager.shards.values()) shard.kill();
  };
});
