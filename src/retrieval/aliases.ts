import { analyze, tokenize, type Token } from './terms.js';

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
const MIN_LOWER_CASE_REPEATS = 2;
const MAX_NAME_WORDS = 7;
const WORDS_BEFORE_PARENTHESES = 10;

const isAcronym = (word: string): boolean => {
  const second = word.charCodeAt(1);
  // Cheap pre-check before the regex: acronyms have an upper-case second letter (ASCII or not).
  return word.length >= 2 && word.length <= 8 && (second < 0x61 || second > 0x7a) && ACRONYM.test(word);
};
const isCapitalized = (word: string): boolean => {
  const first = word.charCodeAt(0);
  return first < 0x80 ? first >= 0x41 && first <= 0x5a : UPPER_START.test(word);
};
const acronymLetters = (acronym: string): string => acronym.replace(/s$/, '').toLowerCase();
/** Only spaces between two words: they belong to one name ("Cuba, China" do not). */
const adjacent = (text: string, a: Token, b: Token): boolean => /^ +$/.test(text.slice(a.start + a.word.length, b.start));

/** Initials of a phrase, with and without its connector words ("Department of Justice" → doj, dj). */
function initialsOf(words: readonly string[]): string[] {
  const all = words.map((w) => w[0]?.toLowerCase() ?? '').join('');
  const content = words.filter((w) => !CONNECTORS.has(w.toLowerCase())).map((w) => w[0]?.toLowerCase() ?? '').join('');
  return all === content ? [all] : [all, content];
}

/**
 * Learns acronyms from the knowledge, passage by passage: a phrase followed by its acronym in
 * parentheses ("National Football League (NFL)"), title-case names, which are commonly
 * abbreviated by their initials ("Foreign Malign Influence Center" → FMIC), and lower-case
 * phrases that spell an acronym used in the same passage and recur ("artificial
 * intelligence" … "AI"). Keys are the acronym's letters in lower case.
 *
 * @example
 * const learner = new AliasLearner();
 * learner.observe(text, tokenize(text));
 * learner.table().get('fmic') // [['foreign', 'malign', 'influenc', 'center']]
 */
export class AliasLearner {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly analysed = new Map<string, string>();

  /** Reads one passage (its text and its tokens from `tokenize`). */
  observe(text: string, tokens: readonly Token[]): void {
    this.parenthesised(text, tokens);
    this.titleCaseNames(text, tokens);
    this.lowerCasePhrases(tokens);
  }

  /** The most frequent phrases per key. */
  table(): Map<string, string[][]> {
    const table = new Map<string, string[][]>();
    for (const [key, byPhrase] of this.counts) {
      const best = [...byPhrase].sort((a, b) => b[1] - a[1]).slice(0, MAX_PHRASES_PER_KEY);
      if (best.length > 0) table.set(key, best.map(([id]) => id.split(' ')));
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

  private parenthesised(text: string, tokens: readonly Token[]): void {
    tokens.forEach((token, i) => {
      const end = token.start + token.word.length;
      if (text[token.start - 1] !== '(' || text[end] !== ')' || !isAcronym(token.word)) return;
      const letters = acronymLetters(token.word);
      const before = tokens.slice(Math.max(0, i - WORDS_BEFORE_PARENTHESES), i).map((t) => t.word);
      for (let length = 2; length <= before.length; length++) {
        const phrase = before.slice(-length);
        if (initialsOf(phrase).includes(letters)) {
          this.add(letters, phrase.join(' '), 3);
          return;
        }
      }
    });
  }

  private titleCaseNames(text: string, tokens: readonly Token[]): void {
    let run: Token[] = [];
    const flush = (): void => {
      while (run.length > 0 && CONNECTORS.has(run[run.length - 1]!.word.toLowerCase())) run.pop();
      while (run.length > 0 && /^(The|A|An)$/.test(run[0]!.word)) run.shift();
      if (run.length >= 2 && run.length <= MAX_NAME_WORDS) {
        const words = run.map((t) => t.word);
        for (const letters of initialsOf(words)) if (letters.length >= 2 && letters.length <= 6) this.add(letters, words.join(' '));
      }
      run = [];
    };
    for (const token of tokens) {
      const previous = run[run.length - 1];
      if (previous !== undefined && !adjacent(text, previous, token)) flush();
      if (isCapitalized(token.word) && !isAcronym(token.word)) run.push(token);
      else if (run.length > 0 && CONNECTORS.has(token.word.toLowerCase())) run.push(token);
      else flush();
    }
    flush();
  }

  private lowerCasePhrases(tokens: readonly Token[]): void {
    const byInitial = new Map<string, string[]>();
    for (const token of tokens) {
      if (!isAcronym(token.word)) continue;
      const letters = acronymLetters(token.word);
      if (letters.length > 5) continue;
      const list = byInitial.get(letters[0]!) ?? [];
      if (!list.includes(letters)) list.push(letters);
      byInitial.set(letters[0]!, list);
    }
    if (byInitial.size === 0) return;
    const lower = tokens.map((t) => t.word.toLowerCase());
    lower.forEach((word, i) => {
      for (const letters of byInitial.get(word[0] ?? '') ?? []) {
        if (i + letters.length > lower.length) continue;
        const phrase = lower.slice(i, i + letters.length);
        if (phrase.every((w, j) => w[0] === letters[j] && !CONNECTORS.has(w))) this.addLowerCase(letters, phrase.join(' '));
      }
    });
  }

  // A chance pair of words ("using social" for US) occurs once; a real expansion recurs,
  // so a lower-case phrase only counts from its second sighting on.
  private readonly lowerCaseSightings = new Map<string, number>();
  private addLowerCase(letters: string, phrase: string): void {
    const key = `${letters}\u0000${phrase}`;
    const seen = (this.lowerCaseSightings.get(key) ?? 0) + 1;
    this.lowerCaseSightings.set(key, seen);
    if (seen === MIN_LOWER_CASE_REPEATS) this.add(letters, phrase, MIN_LOWER_CASE_REPEATS);
    else if (seen > MIN_LOWER_CASE_REPEATS) this.add(letters, phrase);
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
  for (const text of texts) learner.observe(text, tokenize(text));
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
