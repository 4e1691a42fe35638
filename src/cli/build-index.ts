import { parseArgs } from 'node:util';
import { knowledgeDirFor, processEnv } from '../config.js';
import { openIndex } from '../retrieval/open-index.js';
import { runCli } from './run.js';

// Builds (or confirms) the persisted index of a knowledge folder, so the first question
// after a deploy does not pay for indexing. `ask`, `eval` and the bot reuse it.
await runCli(async (argv) => {
  const { values } = parseArgs({ args: argv, options: { knowledge: { type: 'string' } } });
  const dir = knowledgeDirFor(values.knowledge, processEnv());
  const started = performance.now();
  const index = await openIndex(dir);
  const { documents, passages } = index.knowledge;
  const verb = index.origin === 'loaded' ? 'up to date' : 'built';
  process.stderr.write(
    `${dir}: index ${verb} — ${documents.length} documents, ${passages.length} passages, ${index.documentFrequency.size} terms (${(performance.now() - started).toFixed(0)} ms)\n`,
  );
});
