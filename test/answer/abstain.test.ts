import { beforeAll, describe, expect, it } from 'vitest';
import { evidenceScore, judgeAnswer, type EvidenceFeatures } from '../../src/answer/abstain.js';
import { readQuestionSet } from '../../src/evaluation/question-sets.js';
import { answerQuestion } from '../../src/answer/answer.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildSearchIndex, type SearchIndex } from '../../src/retrieval/search-index.js';
import { searchPassages } from '../../src/retrieval/search.js';
import { REPO_ROOT, SHIPPED_KNOWLEDGE } from '../helpers/knowledge.js';

let index: SearchIndex;

beforeAll(async () => {
  index = buildSearchIndex(await loadKnowledge(SHIPPED_KNOWLEDGE));
});

/** A readable sentence: starts with a capital, ends with a full stop. */
const SENTENCE = /^[A-Z][^\n]*\.$/;

describe('abstention over the seed article', () => {
  it.each([
    ['Who wrote Hamlet?', 'The knowledge never mentions “Hamlet”.'],
    ['What is the weather in Paris today?', 'The knowledge never mentions “Paris”.'],
    ['What did Germany do in the election?', 'The knowledge never mentions “Germany”.'],
    ['What is the capital of Australia?', 'The knowledge never mentions “Australia”.'],
    ["What's 2+2?", 'Nothing in the knowledge matches the question.'],
    ['How do I bake bread?', 'The knowledge never uses the words “bake” and “bread”.'],
    // Not "what is the best pizza topping": Porter stems "topping" to "top" ("the top threat"), which
    // leaves it 28 % strict coverage, above MIN_COVERAGE_WITH_UNKNOWN_WORD; a known miss (DESIGN.md).
    ['What is the best pizza recipe?', 'The knowledge never uses the words “best”, “pizza” and “recipe”.'],
    ['Did the feds do anything about it?', 'The knowledge never uses the word “feds”.'],
    ['Which bot did Iran pretend to be?', 'The knowledge never uses the word “bot”, and the closest passages cover too little of the question.'],
    ['', 'The question has no words to search for.'],
    ['!!!', 'The question has no words to search for.'],
    ['What is it?', 'The question has no words to search for.'],
  ])('abstains on an out-of-scope question: %j', (question, reason) => {
    // when
    const answer = answerQuestion(index, question);
    // then
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe(reason);
    expect(answer.reason).toMatch(SENTENCE);
  });

  it('still lists the closest passages when it abstains and some words match', () => {
    // given: "wrote" occurs in the seed, "Hamlet" does not
    // when
    const answer = answerQuestion(index, 'Who wrote Hamlet?');
    // then
    expect(answer.answered).toBe(false);
    expect(answer.confidence).toBe('none');
    expect(answer.excerpts.map((e) => e.text)).toEqual([
      'Jordanian-American journalist Rami George Khouri **wrote** that "Such aggressive funding campaigns by AIPAC and other pro-Israeli forces may soon be perceived as another dimension of foreign interference in US elections, which has grown as a national concern since 2016."',
    ]);
  });

  it('lists passages about the election for a question about an unknown country in it', () => {
    // when
    const answer = answerQuestion(index, 'What did Germany do in the election?');
    // then: three closest passages, each matching "election" (the only known word)
    expect(answer.answered).toBe(false);
    expect(answer.excerpts).toHaveLength(3);
    for (const excerpt of answer.excerpts) expect(excerpt.text).toMatch(/\*\*elections?\*\*/i);
  });

  it('abstains when the question shares only the article\'s most common words ("2024", "election")', () => {
    // given: an in-domain question the article does not answer
    const answer = answerQuestion(index, 'Who won the 2024 election?');
    // then
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe('The closest passages share only the most common words of the knowledge with the question.');
    expect(answer.excerpts.length).toBeGreaterThan(0);
  });

  it('answers a question about the article\'s own topic, all in its most common words, at low confidence only', () => {
    // given: every word of the question is in the passage, and in most of the article
    const answer = answerQuestion(index, 'What is foreign interference?');
    // then: the passages about it are shown, but never as a confident answer
    expect(answer.answered).toBe(true);
    expect(answer.confidence).toBe('low');
    expect(answer.excerpts[0]?.text).toMatch(/\*\*foreign interference\*\*/i);
  });

  it('does not refuse over a verb the article never uses ("sway" in "try to sway the vote")', () => {
    const answer = answerQuestion(index, 'Did Beijing try to sway the vote?');
    expect(answer.answered).toBe(true);
  });

  it('lists nothing when no word matches', () => {
    expect(answerQuestion(index, 'How do I bake bread?').excerpts).toEqual([]);
  });

  it.each([
    ["What is Russia's role in the 2024 election interference?"],
    ['What did Matthew Olsen warn about on September 12, 2024?'],
    ['What did the FMIC do?'],
    ['What did the Kremlin do?'],
    ['Which countries interfered?'],
  ])('answers an in-scope question: %s', (question) => {
    const answer = answerQuestion(index, question);
    expect(answer.answered).toBe(true);
    expect(answer.reason).toBeUndefined();
    expect(answer.excerpts).toHaveLength(3);
  });
});

