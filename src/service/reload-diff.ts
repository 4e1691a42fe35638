/**
 * What a reload changed, by passage id. Ids are content hashes, so an edited paragraph shows up
 * as one id gone and one new id in the same place: that pair is counted as "changed".
 */
import type { KnowledgeBase, Passage } from '../knowledge/types.js';

/** Counts and titles of what changed between two loads. */
export interface KnowledgeDiff {
  readonly documents: { readonly added: readonly string[]; readonly changed: readonly string[]; readonly removed: readonly string[] };
  readonly passages: { readonly added: number; readonly changed: number; readonly removed: number };
}

/** Where a passage sits, independent of its content. */
const placeOf = (knowledge: KnowledgeBase, p: Passage): string =>
  `${knowledge.documents[p.documentIndex]?.path ?? ''}\u0000${p.section}\u0000${p.paragraph}`;

/**
 * Compares two loads of a knowledge folder.
 *
 * @example diffKnowledge(before, after).passages // { added: 1, changed: 0, removed: 0 }
 */
export function diffKnowledge(before: KnowledgeBase, after: KnowledgeBase): KnowledgeDiff {
  const oldIds = new Set(before.passages.map((p) => p.id));
  const newIds = new Set(after.passages.map((p) => p.id));
  const gone = before.passages.filter((p) => !newIds.has(p.id));
  const fresh = after.passages.filter((p) => !oldIds.has(p.id));

  const gonePlaces = new Map<string, number>();
  for (const p of gone) gonePlaces.set(placeOf(before, p), (gonePlaces.get(placeOf(before, p)) ?? 0) + 1);
  let changed = 0;
  for (const p of fresh) {
    const place = placeOf(after, p);
    const left = gonePlaces.get(place) ?? 0;
    if (left > 0) {
      gonePlaces.set(place, left - 1);
      changed += 1;
    }
  }

  const titles = (kb: KnowledgeBase): Map<string, string> => new Map(kb.documents.map((d) => [d.path, d.title]));
  const oldDocs = titles(before);
  const newDocs = titles(after);
  const touched = new Set([...gone.map((p) => before.documents[p.documentIndex]?.path), ...fresh.map((p) => after.documents[p.documentIndex]?.path)]);
  return {
    documents: {
      added: [...newDocs].filter(([path]) => !oldDocs.has(path)).map(([, title]) => title),
      changed: [...newDocs].filter(([path]) => oldDocs.has(path) && touched.has(path)).map(([, title]) => title),
      removed: [...oldDocs].filter(([path]) => !newDocs.has(path)).map(([, title]) => title),
    },
    passages: { added: fresh.length - changed, changed, removed: gone.length - changed },
  };
}
