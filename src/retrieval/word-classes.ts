import { createRequire } from 'node:module';

// wink-lexicon is CommonJS without types: one plain object, word → its part-of-speech tags,
// most likely first (Penn Treebank tags: NN noun, VB verb, JJ adjective, …).
const lexicon = createRequire(import.meta.url)('wink-lexicon/src/lexicon.js') as Readonly<Record<string, readonly string[] | undefined>>;

/**
 * Whether a word is most likely a noun (or a name): the words that say what a question is
 * about. A verb or an adjective ("try", "involved", "pretend") may be phrased any way; a noun the
 * knowledge never uses ("capital", "bot") usually means another topic. Words the lexicon does not
 * know (names, jargon) count as nouns. Reads the maintained `wink-lexicon` (pinned exactly).
 *
 * @example isLikelyNoun('capital') // true
 * @example isLikelyNoun('involved') // false
 */
export function isLikelyNoun(word: string): boolean {
  const lower = word.toLowerCase();
  const tags = Object.hasOwn(lexicon, lower) ? lexicon[lower] : undefined;
  return tags === undefined || tags.length === 0 || tags[0]!.startsWith('NN');
}
