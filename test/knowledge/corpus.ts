/**
 * Tiny on-disk knowledge folders for tests, written under the OS temp folder (never into the repo).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { KnowledgeError } from '../../src/knowledge/errors.js';

const created: string[] = [];

/**
 * Writes `files` (relative path → content) into `<tmp>/knowledge` and returns that folder.
 * Messages about it read `knowledge/<file>:<line>: …` once passed through {@link problemLines}.
 */
export async function writeCorpus(files: Record<string, string | Uint8Array>): Promise<string> {
  const base = await mkdtemp(join(tmpdir(), 'footnote-knowledge-'));
  created.push(base);
  const root = join(base, 'knowledge');
  await mkdir(root);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/** Removes every folder written by {@link writeCorpus}. */
export async function removeCorpora(): Promise<void> {
  await Promise.all(created.splice(0).map((base) => rm(base, { recursive: true, force: true })));
}

/** Runs a load that must fail and returns its problem lines, with the temp prefix removed. */
export async function problemLines(load: Promise<unknown>, root: string): Promise<string[]> {
  const error: unknown = await load.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof KnowledgeError)) throw new Error(`expected a KnowledgeError, got ${String(error)}`);
  return error.message.split('\n').map((line) => line.replaceAll(`${dirname(root)}/`, ''));
}
