/**
 * Two documents with the same title make citations ambiguous, unless each declares its own `doc_id`
 * (SciFact has three abstracts titled "Summary": their ids and file names tell them apart).
 */
import type { KnowledgeProblem } from './errors.js';

/** What the check needs to know about a document. */
export interface TitledFile {
  /** Display path, as used in messages. */
  readonly path: string;
  readonly title: string;
  readonly titleLine: number;
  readonly docId?: string;
}

/**
 * Reports every document whose title (case- and spacing-insensitive) an earlier document already has,
 * naming that earlier document.
 *
 * @example
 * findDuplicateTitles([{ path: 'a.md', title: 'X', titleLine: 1 }, { path: 'b.md', title: 'x', titleLine: 1 }])
 * // [{ path: 'b.md', line: 1, message: 'duplicate title "x" (also in a.md)' }]
 */
export function findDuplicateTitles(files: readonly TitledFile[]): KnowledgeProblem[] {
  const byTitle = new Map<string, TitledFile[]>();
  const problems: KnowledgeProblem[] = [];
  for (const file of files) {
    const key = file.title.replace(/\s+/g, ' ').trim().toLowerCase();
    const earlier = byTitle.get(key) ?? [];
    byTitle.set(key, earlier);
    const clash = earlier.find((other) => !distinctIds(file, other));
    if (clash !== undefined) {
      problems.push({ path: file.path, line: file.titleLine, message: `duplicate title "${file.title}" (also in ${clash.path})` });
    }
    earlier.push(file);
  }
  return problems;
}

function distinctIds(a: TitledFile, b: TitledFile): boolean {
  return a.docId !== undefined && b.docId !== undefined && a.docId !== b.docId;
}
