import { describe, expect, it } from 'vitest';
import { mentionsUser, questionOfMention } from '../../src/community/mention.js';

const BOT = '123456789012345678';

describe('mentions', () => {
  it('given the bot mentioned either way, when checked, then it is found', () => {
    expect(mentionsUser(`<@${BOT}> hi`, BOT)).toBe(true);
    expect(mentionsUser(`hi <@!${BOT}>`, BOT)).toBe(true);
    expect(mentionsUser('<@223456789012345678> hi', BOT)).toBe(false);
  });

  it('given a leading mention and punctuation, when cleaned, then only the question is left', () => {
    expect(questionOfMention(`<@${BOT}>, does the rule apply?`)).toBe('does the rule apply?');
    expect(questionOfMention(`<@!${BOT}>: what is it`)).toBe('what is it');
  });

  it('given hostile mention text, when cleaned, then no mention syntax survives', () => {
    const text = `<@${BOT}> @everyone @here <@&234567890123456789> <#345678901234567890> <@456789012345678901> </ask:567890123456789012> who votes?`;
    expect(questionOfMention(text)).toBe('who votes?');
  });

  it('given a bare mention, when cleaned, then nothing is left', () => {
    expect(questionOfMention(`  <@${BOT}>  `)).toBe('');
  });
});
