/**
 * Documents and sections as things to look up by name ("Title › Section"), for /source.
 */
import { SECTION_SEPARATOR } from '../knowledge/chunk.js';
import type { Block, KnowledgeBase, Passage, SourceDocument } from '../knowledge/types.js';
import { normalizeForMatch } from '../retrieval/suggest.js';

/** A document or one of its sections. */
export interface SectionEntry {
  /** Stable key: `d:` or `s:` and the id of its first passage (≤ 66 characters). */
  readonly key: string;
  readonly kind: 'document' | 'section';
  /** `Title` or `Title › Section`. */
  readonly label: string;
  readonly document: SourceDocument;
  /** Heading path joined with ` › ` (empty for a document, and for a document's lead). */
  readonly section: string;
  /** The section's passages (a document's: all of them), in order. */
  readonly passages: readonly Passage[];
}

/**
 * Every document, then each of its sections that has passages, in document order.
 *
 * @example listSections(knowledge).map((e) => e.label) // ['Foreign …', 'Foreign … › Background', …]
 */
export function listSections(knowledge: KnowledgeBase): SectionEntry[] {
  const entries: SectionEntry[] = [];
  const byDocument = new Map<number, Passage[]>();
  for (const passage of knowledge.passages) {
    const list = byDocument.get(passage.documentIndex) ?? [];
    list.push(passage);
    byDocument.set(passage.documentIndex, list);
  }
  knowledge.documents.forEach((document, documentIndex) => {
    const passages = byDocument.get(documentIndex) ?? [];
    const first = passages[0];
    if (first === undefined) return;
    entries.push({ key: `d:${first.id}`, kind: 'document', label: document.title, document, section: '', passages });
    const bySection = new Map<string, Passage[]>();
    for (const passage of passages) {
      if (passage.section === '') continue;
      const list = bySection.get(passage.section) ?? [];
      list.push(passage);
      bySection.set(passage.section, list);
    }
    for (const [section, list] of bySection) {
      const label = `${document.title}${SECTION_SEPARATOR}${section}`;
      entries.push({ key: `s:${list[0]!.id}`, kind: 'section', label, document, section, passages: list });
    }
  });
  return entries;
}

/**
 * Entries whose label contains every typed word (as a word start), best first: fewer extra
 * words in the label first, then document order. Nothing typed lists them all.
 *
 * @example findSections(entries, 'analysis state').map((e) => e.label)[0] // '… › Analysis › State-sponsored interference'
 */
export function findSections(entries: readonly SectionEntry[], typed: string, limit: number): SectionEntry[] {
  const words = normalizeForMatch(typed).split(' ').filter(Boolean);
  if (words.length === 0) return entries.slice(0, limit);
  return entries
    .map((entry, order) => ({ entry, order, label: ` ${normalizeForMatch(entry.label)}` }))
    .filter(({ label }) => words.every((w) => label.includes(` ${w}`)))
    .sort((a, b) => a.label.length - b.label.length || a.order - b.order)
    .slice(0, limit)
    .map((m) => m.entry);
}

/**
 * The paragraphs and lists an entry shows, each exactly as it stands in the document's text: a
 * section's own blocks (not its subsections'), a document's lead (the blocks before its first
 * heading). Never rebuilt from passages, which overlap when a long paragraph is chunked.
 *
 * @example sectionParagraphs(entry).every((p) => entry.document.text.includes(p)) // true
 */
export function sectionParagraphs(entry: SectionEntry): string[] {
  const inEntry = (block: Block): boolean => block.headingPath.join(SECTION_SEPARATOR) === entry.section;
  return entry.document.blocks.filter(inEntry).map((block) => entry.document.text.slice(block.start, block.end));
}
