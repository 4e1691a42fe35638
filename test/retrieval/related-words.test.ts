import { afterAll, describe, expect, it } from 'vitest';
import { WordNumbers } from '../../src/retrieval/passage-surface.js';
import { planQuery } from '../../src/retrieval/query.js';
import { conceptRows, relatedShare } from '../../src/retrieval/related-words.js';
import { searchPassages } from '../../src/retrieval/search.js';
import { surfaceWords } from '../../src/retrieval/surface.js';
import { wordVectors } from '../../src/retrieval/word-vectors.js';
import { indexKnowledge, removeScratch } from '../helpers/knowledge.js';

afterAll(removeScratch);

const NO_ALIASES = { written: new Map(), learned: new Map() };

/** A sentence's words numbered as an index numbers them. */
function numbered(sentence: string): { numbers: WordNumbers; words: Uint32Array } {
  const numbers = new WordNumbers();
  return { numbers, words: Uint32Array.from(surfaceWords(sentence), (w) => numbers.number(w)) };
}

describe('related words', () => {
  it('credit a question word the sentence misses by its most similar word there', () => {
    // given "kremlin" and "want" are missed; the sentence says "Moscow"
    const vectors = wordVectors();
    const plan = planQuery('What did the Kremlin want?', NO_ALIASES);
    const { numbers, words } = numbered('Moscow backed the candidate.');
    const input = { vectors, numbers, rows: conceptRows(plan, vectors) };
    // when
    const share = relatedShare(input, [1, 1], [false, false], words, 0, words.length);
    const wantMatched = relatedShare(input, [1, 1], [false, true], words, 0, words.length);
    // then: half the weight is "kremlin", and "moscow" is close to it; "want" adds its own relative
    expect(wantMatched).toBeGreaterThan(0.6 / 2);
    expect(share).toBeGreaterThan(wantMatched);
  });

  it('give nothing for words the sentence has, for words it lacks a relative of, or without vectors', () => {
    const vectors = wordVectors();
    const plan = planQuery('Kremlin', NO_ALIASES);
    const { numbers, words } = numbered('Bananas ripen in the sun.');
    const rows = conceptRows(plan, vectors);
    expect(relatedShare({ vectors, numbers, rows }, [1], [true], words, 0, words.length)).toBe(0);
    expect(relatedShare({ vectors, numbers, rows }, [1], [false], words, 0, words.length)).toBeLessThan(0.25);
    expect(relatedShare({ vectors: undefined, numbers, rows }, [1], [false], words, 0, words.length)).toBe(0);
  });

  it('rank the passage that answers in other words above one that does not', async () => {
    // given two passages alike but for the city, neither saying "Kremlin"
    const index = await indexKnowledge({
      'backing.md': '# Backing\n\nParis backed the candidate in the election.\n\nMoscow backed the candidate in the election.\n',
    });
    // when
    const { passages } = searchPassages(index, 'Which candidate did the Kremlin back in the election?');
    // then
    expect(passages[0]?.passage.text).toMatch(/^Moscow/);
    expect(passages[0]!.features.related).toBeGreaterThan(passages[1]!.features.related);
  });
});
