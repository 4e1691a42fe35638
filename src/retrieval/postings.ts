/**
 * Compact postings: for every index term and field, the passages that contain it and how
 * often. Built in one pass over analysed passages, held in typed arrays (a few bytes per
 * posting), persisted as is, and poured into MiniSearch in bulk (see `engine.ts`).
 */

/** The postings of one field (title, section or text). */
export interface FieldPostings {
  /** `offsets[t]..offsets[t + 1]` is the range of term `t` in `passages`/`frequencies`. */
  readonly offsets: Uint32Array;
  /** Passage ids, ascending within each term. */
  readonly passages: Uint32Array;
  /** Term frequency in that passage's field. */
  readonly frequencies: Uint16Array;
  /** Number of terms of this field in each passage. */
  readonly lengths: Uint32Array;
  readonly averageLength: number;
}

/** Postings of every field, with the vocabulary and document frequencies. */
export interface Postings {
  /** Term id → term. */
  readonly vocabulary: readonly string[];
  readonly passageCount: number;
  /** In field order (see `INDEX_FIELDS`). */
  readonly fields: readonly FieldPostings[];
  /** Term id → number of passages that contain the term in any field. */
  readonly documentFrequency: Uint32Array;
}

const MAX_FREQUENCY = 0xffff;

/** A growable run of numbers in a typed array (doubling), for postings in the making. */
class Column<T extends Uint32Array | Uint16Array> {
  length = 0;
  constructor(public array: T) {}

  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = new (this.array.constructor as new (length: number) => T)(Math.max(INITIAL_COLUMN, this.array.length * 2));
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = value;
  }
}

const INITIAL_COLUMN = 1024;

/** One field's postings as they come, in passage order: (term, passage, frequency) rows. */
interface FieldRows {
  readonly terms: Column<Uint32Array>;
  readonly passages: Column<Uint32Array>;
  readonly frequencies: Column<Uint16Array>;
  readonly lengths: Column<Uint32Array>;
}

/**
 * Accumulates postings passage by passage.
 *
 * Postings are appended as rows to typed arrays, in passage order, and sorted by term once,
 * in {@link finish} (a counting sort, which keeps each term's passages ascending). A list per
 * term would mean millions of small array growths on the heap for the garbage collector.
 *
 * @example
 * const builder = new PostingsBuilder(3);
 * builder.addTerms([['warsaw'], [], ['warsaw', 'capit']]);
 * builder.finish().vocabulary // ['warsaw', 'capit']
 */
export class PostingsBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly vocabulary: string[] = [];
  private readonly perField: FieldRows[];
  private readonly documentFrequency: number[] = [];
  private readonly lastSeen: number[] = [];
  private readonly scratch: number[] = [];
  private readonly touched: number[] = [];
  private passageCount = 0;

  constructor(fieldCount: number) {
    this.perField = Array.from({ length: fieldCount }, () => ({
      terms: new Column(new Uint32Array(0)),
      passages: new Column(new Uint32Array(0)),
      frequencies: new Column(new Uint16Array(0)),
      lengths: new Column(new Uint32Array(0)),
    }));
  }

  /** Adds the next passage (ids are given in order: 0, 1, 2 …), one list of term ids per field. */
  add(fieldTerms: readonly (readonly number[])[]): void {
    const passage = this.passageCount++;
    const { scratch, touched } = this;
    fieldTerms.forEach((terms, field) => {
      const target = this.perField[field]!;
      // Count with a scratch array indexed by term id; `touched` remembers what to reset.
      touched.length = 0;
      for (const id of terms) {
        if (scratch[id] === 0) touched.push(id);
        scratch[id]!++;
      }
      // Field length as MiniSearch measures it: distinct terms (so a bulk-built index is the
      // index `addAll` would build).
      target.lengths.push(touched.length);
      for (const id of touched) {
        const count = scratch[id]!;
        scratch[id] = 0;
        target.terms.push(id);
        target.passages.push(passage);
        target.frequencies.push(Math.min(count, MAX_FREQUENCY));
        if (this.lastSeen[id] !== passage) {
          this.lastSeen[id] = passage;
          this.documentFrequency[id]!++;
        }
      }
    });
  }

  /** The id of a term, assigned on first sight. */
  termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.vocabulary.length;
      this.termIds.set(term, id);
      this.vocabulary.push(term);
      this.documentFrequency.push(0);
      this.lastSeen.push(-1);
      this.scratch.push(0);
    }
    return id;
  }

  /** Adds the next passage given as terms (convenience for tests and small inputs). */
  addTerms(fieldTerms: readonly (readonly string[])[]): void {
    this.add(fieldTerms.map((terms) => terms.map((term) => this.termId(term))));
  }

  /** Freezes the postings into typed arrays, grouped by term. */
  finish(): Postings {
    const terms = this.vocabulary.length;
    const fields = this.perField.map((field): FieldPostings => {
      const rows = field.terms.length;
      const termOf = field.terms.array;
      const offsets = new Uint32Array(terms + 1);
      for (let i = 0; i < rows; i++) offsets[termOf[i]! + 1]!++;
      for (let t = 0; t < terms; t++) offsets[t + 1]! += offsets[t]!;
      const next = offsets.slice(0, terms);
      const passages = new Uint32Array(rows);
      const frequencies = new Uint16Array(rows);
      for (let i = 0; i < rows; i++) {
        const at = next[termOf[i]!]!++;
        passages[at] = field.passages.array[i]!;
        frequencies[at] = field.frequencies.array[i]!;
      }
      const lengths = field.lengths.array.slice(0, field.lengths.length);
      let total = 0;
      for (const length of lengths) total += length;
      return { offsets, passages, frequencies, lengths, averageLength: this.passageCount > 0 ? total / this.passageCount : 0 };
    });
    return { vocabulary: this.vocabulary, passageCount: this.passageCount, fields, documentFrequency: Uint32Array.from(this.documentFrequency) };
  }
}

