import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { ANSWER_KIND, expectedKind, wordKinds } from '../../src/answer/answer-kind.js';
import { EXCERPT_MAX_CHARS, formatExcerpt, selectExcerpt } from '../../src/answer/excerpt.js';
import type { Passage } from '../../src/knowledge/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { planQuery } from '../../src/retrieval/query.js';
import { buildSearchIndex, type SearchIndex } from '../../src/retrieval/search-index.js';
import { searchPassages } from '../../src/retrieval/search.js';
import { tokenize } from '../../src/retrieval/terms.js';
import {
  DEV_QUESTIONS,
  removeScratch,
  SHIPPED_KNOWLEDGE,
  SQUAD_DEV,
  SQUAD_KNOWLEDGE,
} from '../helpers/knowledge.js';
import { gate, sharedRequirement } from '../helpers/requirements.js';

afterAll(removeScratch);

const WORD_CHAR = /[\p{L}\p{N}]/u;
const NO_ALIASES = { written: new Map(), learned: new Map() } as const;
/** Excerpts checked per question: more than the default three, to see further down the ranking. */
const EXCERPTS_PER_QUESTION = 5;
const SQUAD_QUESTIONS = 200;

/** Whether `offset` in `text` falls between two word characters (inside a word). */
const insideWord = (text: string, offset: number): boolean =>
  offset > 0 && offset < text.length && WORD_CHAR.test(text.charAt(offset - 1)) && WORD_CHAR.test(text.charAt(offset));

/** A one-paragraph passage of its own document, for calling selectExcerpt directly. */
const passageOf = (text: string): Passage => ({ id: 'p', documentIndex: 0, title: 'T', section: '', paragraph: 1, start: 0, end: text.length, text });

/**
 * Everything wrong with the excerpts of one question, as readable lines (empty when all is well):
 * verbatim, within the budget, cut on word boundaries, and highlighting only question words.
 */
function excerptProblems(index: SearchIndex, question: string): string[] {
  const wanted = new Set(searchPassages(index, question).plan.weights.keys());
  const answer = answerQuestion(index, question, { limit: EXCERPTS_PER_QUESTION });
  const problems: string[] = [];
  for (const shown of answer.excerpts) {
    const passage = index.knowledge.passages.find((p) => p.id === shown.passageId);
    const document = index.knowledge.documents[passage?.documentIndex ?? -1];
    const say = (what: string): void => void problems.push(`${question} → ${shown.text.slice(0, 60)}…: ${what}`);
    if (document === undefined) {
      say('no document');
      continue;
    }
    const { excerpt } = shown;
    for (const fragment of shown.text.replace(/\*\*/g, '').split('…')) {
      if (fragment !== '' && !document.text.includes(fragment)) say(`not verbatim: ${fragment.slice(0, 60)}`);
    }
    if (document.text.slice(excerpt.start, excerpt.end) !== excerpt.text) say('offsets do not give the text');
    if (excerpt.end - excerpt.start > EXCERPT_MAX_CHARS) say(`${excerpt.end - excerpt.start} characters`);
    if (insideWord(document.text, excerpt.start)) say('starts inside a word');
    if (insideWord(document.text, excerpt.end)) say('ends inside a word');
    for (const [start, end] of excerpt.highlights) {
      if (insideWord(excerpt.text, start) || insideWord(excerpt.text, end)) say(`highlight cuts a word: ${excerpt.text.slice(start, end)}`);
    }
    for (const [, marked] of shown.text.matchAll(/\*\*(.*?)\*\*/g)) {
      for (const token of tokenize(marked ?? '')) if (token.term === null || !wanted.has(token.term)) say(`highlights "${token.word}"`);
    }
  }
  return problems;
}

