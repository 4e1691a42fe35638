/**
 * The kind of answer a question asks for, read from its form ("when" asks for a date, "how
 * many" for a number, "who" and "where" for a name), and the kinds of answer a word as written
 * can be. Excerpt selection prefers the sentences that hold a word of the asked kind.
 */

/** Kinds of answer, as bits: a word may be several (the year "1943" is a number and a date). */
export const ANSWER_KIND = { number: 1, date: 2, name: 4 } as const;

const MONTHS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);
const NUMBER_WORDS: ReadonlySet<string> = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'thirty',
  'forty', 'fifty', 'hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen', 'half',
]);
const DIGIT = /\d/;
const YEAR = /^(1\d{3}|20\d{2})s?$/;
const ORDINAL = /^\d+(st|nd|rd|th)$/;
const CAPITALISED = /^\p{Lu}/u;

/**
 * The kinds of answer a word as written can be (bits of {@link ANSWER_KIND}). `opensSentence`:
 * a capital says nothing about the first word of a sentence.
 *
 * @example wordKinds('1943', false) // ANSWER_KIND.number | ANSWER_KIND.date
 */
export function wordKinds(word: string, opensSentence: boolean): number {
  const lower = word.toLowerCase();
  let kinds = 0;
  if (DIGIT.test(word) || NUMBER_WORDS.has(lower)) kinds |= ANSWER_KIND.number;
  if (YEAR.test(word) || MONTHS.has(lower) || ORDINAL.test(lower) || lower === 'century') kinds |= ANSWER_KIND.date;
  if (!opensSentence && CAPITALISED.test(word) && !MONTHS.has(lower)) kinds |= ANSWER_KIND.name;
  return kinds;
}

const ASKS_DATE = /\b(what|which) (year|date|century|decade|month|day)\b|\bwhen\b/;
const ASKS_NUMBER = /\bhow (many|much|long|old|far|large|big|tall|high|often)\b|\bwhat (percentage|percent|number|amount|proportion|fraction)\b/;
const ASKS_NAME = /\b(who|whom|whose|where)\b/;

/**
 * The kind of answer a question's form asks for (bits of {@link ANSWER_KIND}); 0 when its form
 * does not say ("what", "why", yes/no questions).
 *
 * @example expectedKind('In what year did Tesla die?') // ANSWER_KIND.date
 */
export function expectedKind(question: string): number {
  const q = question.toLowerCase();
  if (ASKS_DATE.test(q)) return ANSWER_KIND.date;
  if (ASKS_NUMBER.test(q)) return ANSWER_KIND.number;
  if (ASKS_NAME.test(q)) return ANSWER_KIND.name;
  return 0;
}
