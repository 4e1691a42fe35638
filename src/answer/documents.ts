/**
 * What the knowledge holds, document by document, for /sources: with when each text was
 * fetched or revised, from the best evidence there is.
 */
import { execFile } from 'node:child_process';
import type { KnowledgeBase } from '../knowledge/types.js';

/** How long the one `git log` that dates the files may take before file times are used instead. */
const GIT_LOG_TIMEOUT_MS = 5000;
/** Output `git log` may write (one line per changed file per commit). */
const GIT_LOG_MAX_BYTES = 64 * 1024 * 1024;

/**
 * When a document's text was last fetched or revised, and how that is known: `fetched` from its
 * front matter (`fetched_at`, with `revision` when given), `committed` from the last git commit
 * that touched the file, `file` from the file's modification time.
 */
export interface DocumentDate {
  readonly kind: 'fetched' | 'committed' | 'file';
  /** Milliseconds since epoch. */
  readonly ms: number;
  /** The source's own revision id (front matter `revision`). */
  readonly revision?: string;
}

/** One document in a listing. */
export interface DocumentSummary {
  readonly title: string;
  /** Path inside the knowledge folder (for logs and tools; not shown to members). */
  readonly path: string;
  readonly url?: string;
  /** A link to this exact text (front matter `permalink`). */
  readonly permalink?: string;
  readonly license?: string;
  readonly sections: number;
  readonly passages: number;
  /** Last modification of the file (ms since epoch). */
  readonly modifiedMs: number;
  readonly date: DocumentDate;
}

/** Options of {@link summarizeDocuments}. */
export interface SummarizeOptions {
  /** Last commit time of files, by path inside the knowledge folder (see {@link lastCommitTimes}). */
  readonly commits?: ReadonlyMap<string, number>;
}

/**
 * Summarises every document, in the knowledge base's order.
 *
 * @example summarizeDocuments(knowledge)[0] // { title: 'Foreign …', sections: 9, passages: 11, … }
 */
export function summarizeDocuments(knowledge: KnowledgeBase, options: SummarizeOptions = {}): DocumentSummary[] {
  const counts = new Map<number, number>();
  for (const passage of knowledge.passages) counts.set(passage.documentIndex, (counts.get(passage.documentIndex) ?? 0) + 1);
  return knowledge.documents.map((document, i) => {
    const provenance = document.provenance;
    const fetched = provenance?.fetchedAt === undefined ? Number.NaN : Date.parse(provenance.fetchedAt);
    const committed = options.commits?.get(document.path);
    const date: DocumentDate = Number.isFinite(fetched)
      ? { kind: 'fetched', ms: fetched, ...(provenance?.revision === undefined ? {} : { revision: provenance.revision }) }
      : committed !== undefined
        ? { kind: 'committed', ms: committed }
        : { kind: 'file', ms: document.modifiedMs };
    return {
      title: document.title,
      path: document.path,
      ...(document.url === undefined ? {} : { url: document.url }),
      ...(provenance?.permalink === undefined ? {} : { permalink: provenance.permalink }),
      ...(document.license === undefined ? {} : { license: document.license }),
      sections: document.sections.length,
      passages: counts.get(i) ?? 0,
      modifiedMs: document.modifiedMs,
      date,
    };
  });
}

/**
 * Reads `git log` output written with `--format=%x00%ct --name-only`: the newest commit time of
 * each path (commits come newest first).
 *
 * @example parseGitLog('\0 1700000000\n\na.md\n') // Map { 'a.md' => 1700000000000 }
 */
export function parseGitLog(output: string): Map<string, number> {
  const times = new Map<string, number>();
  for (const commit of output.split('\0').slice(1)) {
    const [head, ...files] = commit.split('\n');
    const seconds = Number(head?.trim());
    if (!Number.isFinite(seconds)) continue;
    for (const file of files) if (file !== '' && !times.has(file)) times.set(file, seconds * 1000);
  }
  return times;
}

/**
 * The last commit time of every file in a folder that is inside a git repository, by path
 * relative to that folder; empty when it is not in one, git is missing or too slow. One process.
 *
 * @example (await lastCommitTimes('knowledge')).get('article.txt') // 1733097600000
 */
export function lastCommitTimes(dir: string): Promise<Map<string, number>> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-C', dir, '-c', 'core.quotePath=false', 'log', '--relative', '--no-renames', '--name-only', '--format=%x00%ct', '--', '.'],
      { timeout: GIT_LOG_TIMEOUT_MS, maxBuffer: GIT_LOG_MAX_BYTES, encoding: 'utf8' },
      (error, stdout) => resolve(error ? new Map() : parseGitLog(stdout)),
    );
  });
}
