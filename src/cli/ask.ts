import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { answerQuestion, DEFAULT_EXCERPTS, type Answer } from '../answer/answer.js';
import { knowledgeDirFor, processEnv, showProgress } from '../config.js';
import { openIndex } from '../retrieval/open-index.js';
import type { SearchIndex } from '../retrieval/search-index.js';
import { progressBar } from './progress-bar.js';
import { formatAnswerForTerminal } from './terminal-answer.js';
import { runCli, UsageError } from './run.js';

const USAGE = `usage: npm run ask -- [--json] [--limit N] [--knowledge DIR] ["question"]
  Without a question and with --json, reads one question per line from stdin.`;

/**
 * The JSON line of the CLI contract for one answer. `citation.file` is the knowledge file
 * (`<folder name>/<path inside it>`); `citation.source` holds the same value as a deprecated
 * alias, kept because external scorers (BEIR SciFact document-id matching) read it.
 *
 * @example JSON.parse(answerToJson(answer)).excerpts[0].citation.file // 'knowledge/article.txt'
 */
export function answerToJson(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    answered: answer.answered,
    confidence: answer.confidence,
    ...(answer.readAs === undefined ? {} : { readAs: answer.readAs }),
    excerpts: answer.excerpts.map(({ text, score, citation }) => ({ text, score, citation: { ...citation, file: citation.source } })),
  });
}

async function answerStdin(index: SearchIndex, limit: number): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const out: string[] = [];
  for await (const line of lines) {
    const question = line.trim();
    if (question === '') continue;
    out.push(answerToJson(answerQuestion(index, question, { limit })));
    if (out.length >= 256) process.stdout.write(`${out.splice(0).join('\n')}\n`);
  }
  if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
}

await runCli(async (argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      limit: { type: 'string' },
      knowledge: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const limit = values.limit === undefined ? DEFAULT_EXCERPTS : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new UsageError(`--limit must be a whole number from 1 to 50\n${USAGE}`);
  const question = positionals.join(' ').trim();
  if (question === '' && !values.json) throw new UsageError(`Ask a question.\n${USAGE}`);

  const env = processEnv();
  const bar = showProgress(process.stderr.isTTY && !values.json, env) ? progressBar(process.stderr) : undefined;
  const index = await openIndex(knowledgeDirFor(values.knowledge, env), bar ? { onProgress: bar.update } : {});
  bar?.done();
  if (question === '') return answerStdin(index, limit);
  const answer = answerQuestion(index, question, { limit });
  process.stdout.write(values.json ? `${answerToJson(answer)}\n` : formatAnswerForTerminal(answer, process.stdout.isTTY === true));
});
