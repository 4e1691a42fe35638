import type { AliasTable } from './aliases.js';
import { COMMON_TERMS } from './common-words.js';
import { isLikelyNoun, questionWordClasses } from './word-classes.js';
import type { NameCorrection } from './name-spelling.js';
import { RANKING } from './options.js';
import { acronymTerm, isAcronymTerm, tokenize, toTerm, type Token } from './terms.js';

/** One content word of a question, with the other wordings that count as a match for it. */
export interface QueryConcept {
  /** The word as the user typed it. */
  readonly word: string;
  /** Its index term. */
  readonly term: string;
  /** Phrases meaning the same (from aliases.yaml or learned acronyms), as index terms. */
  readonly alternatives: readonly (readonly string[])[];
  /** Written like a name: capitalised inside the sentence, or an acronym. */
  readonly isName: boolean;
  /**
   * The knowledge's spellings read instead of a name it never uses as typed ("Ghandi" →
   * Gandhi, see `correctName`); their terms are among the alternatives. Empty otherwise.
   */
  readonly readAs: readonly NameCorrection[];
  /**
   * Whether the word is a noun (or a name) here. For a word the knowledge never uses, where it
   * decides abstention ("a noun the knowledge never uses"), it is read in the question's context
   * (`questionWordClasses`: "sway" in "try to sway the vote" is a verb); else from the lexicon.
   */
  readonly isNoun: boolean;
}

/** A question, analysed once and shared by search, re-ranking, excerpts and abstention. */
export interface QueryPlan {
  readonly question: string;
  readonly concepts: readonly QueryConcept[];
  /** Every term to search for, with its weight (typed words 1, alternatives less). */
  readonly weights: ReadonlyMap<string, number>;
}

const MAX_ALIAS_WORDS = 3;

// Country ↔ demonym endings ("Iran" ↔ "Iranian", "China" ↔ "Chinese"), as index terms.
const NAME_SUFFIXES = ['n', 'an', 'ian', 'i', 'ish', 'ese'];

/**
 * Other forms of a name that the knowledge uses: "China" also finds "Chinese" and
 * "Russian" also finds "Russia". Stemming cannot do this; the vocabulary decides.
 */
function relatedNameForms(term: string, knows: (term: string) => boolean): string[] {
  const stems = new Set([term, term.replace(/[aeiou]$/, '')]);
  for (const suffix of NAME_SUFFIXES) if (term.length > suffix.length + 2 && term.endsWith(suffix)) stems.add(term.slice(0, -suffix.length));
  if (term.endsWith('es')) stems.add(term.slice(0, -2));
  const forms = new Set<string>();
  for (const stem of stems) {
    for (const ending of ['', 'a', ...NAME_SUFFIXES.map((s) => (s === 'ese' ? 'es' : s))]) {
      const form = stem + ending;
      if (form !== term && form.length >= 3 && knows(form)) forms.add(form);
    }
  }
  return [...forms];
}
/**
 * The acronym a word typed in lower case may stand for ("fbi" → FBI), and the lower-case word
 * an acronym may be written as ("NASA" → nasa, three letters or more: "US" never means "us").
 */
function otherCaseForms(word: string, term: string, knows: (term: string) => boolean): string[][] {
  if (isAcronymTerm(term)) {
    const lower = term.length >= 3 ? toTerm(term.toLowerCase()) : null;
    return lower !== null && knows(lower) ? [[lower]] : [];
  }
  const upper = acronymTerm(word.toUpperCase());
  return upper !== null && upper !== term && knows(upper) ? [[upper]] : [];
}

const isAcronym = (word: string): boolean => /^[\p{Lu}][\p{Lu}\p{N}]+s?$/u.test(word);

function looksLikeName(token: Token, index: number): boolean {
  if (isAcronym(token.word)) return true;
  return index > 0 && /^\p{Lu}/u.test(token.word);
}

/** Expands an acronym (its letters in lower case) into phrases of index terms. */
export type AcronymExpander = (letters: string) => readonly (readonly string[])[];

/** The knowledge's spellings of a name it never uses as typed (see `correctName`). */
export type NameCorrector = (word: string) => readonly NameCorrection[];

/** Phrases whose alias key starts at token `i`: multi-word keys first ("justice department"). */
function alternativesAt(tokens: readonly Token[], i: number, aliases: AliasTable, expandAcronym: AcronymExpander): (readonly string[])[] {
  const found: (readonly string[])[] = [];
  for (let length = Math.min(MAX_ALIAS_WORDS, tokens.length - i); length >= 1; length--) {
    const key = tokens.slice(i, i + length).map((t) => t.word.toLowerCase()).join(' ');
    found.push(...(aliases.written.get(key) ?? []));
  }
  const word = tokens[i]!.word;
  if (isAcronym(word)) {
    const letters = word.replace(/s$/, '').toLowerCase();
    found.push(...(aliases.learned.get(letters) ?? []), ...expandAcronym(letters));
  }
  return found;
}

/**
 * Analyses a question: its content words (stop words dropped, stemmed), each with its
 * alternative wordings, and the weighted term list that goes to MiniSearch. A name the
 * knowledge never uses gets the spellings `correctName` finds as alternatives ("Ghandi" →
 * gandhi), weighed like the other alternatives.
 *
 * @example planQuery('What did the DOJ say?', { written: new Map([['doj', [['justic', 'depart']]]]), learned: new Map() }).concepts[0]
 * // { word: 'DOJ', term: 'doj', alternatives: [['justic', 'depart']], isName: true, readAs: [], isNoun: true }
 */
export function planQuery(
  question: string,
  aliases: AliasTable,
  knows: (term: string) => boolean = () => false,
  expandAcronym: AcronymExpander = () => [],
  expansionWeight = 0.6,
  correctName: NameCorrector = () => [],
): QueryPlan {
  const tokens = tokenize(question);
  const concepts: QueryConcept[] = [];
  const weights = new Map<string, number>();
  const seen = new Set<string>();
  // Tagging the question costs little but loads a model: only when a word is unknown.
  let classes: ReadonlyMap<string, boolean> | undefined;
  const nounInContext = (word: string): boolean => (classes ??= questionWordClasses(question)).get(word.toLowerCase()) ?? isLikelyNoun(word);
  tokens.forEach((token, i) => {
    const alternatives = alternativesAt(tokens, i, aliases, expandAcronym);
    if (token.term === null && alternatives.length === 0) return;
    const term = token.term ?? token.word.toLowerCase();
    alternatives.push(...otherCaseForms(token.word, term, knows));
    if (/^\p{Lu}/u.test(token.word) && !isAcronymTerm(term)) alternatives.push(...relatedNameForms(term, knows).map((form) => [form]));
    if (seen.has(term)) return;
    seen.add(term);
    const isName = looksLikeName(token, i);
    const known = knows(term) || alternatives.some((phrase) => phrase.every(knows));
    const corrections = isName && !known ? correctName(token.word) : [];
    alternatives.push(...corrections.map((c) => [c.term]));
    const isNoun = known ? isLikelyNoun(token.word) : nounInContext(token.word);
    concepts.push({ word: token.word, term, alternatives, isName, readAs: corrections, isNoun });
    weights.set(term, COMMON_TERMS.has(term) ? RANKING.commonWordWeight : isName ? RANKING.nameWeight : 1);
    for (const phrase of alternatives) {
      for (const alt of phrase) if (!weights.has(alt)) weights.set(alt, expansionWeight);
    }
  });
  return { question, concepts, weights };
}
