import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** Development questions over a knowledge folder: gold phrases, or none when out of scope. */
export interface QaQuestion { readonly q: string; readonly gold: readonly string[]; readonly kind: string }
/** A SQuAD question: its gold paragraph (0-based, within the article) and answers. */
export interface SquadQuestion { readonly id?: string | undefined; readonly question: string; readonly title: string; readonly paragraph: number; readonly answers: readonly string[] }
/** A BEIR SciFact claim with the ids of its relevant documents. */
export interface ClaimQuery { readonly question: string; readonly relevant: readonly string[] }

/** A question file, recognised by its shape. */
export type QuestionSet =
  | { readonly format: 'qa'; readonly questions: readonly QaQuestion[] }
  | { readonly format: 'squad'; readonly questions: readonly SquadQuestion[] }
  | { readonly format: 'claims'; readonly questions: readonly ClaimQuery[] };

const qaFile = z.object({
  questions: z.array(z.object({ q: z.string(), gold: z.array(z.string()), kind: z.string() })),
});
const squadRow = z.object({ id: z.string().optional(), question: z.string(), title: z.string(), paragraph: z.number().int().min(0), answers: z.array(z.string()) });
const claimRow = z.object({ question: z.string(), relevant: z.array(z.string()).min(1) });

function parseJsonLines(path: string, text: string): unknown[] {
  return text.split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as unknown];
    } catch {
      throw new Error(`${path}:${i + 1}: not a JSON line`);
    }
  });
}

/**
 * Reads a question file: the dev-questions JSON (`{questions: [{q, gold, kind}]}`), SQuAD
 * JSONL (`{question, title, paragraph, answers}`) or claims JSONL (`{question, relevant}`).
 *
 * @example (await readQuestionSet('../shared/squad/dev-1000.jsonl')).format // 'squad'
 */
export async function readQuestionSet(path: string): Promise<QuestionSet> {
  const text = await readFile(path, 'utf8');
  if (text.trimStart().startsWith('{') && !text.trim().includes('\n')) {
    return { format: 'qa', questions: qaFile.parse(JSON.parse(text)).questions };
  }
  if (/^\s*\{\s*"(about|questions)"/.test(text)) return { format: 'qa', questions: qaFile.parse(JSON.parse(text)).questions };
  const rows = parseJsonLines(path, text);
  const first = rows[0];
  if (squadRow.safeParse(first).success) {
    return { format: 'squad', questions: rows.map((r) => squadRow.parse(r)).map((r) => ({ ...r, question: r.question.trim() })) };
  }
  if (claimRow.safeParse(first).success) return { format: 'claims', questions: rows.map((r) => claimRow.parse(r)) };
  throw new Error(`${path}: not a question file Footnote knows (dev questions JSON, SQuAD JSONL or claims JSONL)`);
}
