import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { knowledgeDirFor, processEnv } from '../config.js';
import { evaluate, formatScores } from '../evaluation/evaluate.js';
import { leaveArticlesOut } from '../evaluation/leave-out.js';
import type { QuestionOutcome } from '../evaluation/outcomes.js';
import { plotPage } from '../evaluation/plot.js';
import { readQuestionSet } from '../evaluation/question-sets.js';
import { loadKnowledge } from '../knowledge/load.js';
import { openIndex } from '../retrieval/open-index.js';
import { preloadLanguageModels } from '../retrieval/language-models.js';
import { runCli, UsageError } from './run.js';

const USAGE = `usage: npm run eval -- QUESTIONS [--knowledge DIR] [--verbose] [--leave-out FOLDS [--seed N]] [--plot [--plot-out FILE]]
  QUESTIONS: dev questions JSON (../shared/eval/dev-questions.json), SQuAD JSONL or claims JSONL.
  For SQuAD and claims files, DIR defaults to the "knowledge" folder beside the file.
  --leave-out FOLDS  SQuAD only: k-fold leave-articles-out (questions about removed articles must abstain).
  --plot             writes an HTML page (precision/coverage of abstention, gold ranks) to --plot-out
                     (default tmp/plots/<QUESTIONS name>.html).`;

await runCli(async (argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      knowledge: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      'leave-out': { type: 'string' },
      seed: { type: 'string', default: '1' },
      plot: { type: 'boolean', default: false },
      'plot-out': { type: 'string' },
    },
  });
  const file = positionals[0];
  if (file === undefined) throw new UsageError(USAGE);
  const set = await readQuestionSet(file);
  const beside = join(dirname(file), 'knowledge');
  const knowledge = values.knowledge ?? (set.format !== 'qa' && existsSync(beside) ? beside : knowledgeDirFor(undefined, processEnv()));
  let title: string;
  let summary: string;
  let outcomes: readonly QuestionOutcome[];
  if (values['leave-out'] !== undefined) {
    const folds = Number(values['leave-out']);
    const seed = Number(values.seed);
    if (!Number.isInteger(folds) || folds < 2) throw new UsageError(`--leave-out needs a number of folds ≥ 2\n${USAGE}`);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed needs an integer\n${USAGE}`);
    if (set.format !== 'squad') throw new UsageError(`--leave-out needs a SQuAD question file\n${USAGE}`);
    const report = leaveArticlesOut(await loadKnowledge(knowledge), set.questions, { folds, seed });
    if (values.verbose) for (const fold of report.folds) console.log(`held out ${fold.heldOut.length} articles: ${formatScores(fold.scores)}`);
    title = `${basename(file)}: leave-articles-out, ${folds} folds, seed ${seed}`;
    summary = `leave-out (${set.questions.length} questions × ${folds} folds, ${knowledge}): ${formatScores(report.mean)}`;
    outcomes = report.outcomes;
  } else {
    const index = await openIndex(knowledge);
    // As the knowledge service starts: the tagger and the word vectors are loaded before
    // questions are timed.
    preloadLanguageModels();
    const result = evaluate(index, set);
    if (values.verbose) for (const miss of result.misses) console.log(miss);
    const perQuestion = result.answerMs / Math.max(1, result.count);
    title = basename(file);
    summary = `${set.format} (${result.count} questions, ${knowledge}): ${formatScores(result.scores)}`;
    outcomes = result.outcomes;
    console.log(`${summary}  [${perQuestion.toFixed(2)} ms/question]`);
  }
  if (values['leave-out'] !== undefined) console.log(summary);
  if (values.plot) {
    const out = values['plot-out'] ?? join('tmp', 'plots', `${basename(file, extname(file))}${values['leave-out'] === undefined ? '' : '-leave-out'}.html`);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, plotPage(title, outcomes, summary));
    console.log(`plot: ${out}`);
  }
});
