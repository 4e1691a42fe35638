import { prepareWordVectors } from '../src/retrieval/word-vectors.js';

/**
 * Before any test file: the word vectors the ranking uses are prepared once (`npm install` does
 * it already; this covers an install with scripts turned off), so no test pays the conversion.
 */
export default async function setup(): Promise<void> {
  await prepareWordVectors();
}
