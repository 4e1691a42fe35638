import { beforeAll, describe, expect, it } from 'vitest';
import { judgeAnswer } from '../../src/answer/abstain.js';
import { answerQuestion } from '../../src/answer/answer.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildSearchIndex, type SearchIndex } from '../../src/retrieval/search-index.js';
import { searchPassages } from '../../src/retrieval/search.js';
import { SHIPPED_KNOWLEDGE } from '../helpers/knowledge.js';

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
    ['How do I bake bread?', 'Nothing in the knowledge matches the question.'],
    ['what is the best pizza topping', 'The closest passages cover too little of the question.'],
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
