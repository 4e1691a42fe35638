/**
 * Checks a knowledge folder the way the bot loads it: `npm run validate-knowledge [-- DIR]` (default `knowledge`).
 * Prints a summary and exits 0, or prints every problem as `path:line: message` on stderr and exits 1.
 * `sources.yaml` (the sources `npm run sync` keeps in sync) is checked too.
 */
import { KnowledgeError, type KnowledgeProblem } from '../src/knowledge/errors.js';
import { displayPath } from '../src/knowledge/find-files.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { readSources, SOURCES_FILE } from '../src/ingest/sources-file.js';

const DEFAULT_FOLDER = 'knowledge';

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

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
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(new KnowledgeError([...error.problems, ...sourceProblems]).message);
  process.exitCode = 1;
}
