/**
 * /source shows documents and sections from the document's text, never rebuilt from chunks.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { listSections, sectionParagraphs } from '../../src/answer/sections.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { removeScratch, writeKnowledge } from '../helpers/knowledge.js';

afterAll(removeScratch);

describe('sectionParagraphs', () => {
  // Regression: a long paragraph chunked into overlapping passages came out as two paragraphs
  // with a sentence repeated.
  it('given a section with a paragraph longer than a passage, then each paragraph is an exact slice of the file, once', async () => {
    // given
    const long = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} says something about bees and their hives.`).join(' ');
    const root = await writeKnowledge({ 'bees.md': `# Bees\n\nLead.\n\n## Hives\n\n${long}\n\nShort second paragraph.\n\n### Winter\n\nNested.\n` });
    const knowledge = await loadKnowledge(root);
    const hives = listSections(knowledge).find((e) => e.label === 'Bees › Hives')!;
    expect(hives.passages.length).toBeGreaterThan(2); // the paragraph really was chunked
    // when
    const paragraphs = sectionParagraphs(hives);
    // then
    expect(paragraphs).toEqual([long, 'Short second paragraph.']);
    const document = listSections(knowledge).find((e) => e.kind === 'document')!;
    expect(sectionParagraphs(document)).toEqual(['Lead.']);
  });
});
