import { describe, expect, it } from 'vitest';
import { plainReason } from '../../src/answer/plain-reason.js';

describe('plainReason (why Footnote did not answer, for members)', () => {
  it('names a name the sources never mention', () => {
    expect(plainReason('The knowledge never mentions “Hamlet”.')).toBe('They never mention “Hamlet”.');
  });

  it('names a word the sources never use, so the member can ask with theirs', () => {
    const reason = 'The knowledge never uses the word “capital”, and the closest passages cover too little of the question.';
    expect(plainReason(reason)).toBe('They never use the word “capital”; try asking with their words.');
  });

  it('names every word of a question none of whose words the sources use', () => {
    expect(plainReason('The knowledge never uses the word “feds”.')).toBe('They never use the word “feds”; try asking with their words.');
    expect(plainReason('The knowledge never uses the words “bake” and “bread”.')).toBe('They never use the words “bake” and “bread”; try asking with their words.');
  });

  it('says nothing technical for reasons that would not help', () => {
    expect(plainReason('The closest passages do not show enough of the question together.')).toBe("Nothing in them answers this question, so I won't guess.");
    expect(plainReason(undefined)).toBe("Nothing in them answers this question, so I won't guess.");
  });
});
