import { parseArgs } from 'node:util';
import { knowledgeDirFor, processEnv, showProgress } from '../config.js';
import { progressBar } from './progress-bar.js';
import { openIndex } from '../retrieval/open-index.js';
import { runCli } from './run.js';

// Builds (or confirms) the persisted index of a knowledge folder, so the first question
// after a deploy does not pay for indexing. `ask`, `eval` and the bot reuse it.
await runCli(async (argv) => {
  const { values } = parseArgs({ args: argv, options: { knowledge: { type: 'string' } } });
  const env = processEnv();
  const dir = knowledgeDirFor(values.knowledge, env);
  const started = performance.now();
  const bar = showProgress(process.stderr.isTTY, env) ? progressBar(process.stderr) : undefined;
  const index = await openIndex(dir, bar ? { onProgress: bar.update } : {});
  bar?.done();
  const { documents, passages } = index.knowledge;
  const verb = index.origin === 'loaded' ? 'up to date' : 'built';
  process.stderr.write(
    `${dir}: index ${verb} — ${documents.length} documents, ${passages.length} passages, ${index.documentFrequency.size} terms (${(performance.now() - started).toFixed(0)} ms)\n`,
  );
});
