import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mediaWikiHeading, parseMediaWiki } from '../../src/knowledge/parse-mediawiki.js';

const SEED = readFileSync(new URL('../../knowledge/foreign-interference-2024-us-elections.txt', import.meta.url), 'utf8');

describe('parseMediaWiki', () => {
  it('reads the seed article: title, sections by level, paragraph numbers, no See also', () => {
    // when
    const parsed = parseMediaWiki(SEED);
    // then
    expect(parsed.headingTitle).toEqual({ text: 'Foreign interference in the 2024 United States elections', line: 1 });
    expect(parsed.problems).toEqual([]);
    expect(parsed.sections).toEqual([
      ['Background'],
      ['Analysis'],
      ['Analysis', 'State-sponsored interference'],
      ['Analysis', 'State-sponsored interference', 'Suspected state-sponsored interference'],
    ]);
    expect(parsed.blocks.map((block) => [block.headingPath.join(' › '), block.paragraph, block.line])).toEqual([
      ['', 1, 3],
      ['', 2, 5],
      ['Background', 1, 8],
      ['Background', 2, 10],
      ['Background', 3, 12],
      ['Analysis', 1, 15],
      ['Analysis', 2, 17],
      ['Analysis', 3, 19],
      ['Analysis', 4, 21],
      ['Analysis › State-sponsored interference › Suspected state-sponsored interference', 1, 25],
    ]);
    const analysis2 = parsed.blocks[6];
    expect(SEED.slice(analysis2?.start, analysis2?.end)).toMatch(/^The Associated Press cites .* influence efforts\.$/);
  });

  it('reads a text file without headings as paragraphs, with no title', () => {
    // given
    const text = 'First paragraph\nstill first.\n\nSecond.\n';
    // when
    const parsed = parseMediaWiki(text);
    // then
    expect(parsed.headingTitle).toBeUndefined();
    expect(parsed.blocks.map((block) => text.slice(block.start, block.end))).toEqual(['First paragraph\nstill first.', 'Second.']);
  });

  it('reports a heading with no text', () => {
    expect(parseMediaWiki('= T =\n\nText.\n\n== ==\nMore.\n').problems).toEqual([{ line: 5, message: 'heading with no text' }]);
  });
});

describe('mediaWikiHeading', () => {
  it.each([
    ['==Background==', { level: 2, text: 'Background' }],
    ['== See also ==', { level: 2, text: 'See also' }],
    ['====Suspected state-sponsored interference====', { level: 4, text: 'Suspected state-sponsored interference' }],
    ['= Title =', { level: 1, text: 'Title' }],
    ['== ==', { level: 2, text: '' }],
    ['==========', undefined],
    ['== Unbalanced =', undefined],
    ['a = b', undefined],
  ])('reads %j', (line, expected) => {
    expect(mediaWikiHeading(line)).toEqual(expected);
  });
});
