import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeUtf8 } from '../knowledge/decode.js';
import { ContentHasher } from './content-hash.js';
import type { KnowledgeBase, Passage, SourceDocument } from '../knowledge/types.js';

/** A document as persisted beside the index: everything but its text, which stays in its file. */
type StoredDocument = Omit<SourceDocument, 'absolutePath' | 'text'>;

/** The passage table, column by column (compact in JSON), without texts. */
export interface StoredKnowledge {
  readonly documents: readonly StoredDocument[];
  readonly aliases: readonly [string, readonly string[]][];
  readonly sections: readonly string[];
  readonly passages: {
    readonly ids: readonly string[];
    readonly document: readonly number[];
    readonly section: readonly number[];
    readonly paragraph: readonly number[];
    readonly start: readonly number[];
    readonly end: readonly number[];
  };
}

/** The knowledge base's structure without its texts, for the persisted index. */
export function storeKnowledge(knowledge: KnowledgeBase): StoredKnowledge {
  const sections: string[] = [];
  const sectionIds = new Map<string, number>();
  const sectionId = (section: string): number => {
    let id = sectionIds.get(section);
    if (id === undefined) sectionIds.set(section, (id = sections.push(section) - 1));
    return id;
  };
  const { passages } = knowledge;
  return {
    documents: knowledge.documents.map(({ absolutePath: _absolutePath, text: _text, ...stored }) => stored),
    aliases: [...knowledge.aliases],
    sections,
    passages: {
      ids: passages.map((p) => p.id),
      document: passages.map((p) => p.documentIndex),
      section: passages.map((p) => sectionId(p.section)),
      paragraph: passages.map((p) => p.paragraph),
      start: passages.map((p) => p.start),
      end: passages.map((p) => p.end),
    },
  };
}

/**
 * Puts a stored knowledge base back together with the texts read from its files, without
 * parsing or chunking anything, and hashes their content as it reads them (hashing the bytes
 * read, see `ContentHasher`). Undefined when a file is gone or no longer decodes: the caller
 * then loads the folder the normal way. (Whether the texts are the ones indexed is checked by
 * the caller, with the content hash.)
 */
export function restoreKnowledge(knowledgeDir: string, stored: StoredKnowledge): { knowledge: KnowledgeBase; contentHash: string } | undefined {
  const root = resolve(knowledgeDir);
  const documents: SourceDocument[] = [];
  const hasher = new ContentHasher();
  for (const document of stored.documents) {
    const absolutePath = join(root, document.path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolutePath);
    } catch {
      return undefined;
    }
    const decoded = decodeUtf8(bytes);
    if (!('text' in decoded)) return undefined;
    const restored: SourceDocument = { ...document, absolutePath, text: decoded.text };
    hasher.document(restored, hasByteOrderMark(bytes) ? bytes.subarray(UTF8_BOM.length) : bytes);
    documents.push(restored);
  }
  const { ids, document, section, paragraph, start, end } = stored.passages;
  const passages = ids.map((id, i): Passage => {
    const source = documents[document[i]!]!;
    return {
      id,
      documentIndex: document[i]!,
      title: source.title,
      section: stored.sections[section[i]!]!,
      paragraph: paragraph[i]!,
      start: start[i]!,
      end: end[i]!,
      text: source.text.slice(start[i], end[i]),
    };
  });
  const aliases = new Map(stored.aliases);
  return { knowledge: { root, documents, passages, aliases }, contentHash: hasher.digest(aliases) };
}

/** UTF-8's byte-order mark, which decoding drops from the text. */
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const hasByteOrderMark = (bytes: Uint8Array): boolean => UTF8_BOM.every((byte, i) => bytes[i] === byte);
