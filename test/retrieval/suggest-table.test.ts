import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { buildSuggestionTable, normalizeForMatch, suggestPassages } from '../../src/retrieval/suggest.js';

/** The Unicode-aware normalisation, written out: what the ASCII fast path must agree with. */
const reference = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

describe('normalizeForMatch', () => {
  const samples = [
    'Warsaw, the CAPITAL of Poland (since 1596)!',
    '  leading and trailing -- punctuation...  ',
    'snake_case, hy-phen, a.b.c, 42nd, #tag @user `code` ~tilde~ [x] {y} <z> | \\ / ^ $ %',
    '\t\ttabs\nand\r\nnewlines\u000b',
    '',
    'Café, Crème!',
    'Ⅻ ﬁ ½ Straße İstanbul',
    'Nikola Tesla (Serbian Cyrillic: Никола Тесла) — 10 July 1856',
  ];

  it.each(samples)('agrees with the Unicode-aware reference on %j', (text) => {
    expect(normalizeForMatch(text)).toBe(reference(text));
  });

  it('agrees on every printable ASCII character and the controls', () => {
    const all = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join('');
    expect(normalizeForMatch(`x${all}y`)).toBe(reference(`x${all}y`));
    for (let code = 0; code < 128; code++) expect(normalizeForMatch(`a${String.fromCharCode(code)}b`)).toBe(reference(`a${String.fromCharCode(code)}b`));
  });
});

describe('suggestion labels', () => {
  const knowledgeOf = (texts: string[]): KnowledgeBase =>
    ({
      root: '/k',
      documents: [{ path: 'a.md', title: 'A', text: texts.join('\n\n') }],
      passages: texts.map((text, i) => ({ id: `a:${i}`, documentIndex: 0, title: 'A', section: '', paragraph: i + 1, start: 0, end: text.length, text })),
      aliases: new Map(),
    }) as unknown as KnowledgeBase;

  it('show the first twelve words, and an ellipsis only when there are more', () => {
    const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i + 1}`).join(' \n ');
    const table = buildSuggestionTable(knowledgeOf([words(11), words(12), `  ${words(13)}  `, words(400)]));
    const labels = suggestPassages(table, 'w1', 10).map((s) => s.snippet);
    expect(labels).toEqual([
      'w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11',
      'w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12',
      'w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 …',
      'w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 …',
    ]);
  });
});
