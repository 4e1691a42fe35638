/**
 * A hostile-query fuzz: 1,000 queries through the render and respond path (checked against the
 * fake's own validator), and 100 through the whole gateway with many interactions in flight.
 * Every reply must fit Discord's limits and ping nobody (or only the chosen target).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAnswer } from '../../src/discord/render/answer.js';
import { renderPassage } from '../../src/discord/render/passage.js';
import { type DiscordPayload, toDiscordPayload } from '../../src/discord/respond.js';
import { clampChoices } from '../../src/discord/clamp.js';
import { headingChoiceName } from '../../src/discord/render/style.js';
import { createKnowledgeService } from '../../src/service/knowledge-service.js';
import type { SentInteraction } from '../../src/fake-discord/index.js';
import { validateAutocompleteChoices, validateMessage } from '../../src/fake-discord/validate.js';
import { expectWithinLimits } from '../discord/limits-assertions.js';
import { type Harness, firstResponse, logOf, openWithoutCache, replyOf, SHIPPED_KNOWLEDGE, startHarness } from './harness.js';
import { seededRandom } from '../../src/evaluation/leave-out.js';
import { hostileQueries } from './hostile-queries.js';

const TARGET = '662129061396615999';

/** The JSON body discord.js sends for a payload (camelCase options to Discord's names). */
function apiBody(payload: DiscordPayload): Record<string, unknown> {
  return { content: payload.content, embeds: payload.embeds, components: payload.components, allowed_mentions: payload.allowedMentions };
}

describe('hostile queries through render and respond (1,000)', () => {
  it('given 1,000 hostile queries, when answered, paged and searched, then every payload passes Discord validation and pings nobody', async () => {
    // given
    const service = await createKnowledgeService(SHIPPED_KNOWLEDGE, { open: openWithoutCache });
    const queries = hostileQueries(1000, 20251125);
    const started = performance.now();
    let checked = 0;
    for (const [i, query] of queries.entries()) {
      // when
      const targetId = i % 3 === 0 ? TARGET : undefined;
      const hidden = i % 3 === 1;
      const first = await service.ask(query, { limit: 3 });
      const next = await service.ask(query, { limit: 3, offset: 3 });
      const payloads = [
        toDiscordPayload(renderAnswer(first, { askerId: '574854902317191168', hidden, ...(targetId ? { targetId } : {}) })),
        toDiscordPayload(renderAnswer(next, { askerId: '574854902317191168', hidden })),
      ];
      const best = first.answer.excerpts[0];
      const view = best && (await service.passage(best.passageId));
      if (view) payloads.push(toDiscordPayload(renderPassage(view, { note: `Best match for “${query}”` })));
      const choices = (await service.suggestPassages(query, 25)).map((s) => ({ name: headingChoiceName(s.title, s.section, ` ¶${s.paragraph} — ${s.snippet}`), value: s.passageId }));
      // then
      for (const payload of payloads) {
        expect(() => validateMessage(apiBody(payload))).not.toThrow();
        expectWithinLimits(payload);
        expect(payload.allowedMentions).toEqual(payload === payloads[0] && targetId ? { parse: [], users: [TARGET] } : { parse: [] });
        checked += 1;
      }
      expect(() => validateAutocompleteChoices({ choices: clampChoices(choices) })).not.toThrow();
    }
    console.log(`fuzz: ${queries.length} queries, ${checked} payloads checked in ${Math.round(performance.now() - started)} ms`);
  });
});

describe('hostile queries through the gateway (100 in flight)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ questionLimit: 'off' });
  });
  afterAll(async () => h?.close());

  it('given 100 hostile interactions at once, when the bot handles them, then each gets a valid reply and nobody is pinged', async () => {
    // given
    const next = seededRandom(7);
    const queries = hostileQueries(100, 99);
    const target = h.fake.users.moderator;
    const sent: { interaction: SentInteraction; kind: string; pings: string[] }[] = [];
    // when
    for (const [i, query] of queries.entries()) {
      const user = { ...h.fake.users.member, id: `57485490231719${String(1000 + i)}` };
      const roll = next();
      if (roll < 0.6) {
        const withTarget = i % 4 === 0;
        const options = { query, ...(withTarget ? { target } : i % 4 === 1 ? { hide: true } : {}) };
        sent.push({ interaction: h.fake.sendInteraction(h.fake.slashCommand('ask', options, { user })), kind: 'ask', pings: withTarget ? [target.id] : [] });
      } else if (roll < 0.75) {
        sent.push({ interaction: h.fake.sendInteraction(h.fake.slashCommand('search', { query }, { user })), kind: 'search', pings: [] });
      } else if (roll < 0.9) {
        sent.push({ interaction: h.fake.sendInteraction(h.fake.autocomplete(i % 2 ? 'search' : 'source', { query }, 'query', { user })), kind: 'autocomplete', pings: [] });
      } else {
        const message = h.fake.postUserMessage(query, h.fake.users.member);
        sent.push({ interaction: h.fake.sendInteraction(h.fake.messageContextMenu('Find sources', message, { user })), kind: 'find', pings: [] });
      }
    }
    // then
    for (const { interaction, kind, pings } of sent) {
      if (kind === 'autocomplete') {
        expect((await firstResponse(h.fake, interaction, 10_000)).status).toBe(204);
        continue;
      }
      const message = await replyOf(h.fake, interaction, 10_000);
      expect(message.allowed_mentions).toEqual(pings.length > 0 && message.embeds.length > 0 ? { parse: [], users: pings } : { parse: [] });
      expect(message.mention_everyone).toBe(false);
      expect(message.embeds.length + (message.content === '' ? 0 : 1)).toBeGreaterThan(0);
    }
    const lines = await Promise.all(sent.map(({ interaction }) => logOf(h, interaction)));
    expect(lines.filter((l) => l.outcome === 'error')).toEqual([]);
    expect(h.fake.requests.filter((r) => r.status >= 400)).toEqual([]);
    expect(h.logs.filter((l) => l.event === 'bug')).toEqual([]);
  });
});
