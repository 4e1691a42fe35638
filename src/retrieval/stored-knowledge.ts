import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeAcceptedUtf8, isAcceptedUtf8, withoutByteOrderMark } from '../knowledge/decode.js';
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
 * Puts a stored knowledge base back together with the texts of its files, without parsing or
 * chunking anything, and hashes their content (the bytes read, see `ContentHasher`). Undefined
 * when a file is gone or would no longer decode: the caller then loads the folder the normal
 * way. (Whether the texts are the ones indexed is checked by the caller, with the content hash.)
 *
 * Texts are decoded when first read, not here: decoding 100,000 passages' documents and
 * carrying the strings through the young generation took seconds of every load, while a
 * question reads a few dozen passages. The bytes are kept, so a text is always the one hashed.
 */
export function restoreKnowledge(knowledgeDir: string, stored: StoredKnowledge): { knowledge: KnowledgeBase; contentHash: string } | undefined {
  const root = resolve(knowledgeDir);
  const hasher = new ContentHasher();
  const documents: SourceDocument[] = [];
  for (const document of stored.documents) {
    const absolutePath = join(root, document.path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolutePath);
    } catch {
      return undefined;
    }
    if (!isAcceptedUtf8(bytes)) return undefined;
    const restored = withLazyText({ ...document, absolutePath }, () => decodeAcceptedUtf8(bytes));
    hasher.document(restored, withoutByteOrderMark(bytes));
    documents.push(restored);
  }
  const { ids, document, section, paragraph, start, end } = stored.passages;
  // One getter shared by every passage (a getter per passage would give each its own hidden class).
  const passageText: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: Passage): string {
      return documents[this.documentIndex]!.text.slice(this.start, this.end);
    },
  };
  const passages = ids.map(
    (id, i): Passage =>
      Object.defineProperty(
        { id, documentIndex: document[i]!, title: documents[document[i]!]!.title, section: stored.sections[section[i]!]!, paragraph: paragraph[i]!, start: start[i]!, end: end[i]! },
        'text',
        passageText,
      ) as Passage,
  );
  const aliases = new Map(stored.aliases);
  return { knowledge: { root, documents, passages, aliases }, contentHash: hasher.digest(aliases) };
}

/**
 * Gives `target` an own, enumerable `text` that is made on first read and then kept: it
 * behaves like a plain property (spread, `JSON.stringify` and equality see it). A passage's
 * text is a slice of its document's, made when read.
 */
function withLazyText<T extends object>(target: T, make: () => string): T & { readonly text: string } {
  let text: string | undefined;
  return Object.defineProperty(target, 'text', { enumerable: true, configurable: true, get: () => (text ??= make()) }) as T & { readonly text: string };
}
