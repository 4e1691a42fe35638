import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { knowledgeDirFor, processEnv } from '../config.js';
import { evaluate, formatScores } from '../evaluation/evaluate.js';
import { readQuestionSet } from '../evaluation/question-sets.js';
import { openIndex } from '../retrieval/open-index.js';
import { runCli, UsageError } from './run.js';

const USAGE = `usage: npm run eval -- QUESTIONS [--knowledge DIR] [--verbose]
  QUESTIONS: dev questions JSON (../shared/eval/dev-questions.json), SQuAD JSONL or claims JSONL.
  For SQuAD and claims files, DIR defaults to the "knowledge" folder beside the file.`;

await runCli(async (argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { knowledge: { type: 'string' }, verbose: { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (file === undefined) throw new UsageError(USAGE);
  const set = await readQuestionSet(file);
  const beside = join(dirname(file), 'knowledge');
  const knowledge = values.knowledge ?? (set.format !== 'qa' && existsSync(beside) ? beside : knowledgeDirFor(undefined, processEnv()));
  const index = await openIndex(knowledge);
  const result = evaluate(index, set);
  if (values.verbose) for (const miss of result.misses) console.log(miss);
  const perQuestion = result.answerMs / Math.max(1, result.count);
  console.log(`${set.format} (${result.count} questions, ${knowledge}): ${formatScores(result.scores)}  [${perQuestion.toFixed(2)} ms/question]`);
});
