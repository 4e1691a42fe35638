import { afterAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { capitalAliases, withCapitals } from '../../src/retrieval/capitals.js';
import { indexKnowledge, removeScratch } from '../helpers/knowledge.js';

afterAll(removeScratch);

// The knowledge names countries only, and one city (Paris) that it describes as a city.
const KNOWLEDGE = {
  'world.md': [
    '# Relations',
    '',
    'Israel protested the new trade rules at the summit.',
    '',
    'Ukraine asked its allies for more air defence before the winter.',
    '',
    'France hosted the summit in Paris, a city of museums and cafes along the Seine.',
    '',
  ].join('\n'),
};

describe('capital cities read as their countries', () => {
  it('reads a capital the knowledge never names as the country it does name', () => {
    const table = capitalAliases((term) => ['israel', 'ukrain'].includes(term));
    expect(table.get('jerusalem')).toEqual([['israel']]);
    expect(table.get('kyiv')).toEqual([['ukrain']]);
    // countries the knowledge never names give no alias
    expect(table.has('moscow')).toBe(false);
  });

  it('keeps a capital the knowledge names for itself, and lets a written alias win', () => {
    expect(capitalAliases((term) => ['franc', 'pari'].includes(term)).has('paris')).toBe(false);
    const written = new Map([['jerusalem', [['holi', 'citi']]]]);
    expect(withCapitals(written, (term) => term === 'israel').get('jerusalem')).toEqual([['holi', 'citi']]);
  });

  it('answers "What did Jerusalem protest?" from the passage about Israel, and "Kyiv" from the one about Ukraine', async () => {
    const index = await indexKnowledge(KNOWLEDGE);
    const israel = answerQuestion(index, 'What did Jerusalem protest?');
    expect(israel.answered).toBe(true);
    expect(israel.excerpts[0]?.text).toContain('**Israel protested**');
    const ukraine = answerQuestion(index, 'What did Kyiv ask its allies for?');
    expect(ukraine.excerpts[0]?.text).toContain('Ukraine');
  });

  it('does not read a named city as its country: "Paris" stays the city', async () => {
    const index = await indexKnowledge(KNOWLEDGE);
    expect(index.aliases.written.has('paris')).toBe(false);
  });
});
