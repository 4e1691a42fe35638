/**
 * Checks a knowledge folder the way the bot loads it: `npm run validate-knowledge [-- DIR]` (default `knowledge`).
 * Prints a summary and exits 0, or prints every problem as `path:line: message` on stderr and exits 1.
 */
import { KnowledgeError } from '../src/knowledge/errors.js';
import { loadKnowledge } from '../src/knowledge/load.js';

const DEFAULT_FOLDER = 'knowledge';

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

const folder = process.argv[2] ?? DEFAULT_FOLDER;
try {
  const knowledge = await loadKnowledge(folder);
  const sections = knowledge.documents.reduce((sum, document) => sum + document.sections.length, 0);
  console.log(
    `${folder}: ${plural(knowledge.documents.length, 'document')}, ${plural(sections, 'section')}, ` +
      `${plural(knowledge.passages.length, 'passage')} — OK`,
  );
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