describe('selectExcerpt', () => {
  it('picks whole sentences around the one mentioning the question, within the budget', () => {
    // given: five sentences of about 150 characters; only the fourth mentions the zebra
    const filler = (name: string): string =>
      `The ${name} stood in the shade of the acacia trees for most of the long afternoon, waiting patiently for the heat of the day to pass at last.`;
    const sentences = [filler('lion'), filler('giraffe'), filler('hippo'), 'The zebra crossed the river at dawn.', filler('rhino')];
    const passage = passageOf(sentences.join(' '));
    const plan = planQuery('Where did the zebra cross the river?', NO_ALIASES);
    // when
    const excerpt = selectExcerpt(plan, [1, 1, 1], passage);
    // then: the zebra's sentence with one whole sentence of context on each side (an answer
    // often stands just before or after the sentence that repeats the question), within 400 characters
    expect(excerpt.text).toBe(sentences.slice(2, 5).join(' '));
    expect(excerpt.end - excerpt.start).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
    expect([excerpt.cutBefore, excerpt.cutAfter]).toEqual([false, false]);
    expect(formatExcerpt(excerpt)).toContain(' The **zebra crossed** the **river** at dawn. ');
  });

  it('cuts a single sentence longer than the budget around the question words, with … at both cuts', () => {
    // given: one sentence of 847 characters with "zebra" in the middle
    const text = `${Array(60).fill('filler').join(' ')} zebra ${Array(60).fill('filler').join(' ')}.`;
    const plan = planQuery('zebra', NO_ALIASES);
    // when
    const excerpt = selectExcerpt(plan, [1], passageOf(text));
    // then
    expect(excerpt.end - excerpt.start).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
    expect(text.slice(excerpt.start, excerpt.end)).toBe(excerpt.text);
    expect([excerpt.cutBefore, excerpt.cutAfter]).toEqual([true, true]);
    expect(formatExcerpt(excerpt)).toMatch(/^…filler( filler)* \*\*zebra\*\*( filler)*…$/);
  });

  it('shows a sentence that fits whole without …', () => {
    const text = 'The zebra crossed the river.';
    const excerpt = selectExcerpt(planQuery('zebra', NO_ALIASES), [1], passageOf(text));
    expect(formatExcerpt(excerpt)).toBe('The **zebra** crossed the river.');
  });

  // Bug: excerpt.ts bestWindowInside, for a sentence over the budget that starts with punctuation
  // before its first word (an opening quote or bracket): the window of words is measured from the
  // first word, but the span starts at the sentence start, and `Math.min(end, start + maxChars)`
  // then cuts the last word of the window. Input: `"Zebra` + 79 × ` word` + 40 × ` more` + `."`
  // asked "zebra"; expected an excerpt ending after a whole word; actual `… word wor…`.
  it('never cuts a word at the end of a long sentence that starts with a quote', () => {
    // given: the first word starts one character after the sentence (the quote)
    const text = `"Zebra ${Array(79).fill('word').join(' ')} ${Array(40).fill('more').join(' ')}."`;
    // when
    const excerpt = selectExcerpt(planQuery('zebra', NO_ALIASES), [1], passageOf(text));
    // then
    expect(insideWord(text, excerpt.end)).toBe(false);
  });
});

describe('excerpt fidelity over real corpora', () => {
  const devQuestionsThere = gate(sharedRequirement('the dev questions in the excerpt fidelity test', [DEV_QUESTIONS]));

  it('keeps every excerpt over the shipped knowledge verbatim, within 400 characters, on word boundaries', async () => {
    // given: the dev questions when present, and questions of every kind over the seed article
    const index = buildSearchIndex(await loadKnowledge(SHIPPED_KNOWLEDGE));
    const devQuestions = devQuestionsThere
      ? (JSON.parse(readFileSync(DEV_QUESTIONS, 'utf8')) as { questions: { q: string }[] }).questions.map((q) => q.q)
      : [];
    const questions = [
      ...devQuestions,
      'What did the FMIC do?',
      'What did the Kremlin do?',
      'Which countries interfered?',
      'What sentiments did the fake X accounts promote?',
      'Who wrote Hamlet?',
      'disinformation social media platforms',
    ];
    // when
    const problems = questions.flatMap((question) => excerptProblems(index, question));
    // then
    expect(problems).toEqual([]);
  });

  const squadMissing = !gate(sharedRequirement('the SQuAD excerpt fidelity test', [SQUAD_KNOWLEDGE, SQUAD_DEV]));

  it.skipIf(squadMissing)(`keeps every excerpt of ${SQUAD_QUESTIONS} SQuAD dev questions verbatim, within 400 characters, on word boundaries`, async () => {
    // given
    const index = buildSearchIndex(await loadKnowledge(SQUAD_KNOWLEDGE));
    const questions = readFileSync(SQUAD_DEV, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(0, SQUAD_QUESTIONS)
      .map((line) => (JSON.parse(line) as { question: string }).question.trim());
    // when
    const problems = questions.flatMap((question) => excerptProblems(index, question));
    // then
    expect(questions).toHaveLength(SQUAD_QUESTIONS);
    expect(problems).toEqual([]);
  });
});

describe('excerpt choice by the kind of answer asked for', () => {
  it('prefers the sentence that holds a date when the question asks "when"', () => {
    // given: two sentences that both name the treaty; only the second, a little shorter, has a year
    const sentences = [
      'The treaty was signed by the two kings after long talks in the old castle by the river.',
      'The treaty was signed by the two kings in 1648 after talks in the old castle by river.',
      ...Array.from({ length: 4 }, (_, i) => `Filler sentence number ${'x'.repeat(60)} about the harvest of grain ${i}.`),
    ];
    const passage = passageOf(sentences.join(' '));
    const plan = planQuery('When was the treaty signed?', NO_ALIASES);
    // when: the budget holds one sentence only
    const excerpt = selectExcerpt(plan, [1, 1], passage, 100);
    // then
    expect(excerpt.text).toBe(sentences[1]);
  });

  it('reads "when" as asking for a date, "how many" for a number, "who" for a name, and other questions as not saying', () => {
    expect(expectedKind('In what year did Tesla die?')).toBe(ANSWER_KIND.date);
    expect(expectedKind('When was the treaty signed?')).toBe(ANSWER_KIND.date);
    expect(expectedKind('How many children did Luther have?')).toBe(ANSWER_KIND.number);
    expect(expectedKind('Who wrote the report?')).toBe(ANSWER_KIND.name);
    expect(expectedKind('Why did Iran retaliate?')).toBe(0);
    expect(wordKinds('1943', false)).toBe(ANSWER_KIND.number | ANSWER_KIND.date);
    expect(wordKinds('Luther', false)).toBe(ANSWER_KIND.name);
    // a capital opening a sentence says nothing
    expect(wordKinds('The', true)).toBe(0);
  });
});
