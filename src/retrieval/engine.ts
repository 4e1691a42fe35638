import MiniSearch from 'minisearch';
import { INDEX_FIELDS, MINISEARCH_OPTIONS, type IndexedFields } from './options.js';
import type { Postings } from './postings.js';
import { FieldLengths, IdentityIds, PostingsView } from './postings-views.js';

/**
 * MiniSearch, filled in bulk from compact postings.
 *
 * MiniSearch's `addAll` looks every token up in its radix tree (about 2.5 µs per posting:
 * 14 s for 100,000 passages) and `loadJSON` parses a nested object per term. Footnote
 * counts postings itself and hands MiniSearch, for each term and field, a read-only view of
 * its postings in the typed arrays (`postings-views.ts`): the same index `addAll` would build
 * (a test pins that), without a heap entry per posting, so it is ready in milliseconds.
 * Searching is plain MiniSearch; adding or removing documents is refused.
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

  /**
   * The index terms within `maxDistance` edits (Levenshtein) of `term`, with their distance:
   * MiniSearch's own fuzzy lookup over its radix tree, which visits only the branches that stay
   * within the distance, never the whole vocabulary (for spelling correction of names).
   *
   * @example engine.termsNear('wessel', 1) // Map { 'wesel' => 1, 'vessel' => 1 }
   */
  termsNear(term: string, maxDistance: number): Map<string, number> {
    const near = new Map<string, number>();
    for (const [key, [, distance]] of this._index.fuzzyGet(term, maxDistance)) near.set(key, distance);
    return near;
  }

  /**
   * Up to `limit` passages (ids, ascending) whose text holds `term`, read from its postings.
   *
   * @example engine.passagesWith('gandhi', 3) // [812, 815]
   */
  passagesWith(term: string, limit: number): number[] {
    const postings = this._index.get(term)?.get(TEXT_FIELD);
    const ids: number[] = [];
    if (postings === undefined) return ids;
    for (const id of postings.keys()) {
      if (ids.length === limit) break;
      ids.push(id);
    }
    return ids;
  }

  /**
   * Refuses changes: the internals are read-only views over the postings, and a changed
   * knowledge base is re-analysed and poured again instead.
   */
  override add(_document: IndexedFields): never {
    throw new Error(READ_ONLY);
  }

  override remove(_document: IndexedFields): never {
    throw new Error(READ_ONLY);
  }

  override discard(_id: unknown): never {
    throw new Error(READ_ONLY);
  }

  override replace(_document: IndexedFields): never {
    throw new Error(READ_ONLY);
  }

  override removeAll(_documents?: readonly IndexedFields[]): never {
    throw new Error(READ_ONLY);
  }

  private pour(postings: Postings): void {
    const { passageCount, fields, vocabulary } = postings;
    // MiniSearch only reads these (search, has, documentCount): views stand in for its Maps,
    // so no heap entry is made per passage or posting. `internals.test.ts` pins the shape
    // MiniSearch gives them, `engine.test.ts` that searching the views equals `addAll`'s index.
    this._documentCount = passageCount;
    this._nextId = passageCount;
    this._documentIds = new IdentityIds(passageCount) as unknown as Map<number, number>;
    this._idToShortId = new IdentityIds(passageCount) as unknown as Map<number, number>;
    this._fieldLength = new FieldLengths(fields.map((field) => field.lengths)) as unknown as Map<number, number[]>;
    this._avgFieldLength = fields.map((field) => field.averageLength);
    for (let t = 0; t < vocabulary.length; t++) {
      const data = new Map<number, Map<number, number>>();
      for (let fieldId = 0; fieldId < fields.length; fieldId++) {
        const field = fields[fieldId]!;
        const from = field.offsets[t]!;
        const to = field.offsets[t + 1]!;
        if (from < to) data.set(fieldId, new PostingsView(field.passages, field.frequencies, from, to) as unknown as Map<number, number>);
      }
      this._index.set(vocabulary[t]!, data);
    }
  }
}

const TEXT_FIELD = INDEX_FIELDS.indexOf('text');

const READ_ONLY = 'a PassageMiniSearch is read-only: analyse the changed knowledge and pour it again (PassageMiniSearch.fromPostings)';
