import { afterAll, describe, expect, it } from 'vitest';
import { searchPassages } from '../../src/retrieval/search.js';
import { indexKnowledge, removeScratch } from '../helpers/knowledge.js';

afterAll(removeScratch);

const ELECTIONS = {
  'elections.md': [
    '# Elections',
    '',
    '## Threats',
    'Russia was described as remaining the top threat to the elections.',
    '',
    'Chinese interference was described as cautious and nuanced.',
    '',
    'In 2022, the Foreign Malign Influence Center was set up as a command hub.',
    '',
    'Iran supported college protests. Iranian operatives were posing as students.',
    '',
    '## Weather',
    'The weather in the capital was mild during the vote.',
    '',
  ].join('\n'),
};

const where = (r: { passage: { section: string; paragraph: number } }): string => `${r.passage.section} ¶${r.passage.paragraph}`;

describe('searchPassages', () => {
  it('ranks the passage holding every question word first, then those matching one word (here, their section)', async () => {
    // given
    const index = await indexKnowledge(ELECTIONS);
    // when
    const { passages } = searchPassages(index, 'What is the top threat?');
    // then: only ¶1 says "top threat"; ¶2–¶4 match "threat" through their section heading "Threats"
    expect(passages[0] && where(passages[0])).toBe('Threats ¶1');
    expect(passages.slice(1).map(where).sort()).toEqual(['Threats ¶2', 'Threats ¶3', 'Threats ¶4']);
    expect(passages[0]?.features).toMatchObject({ coverage: 1, proximity: 1, phrase: 1, matched: [true, true] });
    // "the top threat" as written: pairs "the top" and "top threat" of "is the", "the top", "top threat"
    expect(passages[0]?.features).toMatchObject({ words: 1, sentencePairs: 2 / 3, run: 3 / 6 });
    // the heading "Threats" names the question's commoner word only
    expect(passages[0]?.features.heading).toBeGreaterThan(0);
    expect(passages[0]?.features.heading).toBeLessThan(0.5);
    expect(passages[1]?.features.matched).toEqual([false, true]);
  });

  it('returns nothing for a question whose words the knowledge never uses', async () => {
    const index = await indexKnowledge(ELECTIONS);
    expect(searchPassages(index, 'Who wrote Hamlet?').passages).toEqual([]);
  });

  it('finds "Chinese" for a question about China (demonym forms)', async () => {
    const index = await indexKnowledge(ELECTIONS);
    const { passages } = searchPassages(index, 'What did China do?');
    expect(passages.map((r) => r.passage.text)).toEqual(['Chinese interference was described as cautious and nuanced.']);
  });

  it('finds "Iran" and "Iranian" for a question about Iranians', async () => {
    const index = await indexKnowledge(ELECTIONS);
    const { passages } = searchPassages(index, 'Who did Iranians pose as?');
    expect(passages.map(where)).toEqual(['Threats ¶4']);
  });

  it('finds the Foreign Malign Influence Center for an acronym question ("What did the FMIC do?")', async () => {
    const index = await indexKnowledge(ELECTIONS);
    const { passages } = searchPassages(index, 'What did the FMIC do?');
    expect(passages.map((r) => r.passage.text)).toEqual(['In 2022, the Foreign Malign Influence Center was set up as a command hub.']);
  });

  it.each([["Russia's threat"], ['russias threats'], ['RUSSIA THREAT'], ['Russia, threat!']])(
    'gives the same top passage for a possessive, plural or case variant: %s',
    async (question) => {
      const index = await indexKnowledge(ELECTIONS);
      const [top] = searchPassages(index, question).passages;
      expect(top?.passage.text).toBe('Russia was described as remaining the top threat to the elections.');
    },
  );

  it('does not match "US" with "using" (an acronym never collides with a stem)', async () => {
    // given
    const index = await indexKnowledge({ 'a.md': '# A\n\nOperatives were using fake accounts.\n\nThe US government set up a center.\n' });
    // when
    const { passages } = searchPassages(index, 'What did the US government do?');
    // then
    expect(passages.map((r) => r.passage.text)).toEqual(['The US government set up a center.']);
  });

  it('finds an acronym typed in lower case ("fbi" → FBI)', async () => {
    const index = await indexKnowledge({ 'a.md': '# A\n\nThe FBI warned about fake videos.\n\nNothing else here.\n' });
    expect(searchPassages(index, 'what did the fbi warn about').passages[0]?.passage.text).toBe('The FBI warned about fake videos.');
  });

  it('honours the limit', async () => {
    const index = await indexKnowledge(ELECTIONS);
    // The shorter passage wins the tie on the one word.
    expect(searchPassages(index, 'described', { limit: 1 }).passages.map(where)).toEqual(['Threats ¶2']);
    expect(searchPassages(index, 'described').passages.map(where)).toEqual(['Threats ¶2', 'Threats ¶1']);
  });
});

