/**
 * /ask end to end: a real discord.js client running the bot (startBot) against the fake Discord.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/fake-discord/index.js';
import { type Harness, buttonIds, buttonLabels, firstResponse, logOf, replyOf, requestsOf, startHarness } from './harness.js';

let h: Harness;
let now = 1_700_000_000_000;
beforeAll(async () => {
  h = await startHarness({ clock: () => now, cooldownMs: 5000 });
});
afterAll(async () => h?.close());

/** Each test asks as a fresh user, so cooldowns only matter where a test wants them. */
let userCount = 0;
function freshUser(): typeof h.fake.users.member {
  userCount += 1;
  return { ...h.fake.users.member, id: `${h.fake.users.member.id.slice(0, -3)}${String(userCount).padStart(3, '0')}`, username: `user${userCount}` };
}


describe('/ask', () => {
  it('given a question the knowledge answers, when asked, then a deferral is edited into a cited embed that pings nobody', async () => {
    // given
    const user = freshUser();
    // when
    const sent = h.fake.sendInteraction(h.fake.slashCommand('ask', { query: 'What did Russia do?' }, { user }));
    const message = await replyOf(h.fake, sent);
    // then
    const [callback, edit] = requestsOf(h.fake, sent);
    expect(callback?.body).toMatchObject({ type: 5 });
    expect(edit).toMatchObject({ method: 'PATCH', status: 200, body: { allowed_mentions: { parse: [] } } });
    expect(edit?.path).toMatch(/\/messages\/@original$/);
    expect(message.flags).toBe(0);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const embed = message.embeds[0]!;
    expect(embed.title).toBe('What did Russia do?');
    expect(embed.description).toMatch(/^Confidence: \*\*(high|medium|low)\*\*/);
    expect(embed.fields?.[0]?.value).toMatch(/\*\*Russia\w*\*\*/);
    expect(embed.fields?.[0]?.value).toMatch(/\n— \[Foreign interference in the 2024 United States elections[^\]]* ¶\d+\]\(https:\/\/en\.wikipedia\.org\/wiki\/Foreign_interference/);
    expect(embed.footer?.text).toBe('Source: Foreign interference in the 2024 United States elections (CC BY-SA 4.0) · quoted verbatim');
    expect(buttonLabels(message)).toEqual(['More context', 'Next passage', 'Delete', '👍', '👎', 'Save as tag']);
    expect(buttonIds(message).every((id) => id.length <= 100)).toBe(true);
    expect(await logOf(h, sent)).toMatchObject({ event: 'interaction', kind: 'slash', command: 'ask', user: user.id, outcome: 'ok', answered: true });
  });

  it('given hide, when asked, then the deferral and the answer are ephemeral (flags 64) with a "Post publicly" button', async () => {
    const sent = h.fake.sendInteraction(h.fake.slashCommand('ask', { query: 'Iran hack campaign', hide: true }, { user: freshUser() }));
    const message = await replyOf(h.fake, sent);
    expect((await firstResponse(h.fake, sent)).body).toEqual({ type: 5, data: { flags: 64 } });
    expect(message.flags).toBe(64);
    expect(buttonLabels(message)).toEqual(['More context', 'Next passage', 'Post publicly', '👍', '👎', 'Save as tag']);
  });

  it('given a target, when asked, then the answer is addressed to them and only they may be pinged', async () => {
    const target = h.fake.users.moderator;
    const sent = h.fake.sendInteraction(h.fake.slashCommand('ask', { query: 'What did Russia do?', target }, { user: freshUser() }));
    const message = await replyOf(h.fake, sent);
    expect(message.content).toBe(`<@${target.id}>, this answer is for you.`);
    expect(message.allowed_mentions).toEqual({ parse: [], users: [target.id] });
  });

  it('given hide and target together, when asked, then it is refused privately before any search', async () => {
    const sent = h.fake.sendInteraction(h.fake.slashCommand('ask', { query: 'Russia', hide: true, target: h.fake.users.moderator }, { user: freshUser() }));
    const message = await replyOf(h.fake, sent);
    expect(message).toMatchObject({ flags: 64, embeds: [] });
    expect(message.content).toMatch(/either `hide` or `target`/);
  });

  it('given a question the knowledge cannot answer, when asked, then it says so plainly and shows the closest passages', async () => {
    const sent = h.fake.sendInteraction(h.fake.slashCommand('ask', { query: 'Who wrote Hamlet?' }, { user: freshUser() }));
    const message = await replyOf(h.fake, sent);
    const embed = message.embeds[0]!;
    expect(embed.description).toMatch(/^\*\*I could not find an answer in the sources\.\*\*/);
    expect(embed.fields?.every((f) => f.name.startsWith('Closest passage'))).toBe(true);
    expect(await logOf(h, sent)).toMatchObject({ command: 'ask', answered: false });
  });

  it('given a user who just asked, when they ask again within the cooldown, then they are told privately how long to wait', async () => {
    // given
    const user = freshUser();
    await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('ask', { query: 'Russia' }, { user })));
    // when
    now += 2_000;
    const refused = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('ask', { query: 'Russia' }, { user })));
    now += 3_000;
    const again = h.fake.sendInteraction(h.fake.slashCommand('ask', { query: 'Russia' }, { user }));
    // then
    expect(refused).toMatchObject({ flags: 64, content: 'You are going a little fast: please wait 3 s before using `/ask` again.' });
    expect((await replyOf(h.fake, again)).embeds).toHaveLength(1);
  });
});

