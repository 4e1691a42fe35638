/**
 * Short follow-ups in a thread ("and China?") are searched together with the thread's title and
 * first question, which say what the conversation is about.
 */

/** A question with at most this many words is read as a follow-up and given the thread's context. */
export const FOLLOW_UP_MAX_WORDS = 5;
/** Longest context added in front of a follow-up, in characters. */
export const CONTEXT_MAX = 300;

/** What a thread is about. */
export interface ThreadContext {
  readonly title?: string | undefined;
  readonly firstQuestion?: string | undefined;
}

const words = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * Whether a question is short enough to be read as a follow-up (so the thread's context is worth fetching).
 *
 * @example isFollowUp('and China?') // true
 */
export function isFollowUp(question: string): boolean {
  return words(question) <= FOLLOW_UP_MAX_WORDS;
}

/**
 * The text to search for a question asked in a thread: the question itself when it stands on
 * its own, else the thread's title and first question followed by it.
 *
 * @example withThreadContext('and China?', { title: 'Did Russia interfere?' }) // 'Did Russia interfere? — and China?'
 * @example withThreadContext('Which countries used AI to interfere?', { title: 'x' }) // unchanged
 */
export function withThreadContext(question: string, context: ThreadContext): string {
  if (!isFollowUp(question)) return question;
  const parts = [context.title, context.firstQuestion]
    .map((part) => part?.replace(/\s+/g, ' ').trim() ?? '')
    .filter((part, i, all) => part !== '' && all.indexOf(part) === i && !question.includes(part));
  if (parts.length === 0) return question;
  const prefix = parts.join(' ').slice(0, CONTEXT_MAX).trim();
  return `${prefix} — ${question}`;
}
