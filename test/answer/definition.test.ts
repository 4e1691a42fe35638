import { afterAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { definesSubject, definitionSubject } from '../../src/answer/definition.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildSearchIndex } from '../../src/retrieval/search-index.js';
import { indexKnowledge, removeScratch, SHIPPED_KNOWLEDGE } from '../helpers/knowledge.js';

afterAll(removeScratch);

describe('definition questions', () => {
  it.each([
    ['What is Tenet Media?', 'Tenet Media'],
    ['What was the Black Cloister?', 'Black Cloister'],
    ['what is the IEEE', 'IEEE'],
    ['What was the 2015 NFL MVP?', '2015 NFL MVP'],
  ])('read the named subject of %j', (question, subject) => {
    expect(definitionSubject(question)).toBe(subject);
  });

  it.each([
    'What is the capital of France?',
    "What is Russia's role?",
    'Who is the president of Russia?',
    'What is foreign interference?',
    'Who is Matthew Olsen?',
    'What did Tenet Media do?',
    'What is the Tenet Media Group Holding Company Limited?',
  ])('leave other questions alone: %j', (question) => {
    expect(definitionSubject(question)).toBeUndefined();
  });

  it('see a passage say what the subject is, after it or before it', () => {
    expect(definesSubject('Tenet Media, a Tennessee company, paid influencers.', 'Tenet Media')).toBe(true);
    expect(definesSubject('Tenet Media is a video platform.', 'tenet media')).toBe(true);
    expect(definesSubject('The Institute of Electrical and Electronics Engineers (IEEE) met.', 'Institute of Electrical and Electronics Engineers')).toBe(true);
    expect(definesSubject('Cam Newton, the 2015 NFL MVP, lost.', '2015 NFL MVP')).toBe(true);
    expect(definesSubject('Musk amplified content promoted by Tenet Media according to researchers.', 'Tenet Media')).toBe(false);
    expect(definesSubject('Russia, Iran and China interfered.', 'Russia')).toBe(false);
  });
});

describe('the confidence of an answer to a definition question', () => {
  it('is never high when the passages only mention the subject (the shipped article never says what Tenet Media is)', async () => {
    const index = buildSearchIndex(await loadKnowledge(SHIPPED_KNOWLEDGE));
    const answer = answerQuestion(index, 'What is Tenet Media?');
    expect(answer.answered).toBe(true);
    expect(answer.excerpts[0]?.text).toMatch(/Tenet Media/);
    expect(answer.confidence).toBe('low');
  });

  it('may be high when a passage says what it is', async () => {
    const index = await indexKnowledge({
      'media.md': [
        '# Media',
        'Tenet Media is a video platform based in Tennessee that paid influencers.',
        'The harbour authority repaired the northern pier in spring.',
        'Glaciers retreated across the valley during the warm decade.',
        'The orchestra toured four cities with a new symphony.',
      ].join('\n\n'),
    });
    const answer = answerQuestion(index, 'What is Tenet Media?');
    expect(answer.confidence).not.toBe('none');
    expect(answer.confidence).not.toBe('low');
  });
});
