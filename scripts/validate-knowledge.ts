/**
 * Checks a knowledge folder the way the bot loads it: `npm run validate-knowledge [-- DIR]` (default `knowledge`).
 * Prints a summary and exits 0, or prints every problem as `path:line: message` on stderr and exits 1.
 * `sources.yaml` (the sources `npm run sync` keeps in sync) is checked too. When a database exists
 * (`DATABASE_URL`, or the default SQLite file), the saved tags are checked as well: a tag whose
 * paragraph is gone is an error, one whose paragraph changed is listed.
 */
import { existsSync } from 'node:fs';
import { processEnv, readStoreConfig } from '../src/config.js';
import { readSources, SOURCES_FILE } from '../src/ingest/sources-file.js';
import { KnowledgeError, type KnowledgeProblem } from '../src/knowledge/errors.js';
import { displayPath } from '../src/knowledge/find-files.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { KnowledgeBase } from '../src/knowledge/types.js';
import { checkTags } from '../src/moderation/tag-check.js';
import { SQLITE_PREFIX } from '../src/store/database-url.js';
import { openStore } from '../src/store/open-store.js';

const DEFAULT_FOLDER = 'knowledge';

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** Checks the saved tags when there is a database; true when none points at nothing. */
async function tagsOk(knowledge: KnowledgeBase): Promise<boolean> {
  const env = processEnv();
  const url = readStoreConfig(env).databaseUrl;
  // Never create a database just to check it: only an existing file, or a server that was named.
  const exists = url.startsWith(SQLITE_PREFIX) ? url !== 'sqlite::memory:' && existsSync(url.slice(SQLITE_PREFIX.length)) : true;
  if (!exists) return true;
  const store = await openStore(url);
  try {
    const tags = await store.allTags();
    const problems = checkTags(tags, knowledge);
    for (const p of problems) console.error(`${p.severity}: ${p.message}`);
    if (tags.length > 0) console.log(`tags: ${plural(tags.length, 'tag')} checked, ${plural(problems.filter((p) => p.severity === 'error').length, 'error')}`);
    return !problems.some((p) => p.severity === 'error');
  } finally {
    await store.close();
  }
}

const folder = process.argv[2] ?? DEFAULT_FOLDER;
const sources = await readSources(folder);
const sourceProblems: KnowledgeProblem[] = sources.problems.map((problem) => ({ path: displayPath(folder, SOURCES_FILE), ...problem }));
try {
  const knowledge = await loadKnowledge(folder);
  if (sourceProblems.length > 0) throw new KnowledgeError([]);
  const sections = knowledge.documents.reduce((sum, document) => sum + document.sections.length, 0);
  const synced = sources.sources.length > 0 ? `, ${plural(sources.sources.length, 'synced source')}` : '';
  console.log(
    `${folder}: ${plural(knowledge.documents.length, 'document')}, ${plural(sections, 'section')}, ` +
      `${plural(knowledge.passages.length, 'passage')}${synced} — OK`,
  );
  if (!(await tagsOk(knowledge))) process.exitCode = 1;
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(new KnowledgeError([...error.problems, ...sourceProblems]).message);
  process.exitCode = 1;
}
