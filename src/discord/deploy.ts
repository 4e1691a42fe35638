/**
 * Registering the commands with Discord: in one guild when `DISCORD_GUILD_ID` is set (instant,
 * for development), else globally.
 */
import { REST, Routes } from 'discord.js';
import { commandData } from '../../commands/index.js';
import type { BotConfig } from '../config.js';

/** What was registered where. */
export interface DeployResult {
  readonly scope: 'guild' | 'global';
  readonly names: readonly string[];
}

/**
 * Overwrites the application's commands with the bot's.
 *
 * @example const { scope, names } = await deployCommands(readBotConfig(processEnv()));
 */
export async function deployCommands(config: BotConfig): Promise<DeployResult> {
  const rest = new REST(config.apiUrl === undefined ? {} : { api: config.apiUrl }).setToken(config.token);
  const route =
    config.guildId === undefined ? Routes.applicationCommands(config.clientId) : Routes.applicationGuildCommands(config.clientId, config.guildId);
  const saved = (await rest.put(route, { body: commandData })) as { name: string }[];
  return { scope: config.guildId === undefined ? 'global' : 'guild', names: saved.map((c) => c.name) };
}
