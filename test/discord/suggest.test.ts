import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildSuggestionTable, normalizeForMatch, suggestPassages } from '../../src/retrieval/suggest.js';
import { headingChoiceName } from '../../src/discord/render/style.js';
import { BEES, removeKnowledge, writeKnowledge } from './temp-knowledge.js';

afterAll(removeKnowledge);

describe('passage suggestions', () => {
  it('given typed words, when suggesting, then heading matches come before text matches and half-typed words count', async () => {
    // given
    const table = buildSuggestionTable(await loadKnowledge(await writeKnowledge({ 'bees.md': BEES })));
    // when / then
    expect(suggestPassages(table, 'hiv').map((s) => s.label)).toEqual([
      'Bees › Hives ¶1 — A hive holds one queen.',
      'Bees › Hives ¶2 — Workers build the comb from wax.',
    ]);
    expect(suggestPassages(table, 'queen').map((s) => s.label)).toEqual([
      'Bees › Hives ¶1 — A hive holds one queen.',
      'Bees › Swarms ¶1 — A swarm leaves with the old queen.',
    ]);
    expect(suggestPassages(table, 'QUEEN  swarm!!').map((s) => s.section)).toEqual(['Swarms']);
    expect(suggestPassages(table, '😀 <@1>')).toEqual([]);
  });

  it('given nothing typed, when suggesting, then the first passage of each section is offered, up to the limit', async () => {
    const table = buildSuggestionTable(await loadKnowledge(await writeKnowledge({ 'bees.md': BEES })));
    expect(suggestPassages(table, '  ').map((s) => s.section)).toEqual(['', 'Hives', 'Swarms']);
    expect(suggestPassages(table, '', 2)).toHaveLength(2);
  });

  it('given accents and punctuation, when normalised, then only lower-case words remain', () => {
    expect(normalizeForMatch('Café, Crème!  Brûlée')).toBe('cafe creme brulee');
  });

  it('given a long title, when named as a choice, then the title gives way before the section', () => {
    const name = headingChoiceName('A'.repeat(120), 'Analysis › State-sponsored interference', ' ¶2');
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name).toMatch(/^A+… › Analysis › State-sponsored interference ¶2$/);
  });
});
