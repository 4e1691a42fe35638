/**
 * Checks a knowledge folder the way the bot loads it: `npm run validate-knowledge [-- DIR]` (default `knowledge`).
 * Prints a summary and exits 0, or prints every problem as `path:line: message` on stderr and exits 1.
 * When a database exists (`DATABASE_URL`, or the default SQLite file), the saved tags are checked
 * too: a tag whose paragraph is gone is an error, one whose paragraph changed is listed.
 */
import { existsSync } from 'node:fs';
import { processEnv, readStoreConfig } from '../src/config.js';
import { KnowledgeError } from '../src/knowledge/errors.js';
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
try {
  const knowledge = await loadKnowledge(folder);
  const sections = knowledge.documents.reduce((sum, document) => sum + document.sections.length, 0);
  console.log(
    `${folder}: ${plural(knowledge.documents.length, 'document')}, ${plural(sections, 'section')}, ` +
      `${plural(knowledge.passages.length, 'passage')} — OK`,
  );
  if (!(await tagsOk(knowledge))) process.exitCode = 1;
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
