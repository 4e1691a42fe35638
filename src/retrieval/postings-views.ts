/**
 * Read-only, Map-shaped views over compact postings, for MiniSearch's internals (see
 * `engine.ts`). A real `Map` per term and field costs one heap entry per posting: millions
 * of entries at 100,000 passages, seconds of allocation and garbage collection at every
 * load. A view holds a range of the typed arrays instead and answers the same questions.
 */

/** The smallest index in `array[from, to)` holding a value ≥ `value` (the array ascends there). */
function lowerBound(array: Uint32Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (array[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * One term's postings in one field as a read-only `Map` from passage id to term frequency:
 * `passages[from, to)` (ascending) and the frequencies beside them.
 *
 * MiniSearch walks `keys()` and asks `get` for each key in turn, so `get` first tries the
 * position after the one it answered last (constant time) and falls back to a binary search.
 *
 * @example new PostingsView(new Uint32Array([3, 8]), new Uint16Array([1, 2]), 0, 2).get(8) // 2
 */
export class PostingsView implements ReadonlyMap<number, number> {
  /** Where the last successful `get` found its key (a hint for the next one). */
  private last: number;

  constructor(
    private readonly passages: Uint32Array,
    private readonly frequencies: Uint16Array,
    private readonly from: number,
    private readonly to: number,
  ) {
    this.last = from - 1;
  }

  get size(): number {
    return this.to - this.from;
  }

  private positionOf(passage: number): number {
    const next = this.last + 1;
    if (next < this.to && this.passages[next] === passage) return next;
    const at = lowerBound(this.passages, this.from, this.to, passage);
    return at < this.to && this.passages[at] === passage ? at : -1;
  }

  get(passage: number): number | undefined {
    const at = this.positionOf(passage);
    if (at < 0) return undefined;
    this.last = at;
    return this.frequencies[at];
  }

  has(passage: number): boolean {
    return this.positionOf(passage) >= 0;
  }

  keys(): MapIterator<number> {
    return this.passages.subarray(this.from, this.to).values();
  }

  values(): MapIterator<number> {
    return this.frequencies.subarray(this.from, this.to).values();
  }

  *entries(): MapIterator<[number, number]> {
    for (let i = this.from; i < this.to; i++) yield [this.passages[i]!, this.frequencies[i]!];
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  forEach(callback: (frequency: number, passage: number, map: ReadonlyMap<number, number>) => void): void {
    for (let i = this.from; i < this.to; i++) callback(this.frequencies[i]!, this.passages[i]!, this);
  }
}

/**
 * The ids `0 … count - 1`, each mapped to itself, as a read-only `Map` (a poured index's
 * short ids are its passage ids).
 *
 * @example new IdentityIds(3).get(2) // 2
 */
export class IdentityIds implements ReadonlyMap<number, number> {
  constructor(readonly size: number) {}

  has(id: unknown): boolean {
    return typeof id === 'number' && Number.isInteger(id) && id >= 0 && id < this.size;
  }

  get(id: number): number | undefined {
    return this.has(id) ? id : undefined;
  }

  *keys(): MapIterator<number> {
    for (let id = 0; id < this.size; id++) yield id;
  }

  values(): MapIterator<number> {
    return this.keys();
  }

  *entries(): MapIterator<[number, number]> {
    for (let id = 0; id < this.size; id++) yield [id, id];
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  forEach(callback: (value: number, id: number, map: ReadonlyMap<number, number>) => void): void {
    for (let id = 0; id < this.size; id++) callback(id, id, this);
  }
}

/**
 * Each passage's field lengths, `[title, section, text]`, as a read-only `Map` from passage
 * id to a fresh array, read off one typed array per field.
 *
 * @example new FieldLengths([new Uint32Array([2]), new Uint32Array([0]), new Uint32Array([9])]).get(0) // [2, 0, 9]
 */
export class FieldLengths implements ReadonlyMap<number, number[]> {
  private readonly ids: IdentityIds;

  constructor(private readonly lengths: readonly Uint32Array[]) {
    this.ids = new IdentityIds(lengths[0]?.length ?? 0);
  }

  get size(): number {
    return this.ids.size;
  }

  has(id: number): boolean {
    return this.ids.has(id);
  }

  get(id: number): number[] | undefined {
    return this.ids.has(id) ? this.lengths.map((field) => field[id]!) : undefined;
  }

  keys(): MapIterator<number> {
    return this.ids.keys();
  }

  *values(): MapIterator<number[]> {
    for (const id of this.ids.keys()) yield this.get(id)!;
  }

  *entries(): MapIterator<[number, number[]]> {
    for (const id of this.ids.keys()) yield [id, this.get(id)!];
  }

  [Symbol.iterator](): MapIterator<[number, number[]]> {
    return this.entries();
  }

  forEach(callback: (value: number[], id: number, map: ReadonlyMap<number, number[]>) => void): void {
    for (const [id, value] of this.entries()) callback(value, id, this);
  }
}
