/**
 * Tiny on-disk knowledge folders for tests, written under the OS temp folder (never into the repo).
 */
import { dirname } from 'node:path';
import { KnowledgeError } from '../../src/knowledge/errors.js';

/** Writes `files` into `<tmp>/knowledge`; messages about it read `knowledge/<file>:<line>: …` once passed through {@link problemLines}. */
export { writeKnowledge as writeCorpus, removeScratch as removeCorpora } from '../helpers/knowledge.js';

/** Runs a load that must fail and returns its problem lines, with the temp prefix removed. */
export async function problemLines(load: Promise<unknown>, root: string): Promise<string[]> {
  const error: unknown = await load.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof KnowledgeError)) throw new Error(`expected a KnowledgeError, got ${String(error)}`);
  return error.message.split('\n').map((line) => line.replaceAll(`${dirname(root)}/`, ''));
}
