import { describe, expect, it } from 'vitest';
import { markdownHeading, parseMarkdown } from '../../src/knowledge/parse-markdown.js';

/** Each block as [kind, section path, paragraph, text as sliced from the file]. */
function blocksOf(text: string, bodyStart = 0): [string, string, number, string][] {
  return parseMarkdown(text, bodyStart).blocks.map((block) => [
    block.kind,
    block.headingPath.join(' › '),
    block.paragraph,
    text.slice(block.start, block.end),
  ]);
}

describe('parseMarkdown', () => {
  it('gives heading paths and paragraph numbers; a leading H1 is the title, not a section', () => {
    // given
    const text = '# Guide\n\nIntro.\n\n## Setup\nInstall it.\n\nRun it.\n\n### Linux\nUse apt.\n\n## Use\nAsk.\n';
    // when
    const parsed = parseMarkdown(text);
    // then
    expect(parsed.headingTitle).toEqual({ text: 'Guide', line: 1 });
    expect(parsed.sections).toEqual([['Setup'], ['Setup', 'Linux'], ['Use']]);
    expect(blocksOf(text)).toEqual([
      ['paragraph', '', 1, 'Intro.'],
      ['paragraph', 'Setup', 1, 'Install it.'],
      ['paragraph', 'Setup', 2, 'Run it.'],
      ['paragraph', 'Setup › Linux', 1, 'Use apt.'],
      ['paragraph', 'Use', 1, 'Ask.'],
    ]);
    expect(parsed.blocks.map((block) => block.line)).toEqual([3, 6, 8, 11, 14]);
  });

  it('starts after the front matter and keeps offsets into the whole file', () => {
    const text = '---\ntitle: T\n---\n\n# T\n\nBody.\n';
    expect(blocksOf(text, 17)).toEqual([['paragraph', '', 1, 'Body.']]);
  });

  it('keeps a non-leading H1 in heading paths but still offers it as the title', () => {
    // given
    const text = 'Preface.\n\n# Part one\n\nText.\n';
    // when
    const parsed = parseMarkdown(text);
    // then
    expect(parsed.headingTitle).toEqual({ text: 'Part one', line: 3 });
    expect(blocksOf(text)).toEqual([
      ['paragraph', '', 1, 'Preface.'],
      ['paragraph', 'Part one', 1, 'Text.'],
    ]);
  });

  it('treats a line of only whitespace as blank', () => {
    expect(blocksOf('One.\n \t\nTwo.\n')).toEqual([
      ['paragraph', '', 1, 'One.'],
      ['paragraph', '', 2, 'Two.'],
    ]);
  });

  it('keeps a fenced code block whole, blank lines and # lines included', () => {
    const text = 'Before.\n```sh\n# not a heading\n\nnpm start\n```\nAfter.\n';
    expect(blocksOf(text)).toEqual([
      ['paragraph', '', 1, 'Before.'],
      ['paragraph', '', 2, '```sh\n# not a heading\n\nnpm start\n```'],
      ['paragraph', '', 3, 'After.'],
    ]);
  });

  it('marks lists, with indented continuations, as lists', () => {
    const text = '- one\n  more\n* two\n+ three\n1. four\n\nNot - a list.\n\n- item\nplain line\n';
    expect(blocksOf(text).map(([kind]) => kind)).toEqual(['list', 'paragraph', 'paragraph']);
  });

  it('drops navigation sections and their subsections, but keeps lists elsewhere', () => {
    // given
    const text = [
      '# T', '', '## Facts', '- a fact', '', '## See Also', '- [Other](other.md)', '',
      '### More', 'Noise.', '', '## References', '1. Cite', '', '## After', 'Kept.', '',
    ].join('\n');
    // when
    const parsed = parseMarkdown(text);
    // then
    expect(parsed.sections).toEqual([['Facts'], ['After']]);
    expect(blocksOf(text)).toEqual([
      ['list', 'Facts', 1, '- a fact'],
      ['paragraph', 'After', 1, 'Kept.'],
    ]);
  });

  it('reports a heading with no text at its line', () => {
    expect(parseMarkdown('# T\n\nText.\n\n## \n\nMore.\n').problems).toEqual([{ line: 5, message: 'heading with no text' }]);
    expect(parseMarkdown('#\n\nText.\n').problems).toEqual([{ line: 1, message: 'heading with no text' }]);
  });

  it('excludes surrounding whitespace from a block but keeps inner characters, zero-width ones included', () => {
    const text = '  \u200bLead and trail\u200e  \n';
    expect(blocksOf(text)).toEqual([['paragraph', '', 1, '\u200bLead and trail\u200e']]);
  });

  it('handles CRLF files', () => {
    const text = '# T\r\n\r\n## A\r\nOne\r\ntwo.\r\n';
    expect(blocksOf(text)).toEqual([['paragraph', 'A', 1, 'One\r\ntwo.']]);
  });
});

describe('markdownHeading', () => {
  it.each([
    ['## Analysis', { level: 2, text: 'Analysis' }],
    ['### Closed ###', { level: 3, text: 'Closed' }],
    ['#', { level: 1, text: '' }],
    ['## #', { level: 2, text: '' }],
    ['#hashtag', undefined],
    ['####### seven', undefined],
  ])('reads %j', (line, expected) => {
    expect(markdownHeading(line)).toEqual(expected);
  });
});
