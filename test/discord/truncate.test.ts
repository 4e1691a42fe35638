import { describe, expect, it } from 'vitest';
import { truncateMarkdown, truncatePlain } from '../../src/discord/truncate.js';

describe('truncateMarkdown', () => {
  it('given text that fits, when truncated, then it is unchanged', () => {
    expect(truncateMarkdown('short **text**', 100)).toBe('short **text**');
  });

  it('given a cut that would land inside a bold pair, when truncated, then the pair is left out whole', () => {
    expect(truncateMarkdown('one two **three four five**', 20)).toBe('one two…');
  });

  it('given text that opens with bold, when cut inside it, then the bold is closed', () => {
    const out = truncateMarkdown('**all of this is bold text and then some more**', 30);
    expect(out).toBe('**all of this is bold text**…');
    expect(out.length).toBeLessThanOrEqual(30);
  });

  it('given a masked link at the cut, when truncated, then the link is dropped whole, never cut', () => {
    const out = truncateMarkdown('see [the source › section ¶2](https://example.org/a-long-path) for more', 40);
    expect(out).toBe('see…');
  });

  it('given escapes, emoji and mentions at the cut, when truncated, then none is split', () => {
    expect(truncateMarkdown('abcdefgh\\*\\*', 10)).toBe('abcdefgh…');
    expect(truncateMarkdown('😀😀😀😀😀😀', 6)).toBe('😀😀…');
    expect(truncateMarkdown('hello <t:1700000000:R> there', 12)).toBe('hello…');
  });

  it('given many sizes of a hostile text, when truncated, then each result fits and keeps bold pairs balanced', () => {
    const text = '**a** \\*b\\* [c](https://x.org) 😀 <@\u200b1> '.repeat(20);
    for (let max = 1; max < text.length; max += 7) {
      const out = truncateMarkdown(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect((out.replace(/\\[^]/g, '').match(/\*\*/g) ?? []).length % 2).toBe(0);
      expect(out).not.toMatch(/\[[^\]]*$|\]\([^)]*$/);
    }
  });
});

describe('truncatePlain', () => {
  it('given a long plain text, when truncated, then it ends with … within the limit', () => {
    expect(truncatePlain('abcdef', 4)).toBe('abc…');
    expect(truncatePlain('😀😀😀', 4)).toBe('😀…');
  });
});