describe('judgeAnswer', () => {
  it('is confident when the best passage holds the whole question close together', () => {
    const verdict = judgeAnswer(index, searchPassages(index, 'Who is the top threat?'));
    expect(verdict).toMatchObject({ answered: true, confidence: 'high' });
  });

  it('abstains with confidence none and a reason naming the unknown word', () => {
    const verdict = judgeAnswer(index, searchPassages(index, 'What did Hamlet say about FMIC?'));
    expect(verdict).toMatchObject({ answered: false, confidence: 'none', reason: 'The knowledge never mentions “Hamlet”.' });
  });
});

describe('confidence', () => {
  it('is none exactly when Footnote abstains, over every member question', async () => {
    // given: the member-style questions kept in the repository
    const set = await readQuestionSet(`${REPO_ROOT}/eval/member-questions.json`);
    if (set.format !== 'qa') throw new Error('expected the dev-questions format');
    // when / then
    for (const { q } of set.questions) {
      const answer = answerQuestion(index, q);
      expect({ q, none: answer.confidence === 'none' }).toEqual({ q, none: !answer.answered });
    }
  });

  it('is not high when the question\'s words lie far apart in the passage (regression: "US" … "government")', () => {
    const answer = answerQuestion(index, 'What did the US government do?');
    expect(answer.confidence).not.toBe('high');
  });

  it('is not low when the first excerpt is the exact answer (regression: the CNN investigation was "low")', () => {
    const answer = answerQuestion(index, 'What did the CNN investigation find?');
    expect(answer.answered).toBe(true);
    expect(['high', 'medium']).toContain(answer.confidence);
    expect(answer.excerpts[0]?.text).toContain('56 fake, pro-Trump accounts');
  });
});

describe('evidenceScore', () => {
  const strong: EvidenceFeatures = {
    coverage: 1, proximity: 1, phrase: 0.5, missed: 0, margin: 0.5, spread: 0,
    words: 1, pairs: 0.5, sentencePairs: 0.5, run: 0.5, unknown: 0, namesMissed: 0, strictCoverage: 1,
    heading: 0.5, length: 0.6, sentenceCoverage: 1,
  };

  it('grows with coverage, proximity and the lead of the first passage', () => {
    expect(evidenceScore(strong)).toBeGreaterThan(evidenceScore({ ...strong, coverage: 0.5 }));
    expect(evidenceScore(strong)).toBeGreaterThan(evidenceScore({ ...strong, proximity: 0.5 }));
    expect(evidenceScore(strong)).toBeGreaterThan(evidenceScore({ ...strong, margin: 0 }));
  });

  it('falls when the question has foreign words or names the passage lacks, or the first passages disagree (three documents)', () => {
    expect(evidenceScore({ ...strong, unknown: 0.5, strictCoverage: 0.5 })).toBeLessThan(evidenceScore(strong));
    expect(evidenceScore({ ...strong, namesMissed: 1 })).toBeLessThan(evidenceScore(strong));
    expect(evidenceScore({ ...strong, spread: 1 })).toBeLessThan(evidenceScore(strong));
  });

  it('stays within [0, 1]', () => {
    const none: EvidenceFeatures = {
      coverage: 0, proximity: 0, phrase: 0, missed: 1, margin: 0, spread: 1,
      words: 0, pairs: 0, sentencePairs: 0, run: 0, unknown: 1, namesMissed: 1, strictCoverage: 0,
      heading: 0, length: 1, sentenceCoverage: 0,
    };
    expect(evidenceScore(none)).toBeGreaterThanOrEqual(0);
    expect(evidenceScore({ ...strong, phrase: 1, margin: 1 })).toBeLessThanOrEqual(1);
  });
});
