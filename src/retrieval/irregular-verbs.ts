import { createRequire } from 'node:module';

/**
 * WordNet's irregular verb forms (2,223 of them: "found" → find, "won" → win, "paid" → pay),
 * from the maintained `wink-lexicon` package. Porter's stemmer cannot join these to their verb.
 * The package is pinned exactly: the persisted index's key hashes this code, not the list.
 */
// wink-lexicon is CommonJS without types: one plain object, form → base.
const exceptions = createRequire(import.meta.url)('wink-lexicon/src/wn-verb-exceptions.js') as Readonly<Record<string, string>>;

/**
 * The base form of an irregular verb form, or `undefined` for any other word.
 *
 * @example irregularVerbBase('paid') // 'pay'
 */
export function irregularVerbBase(word: string): string | undefined {
  return Object.hasOwn(exceptions, word) ? exceptions[word] : undefined;
}
