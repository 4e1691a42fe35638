import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/knowledge/sentences.js';

/** The sentences of `text` as strings. */
const sentencesOf = (text: string): string[] => splitSentences(text).map(({ start, end }) => text.slice(start, end));

describe('splitSentences', () => {
  it('splits on sentence ends and trims surrounding whitespace', () => {
    expect(sentencesOf('  Done!  Really?  Yes.  ')).toEqual(['Done!', 'Really?', 'Yes.']);
  });

  it('adds the offset, so ranges index the document', () => {
    expect(splitSentences('One. Two.', 100)).toEqual([
      { start: 100, end: 104 },
      { start: 105, end: 109 },
    ]);
  });

  it('returns one range for text without sentence punctuation, and none for blank text', () => {
    expect(splitSentences(' no punctuation here ', 5)).toEqual([{ start: 6, end: 25 }]);
    expect(splitSentences(' \n ')).toEqual([]);
  });

  it.each([
    ['U.S. intelligence agencies identified Cuba. Next.', ['U.S. intelligence agencies identified Cuba.', 'Next.']],
    ['Then Matthew G. Olsen warned. Next.', ['Then Matthew G. Olsen warned.', 'Next.']],
    ['Dr. Smith and Mr. Jones came. Next.', ['Dr. Smith and Mr. Jones came.', 'Next.']],
    ['The U.K. Government said so. Next.', ['The U.K. Government said so.', 'Next.']],
    ['See No. 5 here. A (Dr. Who) fan. Next.', ['See No. 5 here.', 'A (Dr. Who) fan.', 'Next.']],
    ['It cost 3.5 dollars. Next.', ['It cost 3.5 dollars.', 'Next.']],
  ])('keeps abbreviations and initials inside their sentence: %j', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it('does not end a sentence at a soft line break (SQuAD writes O₂ as "O\\n2")', () => {
    expect(sentencesOf('Gas is O\n2. Diatomic oxygen is common. Next')).toEqual([
      'Gas is O\n2.',
      'Diatomic oxygen is common.',
      'Next',
    ]);
  });

  it('keeps list items apart', () => {
    expect(sentencesOf('- one item\n- Two item\n- three')).toEqual(['- one item', '- Two item', '- three']);
  });
});
