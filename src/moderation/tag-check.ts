/**
 * The tag check of `validate-knowledge`: every saved tag read against the knowledge on disk. A tag
 * whose paragraph is gone with nothing in its place is an error; one whose place now holds other
 * text is listed with that text (an edit or a deletion: only `/reload`, which knows the previous
 * version, can tell, and it re-saves edited tags).
 */
import type { KnowledgeBase } from '../knowledge/types.js';
import type { Tag } from '../store/store.js';
import { addressBook } from './address.js';

/** One line of the check. */
export interface TagProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

const where = (tag: Tag): string => `${tag.address.documentPath} › ${tag.address.section || '(top)'} ¶${tag.address.paragraph}`;
const SNIPPET = 160;

/**
 * Problems of the tags against a knowledge base (empty when every tag reads as saved).
 *
 * @example checkTags(tags, knowledge) // [{ severity: 'error', message: 'tag "rules" (server 1): …' }]
 */
export function checkTags(tags: readonly Tag[], knowledge: KnowledgeBase): TagProblem[] {
  const book = addressBook(knowledge);
  const problems: TagProblem[] = [];
  for (const tag of tags) {
    const resolved = book.resolve(tag.address);
    if (resolved.status === 'same') continue;
    const name = `tag "${tag.name}" (server ${tag.guildId})`;
    if (resolved.status === 'vanished' && resolved.inItsPlace !== undefined) {
      const text = resolved.inItsPlace.text.replace(/\s+/g, ' ');
      problems.push({
        severity: 'warning',
        message: `${name}: the paragraph at ${where(tag)} changed since the tag was saved; it now reads: "${text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text}" (run /reload to review it)`,
      });
    } else {
      problems.push({ severity: 'error', message: `${name}: its paragraph ${where(tag)} was removed from the sources` });
    }
  }
  return problems;
}
