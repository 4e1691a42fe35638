import { describe, expect, it } from 'vitest';
import { chunkDocument, MAX_PASSAGE_CHARS, TARGET_PASSAGE_CHARS } from '../../src/knowledge/chunk.js';
import { parseMarkdown } from '../../src/knowledge/parse-markdown.js';
import { documentSlug, PASSAGE_ID_MAX } from '../../src/knowledge/passage-id.js';
import type { SourceDocument } from '../../src/knowledge/types.js';

/** A document parsed from Markdown, as the loader would build it. */
function documentOf(text: string, path = 'guide.md'): SourceDocument {
  const { blocks, sections } = parseMarkdown(text);
  return { path, absolutePath: `/k/${path}`, title: 'Guide', text, blocks, sections, modifiedMs: 0 };
}

/** `count` numbered sentences of about 100 characters each. */
function sentences(count: number): string {
  return Array.from({ length: count }, (_, index) => `Sentence ${index + 1} ${'word '.repeat(17)}ends here.`).join(' ');
}

describe('chunkDocument', () => {
  it('makes one passage per block, with section, paragraph and exact text', () => {
    // given
    const doc = documentOf('# Guide\n\nIntro.\n\n## Setup\n### Linux\nUse apt.\n\n- a\n- b\n');
    // when
    const passages = chunkDocument(doc, 3);
    // then
    expect(passages.map(({ documentIndex, title, section, paragraph, text }) => ({ documentIndex, title, section, paragraph, text }))).toEqual([
      { documentIndex: 3, title: 'Guide', section: '', paragraph: 1, text: 'Intro.' },
      { documentIndex: 3, title: 'Guide', section: 'Setup › Linux', paragraph: 1, text: 'Use apt.' },
      { documentIndex: 3, title: 'Guide', section: 'Setup › Linux', paragraph: 2, text: '- a\n- b' },
    ]);
    for (const passage of passages) expect(doc.text.slice(passage.start, passage.end)).toBe(passage.text);
  });

  it('splits a long paragraph on sentences into windows that share one sentence', () => {
    // given: 20 sentences of ~100 characters, far above the maximum
    const paragraph = sentences(20);
    const doc = documentOf(`## Long\n${paragraph}\n`);
    expect(paragraph.length).toBeGreaterThan(MAX_PASSAGE_CHARS);
    // when
    const passages = chunkDocument(doc, 0);
    // then
    expect(passages.length).toBeGreaterThan(1);
    for (const passage of passages) {
      expect(passage.text.length).toBeLessThanOrEqual(TARGET_PASSAGE_CHARS);
      expect(passage.paragraph).toBe(1);
      expect(passage.section).toBe('Long');
      expect(doc.text.slice(passage.start, passage.end)).toBe(passage.text);
    }
    for (const [index, passage] of passages.slice(1).entries()) {
      const previous = passages[index];
      const lastSentence = previous?.text.slice(previous.text.lastIndexOf('Sentence '));
      expect(passage.text.startsWith(lastSentence ?? '-')).toBe(true);
    }
    expect(passages[0]?.text.startsWith('Sentence 1 ')).toBe(true);
    expect(passages.at(-1)?.text.endsWith('Sentence 20 ' + 'word '.repeat(17) + 'ends here.')).toBe(true);
  });

  it('keeps a single sentence longer than the maximum as one passage', () => {
    const sentence = `${'long '.repeat(400)}end.`;
    expect(chunkDocument(documentOf(`${sentence}\n`), 0).map((passage) => passage.text)).toEqual([sentence]);
  });

  it('splits a long list between items, without overlap', () => {
    // given: 30 items of ~60 characters
    const items = Array.from({ length: 30 }, (_, index) => `- item ${String(index).padStart(2, '0')} ${'x'.repeat(50)}`);
    const doc = documentOf(`${items.join('\n')}\n`);
    // when
    const passages = chunkDocument(doc, 0);
    // then
    expect(passages.map((passage) => passage.text.split('\n').length)).toEqual([16, 14]);
    expect(passages.map((passage) => passage.text).join('\n')).toBe(items.join('\n'));
  });

  it('gives stable ids: slug, 10 hex of the content hash, -2 for an identical repeat', () => {
    // given
    const doc = documentOf('Same.\n\nSame.\n\nOther.\n', 'Notes/House Rules.md');
    // when
    const ids = chunkDocument(doc, 0).map((passage) => passage.id);
    // then
    expect(ids[0]).toMatch(/^notes-house-rules:[0-9a-f]{10}$/);
    expect(ids[1]).toBe(`${ids[0]}-2`);
    expect(ids[2]).not.toBe(ids[0]);
    expect(chunkDocument(doc, 5).map((passage) => passage.id)).toEqual(ids);
  });

  it('changes only the edited paragraph id', () => {
    // given
    const before = chunkDocument(documentOf('## A\nOne.\n\nTwo.\n\n## B\nThree.\n'), 0).map((passage) => passage.id);
    // when
    const after = chunkDocument(documentOf('## A\nOne.\n\nTwo, edited.\n\n## B\nThree.\n'), 0).map((passage) => passage.id);
    // then
    expect(after.filter((id) => !before.includes(id))).toHaveLength(1);
    expect([after[0], after[2]]).toEqual([before[0], before[2]]);
  });

  it('keeps ids within the Discord limit even for very long paths', () => {
    // given
    const path = `${'very-long-folder-name/'.repeat(5)}document.md`;
    // when
    const [passage] = chunkDocument(documentOf('Hi.\n', path), 0);
    // then
    expect(documentSlug(path)).toHaveLength(40);
    expect(passage?.id.length).toBeLessThanOrEqual(PASSAGE_ID_MAX);
  });
});
