import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { spellingNote } from '../../src/answer/plain-reason.js';
import { correctName, indexVocabulary, spellingDistance } from '../../src/retrieval/name-spelling.js';
import type { SearchIndex } from '../../src/retrieval/search-index.js';
import { searchPassages } from '../../src/retrieval/search.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildSearchIndex } from '../../src/retrieval/search-index.js';
import { indexKnowledge, removeScratch, SQUAD_KNOWLEDGE } from '../helpers/knowledge.js';
import { gate, sharedRequirement } from '../helpers/requirements.js';

afterAll(removeScratch);

// One passage per topic, with the names a question may misspell.
const KNOWLEDGE = {
  'protest.md': [
    '# Civil disobedience',
    '',
    'Henry David Thoreau wrote Civil Disobedience, and Gandhi later called his doctrine Satyagraha.',
    '',
    'The University of Chicago is known for its heavy workload and academic difficulty.',
    '',
    'Abu Hamza al-Masri was arrested and charged with incitement to terrorism.',
    '',
    'Article 34 of the TFEU forbids quantitative restrictions on imports between member states.',
    '',
  ].join('\n'),
};

// Lower-case "vessel" and "hama" are common words one letter from names a question might use
// ("Wessel", "Hamaz"), and "Grainer" is a name one letter from another ("Grainger").
const NEAR_MISSES = {
  'town.md': [
    '# Town',
    '',
    'The old vessel was repaired in the harbour before the winter storms.',
    '',
    'Children press hama beads onto a pegboard and iron them together.',
    '',
    'The village of Grainer lies in the hills above the lake.',
    '',
    'The old town centre has 450 buildings, and most of its buildings are listed.',
    '',
  ].join('\n'),
};

let index: SearchIndex;
let nearMisses: SearchIndex;

beforeAll(async () => {
  index = await indexKnowledge(KNOWLEDGE);
  nearMisses = await indexKnowledge(NEAR_MISSES);
});

describe('spellingDistance', () => {
  it('counts a swap of adjacent letters as one edit ("Univeristy")', () => {
    expect(spellingDistance('univeristy', 'university', 2)).toBe(1);
    expect(spellingDistance('shirey', 'shirley', 2)).toBe(1);
    expect(spellingDistance('ghandi', 'gandhi', 2)).toBe(2);
  });

  it('stops at the limit', () => {
    expect(spellingDistance('broncos', 'branca', 1)).toBe(2);
    expect(spellingDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('the engine lookups behind corrections', () => {
  it('finds index terms one edit away through the radix tree, and the passages holding a term', () => {
    expect([...index.miniSearch.termsNear('gandi', 1).keys()]).toContain('gandhi');
    expect(index.miniSearch.termsNear('gandi', 1).get('gandhi')).toBe(1);
    expect(index.miniSearch.passagesWith('gandhi', 3)).toEqual([0]);
    expect(index.miniSearch.passagesWith('nowhere', 3)).toEqual([]);
  });
});

describe('misspelled names', () => {
  it.each([
    ["What was Ghandi's doctrine called?", 'Ghandi', 'Gandhi', 'Satyagraha'],
    ['Which Univeristy is known for its heavy workload?', 'Univeristy', 'University', 'heavy workload'],
    ['What was Abu Hamaz al-Masri charged with?', 'Hamaz', 'Hamza', 'incitement'],
  ])('find their passage: %j', (question, typed, read, answerText) => {
    // when
    const answer = answerQuestion(index, question);
    // then: answered from the passage with the knowledge's spelling, which the excerpt shows in bold
    expect(answer.answered).toBe(true);
    expect(answer.excerpts[0]?.text).toContain(answerText);
    expect(answer.excerpts[0]?.text).toMatch(new RegExp(`\\*\\*[^*]*\\b${read}\\b[^*]*\\*\\*`));
    expect(answer.readAs).toEqual([{ typed, read }]);
    expect(spellingNote(answer.readAs)).toBe(`Read “${typed}” as “${read}”.`);
  });

  it('are read as an alternative of the typed word, not in its place', () => {
    // when
    const { plan } = searchPassages(index, "What was Ghandi's doctrine called?");
    // then
    const ghandi = plan.concepts.find((c) => c.word === 'Ghandi');
    expect(ghandi?.term).toBe('ghandi');
    expect(ghandi?.alternatives).toContainEqual(['gandhi']);
    expect(ghandi?.readAs).toEqual([{ term: 'gandhi', word: 'Gandhi' }]);
  });

  it('leave correctly spelled questions without corrections', () => {
    // when
    const answer = answerQuestion(index, "What was Gandhi's doctrine called?");
    // then
    expect(answer.answered).toBe(true);
    expect(answer.readAs).toBeUndefined();
  });
});

describe('names near unrelated words still abstain', () => {
  it.each([
    // One letter from the lower-case words "vessel" and "hama": common words are not names.
    ['When was the Wessel repaired?', 'Wessel'],
    ['What did Hamaz press onto the pegboard?', 'Hamaz'],
    // One letter from the name "Grainer", whose passage says nothing about listed buildings.
    ["How many of Grainger Town's buildings are listed?", 'Grainger'],
  ])('%j', (question, name) => {
    // when
    const answer = answerQuestion(nearMisses, question);
    // then
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe(`The knowledge never mentions “${name}”.`);
    expect(answer.readAs).toBeUndefined();
  });

  it('does not correct short names, whose one-letter neighbours are too many', () => {
    expect(correctName('Hamz', indexVocabulary(index))).toEqual([]);
  });
});

describe('acronyms', () => {
  it('never fuzzy-match ("TEFU" is not read as "TFEU")', () => {
    // when
    const answer = answerQuestion(index, 'Which TEFU article forbids quantitative restrictions?');
    // then
    expect(correctName('TEFU', indexVocabulary(index))).toEqual([]);
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe('The knowledge never mentions “TEFU”.');
  });
});

describe('misspelled names of SQuAD dev-1000 (regression: they abstained as unknown names)', () => {
  const squadThere = gate(sharedRequirement('the SQuAD misspelled-name questions', [SQUAD_KNOWLEDGE]));

  it.skipIf(!squadThere)('are answered, each reading the knowledge\'s spelling in its first excerpt', async () => {
    // given
    const squad = buildSearchIndex(await loadKnowledge(SQUAD_KNOWLEDGE));
    const questions: [string, string, string][] = [
      ["What was Ghandi's work called?", 'Ghandi', 'Gandhi'],
      ['What guide states the Univeristy of Chicago is known for their heavy workload and academic difficulty?', 'Univeristy', 'University'],
      ['Who was responsible for the preliminary archaeological research at Ologesailie and Hyrax Hill?', 'Ologesailie', 'Olorgesailie'],
      ['What does the Wessel-Datteln canal run parallel to?', 'Wessel', 'Wesel'],
      ['What was Abu Hamaz al-Masri charged with when he was arrested?', 'Hamaz', 'Hamza'],
      ['How did Celeron feel about Native relations?', 'Celeron', 'Céloron'],
      ['Where was Shirey going to be when Fort Oswego was to be attacked?', 'Shirey', 'Shirley'],
      ['In what town did Bill Aiken grow up?', 'Aiken', 'Aken'],
    ];
    for (const [question, typed, read] of questions) {
      // when
      const answer = answerQuestion(squad, question);
      // then
      expect(answer.answered, question).toBe(true);
      expect(answer.readAs, question).toEqual([{ typed, read }]);
      expect(answer.excerpts[0]?.text, question).toContain(read);
    }
  });
});