/**
 * Joins the postings of two consecutive runs of passages (`second`'s passage ids follow
 * `first`'s), as if one builder had seen them all: the vocabulary of `first`, then the terms
 * only `second` has.
 *
 * @example mergePostings(firstHalf, secondHalf).passageCount // both together
 */
export function mergePostings(first: Postings, second: Postings): Postings {
  const termIds = new Map(first.vocabulary.map((term, id) => [term, id]));
  const vocabulary = [...first.vocabulary];
  const secondIds = second.vocabulary.map((term) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = vocabulary.length;
      termIds.set(term, id);
      vocabulary.push(term);
    }
    return id;
  });
  const terms = vocabulary.length;
  const fromSecond = new Int32Array(terms).fill(-1);
  secondIds.forEach((merged, original) => (fromSecond[merged] = original));
  const passageCount = first.passageCount + second.passageCount;
  const fields = first.fields.map((a, f): FieldPostings => {
    const b = second.fields[f]!;
    const rangeOf = (postings: FieldPostings, t: number): [number, number] => [postings.offsets[t]!, postings.offsets[t + 1]!];
    const offsets = new Uint32Array(terms + 1);
    for (let t = 0; t < terms; t++) {
      const [aFrom, aTo] = t < first.vocabulary.length ? rangeOf(a, t) : [0, 0];
      const [bFrom, bTo] = fromSecond[t]! >= 0 ? rangeOf(b, fromSecond[t]!) : [0, 0];
      offsets[t + 1] = offsets[t]! + (aTo - aFrom) + (bTo - bFrom);
    }
    const passages = new Uint32Array(offsets[terms]!);
    const frequencies = new Uint16Array(offsets[terms]!);
    for (let t = 0; t < terms; t++) {
      let at = offsets[t]!;
      if (t < first.vocabulary.length) {
        const [from, to] = rangeOf(a, t);
        passages.set(a.passages.subarray(from, to), at);
        frequencies.set(a.frequencies.subarray(from, to), at);
        at += to - from;
      }
      if (fromSecond[t]! >= 0) {
        const [from, to] = rangeOf(b, fromSecond[t]!);
        for (let i = from; i < to; i++) passages[at + i - from] = b.passages[i]! + first.passageCount;
        frequencies.set(b.frequencies.subarray(from, to), at);
      }
    }
    const lengths = new Uint32Array(passageCount);
    lengths.set(a.lengths);
    lengths.set(b.lengths, first.passageCount);
    const averageLength = passageCount > 0 ? (a.averageLength * first.passageCount + b.averageLength * second.passageCount) / passageCount : 0;
    return { offsets, passages, frequencies, lengths, averageLength };
  });
  const documentFrequency = new Uint32Array(terms);
  documentFrequency.set(first.documentFrequency);
  secondIds.forEach((merged, original) => (documentFrequency[merged]! += second.documentFrequency[original]!));
  return { vocabulary, passageCount, fields, documentFrequency };
}
