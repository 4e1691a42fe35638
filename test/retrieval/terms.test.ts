import { describe, expect, it } from 'vitest';
import { analyze, tokenize, toTerm } from '../../src/retrieval/terms.js';

describe('analyze', () => {
  it('ignores case and punctuation', () => {
    // when
    const terms = analyze('The ELECTION, elections; Elections!');
    // then
    expect(terms).toEqual(['elect', 'elect', 'elect']);
  });

  it('drops the possessive s, straight or curly ("Russia\'s" → russia)', () => {
    expect(analyze("Russia's role")).toEqual(['russia', 'role']);
    expect(analyze('Ukraine’s allies')).toEqual(['ukrain', 'alli']);
    expect(analyze("Russians' plans")).toEqual(['russian', 'plan']);
  });

  it('stems plurals and inflections with Porter (elections → elect, running → run)', () => {
    expect(analyze('elections election elected')).toEqual(['elect', 'elect', 'elect']);
    expect(analyze('running runs protests protest')).toEqual(['run', 'run', 'protest', 'protest']);
  });

  it('drops stop words and question words', () => {
    expect(analyze('What did they do in the')).toEqual([]);
    expect(analyze('Who is the top threat?')).toEqual(['top', 'threat']);
  });

  it('drops indefinite and reflexive pronouns: "Did ODNI warn anyone?" is about ODNI warning', () => {
    expect(analyze('Did ODNI warn anyone?')).toEqual(['ODNI', 'warn']);
    expect(analyze('Did the feds do anything about it themselves?')).toEqual(['fed']);
  });

  it('drops single letters but keeps digits and numbers ("Super Bowl 5")', () => {
    expect(analyze('a b c 1 2')).toEqual(['1', '2']);
    expect(analyze('Super Bowl 5 in 2024')).toEqual(['super', 'bowl', '5', '2024']);
  });

  it('folds accents (Café résumé Zürich → cafe resum zurich)', () => {
    expect(analyze('Café résumé naïve Zürich')).toEqual(['cafe', 'resum', 'naiv', 'zurich']);
    expect(analyze('CAFÉ')).toEqual(analyze('cafe'));
  });

  it('treats invisible characters at word edges as nothing (BOM, zero-width space, LRM)', () => {
    expect(analyze('\ufeffRussia\u200e interfered\u200b')).toEqual(['russia', 'interf']);
  });

  // Regression: invisible format characters (soft hyphen U+00AD, zero-width space U+200B, word
  // joiner U+2060) split a word in two: analyze('dis\u00adinformation') gave ['di', 'inform'],
  // so a question typed as "disinformation" missed the text a reader sees as one word.
  it('ignores invisible characters inside a word (soft hyphen, zero-width space, word joiner)', () => {
    expect(analyze('dis\u00adinformation')).toEqual(['disinform']);
    expect(analyze('dis\u200binformation')).toEqual(['disinform']);
    expect(analyze('dis\u2060information')).toEqual(['disinform']);
  });
});

describe('toTerm', () => {
  it('gives the index term of one word, or null for a stop word or a single letter', () => {
    expect(toTerm('Elections')).toBe('elect');
    expect(toTerm('the')).toBeNull();
    expect(toTerm('x')).toBeNull();
    expect(toTerm('5')).toBe('5');
  });

  it('joins irregular verb forms to their verb, which Porter cannot ("found" → find, "won" → win)', () => {
    expect(toTerm('found')).toBe(toTerm('find'));
    expect(toTerm('won')).toBe(toTerm('wins'));
    expect(toTerm('paid')).toBe(toTerm('paying'));
    expect(toTerm('founded')).toBe('found');
  });

  it('keeps acronyms apart from stemmed words and stop words (regression: "US" matched "using")', () => {
    expect(toTerm('US')).toBe('US');
    expect(toTerm('using')).toBe('us');
    expect(toTerm('us')).toBeNull();
    expect(toTerm('NGOs')).toBe('NGO');
    expect(toTerm('AIDS')).not.toBe(toTerm('aids'));
  });
});

describe('tokenize', () => {
  it('keeps each word with its offset, and null terms for stop words and the possessive s', () => {
    // when
    const tokens = tokenize("Russia's role");
    // then
    expect(tokens).toEqual([
      { word: 'Russia', start: 0, term: 'russia' },
      { word: 's', start: 7, term: null },
      { word: 'role', start: 9, term: 'role' },
    ]);
  });

  it('keeps offsets into the original text when it holds invisible characters', () => {
    // given: a zero-width space and a BOM before the words
    const text = '\u200bA\ufeff threat';
    // when
    const [threat] = tokenize(text).filter((t) => t.term !== null);
    // then
    expect(threat).toEqual({ word: 'threat', start: 4, term: 'threat' });
    expect(text.slice(threat?.start, (threat?.start ?? 0) + 6)).toBe('threat');
  });
});
