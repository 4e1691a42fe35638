/**
 * Problems found while loading a knowledge folder, reported all at once.
 */

/** A problem at a line of a file whose path the caller knows. Line 0 means "the whole file". */
export interface LineProblem {
  readonly line: number;
  readonly message: string;
}

/** A problem in a knowledge file, as shown to whoever maintains the folder. */
export interface KnowledgeProblem extends LineProblem {
  /** The knowledge folder as the caller gave it, joined with the file's relative path. */
  readonly path: string;
}

/**
 * Formats a problem the way compilers do, so editors can jump to it.
 *
 * @example formatProblem({ path: 'knowledge/a.md', line: 3, message: 'heading with no text' })
 * // 'knowledge/a.md:3: heading with no text'
 */
function formatProblem(problem: KnowledgeProblem): string {
  const where = problem.line > 0 ? `${problem.path}:${problem.line}` : problem.path;
  return `${where}: ${problem.message}`;
}

/** Sorts by path, then line, so reports are deterministic. */
function compareProblems(a: KnowledgeProblem, b: KnowledgeProblem): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.line - b.line;
}

/**
 * Thrown when a knowledge folder cannot be loaded; lists every problem, one per line.
 *
 * @example
 * try { await loadKnowledge('knowledge'); }
 * catch (error) { if (error instanceof KnowledgeError) console.error(error.message); }
 */
export class KnowledgeError extends Error {
  readonly problems: readonly KnowledgeProblem[];

  constructor(problems: readonly KnowledgeProblem[]) {
    const sorted = [...problems].sort(compareProblems);
    super(sorted.map(formatProblem).join('\n'));
    this.name = 'KnowledgeError';
    this.problems = sorted;
  }
}
