/**
 * Passage addresses: where a cited or tagged paragraph stands (document, section, paragraph) and
 * a hash of its text, so it can be found again after a reload and judged unchanged, changed or gone.
 */
import { createHash } from 'node:crypto';
import type { KnowledgeBase, Passage } from '../knowledge/types.js';
import type { PassageAddress } from '../store/store.js';

/**
 * sha256 (hex) of a passage's text: what "the same paragraph" means.
 *
 * @example contentHash('Bees dance.').length // 64
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The address of a passage of a knowledge base.
 *
 * @example addressOf(knowledge, knowledge.passages[0]!).paragraph // 1
 */
export function addressOf(knowledge: KnowledgeBase, passage: Passage): PassageAddress {
  return {
    passageId: passage.id,
    documentPath: knowledge.documents[passage.documentIndex]?.path ?? '',
    section: passage.section,
    paragraph: passage.paragraph,
    contentHash: contentHash(passage.text),
  };
}

/** An address read against a knowledge base. */
export type Resolved =
  /** The same text is still there (possibly moved). */
  | { readonly status: 'same'; readonly passage: Passage }
  /** The paragraph was edited: a new text stands in its place. */
  | { readonly status: 'changed'; readonly passage: Passage }
  /** The paragraph is gone (or, without the previous knowledge, cannot be told apart from gone). */
  | { readonly status: 'vanished'; readonly inItsPlace?: Passage };

/** Lookups of one knowledge base by passage id and by place, built once per check. */
export interface AddressBook {
  readonly knowledge: KnowledgeBase;
  resolve(address: PassageAddress): Resolved;
}

const placeKey = (documentPath: string, section: string, paragraph: number): string => `${documentPath}\u0000${section}\u0000${paragraph}`;

/**
 * Indexes a knowledge base for {@link AddressBook.resolve}. An address is the **same** paragraph
 * when its id is there (ids hash the path, the section and the text, so an equal id is the same
 * text even if it moved). It **changed** when, in its place, stands a passage that did not exist
 * in `before` (the knowledge a reload replaced): an edit, like the reload report counts it. A
 * passage that merely shifted into the place (the paragraph before it was deleted) does not count:
 * the address then **vanished**. Without `before` nothing can tell an edit from a deletion, so any
 * other text is reported as vanished, with what now stands in its place.
 *
 * @example addressBook(after, before).resolve(address).status // 'changed'
 */
export function addressBook(knowledge: KnowledgeBase, before?: KnowledgeBase): AddressBook {
  const byId = new Map(knowledge.passages.map((p) => [p.id, p]));
  const earlier = before === undefined ? undefined : new Set(before.passages.map((p) => p.id));
  // A long paragraph is cut into several passages that share its place.
  const byPlace = new Map<string, Passage[]>();
  for (const p of knowledge.passages) {
    const key = placeKey(knowledge.documents[p.documentIndex]?.path ?? '', p.section, p.paragraph);
    const list = byPlace.get(key);
    if (list) list.push(p);
    else byPlace.set(key, [p]);
  }
  return {
    knowledge,
    resolve(address) {
      const same = byId.get(address.passageId);
      if (same) return { status: 'same', passage: same };
      const there = byPlace.get(placeKey(address.documentPath, address.section, address.paragraph)) ?? [];
      const unchanged = there.find((p) => contentHash(p.text) === address.contentHash);
      if (unchanged) return { status: 'same', passage: unchanged };
      const edited = earlier === undefined ? undefined : there.find((p) => !earlier.has(p.id));
      if (edited) return { status: 'changed', passage: edited };
      return there[0] === undefined ? { status: 'vanished' } : { status: 'vanished', inItsPlace: there[0] };
    },
  };
}
