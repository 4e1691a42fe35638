/**
 * `npm start`: runs the bot until SIGINT or SIGTERM. Also the script of each shard under
 * `npm run start:sharded` (discord.js passes the shard ids through the environment).
 */
import { runProcess } from './discord/run-process.js';
import { startBot } from './discord/start-bot.js';

await runProcess(async (config, logger) => {
  const bot = await startBot(config, { logger });
  return () => bot.stop();
});
