import { describe, expect, it } from 'vitest';
import { AnswerMemory } from '../../src/discord/answer-memory.js';
import type { PassageAddress } from '../../src/store/store.js';

const address = (paragraph: number): PassageAddress => ({ passageId: `rules:${paragraph}`, documentPath: 'rules.md', section: 'Dues', paragraph, contentHash: 'ab'.repeat(32) });

describe('AnswerMemory', () => {
  it('given an answer remembered with the passages it shows, when its question is recalled, then the passages are still known', () => {
    const memory = new AnswerMemory();
    memory.remember('1', 'How much are the dues?', [address(1)]);
    expect(memory.recall('1')).toBe('How much are the dues?');
    expect(memory.shownBy('1')).toEqual([address(1)]);
  });

  it('given an answer remembered again without passages (a page whose passages are not known), then which passages it shows is not known', () => {
    const memory = new AnswerMemory();
    memory.remember('1', 'How much are the dues?', [address(1)]);
    memory.remember('1', 'How much are the dues?');
    expect(memory.shownBy('1')).toBeUndefined();
  });

  it('given more answers than it holds, then the least recently used is forgotten, question and passages', () => {
    const memory = new AnswerMemory(2);
    memory.remember('1', 'first', [address(1)]);
    memory.remember('2', 'second', [address(2)]);
    memory.shownBy('1'); // used: now the most recent
    memory.remember('3', 'third', [address(3)]);
    expect(memory.recall('2')).toBeUndefined();
    expect(memory.shownBy('2')).toBeUndefined();
    expect(memory.shownBy('1')).toEqual([address(1)]);
    expect(memory.recall('3')).toBe('third');
  });
});
