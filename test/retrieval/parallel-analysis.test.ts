import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { analyseInParallel } from '../../src/retrieval/parallel-analysis.js';
import { mergePostings } from '../../src/retrieval/postings.js';
import { analyseKnowledge, analysePassages } from '../../src/retrieval/search-index.js';

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Uint32Array) : v instanceof Map ? [...v] : v)));

describe('analysis in parts', () => {
  it('merging the postings of two halves gives exactly the postings of the whole', async () => {
    // given: the shipped article cut in two runs of passages
    const { passages } = await loadKnowledge('knowledge');
    const half = Math.ceil(passages.length / 2);
    // when
    const merged = mergePostings(analysePassages(passages.slice(0, half)).postings, analysePassages(passages.slice(half)).postings);
    // then: same vocabulary order is not required, the same postings per term are
    const whole = analyseKnowledge(passages).postings;
    const byTerm = (p: typeof whole): Record<string, unknown> =>
      Object.fromEntries(
        p.vocabulary.map((term, t) => [
          term,
          {
            fields: p.fields.map((f) => [Array.from(f.passages.subarray(f.offsets[t], f.offsets[t + 1])), Array.from(f.frequencies.subarray(f.offsets[t], f.offsets[t + 1]))]),
            documentFrequency: p.documentFrequency[t],
          },
        ]),
      );
    expect(byTerm(merged)).toEqual(byTerm(whole));
    expect(plain(merged.fields.map((f) => [f.lengths, f.averageLength]))).toEqual(plain(whole.fields.map((f) => [f.lengths, f.averageLength])));
  });

  it('on two threads, learns the same postings and acronyms as on one', async () => {
    // given: enough passages to use the worker (the shipped article, repeated)
    const { passages } = await loadKnowledge('knowledge');
    const many = Array.from({ length: 2000 }, () => passages).flat();
    // when
    const parallel = await analyseInParallel(many);
    const single = analyseKnowledge(many);
    // then
    expect(parallel.postings.passageCount).toBe(single.postings.passageCount);
    expect(plain(parallel.learnedAliases)).toEqual(plain(single.learnedAliases));
    expect(plain(parallel.postings.documentFrequency)).toEqual(plain(single.postings.documentFrequency));
  }, 60_000);
});
