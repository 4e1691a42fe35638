/**
 * Loads a knowledge folder: every document parsed and validated, then chunked into passages.
 * All problems are collected and thrown together; nothing is ever half-loaded.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAliases } from './aliases.js';
import { chunkDocument } from './chunk.js';
import { decodeUtf8 } from './decode.js';
import { findDuplicateTitles, type TitledFile } from './duplicate-titles.js';
import { KnowledgeError, type KnowledgeProblem, type LineProblem } from './errors.js';
import {
  displayPath,
  DOCUMENT_EXTENSIONS,
  errorCode,
  type KnowledgeFiles,
  listKnowledgeFiles,
  SIDECAR_SUFFIX,
} from './find-files.js';
import { type DocumentMetadata, parseMetadata, sidecarPathFor } from './front-matter.js';
import { parseKnowledgeFile, type ParsedKnowledgeFile } from './parse-document.js';
import { FILES_PER_BATCH, mapInBatches } from './batches.js';
import type { KnowledgeBase } from './types.js';

export { fingerprintKnowledge } from './fingerprint.js';

/** Options for {@link loadKnowledge}. */
export interface LoadKnowledgeOptions {
  /** Aborts the load (the promise rejects with the signal's reason). */
  readonly signal?: AbortSignal;
}

/**
 * Loads every `.md`, `.markdown` and `.txt` file under `root` (recursively, in sorted path order),
 * with sidecar metadata and `aliases.yaml`. An empty folder gives an empty knowledge base; a missing
 * folder or any invalid file throws a {@link KnowledgeError} listing every problem as `path:line: message`.
 *
 * @example
 * const knowledge = await loadKnowledge('knowledge');
 * knowledge.passages[0] // { id: 'foreign-interference-2024-us-elections:…', section: '', paragraph: 1, … }
 */
export async function loadKnowledge(root: string, options: LoadKnowledgeOptions = {}): Promise<KnowledgeBase> {
  const { signal } = options;
  signal?.throwIfAborted();
  const files = await listKnowledgeFiles(root);
  const problems = new ProblemList(root, files.problems);
  const sidecars = await readSidecars(root, files, problems, signal);
  const parsed = await readDocuments(root, files.documents, sidecars, problems, signal);
  problems.all.push(...findDuplicateTitles(parsed.map((file) => titledFile(root, file))));
  const aliases = readAliases(root, files.aliases, problems);

  signal?.throwIfAborted();
  if (problems.all.length > 0) throw new KnowledgeError(problems.all);
  const documents = parsed.map((file) => file.document);
  return {
    root: resolve(root),
    documents,
    passages: documents.flatMap((document, index) => chunkDocument(document, index)),
    aliases,
  };
}

/** Problems of the whole load; a file's problems are tagged with its display path. */
class ProblemList {
  readonly all: KnowledgeProblem[];

  constructor(
    private readonly root: string,
    initial: readonly KnowledgeProblem[],
  ) {
    this.all = [...initial];
  }

  addFor(path: string, found: readonly LineProblem[]): void {
    for (const problem of found) this.all.push({ path: displayPath(this.root, path), ...problem });
  }
}

/** Metadata of every sidecar, by its relative path; reports unreadable, invalid and orphaned ones. */
async function readSidecars(
  root: string,
  files: KnowledgeFiles,
  problems: ProblemList,
  signal: AbortSignal | undefined,
): Promise<Map<string, DocumentMetadata>> {
  const sidecars = new Map<string, DocumentMetadata>();
  await mapInBatches(files.sidecars, FILES_PER_BATCH, (path) => {
    const read = readText(root, path);
    const result = 'problem' in read ? { metadata: {}, problems: [read.problem] } : guarded(() => parseMetadata(read.text, 1, 'metadata'), { metadata: {} });
    problems.addFor(path, result.problems);
    sidecars.set(path, result.metadata);
  }, signal);
  for (const path of orphanSidecars(files.documents, files.sidecars)) problems.addFor(path, [ORPHAN_SIDECAR]);
  return sidecars;
}

/** Reads and parses every document; the ones with problems are left out (and reported). */
async function readDocuments(
  root: string,
  paths: readonly string[],
  sidecars: ReadonlyMap<string, DocumentMetadata>,
  problems: ProblemList,
  signal: AbortSignal | undefined,
): Promise<ParsedKnowledgeFile[]> {
  const parsed = await mapInBatches(paths, FILES_PER_BATCH, (path) => {
    const read = readText(root, path);
    if ('problem' in read) {
      problems.addFor(path, [read.problem]);
      return undefined;
    }
    const sidecar = sidecars.get(sidecarPathFor(path));
    const absolutePath = resolve(root, path);
    const result = guarded(() => parseKnowledgeFile({ path, absolutePath, ...read, ...(sidecar && { sidecar }) }), {});
    problems.addFor(path, result.problems);
    return result.parsed;
  }, signal);
  return parsed.filter((file): file is ParsedKnowledgeFile => file !== undefined);
}

function titledFile(root: string, { document, titleLine, docId }: ParsedKnowledgeFile): TitledFile {
  return { path: displayPath(root, document.path), title: document.title, titleLine, ...(docId !== undefined && { docId }) };
}

/** The alias map of `aliases.yaml` (empty without one). */
function readAliases(root: string, path: string | undefined, problems: ProblemList): Map<string, string[]> {
  if (path === undefined) return new Map();
  const read = readText(root, path);
  const empty = { aliases: new Map<string, string[]>() };
  const result = 'problem' in read ? { ...empty, problems: [read.problem] } : guarded(() => parseAliases(read.text), empty);
  problems.addFor(path, result.problems);
  return result.aliases;
}

const ORPHAN_SIDECAR: LineProblem = {
  line: 0,
  message: `metadata file with no knowledge file beside it (expected ${DOCUMENT_EXTENSIONS.join(', ')} with the same name)`,
};

/** Sidecars whose document does not exist: most likely a typo that would silently drop metadata. */
function orphanSidecars(documents: readonly string[], sidecars: readonly string[]): string[] {
  const claimed = new Set(documents.map(sidecarPathFor));
  return sidecars.filter((path) => path.endsWith(SIDECAR_SUFFIX) && !claimed.has(path));
}

/**
 * Runs a parser over one file's text; an exception it did not expect (a bug, or an input no rule
 * foresaw) becomes a problem of that file instead of escaping as a stack trace, so a load only
 * ever returns a knowledge base or throws a {@link KnowledgeError}.
 */
function guarded<T extends { problems: LineProblem[] }>(parse: () => T, fallback: Omit<T, 'problems'>): T | (Omit<T, 'problems'> & { problems: LineProblem[] }) {
  try {
    return parse();
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ...fallback, problems: [{ line: 1, message: `could not be read (${reason.split('\n')[0]})` }] };
  }
}

/** Reads and strictly decodes a file, with its modification time. */
function readText(root: string, path: string): { text: string; modifiedMs: number } | { problem: LineProblem } {
  const absolute = join(root, path);
  try {
    const bytes = readFileSync(absolute);
    const info = statSync(absolute);
    const decoded = decodeUtf8(bytes);
    return 'text' in decoded ? { text: decoded.text, modifiedMs: info.mtimeMs } : decoded;
  } catch (error) {
    return { problem: { line: 0, message: `unreadable file: ${errorCode(error)}` } };
  }
}
