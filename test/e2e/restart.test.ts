/**
 * Answer buttons keep working after the bot restarts: the page's question is read back from the
 * embed when the in-memory record is gone.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJsonLogger } from '../../src/discord/logger.js';
import { type RunningBot, startBot } from '../../src/discord/start-bot.js';
import { createKnowledgeService } from '../../src/service/knowledge-service.js';
import { type Harness, buttonIds, firstResponse, openWithoutCache, replyOf, SHIPPED_KNOWLEDGE, startHarness } from './harness.js';

let h: Harness;
let second: RunningBot | undefined;
beforeAll(async () => {
  h = await startHarness({ cooldownMs: 0 });
});
afterAll(async () => {
  await second?.stop();
  await h?.close();
});

it('given an answer from before a restart, when "Next passage" is clicked on the new bot, then it still pages the same question', async () => {
  // given
  const answer = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('ask', { query: 'Iran hack campaign' })));
  await h.bot.stop();
  const service = await createKnowledgeService(SHIPPED_KNOWLEDGE, { open: openWithoutCache });
  second = await startBot(h.config, { service, store: h.store, cooldownMs: 0, logger: createJsonLogger({ write: () => undefined }) });
  await h.fake.waitForReady();
  const next = buttonIds(answer).find((id) => id.startsWith('ask:next:'))!;
  // when
  await firstResponse(h.fake, h.fake.sendInteraction(h.fake.button(next, answer)));
  // then
  const updated = h.fake.messages().find((m) => m.id === answer.id)!;
  expect(updated.embeds[0]?.title).toBe('Iran hack campaign');
  expect(updated.embeds[0]?.fields?.[0]?.name).toBe('Excerpt 4');
});
