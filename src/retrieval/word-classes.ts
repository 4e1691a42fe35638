import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// wink-lexicon is CommonJS without types: one plain object, word → its part-of-speech tags,
// most likely first (Penn Treebank tags: NN noun, VB verb, JJ adjective, …).
const lexicon = require('wink-lexicon/src/lexicon.js') as Readonly<Record<string, readonly string[] | undefined>>;

/**
 * Whether a word is most likely a noun (or a name) out of context: the words that say what a
 * question is about. A verb or an adjective ("try", "involved", "pretend") may be phrased any
 * way; a noun the knowledge never uses ("capital", "bot") usually means another topic. Words
 * the lexicon does not know (names, jargon) count as nouns. Reads the maintained `wink-lexicon`
 * (pinned exactly). {@link questionWordClasses} reads a question in context instead.
 *
 * @example isLikelyNoun('capital') // true
 * @example isLikelyNoun('involved') // false
 */
export function isLikelyNoun(word: string): boolean {
  const lower = word.toLowerCase();
  const tags = Object.hasOwn(lexicon, lower) ? lexicon[lower] : undefined;
  return tags === undefined || tags.length === 0 || tags[0]!.startsWith('NN');
}

/** The few members of wink-nlp that are used here (its own types need its model's types too). */
interface Tagger {
  readDoc(text: string): { tokens(): { out(what: unknown): string[] } };
  its: { value: unknown; pos: unknown };
}

let tagger: Tagger | undefined;

/**
 * wink-nlp with its English model (both pinned exactly), loaded once, at the first question that
 * needs it or by {@link preloadWordClasses}: about 0.5 s, some 15 MB of heap kept; tagging a
 * question then takes some 0.03 ms.
 */
function loadTagger(): Tagger {
  if (tagger === undefined) {
    const winkNLP = require('wink-nlp') as (model: unknown) => Tagger;
    tagger = winkNLP(require('wink-eng-lite-web-model'));
  }
  return tagger;
}

/**
 * Loads the tagger now rather than at the first question that needs it (a service calls this
 * at start, so no member waits the 0.5 s).
 */
export function preloadWordClasses(): void {
  loadTagger();
}

/** Universal part-of-speech tags that name a thing: nouns and proper nouns. */
const NOUN_TAGS: ReadonlySet<string> = new Set(['NOUN', 'PROPN']);

/**
 * Whether each word of a question is a noun in its context, by lower-case word: "sway" in
 * "Did Beijing try to sway the vote?" is a verb although no lexicon entry says so, "vote" a
 * noun. Tagged by wink-nlp's maintained English model. A word the tagger splits otherwise
 * than the search does is left out (callers fall back to {@link isLikelyNoun}).
 *
 * @example questionWordClasses('Did Beijing try to sway the vote?').get('sway') // false
 */
export function questionWordClasses(question: string): ReadonlyMap<string, boolean> {
  const nlp = loadTagger();
  const tokens = nlp.readDoc(question).tokens();
  const words = tokens.out(nlp.its.value);
  const tags = tokens.out(nlp.its.pos);
  const classes = new Map<string, boolean>();
  words.forEach((word, i) => {
    const lower = word.toLowerCase();
    // The first reading of a repeated word stands.
    if (!classes.has(lower)) classes.set(lower, NOUN_TAGS.has(tags[i] ?? ''));
  });
  return classes;
}
