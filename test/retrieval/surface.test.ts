import { describe, expect, it } from 'vitest';
import { passageSurface, WordNumbers } from '../../src/retrieval/passage-surface.js';
import { longestSharedRun, pairShare, questionSurface, surfaceWords, wordShare } from '../../src/retrieval/surface.js';
import { splitSentences } from '../../src/knowledge/sentences.js';

const read = (text: string, numbers = new WordNumbers()) => ({ numbers, surface: passageSurface(text, splitSentences(text), numbers) });

describe('surface words (the words as written)', () => {
  it('keeps stop words and the written form, lower-cased', () => {
    expect(surfaceWords('Who founded the Duchy of Normandy?')).toEqual(['who', 'founded', 'the', 'duchy', 'of', 'normandy']);
  });

  it('finds the question words a passage copies, leaving out asking words', () => {
    // given a passage and a question that copies two of its three content words
    const { numbers, surface } = read('Rollo founded the Duchy in 911.');
    const question = questionSurface('When was the Duchy founded?', numbers);
    // then: "when" and "was" ask; "the", "duchy", "founded" are all there
    expect(question.words).toHaveLength(3);
    expect(wordShare(question, surface)).toBe(1);
    expect(wordShare(questionSurface('When was the castle founded?', numbers), surface)).toBeCloseTo(2 / 3);
  });

  it('counts a word as found when the caller says its concept is there in other words ("AI" spelled out)', () => {
    const { numbers, surface } = read('They used generative artificial intelligence tools.');
    const question = questionSurface('Who used generative AI?', numbers);
    expect(wordShare(question, surface)).toBeCloseTo(2 / 3);
    expect(wordShare(question, surface, (term) => term === 'ai')).toBe(1);
  });

  it('shares adjacent pairs, in the passage or in one sentence only', () => {
    const { numbers, surface } = read('The Duchy was founded in 911. It was the first duchy.');
    const question = questionSurface('When was the first duchy founded?', numbers);
    // pairs: "was the", "the first", "first duchy", "duchy founded" ("when was" is two asking words)
    expect(pairShare(question, surface)).toBeCloseTo(3 / 4);
    expect(pairShare(question, surface, 0, surface.sentenceStarts[1])).toBe(0);
  });

  it('finds the longest run of shared words within one sentence', () => {
    const { numbers, surface } = read('Rollo was a Viking. The Duchy of Normandy was founded by Rollo.');
    const question = questionSurface('Who founded the Duchy of Normandy?', numbers);
    expect(longestSharedRun(question, surface, 1)).toBe(4); // "the duchy of normandy"
    expect(longestSharedRun(question, surface, 0)).toBe(0);
  });

  it('knows which sentence each index term is in', () => {
    const { surface } = read('Rollo was a Viking. The Duchy was founded.');
    // index terms: rollo, viking | duchi, found (stop words have no term)
    expect([...surface.termSentence]).toEqual([0, 0, 1, 1]);
    expect([...surface.sentenceStarts]).toEqual([0, 4]);
  });

  it('gives words no passage uses the number -1, so they are never found', () => {
    const { numbers, surface } = read('The Duchy was founded.');
    const question = questionSurface('Was the castle founded?', numbers);
    expect(question.words).toContain(-1);
    expect(wordShare(question, surface)).toBeCloseTo(2 / 3);
  });
});
