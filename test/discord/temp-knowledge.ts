/**
 * Tiny knowledge folders in the OS temp folder, for tests that load or change knowledge.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const created: string[] = [];

/** Writes `files` (relative path → content) into `<tmp>/knowledge` and returns that folder. */
export async function writeKnowledge(files: Record<string, string>): Promise<string> {
  const base = await mkdtemp(join(tmpdir(), 'footnote-discord-'));
  created.push(base);
  const root = join(base, 'knowledge');
  await mkdir(root);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/** Removes every folder written by {@link writeKnowledge}. */
export async function removeKnowledge(): Promise<void> {
  await Promise.all(created.splice(0).map((base) => rm(base, { recursive: true, force: true })));
}

/** Bees: two sections, four passages. */
export const BEES = '---\ntitle: Bees\nsource: https://example.org/bees\nlicense: CC0\n---\n# Bees\n\nHoneybees dance to show where flowers are.\n\n## Hives\n\nA hive holds one queen.\n\nWorkers build the comb from wax.\n\n## Swarms\n\nA swarm leaves with the old queen.\n';