describe('answer buttons', () => {
  async function askPublicly(query: string, user = freshUser()): Promise<StoredMessage> {
    return replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('ask', { query }, { user })));
  }

  it('given an answer, when "More context" is clicked, then the surrounding paragraphs are shown privately', async () => {
    const answer = await askPublicly('What did Russia do?');
    const more = buttonIds(answer).find((id) => id.startsWith('ask:more:'))!;
    const sent = h.fake.sendInteraction(h.fake.button(more, answer, { user: h.fake.users.moderator }));
    const context = await replyOf(h.fake, sent);
    expect(context.flags).toBe(64);
    expect(context.embeds[0]?.title).toMatch(/^Context: Foreign interference/);
    expect(context.embeds[0]?.description).toMatch(/▶ \*\*¶\d+\*\*/);
  });

  it('given an answer, when "Next passage" is clicked, then the message itself shows the next results', async () => {
    // given
    const answer = await askPublicly('Iran hack campaign');
    const next = buttonIds(answer).find((id) => id.startsWith('ask:next:'))!;
    // when
    const sent = h.fake.sendInteraction(h.fake.button(next, answer, { user: h.fake.users.moderator }));
    await firstResponse(h.fake, sent);
    // then
    const updated = h.fake.messages().find((m) => m.id === answer.id)!;
    expect((await firstResponse(h.fake, sent)).body).toMatchObject({ type: 7 });
    expect(next).toMatch(/^ask:next:3:\d+$/);
    expect(updated.embeds[0]?.description).toContain('Results 4–');
    expect(updated.embeds[0]?.fields?.[0]?.name).toBe('Excerpt 4');
    expect(updated.embeds[0]?.title).toBe('Iran hack campaign');
    expect(buttonLabels(updated)).toContain('Previous');
  });

  it('given an answer, when someone else clicks "Delete", then they are refused privately and the answer stays', async () => {
    const asker = freshUser();
    const answer = await askPublicly('Russia', asker);
    const del = buttonIds(answer).find((id) => id.startsWith('ask:delete:'))!;
    const sent = h.fake.sendInteraction(h.fake.button(del, answer, { user: freshUser() }));
    const refusal = await replyOf(h.fake, sent);
    expect(refusal).toMatchObject({ flags: 64, content: 'Only the person who asked, or a moderator, can delete this answer.' });
    expect(h.fake.messages().some((m) => m.id === answer.id)).toBe(true);
  });

  it('given an answer, when the asker clicks "Delete", then it is deleted', async () => {
    const asker = freshUser();
    const answer = await askPublicly('Russia', asker);
    const del = buttonIds(answer).find((id) => id.startsWith('ask:delete:'))!;
    const sent = h.fake.sendInteraction(h.fake.button(del, answer, { user: asker }));
    await h.fake.waitForRequest((r) => r.method === 'DELETE' && r.path.includes(sent.token));
    expect(h.fake.messages().some((m) => m.id === answer.id)).toBe(false);
    expect(await logOf(h, sent)).toMatchObject({ kind: 'button', command: 'ask:delete', outcome: 'ok' });
  });

  it('given an answer, when a moderator clicks "Delete", then it is deleted', async () => {
    const answer = await askPublicly('Russia');
    const del = buttonIds(answer).find((id) => id.startsWith('ask:delete:'))!;
    const sent = h.fake.sendInteraction(h.fake.button(del, answer, { user: h.fake.users.moderator }));
    await h.fake.waitForRequest((r) => r.method === 'DELETE' && r.path.includes(sent.token));
    expect(h.fake.messages().some((m) => m.id === answer.id)).toBe(false);
  });

  it('given a hidden answer, when the asker clicks "Post publicly", then the same answer is posted for everyone with a Delete button', async () => {
    // given
    const asker = freshUser();
    const hidden = await replyOf(h.fake, h.fake.sendInteraction(h.fake.slashCommand('ask', { query: 'Iran hack campaign', hide: true }, { user: asker })));
    const post = buttonIds(hidden).find((id) => id.startsWith('ask:public:'))!;
    // when
    const sent = h.fake.sendInteraction(h.fake.button(post, hidden, { user: asker }));
    const posted = await replyOf(h.fake, sent);
    // then
    expect(posted.flags).toBe(0);
    expect(posted.allowed_mentions).toEqual({ parse: [] });
    expect(posted.embeds).toEqual(hidden.embeds);
    expect(buttonLabels(posted)).toEqual(['More context', 'Next passage', 'Delete', '👍', '👎', 'Save as tag']);
    expect(buttonIds(posted)).toContain(`ask:delete:${asker.id}`);
    // and its "Next passage" still pages the same question
    const next = buttonIds(posted).find((id) => id.startsWith('ask:next:'))!;
    await firstResponse(h.fake, h.fake.sendInteraction(h.fake.button(next, posted)));
    expect(h.fake.messages().find((m) => m.id === posted.id)?.embeds[0]?.fields?.[0]?.name).toBe('Excerpt 4');
  });
});
