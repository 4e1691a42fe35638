/**
 * Why Footnote did not answer, in words a member understands. The abstention's own reasons are
 * written for people tuning retrieval ("the closest passages share only the most common words
 * …"); only the ones that tell a member something useful are said, reworded.
 */

/** The one-line headline of every abstention. */
export const ABSTAIN_HEADLINE = "The sources don't say.";

/** Said when no reason helps the member. */
const GENERIC = "Nothing in them answers this question, so I won't guess.";

/**
 * The abstention's explanation in plain words.
 *
 * @example plainReason('The knowledge never mentions “Hamlet”.') // 'They never mention “Hamlet”.'
 * @example plainReason('The knowledge never uses the word “capital”, and the closest passages cover too little of the question.') // 'They never use the word “capital”; try asking with their words.'
 * @example plainReason('The knowledge never uses the words “bake” and “bread”.') // 'They never use the words “bake” and “bread”; try asking with their words.'
 * @example plainReason('The closest passages do not show enough of the question together.') // "Nothing in them answers this question, so I won't guess."
 */
export function plainReason(reason: string | undefined): string {
  const unknown = /^The knowledge never mentions (“.+”)\.$/.exec(reason ?? '');
  if (unknown) return `They never mention ${unknown[1]}.`;
  // A word they never use may be a paraphrase: telling the member which one lets them rephrase.
  const foreign = /^The knowledge never uses the word (“.+”), and /.exec(reason ?? '');
  if (foreign) return `They never use the word ${foreign[1]}; try asking with their words.`;
  const allUnknown = /^The knowledge never uses (the words? “.+”)\.$/.exec(reason ?? '');
  if (allUnknown) return `They never use ${allUnknown[1]}; try asking with their words.`;
  if (reason === 'The question has no words to search for.') return 'Your question has no words to search for; try a few more.';
  return GENERIC;
}

/**
 * Which spellings of the knowledge were read for names the question misspelled, as one line;
 * `undefined` when none was (see `Answer.readAs`).
 *
 * @example spellingNote([{ typed: 'Ghandi', read: 'Gandhi' }]) // 'Read “Ghandi” as “Gandhi”.'
 */
export function spellingNote(readAs: readonly { readonly typed: string; readonly read: string }[] | undefined): string | undefined {
  if (readAs === undefined || readAs.length === 0) return undefined;
  return `Read ${readAs.map((r) => `“${r.typed}” as “${r.read}”`).join(', ')}.`;
}
