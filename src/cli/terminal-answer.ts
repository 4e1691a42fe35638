import type { Answer } from '../answer/answer.js';

const BOLD = (t: string): string => `\u001b[1m${t}\u001b[22m`;
const DIM = (t: string): string => `\u001b[2m${t}\u001b[22m`;

/**
 * Renders an answer for a person at a terminal: each excerpt with its citation and link, and
 * the confidence; ANSI bold for highlights when `color` is on, plain `**` otherwise.
 */
export function formatAnswerForTerminal(answer: Answer, color: boolean): string {
  const bold = color ? BOLD : (t: string): string => t;
  const dim = color ? DIM : (t: string): string => t;
  const lines: string[] = [];
  if (answer.answered) {
    lines.push(`${bold('Answer')} ${dim(`(confidence: ${answer.confidence})`)}`);
  } else {
    lines.push(`${bold('No answer in the knowledge.')} ${answer.reason ?? ''}`.trimEnd());
    if (answer.excerpts.length > 0) lines.push(dim('Closest I found:'));
  }
  answer.excerpts.forEach((excerpt, i) => {
    const text = color ? excerpt.text.replace(/\*\*(.+?)\*\*/g, (_, t: string) => BOLD(t)) : excerpt.text;
    const { title, section, paragraph, url, source } = excerpt.citation;
    const where = [title, section].filter(Boolean).join(' › ');
    lines.push('', `${i + 1}. ${text.replace(/\s+/g, ' ')}`, `   — ${where} ¶${paragraph}`, `     ${dim(url ?? source)}`);
  });
  return `${lines.join('\n')}\n`;
}
