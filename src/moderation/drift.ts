/**
 * Drift: tags and posted answers whose paragraph changed or vanished since they were saved.
 * Tags are reported, never re-pointed; answers are listed so the bot can mark them.
 */
import type { KnowledgeBase, Passage } from '../knowledge/types.js';
import type { PassageAddress, PostedAnswer, Tag } from '../store/store.js';
import { type AddressBook, addressBook } from './address.js';

/** A tag whose paragraph is not what it was. */
export type TagDrift =
  /** Edited: the tag now points at the new text (re-saved by the caller), listed with old and new text. */
  | { readonly kind: 'changed'; readonly tag: Tag; readonly oldText?: string; readonly newText: string; readonly passage: Passage }
  /** Gone: an error; `inItsPlace` is what now stands where it was, as a hint. */
  | { readonly kind: 'vanished'; readonly tag: Tag; readonly oldText?: string; readonly inItsPlace?: Passage };

/**
 * Tags whose paragraph is not the one they were saved on. With `before` (the knowledge a reload
 * replaced) an edit is told apart from a deletion and the old text is known; without it
 * (validate-knowledge) every tag whose paragraph is not found unchanged is listed as vanished.
 *
 * @example tagDrift(tags, after, before).filter((d) => d.kind === 'vanished').length // errors
 */
export function tagDrift(tags: readonly Tag[], after: KnowledgeBase, before?: KnowledgeBase): TagDrift[] {
  const now = addressBook(after, before);
  const then = before === undefined ? undefined : addressBook(before);
  const drifts: TagDrift[] = [];
  for (const tag of tags) {
    const previous = then?.resolve(tag.address);
    const oldText = previous?.status === 'same' ? previous.passage.text : undefined;
    const current = now.resolve(tag.address);
    if (current.status === 'changed') {
      drifts.push({ kind: 'changed', tag, newText: current.passage.text, passage: current.passage, ...(oldText === undefined ? {} : { oldText }) });
    } else if (current.status === 'vanished') {
      // Already gone before this reload: it was reported then (and is by validate-knowledge).
      if (previous !== undefined && previous.status !== 'same') continue;
      drifts.push({ kind: 'vanished', tag, ...(oldText === undefined ? {} : { oldText }), ...(current.inItsPlace === undefined ? {} : { inItsPlace: current.inItsPlace }) });
    }
  }
  return drifts;
}

/** One cited paragraph of a posted answer that is not what it was. */
export type CitationDrift =
  | { readonly kind: 'changed'; readonly address: PassageAddress; readonly passage: Passage }
  | { readonly kind: 'vanished'; readonly address: PassageAddress };

/** A posted answer to mark, with what drifted. */
export interface AnswerDrift {
  readonly answer: PostedAnswer;
  readonly citations: readonly CitationDrift[];
}

/**
 * Posted answers with at least one cited paragraph changed or vanished.
 *
 * @example driftedAnswers(remembered, addressBook(after, before)).length // answers to mark
 */
export function driftedAnswers(answers: readonly PostedAnswer[], book: AddressBook): AnswerDrift[] {
  const drifts: AnswerDrift[] = [];
  for (const answer of answers) {
    const citations: CitationDrift[] = [];
    for (const address of answer.cited) {
      const resolved = book.resolve(address);
      if (resolved.status === 'changed') citations.push({ kind: 'changed', address, passage: resolved.passage });
      else if (resolved.status === 'vanished') citations.push({ kind: 'vanished', address });
    }
    if (citations.length > 0) drifts.push({ answer, citations });
  }
  return drifts;
}
