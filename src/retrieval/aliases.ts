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

  add(key: string, phrase: string, weight = 1): void {
    const terms = analyze(phrase);
    if (terms.length < 2) return;
    const byPhrase = this.counts.get(key) ?? new Map<string, number>();
    const id = terms.join(' ');
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

/** "National Football League (NFL)": the words before the parentheses that spell it. */
function collectParenthesised(text: string, words: readonly Word[], into: AliasCollector): void {
  for (const match of text.matchAll(/\(([\p{Lu}][\p{L}\p{N}&]{1,7})\)/gu)) {
    const acronym = match[1] ?? '';
    if (!ACRONYM.test(acronym)) continue;
    const letters = acronymLetters(acronym);
    const before = words.filter((w) => w.start < match.index).slice(-10).map((w) => w.text);
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
  const acronyms = new Set(words.map((w) => w.text).filter((w) => ACRONYM.test(w)).map(acronymLetters));
  if (acronyms.size === 0) return;
  const lower = words.map((w) => w.text.toLowerCase());
  for (const letters of acronyms) {
    if (letters.length < 2 || letters.length > 5) continue;
    for (let i = 0; i + letters.length <= lower.length; i++) {
      const phrase = lower.slice(i, i + letters.length);
      if (phrase.every((w, j) => w[0] === letters[j]) && !phrase.some((w) => CONNECTORS.has(w))) {
        into.add(letters, phrase.join(' '));
      }
    }
  }
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
