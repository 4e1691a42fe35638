/**
 * Things going wrong: rate limits and outages on Discord's side, a slow or broken knowledge
 * service, an empty knowledge folder. The bot must answer every time and never crash.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeService, type KnowledgeService } from '../../src/service/knowledge-service.js';
import { type Harness, emptyKnowledge, firstResponse, logOf, openWithoutCache, replyOf, requestsOf, SHIPPED_KNOWLEDGE, startHarness, TOKEN } from './harness.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Discord-side failures', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ questionLimit: 'off' });
  });
  afterAll(async () => h?.close());

  it('given a 429 with Retry-After on the first callback, when asked, then discord.js waits, retries and the answer still arrives', async () => {
    // given
    h.fake.failNext({ method: 'POST', pathPattern: /\/callback$/, status: 429, retryAfterSeconds: 0.5 });
    // when
    const sent = h.fake.sendInteraction(h.fake.slashCommand('ask', { query: 'What did Russia do?' }));
    const message = await replyOf(h.fake, sent);
    // then
    const callbacks = requestsOf(h.fake, sent).filter((r) => r.path.endsWith('/callback'));
    expect(callbacks.map((r) => r.status)).toEqual([429, 204]);
    expect(callbacks[1]!.at - callbacks[0]!.at).toBeGreaterThanOrEqual(450);
    expect(message.embeds[0]?.fields?.length).toBeGreaterThan(0);
  });

  it('given 5xx answers on the callback and on the edit, when asked, then the retries deliver the answer', async () => {
    // given
    h.fake.failNext({ method: 'POST', pathPattern: /\/callback$/, status: 500 });
    h.fake.failNext({ method: 'PATCH', pathPattern: /\/messages\/@original$/, status: 502 });
    // when
    const sent = h.fake.sendInteraction(h.fake.slashCommand('ask', { query: 'What did Russia do?' }));
    const message = await replyOf(h.fake, sent);
    // then
    expect(requestsOf(h.fake, sent).map((r) => `${r.method} ${r.status}`)).toEqual(['POST 500', 'POST 204', 'PATCH 502', 'PATCH 200']);
    expect(message.embeds[0]?.title).toBe('What did Russia do?');
  });

  it('given everything the bot did, when its logs and requests are read, then the token appears nowhere', () => {
    expect(h.rawLogs.join('\n')).not.toContain(TOKEN);
    expect(JSON.stringify(h.fake.requests)).not.toContain(TOKEN);
    expect(h.logs.filter((l) => l.event === 'interaction').every((l) => typeof l.latencyMs === 'number')).toBe(true);
  });
});

describe('a slow or broken knowledge service', () => {
  let h: Harness;
  let broken = false;
  beforeAll(async () => {
    const real = await createKnowledgeService(SHIPPED_KNOWLEDGE, { open: openWithoutCache });
    const service: KnowledgeService = {
      ...real,
      async ask(question, page) {
        await sleep(2000);
        return real.ask(question, page);
      },
      async suggestPassages(typed, limit) {
        await sleep(1000);
        return real.suggestPassages(typed, limit);
      },
      async documents() {
        if (broken) throw new Error('disk on fire');
        return real.documents();
      },
    };
    h = await startHarness({ service, questionLimit: 'off', autocompleteBudgetMs: 300 });
  });
  afterAll(async () => h?.close());
  afterEach(() => {
    broken = false;
  });

  it('given a search slower than Discord allows, when run, then the bot defers in time and edits the answer in later', async () => {
    // when
    const sent = h.fake.sendInteraction(h.fake.slashCommand('search', { query: 'Olsen clear and present danger' }));
    const callback = await firstResponse(h.fake, sent);
    const message = await replyOf(h.fake, sent);
    // then
    const record = h.fake.interactions.find((i) => i.id === sent.id)!;
    expect(callback.body).toMatchObject({ type: 5 });
    expect(record.response?.latencyMs).toBeGreaterThanOrEqual(1400);
    expect(record.response?.latencyMs).toBeLessThan(3000);
    expect(message.embeds[0]?.description).toMatch(/^Best match for/);
  });

  it('given an autocomplete slower than its budget, when typed, then it answers in time with no choices', async () => {
    const sent = h.fake.sendInteraction(h.fake.autocomplete('search', { query: 'rus' }, 'query'));
    const callback = await firstResponse(h.fake, sent);
    expect(callback.body).toEqual({ type: 8, data: { choices: [] } });
    expect(h.fake.interactions.find((i) => i.id === sent.id)!.response!.latencyMs).toBeLessThan(1000);
  });

  it('given a handler that throws, when run, then the user gets a short apology with an id that the logs hold, and the bot carries on', async () => {
    // given
    broken = true;
    // when
    const sent = h.fake.sendInteraction(h.fake.slashCommand('sources'));
    const message = await replyOf(h.fake, sent);
    const line = await logOf(h, sent);
    // then
    const id = /\(error (E-[0-9A-Z]{8})\)/.exec(message.content)?.[1];
    expect(message.flags).toBe(64);
    expect(id).toBeDefined();
    expect(line).toMatchObject({ outcome: 'error', errorId: id });
    expect(h.logs.find((l) => l.event === 'bug' && l.errorId === id)).toMatchObject({ error: { message: 'disk on fire' } });
    const after = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('help')));
    expect(after.embeds).toHaveLength(1);
  });
});

describe('an empty knowledge folder', () => {
  let h: Harness;
  let folder: Awaited<ReturnType<typeof emptyKnowledge>>;
  beforeAll(async () => {
    folder = await emptyKnowledge();
    h = await startHarness({ knowledgeDir: folder.dir, questionLimit: 'off' });
  });
  afterAll(async () => {
    await h?.close();
    await folder?.remove();
  });

  it('given no documents, when each command runs, then each answers sensibly', async () => {
    const reply = (payload: ReturnType<typeof h.fake.slashCommand>) => replyOf(h.fake, h.fake.sendInteraction(payload));
    const ask = await reply(h.fake.slashCommand('ask', { query: 'Anything at all?' }));
    const sources = await reply(h.fake.slashCommand('sources'));
    const search = await reply(h.fake.slashCommand('search', { query: 'anything' }));
    const source = await reply(h.fake.slashCommand('source', { query: 'anything' }));
    const suggest = h.fake.sendInteraction(h.fake.autocomplete('search', { query: '' }, 'query'));

    expect(ask.embeds[0]?.description).toContain('Nothing in the sources comes close.');
    expect(ask.embeds[0]?.fields ?? []).toEqual([]);
    expect(sources.embeds[0]?.title).toBe('Sources (none yet)');
    expect(search.content).toMatch(/^Nothing in the sources matches/);
    expect(source.content).toMatch(/^No document or section is called/);
    expect((await firstResponse(h.fake, suggest)).body).toEqual({ type: 8, data: { choices: [] } });
  });
});
