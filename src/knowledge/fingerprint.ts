/**
 * A cheap fingerprint of a knowledge folder, for cache invalidation: no file is read, only listed and stat'ed.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { compareCodeUnits, listKnowledgeFiles } from './find-files.js';
import { FILES_PER_BATCH, mapInBatches } from './batches.js';

/** Bump when parsing or chunking changes, so caches built by older code are invalidated. */
const KNOWLEDGE_FORMAT_VERSION = 1;

/**
 * sha256 (hex) over the format version and each knowledge file's relative path, size and mtime
 * (documents, sidecars and aliases.yaml). Throws a KnowledgeError when the folder is missing.
 *
 * @example if ((await fingerprintKnowledge('knowledge')) !== cached.fingerprint) rebuildIndex();
 */
export async function fingerprintKnowledge(root: string): Promise<string> {
  const files = await listKnowledgeFiles(root);
  const paths = [...files.documents, ...files.sidecars, ...(files.aliases === undefined ? [] : [files.aliases])];
  paths.sort(compareCodeUnits);
  const lines = await mapInBatches(paths, FILES_PER_BATCH, (path) => {
    const info = statSync(join(root, path), { throwIfNoEntry: false });
    return `${path}\0${info?.size ?? -1}\0${info?.mtimeMs ?? -1}\n`;
  });
  const hash = createHash('sha256').update(`footnote-knowledge-v${KNOWLEDGE_FORMAT_VERSION}\n`);
  for (const line of lines) hash.update(line);
  return hash.digest('hex');
}