describe('searchPassages over collections', () => {
  const COLLECTIONS = {
    'game-rules/combat.md': '# Combat\n\nA sword deals two damage per hit.\n',
    'modding/api.md': '# Modding API\n\nA sword item is registered with registerItem.\n',
    'welcome.md': '# Welcome\n\nAsk about the sword in #help.\n',
  };

  it('searches only the chosen collections and the files at the top, which belong to every collection', async () => {
    // given
    const index = await indexKnowledge(COLLECTIONS);
    // when
    const titles = searchPassages(index, 'sword', { collections: ['game-rules'] }).passages.map((r) => r.passage.title);
    // then
    expect(titles.sort()).toEqual(['Combat', 'Welcome']);
  });

  it('searches everything when no collection (or an empty list) is given', async () => {
    const index = await indexKnowledge(COLLECTIONS);
    expect(searchPassages(index, 'sword').passages).toHaveLength(3);
    expect(searchPassages(index, 'sword', { collections: [] }).passages).toHaveLength(3);
  });
});

describe('re-ranking', () => {
  const files = {
    'notes.md': [
      '# Notes',
      '',
      '## Parks',
      'The national park has security guards.',
      '',
      '## Summit',
      'Officials discussed national security at length during the long summit meeting in the capital.',
      '',
      '## Protests',
      'Iran, Iran, Iran and Iran again: protests and more protests.',
      '',
      '## Campus',
      'Iran supported college protests across many campuses in the spring of that year, according to officials.',
      '',
    ].join('\n'),
  };

  it('prefers the passage holding the question as a phrase over a shorter one with the words apart', async () => {
    // given: BM25 alone prefers the short "Parks" passage
    const index = await indexKnowledge(files);
    // when
    const { passages } = searchPassages(index, 'national security');
    // then
    expect(passages.map((r) => r.passage.section)).toEqual(['Summit', 'Parks']);
    expect(passages[1]?.bm25).toBe(1);
    expect(passages.map((r) => r.features.phrase)).toEqual([1, 0]);
  });

  it('prefers the passage covering more of the question over one repeating a single word', async () => {
    // given: "Iran, Iran, Iran and Iran again" repeats one word (BM25F saturates it: it no longer
    // outscores the passage with all three words even before re-ranking, as MiniSearch's BM25 did)
    const index = await indexKnowledge(files);
    // when
    const { passages } = searchPassages(index, 'Iran college protests');
    // then
    expect(passages.map((r) => r.passage.section)).toEqual(['Campus', 'Protests']);
    expect(passages[0]?.bm25).toBe(1);
    expect(passages[1]?.bm25).toBeLessThan(0.7);
    expect(passages[0]?.features.coverage).toBe(1);
    expect(passages[0]?.features.matched).toEqual([true, true, true]);
    expect(passages[1]?.features.matched).toEqual([true, false, true]);
  });
});

describe('long paragraphs', () => {
  it('lists a paragraph split into overlapping passages once', async () => {
    // given: one paragraph of 11 sentences (about 1,700 characters), cut into overlapping passages
    const sentence = (i: number): string =>
      `Sentence ${i} says the zebra crossed the river near the old stone bridge while the herd waited on the grassy bank for the rain to stop falling on the wide plain.`;
    const paragraph = Array.from({ length: 11 }, (_, i) => sentence(i + 1)).join(' ');
    const index = await indexKnowledge({ 'animals.md': `# Animals\n\n${paragraph}\n\nA giraffe ate leaves.\n` });
    const [first, second] = index.knowledge.passages;
    expect([first?.paragraph, second?.paragraph]).toEqual([1, 1]);
    expect((second?.start ?? Infinity) < (first?.end ?? 0)).toBe(true);
    // when
    const { passages } = searchPassages(index, 'Where did the zebra cross the river?');
    // then
    expect(passages.map(where)).toEqual([' ¶1']);
  });
});
