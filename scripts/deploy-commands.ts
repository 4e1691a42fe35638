/**
 * `npm run deploy-commands`: registers the bot's commands (in DISCORD_GUILD_ID if set, else globally).
 */
import { ConfigError, processEnv, readBotConfig } from '../src/config.js';
import { deployCommands } from '../src/discord/deploy.js';

try {
  const { scope, names } = await deployCommands(readBotConfig(processEnv()));
  console.log(`Registered ${names.length} ${scope} commands: ${names.join(', ')}`);
} catch (error) {
  // Errors from discord.js never contain the token; ConfigError never prints values.
  console.error(error instanceof ConfigError ? error.message : `Could not register the commands: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
