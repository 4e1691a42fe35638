import { analyze } from './terms.js';

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

const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'to', 'de', 'du', '&']);
const WORDS = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const ACRONYM = /^[\p{Lu}][\p{Lu}\p{N}&]{1,6}s?$/u;
const MAX_PHRASES_PER_KEY = 3;
const MIN_LOWER_CASE_REPEATS = 2;

interface Word { readonly text: string; readonly start: number }

const wordsOf = (text: string): Word[] =>
  Array.from(text.matchAll(WORDS), (m) => ({ text: m[0], start: m.index }));

const isCapitalized = (word: string): boolean => /^\p{Lu}/u.test(word);
const acronymLetters = (acronym: string): string => acronym.replace(/s$/, '').replace(/[^\p{L}]/gu, '').toLowerCase();

/** Initials of a phrase, with and without its connector words ("Department of Justice" → doj, dj). */
function initialsOf(words: readonly string[]): string[] {
  const all = words.map((w) => w[0]?.toLowerCase() ?? '').join('');
  const content = words.filter((w) => !CONNECTORS.has(w.toLowerCase())).map((w) => w[0]?.toLowerCase() ?? '').join('');
  return all === content ? [all] : [all, content];
}

class AliasCollector {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly analysed = new Map<string, string>();

  add(key: string, phrase: string, weight = 1): void {
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

  /** The most frequent phrases per key. */
  table(): Map<string, string[][]> {
    const table = new Map<string, string[][]>();
    for (const [key, byPhrase] of this.counts) {
      const best = [...byPhrase].sort((a, b) => b[1] - a[1]).slice(0, MAX_PHRASES_PER_KEY);
      table.set(key, best.map(([id]) => id.split(' ')));
    }
    return table;
  }
}

/** Index of the first word starting at or after `offset` (words are in text order). */
function firstWordAtOrAfter(words: readonly Word[], offset: number): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (words[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** "National Football League (NFL)": the words before the parentheses that spell it. */
function collectParenthesised(text: string, words: readonly Word[], into: AliasCollector): void {
  for (const match of text.matchAll(/\(([\p{Lu}][\p{L}\p{N}&]{1,7})\)/gu)) {
    const acronym = match[1] ?? '';
    if (!ACRONYM.test(acronym)) continue;
    const letters = acronymLetters(acronym);
    const end = firstWordAtOrAfter(words, match.index);
    const before = words.slice(Math.max(0, end - 10), end).map((w) => w.text);
    for (let length = 2; length <= before.length; length++) {
      const phrase = before.slice(-length);
      if (initialsOf(phrase).includes(letters)) {
        into.add(letters, phrase.join(' '), 3);
        break;
      }
    }
  }
}

/** Title-case names ("Foreign Malign Influence Center") are commonly abbreviated by their initials. */
function collectTitleCaseNames(words: readonly Word[], into: AliasCollector): void {
  let run: string[] = [];
  const flush = (): void => {
    while (run.length > 0 && CONNECTORS.has(run[run.length - 1]!.toLowerCase())) run.pop();
    while (run.length > 0 && /^(the|a|an)$/i.test(run[0]!)) run.shift();
    const capitalized = run.filter(isCapitalized).length;
    if (capitalized >= 2 && run.length <= 7) {
      for (const letters of initialsOf(run)) if (letters.length >= 2 && letters.length <= 6) into.add(letters, run.join(' '));
    }
    run = [];
  };
  for (const word of words) {
    if (isCapitalized(word.text) && !ACRONYM.test(word.text)) run.push(word.text);
    else if (run.length > 0 && CONNECTORS.has(word.text.toLowerCase())) run.push(word.text);
    else flush();
  }
  flush();
}

/** "generative AI" … "artificial intelligence": a lower-case phrase spelling an acronym of the same document. */
function collectLowerCasePhrases(words: readonly Word[], into: AliasCollector): void {
  const byInitial = new Map<string, string[]>();
  for (const word of words) {
    if (!ACRONYM.test(word.text)) continue;
    const letters = acronymLetters(word.text);
    if (letters.length < 2 || letters.length > 5) continue;
    const list = byInitial.get(letters[0]!) ?? [];
    if (!list.includes(letters)) list.push(letters);
    byInitial.set(letters[0]!, list);
  }
  if (byInitial.size === 0) return;
  const lower = words.map((w) => w.text.toLowerCase());
  const seen = new Map<string, { letters: string; count: number }>();
  lower.forEach((word, i) => {
    for (const letters of byInitial.get(word[0] ?? '') ?? []) {
      if (i + letters.length > lower.length) continue;
      const phrase = lower.slice(i, i + letters.length);
      if (!phrase.every((w, j) => w[0] === letters[j] && !CONNECTORS.has(w))) continue;
      const key = phrase.join(' ');
      seen.set(key, { letters, count: (seen.get(key)?.count ?? 0) + 1 });
    }
  });
  // A chance pair of words ("using social" for US) occurs once; a real expansion recurs.
  for (const [phrase, { letters, count }] of seen) if (count >= MIN_LOWER_CASE_REPEATS) into.add(letters, phrase, count);
}

/**
 * Learns acronyms from the knowledge itself: a phrase followed by its acronym in parentheses,
 * title-case names (abbreviated by their initials), and lower-case phrases that spell an
 * acronym used in the same document. Keys are the acronym's letters in lower case.
 *
 * @example learnAliases(['The Foreign Malign Influence Center was set up.']).get('fmic')
 * // [['foreign', 'malign', 'influenc', 'center']]
 */
export function learnAliases(documentTexts: Iterable<string>): Map<string, string[][]> {
  const collector = new AliasCollector();
  for (const text of documentTexts) {
    const words = wordsOf(text);
    collectParenthesised(text, words, collector);
    collectTitleCaseNames(words, collector);
    collectLowerCasePhrases(words, collector);
  }
  return collector.table();
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
