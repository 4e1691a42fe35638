/**
 * Which question each answer message was for, so "Next results" pages the exact question. Kept
 * in memory (the most recent ones); after a restart the question is read back from the embed.
 */

/** Answers remembered before the oldest are forgotten. */
const ANSWER_MEMORY_SIZE = 2000;

/** A least-recently-used map from message id to question. */
export class AnswerMemory {
  private readonly questions = new Map<string, string>();
  /** Hidden answers already posted publicly (oldest first), so two quick clicks post once. */
  private readonly posted = new Set<string>();

  constructor(private readonly capacity: number = ANSWER_MEMORY_SIZE) {}

  /** Remembers the question of a message. */
  remember(messageId: string | undefined, question: string): void {
    if (messageId === undefined) return;
    this.questions.delete(messageId);
    this.questions.set(messageId, question);
    if (this.questions.size > this.capacity) this.questions.delete(this.questions.keys().next().value!);
  }

  /** The question of a message, if still remembered. */
  recall(messageId: string): string | undefined {
    const question = this.questions.get(messageId);
    if (question !== undefined) this.remember(messageId, question);
    return question;
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
}
