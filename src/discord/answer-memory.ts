/**
 * Which question each answer message was for, so "Next results" pages the exact question. Kept
 * in memory (the most recent ones); after a restart the question is read back from the embed.
 */

/** Answers remembered before the oldest are forgotten. */
const ANSWER_MEMORY_SIZE = 2000;

/** A least-recently-used map from message id to question. */
export class AnswerMemory {
  private readonly questions = new Map<string, string>();

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
}
