/**
 * Drift: tags and posted answers whose paragraph changed or vanished since they were saved.
 * Tags are reported, never re-pointed; answers are listed so the bot can mark them.
 */
import type { KnowledgeBase, Passage } from '../knowledge/types.js';
import type { PassageAddress, PostedAnswer, Tag } from '../store/store.js';
import { type AddressBook, addressBook } from './address.js';

/** A tag whose paragraph is not what it was. */
export type TagDrift =
  | { readonly kind: 'changed'; readonly tag: Tag; readonly oldText?: string; readonly newText: string; readonly passage: Passage }
  | { readonly kind: 'vanished'; readonly tag: Tag; readonly oldText?: string };

/**
 * Tags whose paragraph differs from what they were saved on. With `before` (the knowledge before
 * a reload), only tags this reload changed are listed, with their old text; without it (validate-
 * knowledge), every tag whose paragraph differs from the saved hash is listed.
 *
 * @example tagDrift(tags, after, before).filter((d) => d.kind === 'vanished').length // errors
 */
export function tagDrift(tags: readonly Tag[], after: KnowledgeBase, before?: KnowledgeBase): TagDrift[] {
  const now = addressBook(after);
  const then = before === undefined ? undefined : addressBook(before);
  const drifts: TagDrift[] = [];
  for (const tag of tags) {
    const previous = then?.resolve(tag.address);
    const current = now.resolve(tag.address);
    const oldText = previous !== undefined && previous.status !== 'vanished' ? previous.passage.text : undefined;
    if (current.status === 'vanished') {
      if (previous?.status === 'vanished') continue; // already gone before this reload: reported then
      drifts.push({ kind: 'vanished', tag, ...(oldText === undefined ? {} : { oldText }) });
    } else if (current.status === 'changed') {
      if (oldText !== undefined && oldText === current.passage.text) continue; // not this reload's doing
      drifts.push({ kind: 'changed', tag, newText: current.passage.text, passage: current.passage, ...(oldText === undefined ? {} : { oldText }) });
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
 * @example driftedAnswers(remembered, knowledge).length // answers to mark
 */
export function driftedAnswers(answers: readonly PostedAnswer[], knowledge: KnowledgeBase | AddressBook): AnswerDrift[] {
  const book = 'resolve' in knowledge ? knowledge : addressBook(knowledge);
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
