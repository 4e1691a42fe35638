import { describe, expect, it } from 'vitest';
import { PassageMiniSearch } from '../../src/retrieval/engine.js';
import { PostingsBuilder } from '../../src/retrieval/postings.js';
import { FieldLengths, IdentityIds, PostingsView } from '../../src/retrieval/postings-views.js';

describe('PostingsView', () => {
  // given: term postings 3→1, 8→2, 20→5 inside a larger array
  const passages = new Uint32Array([1, 3, 8, 20, 2]);
  const frequencies = new Uint16Array([9, 1, 2, 5, 9]);
  const view = new PostingsView(passages, frequencies, 1, 4);

  it('answers like the Map it stands for, in any order of lookups', () => {
    const map = new Map([[3, 1], [8, 2], [20, 5]]);
    expect(view.size).toBe(3);
    expect([...view]).toEqual([...map]);
    expect([...view.keys()]).toEqual([...map.keys()]);
    expect([...view.values()]).toEqual([...map.values()]);
    for (const id of [20, 3, 8, 8, 1, 2, 0, 21, 3]) {
      expect([view.get(id), view.has(id)]).toEqual([map.get(id), map.has(id)]);
    }
    const seen: [number, number][] = [];
    view.forEach((frequency, id) => seen.push([id, frequency]));
    expect(seen).toEqual([...map]);
  });

  it('answers in key order, as MiniSearch asks, after a lookup out of order', () => {
    expect(view.get(20)).toBe(5);
    expect([...view.keys()].map((id) => view.get(id))).toEqual([1, 2, 5]);
  });
});

describe('IdentityIds and FieldLengths', () => {
  it('map each passage id to itself and to its field lengths', () => {
    const ids = new IdentityIds(3);
    expect([...ids]).toEqual([[0, 0], [1, 1], [2, 2]]);
    expect([ids.has(2), ids.has(3), ids.has(-1), ids.has(1.5), ids.has('1')]).toEqual([true, false, false, false, false]);
    const lengths = new FieldLengths([new Uint32Array([1, 2]), new Uint32Array([0, 0]), new Uint32Array([7, 9])]);
    expect([...lengths]).toEqual([[0, [1, 0, 7]], [1, [2, 0, 9]]]);
    expect(lengths.get(2)).toBeUndefined();
  });
});

describe('PassageMiniSearch', () => {
  const builder = new PostingsBuilder(3);
  builder.addTerms([['warsaw'], [], ['warsaw', 'capit']]);
  builder.addTerms([['krakow'], [], ['capit', 'old']]);
  const engine = PassageMiniSearch.fromPostings(builder.finish());

  it('searches the poured postings', () => {
    expect(engine.search('capit').map((r) => r.id)).toHaveLength(2);
    expect(engine.search('warsaw').map((r) => r.id)).toEqual([0]);
    expect([engine.has(1), engine.has(2), engine.documentCount, engine.termCount]).toEqual([true, false, 2, 4]);
  });

  it('refuses changes instead of corrupting its read-only views', () => {
    expect(() => engine.add({ id: 2, title: 'x', section: '', text: 'y' })).toThrow(/read-only/);
    expect(() => engine.addAll([{ id: 2, title: 'x', section: '', text: 'y' }])).toThrow(/read-only/);
    expect(() => engine.remove({ id: 0, title: 'warsaw', section: '', text: 'warsaw capit' })).toThrow(/read-only/);
    expect(() => engine.discard(0)).toThrow(/read-only/);
    expect(engine.search('warsaw').map((r) => r.id)).toEqual([0]);
  });
});
