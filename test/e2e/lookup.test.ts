/**
 * /search, /source, /sources, /help, "Find sources", command registration and unknown
 * interactions, end to end against the fake Discord.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, firstResponse, logOf, replyOf, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ cooldownMs: 0 });
});
afterAll(async () => h?.close());

type Choices = { choices: { name: string; value: string }[] };

describe('command registration', () => {
  it('given the deploy script, when run against the guild, then every command is registered and /reload needs Manage Server', () => {
    expect(h.fake.commands.map((c) => c.name).sort()).toEqual(['Find sources', 'ask', 'gaps', 'help', 'reload', 'search', 'source', 'sources', 'tag']);
    expect(h.fake.commands.find((c) => c.name === 'reload')).toMatchObject({ default_member_permissions: '32' });
    expect(h.fake.commands.find((c) => c.name === 'gaps')).toMatchObject({ default_member_permissions: '32' });
    const options = h.fake.commands.flatMap((c) => (c.options ?? []).map((o) => o.name));
    // /tag's top-level options are its subcommands (show, create, delete).
    expect(new Set(options)).toEqual(new Set(['query', 'hide', 'target', 'days', 'digest', 'digest_off', 'show', 'create', 'delete']));
  });
});

describe('/search', () => {
  it('given a few typed letters, when autocompleting, then at most 25 passage choices arrive well inside 3 s', async () => {
    // when
    const sent = h.fake.sendInteraction(h.fake.autocomplete('search', { query: 'backgr' }, 'query'));
    const callback = await firstResponse(h.fake, sent);
    // then
    const { choices } = (callback.body as { data: Choices }).data;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]?.name).toMatch(/^Foreign interference .* › Background ¶1 — /);
    expect(choices.every((c) => c.name.length <= 100 && c.value.length <= 100)).toBe(true);
    expect(callback.at - h.fake.interactions.find((i) => i.id === sent.id)!.sentAt).toBeLessThan(1000);
  });

  it('given nothing typed, when autocompleting, then section openings are suggested (at most 25)', async () => {
    const sent = h.fake.sendInteraction(h.fake.autocomplete('search', { query: '' }, 'query'));
    const { choices } = ((await firstResponse(h.fake, sent)).body as { data: Choices }).data;
    expect(choices.length).toBeGreaterThan(3);
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('given a chosen suggestion, when the command runs, then that passage is shown whole with its citation link', async () => {
    // given
    const suggestion = h.fake.sendInteraction(h.fake.autocomplete('search', { query: 'backgr' }, 'query'));
    const chosen = ((await firstResponse(h.fake, suggestion)).body as { data: Choices }).data.choices[0]!;
    // when
    const message = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('search', { query: chosen.value })));
    // then
    const embed = message.embeds[0]!;
    expect(embed.title).toBe('Foreign interference in the 2024 United States elections › Background ¶1');
    expect(embed.url).toMatch(/^https:\/\/en\.wikipedia\.org\/wiki\/Foreign_interference_in_the_2024_United_States_elections#Background:~:text=/);
    expect(embed.description).toMatch(/^Before the election, current and former U\.S\. officials/);
    expect(embed.footer?.text).toBe('CC BY-SA 4.0 · knowledge/foreign-interference-2024-us-elections.txt');
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('given free text, when the command runs, then the best passage is shown', async () => {
    const message = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('search', { query: 'Olsen clear and present danger' })));
    expect(message.embeds[0]?.description).toMatch(/^Best match for “Olsen clear and present danger”:\n\nIn a statement on September 12, 2024/);
  });

  it('given free text that matches nothing, when the command runs, then it says so privately', async () => {
    const message = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('search', { query: 'zzzz qqqq' })));
    expect(message).toMatchObject({ flags: 64, content: expect.stringMatching(/^Nothing in the sources matches “zzzz qqqq”/) });
  });
});

describe('/source, /sources and /help', () => {
  it('given a section name typed, when autocompleting and choosing, then that section is shown with its link', async () => {
    // given
    const suggestion = h.fake.sendInteraction(h.fake.autocomplete('source', { query: 'suspected state' }, 'query'));
    const { choices } = ((await firstResponse(h.fake, suggestion)).body as { data: Choices }).data;
    // when
    const message = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('source', { query: choices[0]!.value })));
    // then
    expect(choices[0]?.name).toBe('Foreign interference in… › Analysis › State-sponsored interference › Suspected state-sponsored inte…');
    expect(message.embeds[0]?.title).toBe(
      'Foreign interference in the 2024 United States elections › Analysis › State-sponsored interference › Suspected state-sponsored interference',
    );
    expect(message.embeds[0]?.url).toMatch(/#Suspected_state-sponsored_interference:~:text=/);
  });

  it('given a document name, when looked up, then its lead, sections and link are shown', async () => {
    const message = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('source', { query: 'Foreign interference in the 2024 United States elections' })));
    expect(message.embeds[0]?.description).toMatch(/^Several nations interfered[^]*\*\*Sections\*\*\n• Background/);
    expect(message.embeds[0]?.url).toBe('https://en.wikipedia.org/wiki/Foreign_interference_in_the_2024_United_States_elections');
  });

  it('given /sources, when run, then each document is listed with licence, sections, passages and last change', async () => {
    const message = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('sources')));
    expect(message.embeds[0]?.title).toBe('Sources (1 document)');
    expect(message.embeds[0]?.fields?.[0]).toMatchObject({
      name: 'Foreign interference in the 2024 United States elections',
      value: expect.stringMatching(/^\[link\]\(https:[^)]+\) · CC BY-SA 4\.0 · \d+ sections · \d+ passages · changed <t:\d+:R>$/),
    });
  });

  it('given /help, when run, then it explains Footnote privately', async () => {
    const message = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('help')));
    expect(message.flags).toBe(64);
    expect(message.embeds[0]?.description).toContain('`/ask query:`');
  });
});

describe('"Find sources" context menu', () => {
  it('given a member message, when "Find sources" runs on it, then the answer links back to that message', async () => {
    // given
    const target = h.fake.postUserMessage('I heard Russia was the most active threat @everyone');
    // when
    const sent = h.fake.sendInteraction(h.fake.messageContextMenu('Find sources', target));
    const message = await replyOf(h.fake, sent);
    // then
    expect(message.type).toBe(23);
    expect(message.content).toBe(`Sources for [this message](https://discord.com/channels/${h.fake.guild.id}/${h.fake.channel.id}/${target.id}):`);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.embeds[0]?.title).toBe('I heard Russia was the most active threat @\u200beveryone');
    expect(await logOf(h, sent)).toMatchObject({ kind: 'message-menu', command: 'Find sources', outcome: 'ok', answered: true });
  });

  it('given a message without text, when "Find sources" runs on it, then it is refused privately', async () => {
    const target = h.fake.postUserMessage('   ');
    const message = await replyOf(h.fake, h.fake.sendInteraction(h.fake.messageContextMenu('Find sources', target)));
    expect(message).toMatchObject({ flags: 64, content: 'That message has no text for me to look up.' });
  });
});

describe('unknown and malformed interactions', () => {
  it.each([
    ['an unknown command', () => h.fake.slashCommand('nope'), /^I do not know the command `\/nope`/],
    ['a missing required option', () => h.fake.slashCommand('ask', {}), /^Please type a question/],
    ['an unknown context menu', () => h.fake.messageContextMenu('Translate', h.fake.postUserMessage('hi')), /^I do not know the command “Translate”/],
    ['a button from elsewhere', () => h.fake.button('poll:vote:3', h.fake.postUserMessage('old')), /^This button does not work any more/],
    ['a forged page button', () => h.fake.button('ask:next:abc:1', h.fake.postUserMessage('old')), /^This button does not work any more/],
  ])('given %s, when it arrives, then the user gets a private explanation and the bot carries on', async (_what, build, expected) => {
    const message = await replyOf(h.fake, h.fake.sendInteraction(build()));
    expect(message.flags).toBe(64);
    expect(message.content).toMatch(expected);
  });

  it('given an autocomplete for a command without one, when it arrives, then it gets no choices', async () => {
    const sent = h.fake.sendInteraction(h.fake.autocomplete('ask', { query: 'x' }, 'query'));
    expect((await firstResponse(h.fake, sent)).body).toEqual({ type: 8, data: { choices: [] } });
  });
});
