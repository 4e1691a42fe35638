import type { Answer } from '../answer/answer.js';
import { formatExcerpt } from '../answer/excerpt.js';
import { ABSTAIN_HEADLINE, plainReason, spellingNote } from '../answer/plain-reason.js';

const BOLD = (t: string): string => `\u001b[1m${t}\u001b[22m`;
const DIM = (t: string): string => `\u001b[2m${t}\u001b[22m`;
const plain = (t: string): string => t;

/** Characters of a closest passage shown on its line when the knowledge does not answer. */
const CLOSEST_TEXT_MAX = 100;

/**
 * Renders an answer for a person at a terminal: each excerpt with its citation and link, and
 * the confidence. Matched words are ANSI bold when `color` is on, and plain text otherwise
 * (never Discord's `**`). An abstention says so plainly and lists the closest passages one
 * short line each.
 *
 * @example formatAnswerForTerminal(answer, false) // 'Answer (confidence: high)\n\n1. Russia was …'
 */
export function formatAnswerForTerminal(answer: Answer, color: boolean): string {
  const bold = color ? BOLD : plain;
  const dim = color ? DIM : plain;
  const lines: string[] = [];
  if (!answer.answered) {
    lines.push(`${bold(ABSTAIN_HEADLINE)} ${plainReason(answer.reason)}`);
    if (answer.excerpts.length > 0) lines.push('', dim('Closest passages (they do not answer it):'));
    for (const excerpt of answer.excerpts) {
      const { title, section, paragraph } = excerpt.citation;
      const text = formatExcerpt(excerpt.excerpt, plain).replace(/\s+/g, ' ');
      const short = text.length > CLOSEST_TEXT_MAX ? `${text.slice(0, CLOSEST_TEXT_MAX - 1).trimEnd()}…` : text;
      lines.push(`- ${[title, section].filter(Boolean).join(' › ')} ¶${paragraph}: ${dim(`“${short}”`)}`);
    }
    return `${lines.join('\n')}\n`;
  }
  lines.push(`${bold('Answer')} ${dim(`(confidence: ${answer.confidence})`)}`);
  const note = spellingNote(answer.readAs);
  if (note !== undefined) lines.push(dim(note));
  answer.excerpts.forEach((excerpt, i) => {
    const text = formatExcerpt(excerpt.excerpt, bold).replace(/\s+/g, ' ');
    const { title, section, paragraph, url, source } = excerpt.citation;
    const where = [title, section].filter(Boolean).join(' › ');
    // The person at the terminal runs the bot: the file path is theirs to see when there is no link.
    lines.push('', `${i + 1}. ${text}`, `   — ${where} ¶${paragraph}`, `     ${dim(url ?? source)}`);
  });
  return `${lines.join('\n')}\n`;
}
