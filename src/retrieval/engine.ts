import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS, type IndexedFields } from './options.js';
import type { Postings } from './postings.js';

/**
 * MiniSearch, filled in bulk from compact postings.
 *
 * MiniSearch's `addAll` looks every token up in its radix tree (about 2.5 µs per posting:
 * 14 s for 100,000 passages) and `loadJSON` parses a nested object per term. Footnote
 * counts postings itself and hands MiniSearch each term's finished map, once: the same
 * index `addAll` would build (a test pins that), built several times faster. Searching is
 * plain MiniSearch.
 */
export class PassageMiniSearch extends MiniSearch<IndexedFields> {
  /**
   * Builds the MiniSearch index of `postings` (passage ids are MiniSearch ids).
   *
   * @example const engine = PassageMiniSearch.fromPostings(postings);
   */
  static fromPostings(postings: Postings): PassageMiniSearch {
    const engine = new PassageMiniSearch(MINISEARCH_OPTIONS);
    engine.pour(postings);
    return engine;
  }

  private pour(postings: Postings): void {
    const { passageCount, fields, vocabulary } = postings;
    this._documentCount = passageCount;
    this._nextId = passageCount;
    for (let id = 0; id < passageCount; id++) {
      this._documentIds.set(id, id);
      this._idToShortId.set(id, id);
      this._fieldLength.set(id, fields.map((field) => field.lengths[id]!));
    }
    this._avgFieldLength = fields.map((field) => field.averageLength);
    vocabulary.forEach((term, t) => {
      const data = new Map<number, Map<number, number>>();
      fields.forEach((field, fieldId) => {
        const from = field.offsets[t]!;
        const to = field.offsets[t + 1]!;
        if (from === to) return;
        const frequencies = new Map<number, number>();
        for (let i = from; i < to; i++) frequencies.set(field.passages[i]!, field.frequencies[i]!);
        data.set(fieldId, frequencies);
      });
      this._index.set(term, data);
    });
  }
}
