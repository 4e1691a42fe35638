/**
 * /search, /source, /sources, /help, "Find sources", command registration and unknown
 * interactions, end to end against the fake Discord.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unescapeText } from '../../src/discord/escape.js';
import { type Harness, firstResponse, logOf, replyOf, SHIPPED_KNOWLEDGE, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ questionLimit: 'off' });
});
afterAll(async () => h?.close());

type Choices = { choices: { name: string; value: string }[] };

describe('command registration', () => {
  it('given the deploy script, when run against the guild, then every command is registered and the moderators\' ones need Manage Server', () => {
    expect(h.fake.commands.map((c) => c.name).sort()).toEqual(['Find sources', 'ask', 'gaps', 'help', 'reload', 'search', 'settings', 'source', 'sources', 'sync', 'tag']);
    for (const name of ['reload', 'sync', 'settings', 'gaps']) {
      expect(h.fake.commands.find((c) => c.name === name)).toMatchObject({ default_member_permissions: '32' });
    }
    // Question commands name their options alike; /settings and /tag have subcommands, /gaps its period and digest.
    const options = h.fake.commands.filter((c) => c.name !== 'settings').flatMap((c) => (c.options ?? []).map((o) => o.name));
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
    // Lead with the section and snippet: one document, so its long title is left out.
    expect(choices[0]?.name).toMatch(/^Background ¶1 — Before the election/);
    expect(choices.every((c) => !c.name.includes('Foreign interference in the 2024'))).toBe(true);
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
    // Title, licence and link; never the bot's file path.
    expect(embed.footer?.text).toBe('Foreign interference in the 2024 United States elections · CC BY-SA 4.0 · https://en.wikipedia.org/wiki/Foreign_interference_in_the_2024_United_States_elections');
    expect(JSON.stringify(message)).not.toContain('.txt');
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
    expect(JSON.stringify(message)).not.toContain('.txt');
  });

  // Regression: /source rebuilt Analysis from overlapping chunks, splitting a paragraph in two and
  // repeating a sentence ("However, Iran has also targeted the Biden and Harris campaigns …").
  it('given a section with a long paragraph, when shown with /source, then every paragraph is an exact slice of the document', async () => {
    // given
    const text = await readFile(join(SHIPPED_KNOWLEDGE, 'foreign-interference-2024-us-elections.txt'), 'utf8');
    const suggestion = h.fake.sendInteraction(h.fake.autocomplete('source', { query: 'Analysis' }, 'query'));
    const { choices } = ((await firstResponse(h.fake, suggestion)).body as { data: Choices }).data;
    const analysis = choices.find((c) => c.name.endsWith('› Analysis'))!;
    // when
    const message = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('source', { query: analysis.value })));
    // then
    const paragraphs = unescapeText(message.embeds[0]!.description!.replace(/\n\n\[Read the source\]\([^)]+\)$/, '')).split('\n\n');
    expect(paragraphs.length).toBeGreaterThan(1);
    for (const paragraph of paragraphs) expect(text.includes(paragraph.replace(/…$/, '')), paragraph.slice(0, 80)).toBe(true);
    const sentence = 'However, Iran has also targeted the Biden and Harris campaigns';
    expect(message.embeds[0]!.description!.split(sentence).length - 1).toBe(text.split(sentence).length - 1);
  });

  it('given /sources, when run, then each document is listed with licence, sections, passages and last change', async () => {
    const message = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('sources')));
    expect(message.embeds[0]?.title).toBe('Sources (1 document)');
    expect(message.embeds[0]?.fields?.[0]).toMatchObject({
      name: 'Foreign interference in the 2024 United States elections',
      // The link is named for where it leads; the date is when the text was fetched or revised.
      value: expect.stringMatching(/^\[en\.wikipedia\.org\]\(https:[^)]+\) · CC BY-SA 4\.0 · \d+ sections · \d+ passages · (fetched <t:\d+:D>|last revised <t:\d+:D> \(git\)|file changed <t:\d+:R>)/),
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

  it('given a message without text, when "Find sources" runs on it, then it is refused privately, saying why', async () => {
    const target = h.fake.postUserMessage('   ');
    const message = await replyOf(h.fake, h.fake.sendInteraction(h.fake.messageContextMenu('Find sources', target)));
    expect(message).toMatchObject({ flags: 64, content: expect.stringMatching(/^That message has no text to look up .*Use `\/ask`/) });
  });

  // Regression: on Footnote's own answer it said "That message has no text for me to look up".
  it('given Footnote\'s own answer (an embed, no text), when "Find sources" runs on it, then the embed\'s question is looked up', async () => {
    const answer = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('ask', { query: 'What did Russia do?' })));
    const sent = h.fake.sendInteraction(h.fake.messageContextMenu('Find sources', answer));
    const message = await replyOf(h.fake, sent);
    expect(message.flags).toBe(0);
    expect(message.embeds[0]?.title).toBe('What did Russia do?');
    expect(message.embeds[0]?.fields?.length).toBeGreaterThan(0);
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
