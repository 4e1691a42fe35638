/**
 * Definition questions ("What is Tenet Media?", "What was the Black Cloister?") ask what something is.
 * A passage that only mentions the thing ("content promoted by Tenet Media") holds every word of
 * such a question without answering it, so the answer's confidence must not be `high` unless a
 * passage says what the thing is (see {@link definesSubject}).
 */

// The subject: a short phrase without prepositions or verbs that would make it a longer question.
// "Who is …?" is left alone: people are introduced in too many ways ("Matthew G. Olsen head of
// the Justice Department's National Security Division").
const DEFINITION_QUESTION = /^\s*what\s+(?:is|are|was|were)\s+(?:(?:a|an|the)\s+)?([^?]+?)\s*\?*\s*$/i;
const MAX_SUBJECT_WORDS = 4;
// Words that turn "What is X …" into another kind of question ("the capital of France", "Musk's
// role", "the party that won", "Iran doing").
const NOT_A_SUBJECT = /\b(?:of|for|in|on|at|by|to|from|with|about|than|that|which|who|whom|whose|when|where|why|how|called|named|doing|done|like|between|among|during|after|before)\b|'s\b|’s\b/i;
// After the subject: "is a", "was the", "are one", ", a", "(", "refers to", "means".
const DEFINES_AFTER = /^\s*(?:(?:is|are|was|were)\s+(?:a|an|the|one)\b|,\s*(?:a|an|the)\b|\(|(?:refers\s+to|means)\b)/i;
// Before it: "… is the", "… was named", "…, the", "… as a" (the answer names it: "Cam Newton, the 2015 NFL MVP").
const DEFINES_BEFORE = /(?:\b(?:is|are|was|were|named|as)|,)\s+(?:(?:a|an|the)\s+)?$/i;
// A name: every word capitalised or a number ("Tenet Media", "the IEEE", "Philip I", "2015 NFL MVP").
const NAME_WORD = /^[\p{Lu}\p{N}]/u;

/**
 * The named subject a definition question asks about, or undefined for any other question
 * (questions about a common noun, "What is tertiary education?", are left alone: their answers
 * are phrased too many ways).
 *
 * @example definitionSubject('What is Tenet Media?') // 'Tenet Media'
 * @example definitionSubject('What is the capital of France?') // undefined
 * @example definitionSubject('Who is Matthew Olsen?') // undefined
 */
export function definitionSubject(question: string): string | undefined {
  const subject = DEFINITION_QUESTION.exec(question)?.[1];
  if (subject === undefined || NOT_A_SUBJECT.test(subject)) return undefined;
  const words = subject.split(/\s+/);
  return words.length <= MAX_SUBJECT_WORDS && words.every((w) => NAME_WORD.test(w)) ? subject : undefined;
}

/**
 * Whether a text says what `subject` is: an occurrence of it (any case) followed by "is a …",
 * ", a …", "(…", "refers to" or "means", or preceded by "… is the", "…, the" or "… named".
 *
 * @example definesSubject('Tenet Media, a Tennessee company, paid influencers.', 'Tenet Media') // true
 * @example definesSubject('content promoted by Tenet Media', 'Tenet Media') // false
 */
export function definesSubject(text: string, subject: string): boolean {
  const haystack = text.toLowerCase();
  const needle = subject.toLowerCase();
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (DEFINES_AFTER.test(text.slice(at + needle.length)) || DEFINES_BEFORE.test(text.slice(Math.max(0, at - 40), at))) return true;
  }
  return false;
}
