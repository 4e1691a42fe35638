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
    /** `start` and `end` in UTF-8 bytes of the text: a restored passage decodes only its own bytes. */
    readonly byteStart: readonly number[];
    readonly byteEnd: readonly number[];
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
  const bytesAt = utf8Offsets(knowledge);
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
      byteStart: passages.map((p) => bytesAt[p.documentIndex]!.get(p.start)!),
      byteEnd: passages.map((p) => bytesAt[p.documentIndex]!.get(p.end)!),
    },
  };
}

/** For each document, its passages' character offsets → the same offsets in UTF-8 bytes. */
function utf8Offsets(knowledge: KnowledgeBase): Map<number, number>[] {
  const offsets = knowledge.documents.map(() => new Set<number>());
  for (const passage of knowledge.passages) offsets[passage.documentIndex]!.add(passage.start).add(passage.end);
  return knowledge.documents.map((document, d) => {
    const bytesAt = new Map<number, number>();
    let bytes = 0;
    let previous = 0;
    // One walk through the text per document: each stretch between offsets is measured once.
    for (const offset of [...offsets[d]!].sort((a, b) => a - b)) {
      bytes += Buffer.byteLength(document.text.slice(previous, offset), 'utf8');
      bytesAt.set(offset, bytes);
      previous = offset;
    }
    return bytesAt;
  });
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
  const utf8: Uint8Array[] = [];
  for (const document of stored.documents) {
    const absolutePath = join(root, document.path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolutePath);
    } catch {
      return undefined;
    }
    if (!isAcceptedUtf8(bytes)) return undefined;
    const text = withoutByteOrderMark(bytes);
    const restored = withLazyText({ ...document, absolutePath }, () => decodeAcceptedUtf8(bytes));
    hasher.document(restored, text);
    documents.push(restored);
    utf8.push(text);
  }
  const { ids, document, section, paragraph, start, end, byteStart, byteEnd } = stored.passages;
  const passages = ids.map(
    (id, i): Passage =>
      new RestoredPassage(
        { id, documentIndex: document[i]!, title: documents[document[i]!]!.title, section: stored.sections[section[i]!]!, paragraph: paragraph[i]!, start: start[i]!, end: end[i]! },
        utf8[document[i]!]!.subarray(byteStart[i], byteEnd[i]),
      ) as unknown as Passage,
  );
  const aliases = new Map(stored.aliases);
  return { knowledge: { root, documents, passages, aliases }, contentHash: hasher.digest(aliases) };
}

/**
 * A restored passage: its fields, and a `text` decoded from its own bytes when first read (a
 * question reads a few dozen passages; decoding their whole documents cost a cold question
 * tens of milliseconds). The bytes are private, so the passage looks like a loaded one: spread,
 * `JSON.stringify` and equality see exactly the fields of {@link Passage}.
 */
class RestoredPassage {
  readonly #bytes: Uint8Array;
  #text: string | undefined;

  constructor(fields: Omit<Passage, 'text'>, bytes: Uint8Array) {
    Object.assign(this, fields);
    this.#bytes = bytes;
    Object.defineProperty(this, 'text', PASSAGE_TEXT);
  }

  static textOf(passage: RestoredPassage): string {
    // Not decodeAcceptedUtf8: a passage may well start with U+FEFF, which is only a byte-order mark at the start of a file.
    const bytes = passage.#bytes;
    return (passage.#text ??= Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  }
}

/** One getter shared by every passage (a getter per passage would give each its own hidden class). */
const PASSAGE_TEXT: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: RestoredPassage): string {
    return RestoredPassage.textOf(this);
  },
};

/**
 * Gives `target` an own, enumerable `text` that is made on first read and then kept: it
 * behaves like a plain property (spread, `JSON.stringify` and equality see it).
 */
function withLazyText<T extends object>(target: T, make: () => string): T & { readonly text: string } {
  let text: string | undefined;
  return Object.defineProperty(target, 'text', { enumerable: true, configurable: true, get: () => (text ??= make()) }) as T & { readonly text: string };
}
