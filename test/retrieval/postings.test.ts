import { describe, expect, it } from 'vitest';
import { PostingsBuilder, type Postings } from '../../src/retrieval/postings.js';

/** The postings as plain data: per term and field, [passage, frequency] pairs. */
function plain(postings: Postings): Record<string, unknown> {
  return Object.fromEntries(
    postings.vocabulary.map((term, t) => [
      term,
      {
        documentFrequency: postings.documentFrequency[t],
        fields: postings.fields.map((f) => Array.from(f.passages.subarray(f.offsets[t], f.offsets[t + 1]), (passage, i) => [passage, f.frequencies[f.offsets[t]! + i]])),
      },
    ]),
  );
}

/** The obvious reference: count every term of every field with Maps. */
function reference(passages: readonly (readonly string[])[][]): { byTerm: Record<string, unknown>; lengths: number[][]; averages: number[] } {
  const byTerm: Record<string, { documentFrequency: number; fields: [number, number][][] }> = {};
  const lengths: number[][] = [[], [], []];
  passages.forEach((fields, passage) => {
    const seen = new Set<string>();
    fields.forEach((terms, field) => {
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      lengths[field]!.push(counts.size);
      for (const [term, count] of counts) {
        const entry = (byTerm[term] ??= { documentFrequency: 0, fields: [[], [], []] });
        entry.fields[field]!.push([passage, count]);
        if (!seen.has(term)) entry.documentFrequency++;
        seen.add(term);
      }
    });
  });
  const averages = lengths.map((l) => l.reduce((a, b) => a + b, 0) / passages.length);
  return { byTerm, lengths, averages };
}

describe('PostingsBuilder', () => {
  it('groups postings by term, passages ascending, with frequencies, lengths and document frequencies', () => {
    // given: passages whose terms repeat within and across fields, enough to grow the columns
    const words = ['warsaw', 'capit', 'river', 'vistula', 'old', 'town', 'king'];
    const passages = Array.from({ length: 3000 }, (_, p) => [
      [words[p % 7]!],
      p % 3 === 0 ? [] : [words[(p * 5) % 7]!, words[(p * 5) % 7]!],
      Array.from({ length: 1 + (p % 11) }, (_, i) => words[(p * i + i) % 7]!),
    ]);
    // when
    const builder = new PostingsBuilder(3);
    for (const fields of passages) builder.addTerms(fields);
    const built = builder.finish();
    // then
    const expected = reference(passages);
    expect(plain(built)).toEqual(expected.byTerm);
    expect(built.fields.map((f) => Array.from(f.lengths))).toEqual(expected.lengths);
    expect(built.fields.map((f) => f.averageLength)).toEqual(expected.averages);
    expect(built.passageCount).toBe(3000);
  });

  it('caps a frequency at what its 16 bits hold', () => {
    const builder = new PostingsBuilder(1);
    builder.addTerms([Array.from({ length: 70_000 }, () => 'ha')]);
    expect(Array.from(builder.finish().fields[0]!.frequencies)).toEqual([0xffff]);
  });
});
