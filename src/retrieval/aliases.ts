import { analyze, scanWords } from './terms.js';

/** Lower-case key → phrases that mean the same, each phrase as index terms. */
export type PhraseTable = ReadonlyMap<string, readonly (readonly string[])[]>;

/**
 * Alternative wordings for query words. `written` comes from `aliases.yaml` and applies to any
 * word or phrase (`kremlin`, `justice department`); `learned` holds acronyms found in the
 * knowledge, keyed by their letters (`fmic`), and applies only to words written as acronyms.
 */
export interface AliasTable {
  readonly written: PhraseTable;
  readonly learned: PhraseTable;
}

const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'to', 'de', 'du']);
const ACRONYM = /^[\p{Lu}][\p{Lu}\p{N}]{1,6}s?$/u;
const UPPER_START = /^\p{Lu}/u;
const MAX_PHRASES_PER_KEY = 3;
/** A lower-case phrase must recur to count: a chance pair of words ("using social" for US) does not. */
const MIN_LOWER_CASE_REPEATS = 2;
const MAX_NAME_WORDS = 7;
const WORDS_BEFORE_PARENTHESES = 10;

/** What alias learning needs to know about a distinct word; computed once per word. */
export const enum WordFlag {
  Capitalized = 1,
  Acronym = 2,
  Connector = 4,
}

/** The flags of a word (see {@link WordFlag}). */
export function wordFlags(word: string): number {
  const first = word.charCodeAt(0);
  const capitalized = first < 0x80 ? first >= 0x41 && first <= 0x5a : UPPER_START.test(word);
  const acronym = capitalized && word.length >= 2 && word.length <= 8 && ACRONYM.test(word);
  return (capitalized && !acronym ? WordFlag.Capitalized : 0) | (acronym ? WordFlag.Acronym : 0) | (CONNECTORS.has(word.toLowerCase()) ? WordFlag.Connector : 0);
}

/** Acronym letters → analysed phrase → how often it was seen. */
export type AliasTally = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** The words of one passage as parallel arrays (no object per word: analysis is hot). */
export interface PassageWords {
  readonly text: string;
  readonly count: number;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly flags: readonly number[];
}

const acronymLetters = (acronym: string): string => acronym.replace(/s$/, '').toLowerCase();

/** Initials of a phrase, with and without its connector words ("Department of Justice" → doj, dj). */
function initialsOf(words: readonly string[]): string[] {
  const all = words.map((w) => w[0]?.toLowerCase() ?? '').join('');
  const content = words.filter((w) => !CONNECTORS.has(w.toLowerCase())).map((w) => w[0]?.toLowerCase() ?? '').join('');
  return all === content ? [all] : [all, content];
}

/** Only spaces between word `i - 1` and word `i`: they can belong to one name ("Cuba, China" do not). */
function adjacent(words: PassageWords, i: number): boolean {
  for (let at = words.ends[i - 1]!; at < words.starts[i]!; at++) if (words.text.charCodeAt(at) !== 0x20) return false;
  return true;
}

/**
 * Learns acronyms from the knowledge, passage by passage: a phrase followed by its acronym in
 * parentheses ("National Football League (NFL)") and title-case names, which are commonly
 * abbreviated by their initials ("Foreign Malign Influence Center" → FMIC). Keys are the
 * acronym's letters in lower case. Lower-case expansions ("artificial intelligence" for AI)
 * are found when a question asks for them (see {@link lowerCaseExpansions}).
 *
 * @example
 * const learner = new AliasLearner();
 * learner.observeText('The Foreign Malign Influence Center was set up.');
 * learner.table().get('fmic') // [['foreign', 'malign', 'influenc', 'center']]
 */
export class AliasLearner {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly analysed = new Map<string, string>();

  /** Reads one passage given as words (see {@link PassageWords}). */
  observe(words: PassageWords): void {
    let runStart = -1;
    for (let i = 0; i < words.count; i++) {
      const flags = words.flags[i]!;
      if (flags & WordFlag.Acronym) this.parenthesised(words, i);
      if (runStart >= 0 && !adjacent(words, i)) {
        this.name(words, runStart, i);
        runStart = -1;
      }
      if (flags & WordFlag.Capitalized) {
        if (runStart < 0) runStart = i;
      } else if (!(runStart >= 0 && flags & WordFlag.Connector)) {
        if (runStart >= 0) this.name(words, runStart, i);
        runStart = -1;
      }
    }
    if (runStart >= 0) this.name(words, runStart, words.count);
  }

  /** Reads one passage of plain text. */
  observeText(text: string): void {
    const starts: number[] = [];
    const ends: number[] = [];
    const flags: number[] = [];
    scanWords(text, (start, end) => {
      starts.push(start);
      ends.push(end);
      flags.push(wordFlags(text.slice(start, end)));
    });
    this.observe({ text, count: starts.length, starts, ends, flags });
  }

  /** What was learned so far, as counts (to merge what another thread learned). */
  tally(): AliasTally {
    return this.counts;
  }

