import { preloadWordClasses } from './word-classes.js';
import { wordVectors } from './word-vectors.js';

/**
 * Loads what reading a question needs besides the index, now rather than at the first
 * question: the word-class tagger (about 0.5 s) and the prepared word vectors (about 0.15 s).
 * The knowledge service does it while its worker opens the index; evaluations and benchmarks
 * call this before they start timing questions, so that their memory counts and their time
 * does not.
 */
export function preloadLanguageModels(): void {
  preloadWordClasses();
  wordVectors();
}
