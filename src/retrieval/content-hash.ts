import { createHash, type Hash } from 'node:crypto';
import type { KnowledgeBase, SourceDocument } from '../knowledge/types.js';

/**
 * The content hash of a knowledge base, fed document by document: each document's path,
 * metadata and text, then the written aliases. A persisted index is served only for the
 * content it was built from (see `persist.ts`).
 *
 * @example
 * const hasher = new ContentHasher();
 * for (const document of knowledge.documents) hasher.document(document);
 * hasher.digest(knowledge.aliases)
 */
export class ContentHasher {
  private readonly hash: Hash = createHash('sha256');

  /**
   * Adds a document. `utf8`, when given, must be the text's UTF-8 bytes (the file without its
   * byte-order mark): the very bytes hashing the string would encode, so the hash is the same,
   * without encoding tens of megabytes of text again at every load.
   */
  document(document: Pick<SourceDocument, 'path' | 'title' | 'url' | 'license' | 'text'>, utf8?: Uint8Array): void {
    this.hash.update(JSON.stringify([document.path, document.title, document.url ?? null, document.license ?? null, document.text.length]));
    this.hash.update(utf8 ?? document.text);
  }

  /** The hash (hex), once every document is in. */
  digest(aliases: KnowledgeBase['aliases']): string {
    return this.hash.update(JSON.stringify([...aliases])).digest('hex');
  }
}

/**
 * A hash of everything loaded from a knowledge folder that the index depends on: each
 * document's path, metadata and text, and the written aliases. Content, not modification
 * times: a file rewritten with the same size and time still changes it.
 *
 * @example knowledgeContentHash(await loadKnowledge('knowledge')) // 64 hex digits
 */
export function knowledgeContentHash(knowledge: KnowledgeBase): string {
  const hasher = new ContentHasher();
  for (const document of knowledge.documents) hasher.document(document);
  return hasher.digest(knowledge.aliases);
}
