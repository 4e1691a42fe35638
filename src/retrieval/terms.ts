import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stop-words.js';

/** A word of a text with its place, for highlighting and proximity. */
export interface Token {
  /** The word as written. */
  readonly word: string;
  /** Offset of the word in the analysed text. */
  readonly start: number;
  /** The index term (lower-case, stemmed), or `null` for a stop word. */
  readonly term: string | null;
}

// Letters and digits, with inner apostrophes kept out (so "Russia's" gives "Russia" + "s").
const WORD = /[\p{L}\p{N}]+/gu;
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
const MARKS = /\p{M}+/gu;

// Stemming dominates analysis time; the vocabulary is small, so memoise it.
const termCache = new Map<string, string | null>();
const TERM_CACHE_MAX = 200_000;

/**
 * Turns one word into its index term: lower-case, accents folded, Porter-stemmed; `null` for
 * stop words and single letters (digits are kept: "5" matters in "Super Bowl 5").
 *
 * @example toTerm('Elections') // 'elect'
 * @example toTerm('the') // null
 */
export function toTerm(word: string): string | null {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  const lower = word.toLowerCase();
  const folded = /[^\u0000-\u007f]/.test(lower) ? lower.normalize('NFKD').replace(MARKS, '') : lower;
  const term = STOP_WORDS.has(folded) || (folded.length === 1 && !/\d/.test(folded)) ? null : stemmer(folded);
  if (termCache.size >= TERM_CACHE_MAX) termCache.clear();
  termCache.set(word, term);
  return term;
}

/**
 * Splits a text into words with their offsets and index terms.
 *
 * @example tokenize("Russia's role").map((t) => t.term) // ['russia', null, 'role']
 */
export function tokenize(text: string): Token[] {
  const clean = text.replace(INVISIBLE, ' ');
  const tokens: Token[] = [];
  for (const match of clean.matchAll(WORD)) {
    tokens.push({ word: match[0], start: match.index, term: toTerm(match[0]) });
  }
  return tokens;
}

/**
 * The index terms of a text, in order, stop words dropped: what gets indexed and searched.
 *
 * @example analyze('The Associated Press reported') // ['associ', 'press', 'report']
 */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.replace(INVISIBLE, ' ').matchAll(WORD)) {
    const term = toTerm(match[0]);
    if (term !== null) terms.push(term);
  }
  return terms;
}
