/**
 * Running the bot in several shards (one process each, each with its own index) with
 * discord.js's ShardingManager.
 */
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import type { BotConfig } from '../config.js';
import type { Logger } from './logger.js';

// Run from TypeScript (tsx) or from the transpiled dist/: shards run the bot the same way.
const fromSource = import.meta.url.endsWith('.ts');
/** The script each shard runs: the ordinary bot entry point. */
export const SHARD_SCRIPT = fileURLToPath(new URL(`../bot.${fromSource ? 'ts' : 'js'}`, import.meta.url));

/**
 * Discord's recommended shard count. discord.js's `'auto'` always asks discord.com, so with a
 * custom API (a local fake) ask that API instead.
 */
async function totalShardsFor(config: BotConfig): Promise<number | 'auto'> {
  if (config.apiUrl === undefined) return 'auto';
  const rest = new REST({ api: config.apiUrl }).setToken(config.token);
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards?: number };
  return Math.max(1, gateway.shards ?? 1);
}

/**
 * Spawns every shard and resolves once they are all ready.
 *
 * @example const manager = await startShardManager(config, logger);
 */
export async function startShardManager(config: BotConfig, logger: Logger): Promise<ShardingManager> {
  const manager = new ShardingManager(SHARD_SCRIPT, {
    token: config.token,
    totalShards: await totalShardsFor(config),
    execArgv: fromSource ? ['--import', 'tsx'] : ['--enable-source-maps'],
  });
  manager.on('shardCreate', (shard) => {
    logger.info('shard-created', { shard: shard.id });
    shard.on('death', () => logger.warn('shard-died', { shard: shard.id }));
  });
  await manager.spawn();
  return manager;
}
