import { describe, expect, it } from 'vitest';
import { escapeText, maskedLink, safeUrl, unescapeText } from '../../src/discord/escape.js';

const ZWSP = '\u200b';

describe('escapeText', () => {
  it.each([
    ['**bold**', '\\*\\*bold\\*\\*'],
    ['@everyone and @here', `@${ZWSP}everyone and @${ZWSP}here`],
    ['<@123>', `<@${ZWSP}123>`],
    ['<@&456>', `<@${ZWSP}&456>`],
    ['```js\nevil()\n```', '\\`\\`\\`js\nevil()\n\\`\\`\\`'],
    ['`code`', '\\`code\\`'],
    ['[click](https://evil.example)', '\\[click\\](https://evil.example)'],
    ['> quote\n# heading\n- item\n-# small', '\\> quote\n\\# heading\n\\- item\n\\-# small'],
    ['a\\*b', 'a\\\\\\*b'],
    ['||spoiler|| ~~strike~~ __under__ _it_', '\\|\\|spoiler\\|\\| \\~\\~strike\\~\\~ \\_\\_under\\_\\_ \\_it\\_'],
  ])('given user text %j, when escaped, then it shows literally: %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('given hostile text, when escaped and unescaped, then the original comes back', () => {
    // given
    const samples = ['**a** _b_ `c` ```d``` ~~e~~ ||f|| > g # h - i 1. j [k](l) <@1> <@&2> @everyone \\ \\* z̴̡a مرحبا 😀', 'plain text', ''];
    // when / then
    for (const sample of samples) expect(unescapeText(escapeText(sample))).toBe(sample);
  });
});

describe('links', () => {
  it('given URLs, when made safe, then only http(s) is kept and parentheses cannot end the link early', () => {
    expect(safeUrl('https://en.wikipedia.org/wiki/A_(b)')).toBe('https://en.wikipedia.org/wiki/A_%28b%29');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('https://x.org/a b')).toBeUndefined();
    expect(safeUrl(undefined)).toBeUndefined();
  });

  it('given a label with brackets, when linked, then the label is escaped; without a URL it is plain text', () => {
    expect(maskedLink('A [x] › B', 'https://x.org')).toBe('[A \\[x\\] › B](https://x.org)');
    expect(maskedLink('A **b**', undefined)).toBe('A \\*\\*b\\*\\*');
  });
});
