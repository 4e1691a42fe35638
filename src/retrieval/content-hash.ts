import { createHash, type Hash } from 'node:crypto';
import type { KnowledgeBase, SourceDocument } from '../knowledge/types.js';

/**
 * The content hash of a knowledge base, fed document by document: each document's path,
 * metadata and text, then the written aliases. A persisted index is served only for the
 * content it was built from (see `persist.ts`).
 *
 * @example
 * const hasher = new ContentHasher();
 * for (const document of knowledge.documents) hasher.document(document, document.text);
 * hasher.digest(knowledge.aliases)
 */
export class ContentHasher {
  private readonly hash: Hash = createHash('sha256');

  /**
   * Adds a document with its text, as a string or as the UTF-8 bytes it encodes to (the file
   * without its byte-order mark): both hash the same. A restored document gives its bytes, so
   * no text is decoded or encoded at load.
   */
  document(document: Pick<SourceDocument, 'path' | 'title' | 'url' | 'license'>, text: string | Uint8Array): void {
    const utf8 = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    // The byte length keeps documents apart (no two contents hash the same by moving a boundary).
    this.hash.update(JSON.stringify([document.path, document.title, document.url ?? null, document.license ?? null, utf8.byteLength]));
    this.hash.update(utf8);
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
  for (const document of knowledge.documents) hasher.document(document, document.text);
  return hasher.digest(knowledge.aliases);
}
