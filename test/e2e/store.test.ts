/**
 * The bot and its store: opened from DATABASE_URL when none is given (SQLite and PostgreSQL),
 * reachable by handlers, closed on stop; a store the caller passes stays the caller's.
 */
import { describe, expect, it } from 'vitest';
import { readBotConfig } from '../../src/config.js';
import { createJsonLogger } from '../../src/discord/logger.js';
import { startBot } from '../../src/discord/start-bot.js';
import { startFakeDiscord } from '../../src/fake-discord/index.js';
import { createKnowledgeService } from '../../src/service/knowledge-service.js';
import { MEMORY_DATABASE_URL, openStore } from '../../src/store/open-store.js';
import { storeBackends } from '../helpers/store-backends.js';
import { openWithoutCache, SHIPPED_KNOWLEDGE, TOKEN } from './harness.js';

/** Starts the real bot against a fresh fake with the given DATABASE_URL and options. */
async function botWith(databaseUrl: string, options: Parameters<typeof startBot>[1] = {}) {
  const fake = await startFakeDiscord();
  const config = readBotConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE, DATABASE_URL: databaseUrl });
  const lines: string[] = [];
  const logger = createJsonLogger({ level: 'debug', secrets: [TOKEN], write: (line) => lines.push(line) });
  const service = await createKnowledgeService(SHIPPED_KNOWLEDGE, { open: openWithoutCache });
  const bot = await startBot(config, { service, logger, ...options });
  await fake.waitForReady();
  return { fake, bot, lines };
}

for (const backend of storeBackends()) {
  describe(`the bot on ${backend.name}`, () => {
    it('given DATABASE_URL and no store, when the bot starts and stops, then it opened that database, said so without a password, and closed it', async () => {
      // given
      const database = await backend.fresh();
      try {
        // when
        const { fake, bot, lines } = await botWith(database.url);
        const voter = bot.store.hashUser('123456789012345678');
        await bot.store.recordVote({ guildId: fake.guild.id, channelId: 'c', answerMessageId: 'm', voterHash: voter, vote: 'up', question: 'q', cited: [], at: 1 });
        await bot.stop();
        await fake.close();
        // then
        expect(bot.store.kind).toBe(backend.name);
        const ready = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'ready');
        expect(String(ready?.store)).toContain(backend.name === 'sqlite' ? 'footnote.db' : '***@127.0.0.1');
        const password = new URL(database.url.replace(/^sqlite:/, 'file:')).password;
        if (password !== '') expect(lines.join('\n')).not.toContain(password);
        expect(lines.some((l) => l.includes('"event":"store-expired-deleted"'))).toBe(true);
        await expect(bot.store.vote('m', voter)).rejects.toThrow();
        const reopened = await database.open();
        expect(await reopened.vote('m', voter)).toMatchObject({ vote: 'up' });
        expect(reopened.hashUser('123456789012345678')).toBe(voter);
        await reopened.close();
      } finally {
        await database.remove();
      }
    });
  });
}

describe('a store passed to the bot', () => {
  it('given a store, when the bot stops, then the store is still open for its owner', async () => {
    // given
    const store = await openStore(MEMORY_DATABASE_URL);
    const { fake, bot } = await botWith('sqlite:never/opened.db', { store });
    // when
    await bot.stop();
    await fake.close();
    // then
    expect(bot.store).toBe(store);
    expect(await store.tagNames('g', '', 5)).toEqual([]);
    await store.close();
  });
});
