import { ButtonStyle, type APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { embedLength } from '../../src/discord/clamp.js';
import * as L from '../../src/discord/limits.js';
import type { ReplyMessage } from '../../src/discord/message.js';
import { renderAnswer } from '../../src/discord/render/answer.js';
import { renderHelp } from '../../src/discord/render/help.js';
import { renderReload } from '../../src/discord/render/reload.js';
import { renderSources } from '../../src/discord/render/sources.js';
import { toDiscordPayload } from '../../src/discord/respond.js';
import { ASKER, excerptOf, hugePage, pageOf, TARGET } from './fixtures.js';
import { expectWithinLimits } from './limits-assertions.js';

/** Every masked link `[..](..)` in a text is complete, and `**` come in pairs. */
function expectWellFormed(text: string): void {
  const withoutEscapes = text.replace(/\\[^]/g, '');
  expect((withoutEscapes.match(/\*\*/g) ?? []).length % 2).toBe(0);
  expect(withoutEscapes.replace(/\[[^\]]*\]\([^)]*\)/g, '')).not.toMatch(/\]\(/);
}

describe('rendering within Discord limits', () => {
  it('given a huge hostile answer, when rendered, then every limit holds and the total is at most 6000', () => {
    // given
    const page = hugePage();
    // when
    const payload = toDiscordPayload(renderAnswer(page, { askerId: ASKER, hidden: false, targetId: TARGET }));
    // then
    expectWithinLimits(payload);
    const embed = payload.embeds[0] as APIEmbed;
    expect(embedLength(embed)).toBeLessThanOrEqual(6000);
    for (const field of embed.fields ?? []) expectWellFormed(field.value);
    expectWellFormed(embed.description ?? '');
    expect(embed.fields?.[0]?.value).toContain('…');
  });

  it('given a huge page, when rendered hidden, then the buttons offer "Post publicly" and every custom_id fits', () => {
    // when
    const payload = toDiscordPayload(renderAnswer(hugePage(), { askerId: '9'.repeat(20), hidden: true }));
    // then
    const [paging, feedback] = payload.components.map((r) => r.components.map((b) => b.label));
    expect(paging).toEqual(['More context', 'Previous', 'Next passage', 'Post publicly']);
    expect(feedback?.slice(0, 2)).toEqual(['👍', '👎']);
    expectWithinLimits(payload);
  });

  it('given excerpts with markdown and mentions in them, when rendered, then they are escaped and the matched word is bold', () => {
    // given
    const page = pageOf('What about **bees** @everyone?', [excerptOf('Bees **never** sleep, @everyone <@123456789012345678> knows.', { highlight: 'sleep', url: 'https://example.org/bees' })]);
    // when
    const embed = toDiscordPayload(renderAnswer(page, { askerId: ASKER, hidden: false })).embeds[0];
    // then
    expect(embed?.title).toBe('What about \\*\\*bees\\*\\* @\u200beveryone?');
    expect(embed?.fields?.[0]?.value).toBe(
      'Bees \\*\\*never\\*\\* **sleep**, @\u200beveryone <@\u200b123456789012345678> knows.…\n— [Bees › Hives ¶2](https://example.org/bees)',
    );
    expect(embed?.footer?.text).toBe('Source: Bees (CC0) · quoted verbatim');
  });

  it('given an abstention, when rendered, then it says so plainly and shows the closest passages', () => {
    // given
    const page = pageOf('Who wrote Hamlet?', [excerptOf('Bees make honey.')], { answered: false });
    // when
    const embed = toDiscordPayload(renderAnswer(page, { askerId: ASKER, hidden: false })).embeds[0];
    // then
    expect(embed?.description).toContain('I could not find an answer in the sources.');
    expect(embed?.description).toContain('closest passages');
    expect(embed?.fields?.[0]?.name).toBe('Closest passage 1');
  });

  it('given no target, when rendered, then nobody may be pinged; given a target, then only the target', () => {
    // given
    const page = pageOf('q', [excerptOf('Bees.')]);
    // when
    const plain = toDiscordPayload(renderAnswer(page, { askerId: ASKER, hidden: false }));
    const targeted = toDiscordPayload(renderAnswer(page, { askerId: ASKER, hidden: false, targetId: TARGET }));
    // then
    expect(plain.allowedMentions).toEqual({ parse: [] });
    expect(plain.content).toBeUndefined();
    expect(targeted.allowedMentions).toEqual({ parse: [], users: [TARGET] });
    expect(targeted.content).toBe(`<@${TARGET}>, this answer is for you.`);
  });

  it('given any message at all, when prepared, then allowed mentions default to none', () => {
    // given
    const message: ReplyMessage = { content: '@everyone <@&456456456456456456> hi', buttons: [[{ customId: 'x', label: 'L'.repeat(200), style: ButtonStyle.Primary }]] };
    // when
    const payload = toDiscordPayload(message);
    // then
    expect(payload.allowedMentions).toEqual({ parse: [] });
    expect(payload.components[0]?.components[0]?.label).toHaveLength(L.BUTTON_LABEL_MAX);
  });

  it('given a custom_id over 100 characters, when prepared, then it is a bug (throws) rather than a cut id', () => {
    expect(() => toDiscordPayload({ content: 'x', buttons: [[{ customId: 'x'.repeat(101), label: 'x', style: ButtonStyle.Primary }]] })).toThrow(/custom_id/);
  });

  it('given the help, a huge source list and a reload with many problems, when rendered, then each fits', () => {
    // given
    const docs = Array.from({ length: 60 }, (_, i) => ({ title: `Doc ${i} ${'x'.repeat(300)}`, path: `d${i}.md`, url: `https://example.org/${i}`, license: 'CC0', sections: 3, passages: 9, modifiedMs: 1.7e12 }));
    const problems = Array.from({ length: 500 }, (_, i) => `knowledge/bad-${i}.md:${i}: front matter: title must be a non-empty string \`\`\` end`);
    const stats = { documents: 1, passages: 11, loadedAt: 0 };
    // when
    const payloads = [renderHelp(), renderSources(docs), renderSources([]), renderReload({ ok: false, problems, stats })].map(toDiscordPayload);
    // then
    for (const payload of payloads) expectWithinLimits(payload);
    expect(payloads[1]?.embeds[0]?.fields?.at(-1)?.value).toMatch(/^…and \d+ more documents\./);
    expect(payloads[3]?.embeds[0]?.description).toMatch(/```\n[^]*\n```\n…and \d+ more problems\.$/);
    expect(payloads[3]?.embeds[0]?.description?.match(/```/g)).toHaveLength(2);
  });
});
