/**
 * Tiny knowledge folders for retrieval, answer and CLI tests, written under the OS temp folder
 * (never into the repository), plus the paths of the shipped and shared corpora.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildSearchIndex, type SearchIndex } from '../../src/retrieval/search-index.js';

/** The repository checkout. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
/** The shipped knowledge folder (the seed article). */
export const SHIPPED_KNOWLEDGE = join(REPO_ROOT, 'knowledge');
/**
 * The shared evaluation material, beside the checkout (or `FOOTNOTE_SHARED_DIR`); may be absent
 * on other machines: tests over it go through `sharedRequirement` in ./requirements.ts.
 */
export const SHARED = process.env.FOOTNOTE_SHARED_DIR || join(REPO_ROOT, '..', 'shared');
export const DEV_QUESTIONS = join(SHARED, 'eval', 'dev-questions.json');
export const SQUAD_KNOWLEDGE = join(SHARED, 'squad', 'knowledge');
export const SQUAD_DEV = join(SHARED, 'squad', 'dev-1000.jsonl');
export const SCIFACT_KNOWLEDGE = join(SHARED, 'scifact', 'knowledge');

const created: string[] = [];

/**
 * Writes `files` (relative path → content) into `<tmp>/knowledge` and returns that folder.
 * Its parent is a scratch folder of its own (a good working directory for a CLI).
 *
 * @example const root = await writeKnowledge({ 'a.md': '# A\n\nText.\n' });
 */
export async function writeKnowledge(files: Record<string, string | Uint8Array>): Promise<string> {
  const base = await mkdtemp(join(tmpdir(), 'footnote-test-'));
  created.push(base);
  const root = join(base, 'knowledge');
  await mkdir(root);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/** A fresh empty scratch folder (removed by {@link removeScratch}). */
export async function scratchDir(): Promise<string> {
  const base = await mkdtemp(join(tmpdir(), 'footnote-test-'));
  created.push(base);
  return base;
}

/** Removes every folder made by {@link writeKnowledge} and {@link scratchDir}. */
export async function removeScratch(): Promise<void> {
  await Promise.all(created.splice(0).map((base) => rm(base, { recursive: true, force: true })));
}

/** Writes a knowledge folder and builds its search index in memory. */
export async function indexKnowledge(files: Record<string, string | Uint8Array>): Promise<SearchIndex> {
  return buildSearchIndex(await loadKnowledge(await writeKnowledge(files)));
}
