/**
 * Finds the files of a knowledge folder: documents, their metadata sidecars and the aliases file.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { KnowledgeError, type KnowledgeProblem } from './errors.js';

/** Extensions of knowledge documents. */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.txt'];
/** Metadata for a document that cannot carry front matter: `<basename>.meta.yaml`. */
export const SIDECAR_SUFFIX = '.meta.yaml';
/** Alias phrases for retrieval, at the root of the folder. */
export const ALIASES_FILE = 'aliases.yaml';
const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules']);

/** The files of a knowledge folder, as sorted paths relative to it with `/` separators. */
export interface KnowledgeFiles {
  readonly documents: readonly string[];
  readonly sidecars: readonly string[];
  /** `aliases.yaml` when the folder has one. */
  readonly aliases?: string;
  /** Folders that could not be read. */
  readonly problems: readonly KnowledgeProblem[];
}

/**
 * How a file is named in messages: the folder as the caller gave it, joined with the relative path.
 *
 * @example displayPath('knowledge', 'notes/a.md') // 'knowledge/notes/a.md'
 */
export function displayPath(root: string, relativePath: string): string {
  return join(root, relativePath).split(sep).join('/');
}

/**
 * Lists a knowledge folder recursively, skipping dot-files, dot-folders and `node_modules`;
 * symbolic links to files are followed, to folders not (they could loop). Throws a
 * {@link KnowledgeError} when `root` is not a readable folder.
 *
 * @example await listKnowledgeFiles('knowledge') // { documents: ['a.txt'], sidecars: ['a.meta.yaml'], aliases: 'aliases.yaml', problems: [] }
 */
export async function listKnowledgeFiles(root: string): Promise<KnowledgeFiles> {
  const rootStat = await stat(root).catch(() => undefined);
  if (rootStat?.isDirectory() !== true) {
    throw new KnowledgeError([{ path: displayPath(root, ''), line: 0, message: 'knowledge folder not found' }]);
  }
  const documents: string[] = [];
  const sidecars: string[] = [];
  const problems: KnowledgeProblem[] = [];
  let aliases: string | undefined;

  const visit = async (relativeFolder: string): Promise<void> => {
    const entries = await readdir(join(root, relativeFolder), { withFileTypes: true }).catch((error: unknown) => {
      problems.push({ path: displayPath(root, relativeFolder), line: 0, message: `unreadable folder: ${errorCode(error)}` });
      return [];
    });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
      const relative = relativeFolder === '' ? entry.name : `${relativeFolder}/${entry.name}`;
      if (entry.isDirectory()) {
        await visit(relative);
        continue;
      }
      const isFileEntry = entry.isFile() || (entry.isSymbolicLink() && (await isFile(join(root, relative))));
      if (!isFileEntry) continue;
      if (entry.name.endsWith(SIDECAR_SUFFIX)) sidecars.push(relative);
      else if (relativeFolder === '' && entry.name === ALIASES_FILE) aliases = relative;
      else if (isDocumentName(entry.name)) documents.push(relative);
    }
  };
  await visit('');
  return {
    documents: documents.sort(compareCodeUnits),
    sidecars: sidecars.sort(compareCodeUnits),
    ...(aliases !== undefined && { aliases }),
    problems,
  };
}

/** Locale-independent order, so every machine loads files in the same order. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A short reason for a file-system error (`ENOENT`, `EACCES`, …).
 *
 * @example errorCode(Object.assign(new Error('x'), { code: 'EACCES' })) // 'EACCES'
 */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : String(error);
}

function isDocumentName(name: string): boolean {
  const lower = name.toLowerCase();
  return DOCUMENT_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() === true;
}
