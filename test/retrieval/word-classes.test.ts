import { describe, expect, it } from 'vitest';
import { planQuery } from '../../src/retrieval/query.js';
import { isLikelyNoun, questionWordClasses } from '../../src/retrieval/word-classes.js';

const NO_ALIASES = { written: new Map(), learned: new Map() };

describe('word classes: which question words are nouns', () => {
  it('reads a question in context: "sway" is a verb in "try to sway the vote", "vote" a noun', () => {
    const classes = questionWordClasses('Did Beijing try to sway the vote?');
    expect(classes.get('sway')).toBe(false);
    expect(classes.get('vote')).toBe(true);
    expect(classes.get('beijing')).toBe(true);
  });

  it('reads nouns the lexicon does not know as nouns in context ("deepfakes", "bot")', () => {
    expect(questionWordClasses('Did AI deepfakes play a role?').get('deepfakes')).toBe(true);
    expect(questionWordClasses('How do I make a Discord bot?').get('bot')).toBe(true);
  });

  it('out of context, falls back on the lexicon, where an unknown word counts as a noun', () => {
    expect(isLikelyNoun('capital')).toBe(true);
    expect(isLikelyNoun('involved')).toBe(false);
    // "sway" is not in wink-lexicon: out of context it would pass for a noun
    expect(isLikelyNoun('sway')).toBe(true);
  });

  it('marks a word the knowledge never uses by its class in the question', () => {
    // given: a knowledge that knows "vote" but not "sway"
    const plan = planQuery('Did Beijing try to sway the vote?', NO_ALIASES, (term) => term === 'vote');
    // then
    const sway = plan.concepts.find((c) => c.word === 'sway');
    expect(sway?.isNoun).toBe(false);
    expect(plan.concepts.find((c) => c.word === 'vote')?.isNoun).toBe(true);
  });
});
