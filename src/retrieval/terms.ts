import { stemmer } from 'stemmer';
import { irregularVerbBase } from './irregular-verbs.js';
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

// Word characters are letters and digits (\p{L}, \p{N}); everything else separates words, so
// "Russia's" gives "Russia" + "s" and zero-width characters split like spaces.
const WORD_CHAR = /[\p{L}\p{N}]/u;
const MARKS = /\p{M}+/gu;
// 0 = not yet known, 1 = word character, 2 = separator; filled lazily for the BMP.
const charClass = new Uint8Array(0x10000);

function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  let known = charClass[code]!;
  if (known === 0) {
    // Surrogates stand for astral characters; tested whole in `wordEnd`.
    known = code >= 0xd800 && code <= 0xdfff ? 2 : WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    charClass[code] = known;
  }
  return known === 1;
}

const isInvisible = (code: number): boolean => code === 0x00ad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Calls `visit(start, end)` for each word of `text`, in order, without allocating matches. */
export function scanWords(text: string, visit: (start: number, end: number) => void): void {
  const length = text.length;
  let start = -1;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    let word = isWordCode(code);
    let width = 1;
    if (!word && code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      width = 2;
      word = WORD_CHAR.test(text.slice(i, i + 2));
    }
    // Invisible characters inside a word (a soft hyphen, a zero-width space or joiner) do not
    // split it: a reader sees one word ("dis\u00adinformation"), as Unicode segmentation does.
    if (!word && start >= 0 && isInvisible(code) && i + 1 < length && isWordCode(text.charCodeAt(i + 1))) word = true;
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      visit(start, i);
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) visit(start, length);
}

/**
 * An acronym or all-caps short word ("US", "FBI", "NGOs"): 2 to 5 capitals or digits starting
 * with a capital, with an optional plural "s". Longer all-caps words are shouting, not acronyms.
 */
const ACRONYM_WORD = /^[A-Z][A-Z0-9]{1,4}s?$/;
/**
 * A word with a digit ("CDK5", "HNF4A", "G7") can never collide with a stemmed English word,
 * so it needs no capitals to stay apart, and scientific text writes the same gene or protein in
 * any case ("CDK5", "Cdk5", "cdk5"): such words are lower-cased like any other word.
 */
const HAS_DIGIT = /\d/;

/**
 * The index term of an acronym: its capitals, unstemmed. Stemmed terms are always lower case,
 * so an acronym never collides with a stemmed word ("US" with "using" → `us`, "AIDS" with
 * "aids"), and it is never a stop word ("US" is not "us", "IT" is not "it"). Words with a digit
 * are not acronyms here (see {@link HAS_DIGIT}).
 *
 * @example acronymTerm('NGOs') // 'NGO'
 * @example acronymTerm('CDK5') // null (indexed as `cdk5`, like "Cdk5")
 */
export function acronymTerm(word: string): string | null {
  return ACRONYM_WORD.test(word) && !HAS_DIGIT.test(word) ? word.replace(/s$/, '') : null;
}

/** Whether an index term is an acronym's (see {@link acronymTerm}). */
export const isAcronymTerm = (term: string): boolean => /^[A-Z]/.test(term);

// Stemming dominates analysis time; the vocabulary is small, so memoise it.
const termCache = new Map<string, string | null>();
const TERM_CACHE_MAX = 200_000;

/**
 * Porter's stem, except for irregular verb forms, which Porter cannot join to their verb: they
 * take the stem of their base form ("found" → find, "won" → win, "paid" → pay, "saw" → see),
 * from WordNet's exception list (see `irregularVerbBase`).
 */
function stem(word: string): string {
  const stemmed = stemmer(word);
  const base = irregularVerbBase(word);
  if (base === undefined) return stemmed;
  const baseStem = stemmer(base);
  return baseStem === stemmed ? stemmed : baseStem;
}

/**
 * Turns one word into its index term: lower-case, accents folded, Porter-stemmed; `null` for
 * stop words and single letters (digits are kept: "5" matters in "Super Bowl 5"). Acronyms
 * keep their capitals (see {@link acronymTerm}).
 *
 * @example toTerm('US') // 'US' (never 'us', the stem of "using")
 * @example toTerm('Elections') // 'elect'
 * @example toTerm('the') // null
 */
export function toTerm(word: string): string | null {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  const acronym = acronymTerm(word);
  if (acronym !== null) {
    termCache.set(word, acronym);
    return acronym;
  }
  const lower = word.toLowerCase();
  const folded = /[^\u0000-\u007f]/.test(lower) ? lower.replace(INVISIBLE, '').normalize('NFKD').replace(MARKS, '') : lower;
  const term = STOP_WORDS.has(folded) || (folded.length === 1 && !/\d/.test(folded)) ? null : stem(folded);
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
  const tokens: Token[] = [];
  scanWords(text, (start, end) => {
    const word = text.slice(start, end);
    tokens.push({ word, start, term: toTerm(word) });
  });
  return tokens;
}

/**
 * The index terms of a text, in order, stop words dropped: what gets indexed and searched.
 *
 * @example analyze('The Associated Press reported') // ['associ', 'press', 'report']
 */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  scanWords(text, (start, end) => {
    const term = toTerm(text.slice(start, end));
    if (term !== null) terms.push(term);
  });
  return terms;
}
