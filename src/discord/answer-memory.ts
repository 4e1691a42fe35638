/**
 * What each answer message holds, so its buttons work on exactly that: the question ("Next
 * results" pages it) and the passages it shows ("Post publicly" records them for the public copy).
 * Kept in memory (the most recent ones); after a restart the question is read back from the embed,
 * and the passages only as far as the message's buttons name them.
 */
import type { PassageAddress } from '../store/store.js';

/** Answers remembered before the oldest are forgotten. */
const ANSWER_MEMORY_SIZE = 2000;

/** One answer message as remembered. */
interface RememberedAnswer {
  readonly question: string;
  /** The passages it shows, as they read when shown; absent when not known. */
  readonly shown?: readonly PassageAddress[];
}

/**
 * A least-recently-used map from message id to question and shown passages. At most `capacity`
 * messages, each with the passages of one page (three), so it stays small.
 */
export class AnswerMemory {
  private readonly answers = new Map<string, RememberedAnswer>();
  /** Hidden answers already posted publicly (oldest first), so two quick clicks post once. */
  private readonly posted = new Set<string>();

  constructor(private readonly capacity: number = ANSWER_MEMORY_SIZE) {}

  /**
   * Remembers the question of a message and the passages it shows (their addresses, hashes of
   * the text as shown). Without `shown`, which passages it shows is not known any more.
   */
  remember(messageId: string | undefined, question: string, shown?: readonly PassageAddress[]): void {
    if (messageId === undefined) return;
    this.put(messageId, shown === undefined ? { question } : { question, shown });
  }

  /** The question of a message, if still remembered. */
  recall(messageId: string): string | undefined {
    return this.touch(messageId)?.question;
  }

  /** The passages a message shows, as they read when it was shown, if still remembered. */
  shownBy(messageId: string): readonly PassageAddress[] | undefined {
    return this.touch(messageId)?.shown;
  }

  /**
   * Claims the one public posting of a hidden answer: true the first time for a message, false
   * after (a second click that raced the first one's button update).
   */
  claimPost(messageId: string): boolean {
    if (this.posted.has(messageId)) return false;
    this.posted.add(messageId);
    if (this.posted.size > this.capacity) this.posted.delete(this.posted.values().next().value!);
    return true;
  }

  /** A remembered message, made the most recently used. */
  private touch(messageId: string): RememberedAnswer | undefined {
    const answer = this.answers.get(messageId);
    if (answer !== undefined) this.put(messageId, answer);
    return answer;
  }

  private put(messageId: string, answer: RememberedAnswer): void {
    this.answers.delete(messageId);
    this.answers.set(messageId, answer);
    if (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value!);
  }
}