  /** Adds what another learner saw (see {@link tally}). */
  merge(tally: AliasTally): void {
    for (const [key, byPhrase] of tally) {
      const mine = this.counts.get(key) ?? new Map<string, number>();
      for (const [phrase, count] of byPhrase) mine.set(phrase, (mine.get(phrase) ?? 0) + count);
      this.counts.set(key, mine);
    }
  }

  /** The most frequent phrases per key. */
  table(): Map<string, string[][]> {
    const table = new Map<string, string[][]>();
    for (const [key, byPhrase] of this.counts) {
      const best = [...byPhrase].sort((a, b) => b[1] - a[1]).slice(0, MAX_PHRASES_PER_KEY);
      table.set(key, best.map(([id]) => id.split(' ')));
    }
    return table;
  }

  private add(key: string, phrase: string, weight = 1): void {
    let id = this.analysed.get(phrase);
    if (id === undefined) {
      id = analyze(phrase).join(' ');
      this.analysed.set(phrase, id);
    }
    if (!id.includes(' ')) return;
    const byPhrase = this.counts.get(key) ?? new Map<string, number>();
    byPhrase.set(id, (byPhrase.get(id) ?? 0) + weight);
    this.counts.set(key, byPhrase);
  }

  private wordsBetween(words: PassageWords, from: number, to: number): string[] {
    const list: string[] = [];
    for (let i = from; i < to; i++) list.push(words.text.slice(words.starts[i], words.ends[i]));
    return list;
  }

  private parenthesised(words: PassageWords, i: number): void {
    const { text } = words;
    if (text[words.starts[i]! - 1] !== '(' || text[words.ends[i]!] !== ')') return;
    const letters = acronymLetters(text.slice(words.starts[i], words.ends[i]));
    const before = this.wordsBetween(words, Math.max(0, i - WORDS_BEFORE_PARENTHESES), i);
    for (let length = 2; length <= before.length; length++) {
      const phrase = before.slice(-length);
      if (initialsOf(phrase).includes(letters)) {
        this.add(letters, phrase.join(' '), 3);
        return;
      }
    }
  }

  private name(words: PassageWords, from: number, to: number): void {
    if (to - from < 2) return; // most capitalised runs are single words: nothing to abbreviate
    let end = to;
    while (end > from && words.flags[end - 1]! & WordFlag.Connector && !(words.flags[end - 1]! & WordFlag.Capitalized)) end--;
    let start = from;
    while (start < end && /^(The|A|An)$/.test(words.text.slice(words.starts[start], words.ends[start]))) start++;
    if (end - start < 2 || end - start > MAX_NAME_WORDS) return;
    const phrase = this.wordsBetween(words, start, end);
    for (const letters of initialsOf(phrase)) if (letters.length >= 2 && letters.length <= 6) this.add(letters, phrase.join(' '));
  }

}

/**
 * Learns acronyms from whole texts (see {@link AliasLearner}).
 *
 * @example learnAliases(['The Foreign Malign Influence Center was set up.']).get('fmic')
 * // [['foreign', 'malign', 'influenc', 'center']]
 */
export function learnAliases(texts: Iterable<string>): Map<string, string[][]> {
  const learner = new AliasLearner();
  for (const text of texts) learner.observeText(text);
  return learner.table();
}

/**
 * Analyses the aliases a person wrote in `aliases.yaml` into a phrase table.
 *
 * @example analyseWrittenAliases(new Map([['Kremlin', ['Russia']]])).get('kremlin') // [['russia']]
 */
export function analyseWrittenAliases(written: ReadonlyMap<string, readonly string[]>): Map<string, string[][]> {
  const table = new Map<string, string[][]>();
  for (const [key, phrases] of written) {
    const analysed = phrases.map((p) => analyze(p)).filter((terms) => terms.length > 0);
    if (analysed.length > 0) table.set(key.toLowerCase(), analysed);
  }
  return table;
}

/**
 * Lower-case phrases of a text that spell an acronym and recur ("artificial intelligence",
 * twice, for `ai`), as index terms, most frequent first. Run on the few documents that use the
 * acronym, when a question asks for it: scanning every text at build time costs more than
 * it finds.
 *
 * @example lowerCaseExpansions('generative AI … artificial intelligence … artificial intelligence', 'ai')
 * // [['artifici', 'intellig']]
 */
export function lowerCaseExpansions(text: string, letters: string): string[][] {
  const words: { start: number; end: number }[] = [];
  scanWords(text, (start, end) => words.push({ start, end }));
  const counts = new Map<string, number>();
  for (let i = 0; i + letters.length <= words.length; i++) {
    let match = true;
    for (let j = 0; j < letters.length && match; j++) {
      const word = words[i + j]!;
      const first = text.charCodeAt(word.start);
      // Lower-case ASCII letters only: a capitalised word belongs to a name, handled at build time.
      match = first === letters.charCodeAt(j) && !CONNECTORS.has(text.slice(word.start, word.end));
    }
    if (!match) continue;
    const phrase = words.slice(i, i + letters.length).map((w) => text.slice(w.start, w.end)).join(' ');
    counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count >= MIN_LOWER_CASE_REPEATS)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_PHRASES_PER_KEY)
    .map(([phrase]) => analyze(phrase))
    .filter((terms) => terms.length >= 2);
}
