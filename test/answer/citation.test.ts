import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { textFragment } from '../../src/answer/citation.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildSearchIndex } from '../../src/retrieval/search-index.js';
import { indexKnowledge, removeScratch, SHIPPED_KNOWLEDGE } from '../helpers/knowledge.js';

afterAll(removeScratch);

const FILES = {
  'ada.md': [
    '---',
    'title: Ada Lovelace',
    'source: https://en.wikipedia.org/wiki/Ada_Lovelace',
    '---',
    '# Ada Lovelace',
    '',
    '## Early life',
    'Ada was born in London in 1815.',
    '',
    '## Work',
    '### Notes, letters',
    'Her notes on the Analytical Engine include a program for the Bernoulli numbers, a pre-computer R&D landmark.',
    '',
  ].join('\n'),
  'garden.md': '# Garden\n\nTomatoes need full sun and regular watering.\n',
  'guide.md': '---\ntitle: Guide\nsource: https://example.org/guide#old-anchor\n---\n# Guide\n\n## Setup\nRun the installer twice before lunch.\n',
};

describe('textFragment', () => {
  it('uses the whole excerpt when it has at most ten words, without edge punctuation', () => {
    expect(textFragment('Russia was described as remaining the top threat.')).toBe(
      ':~:text=Russia%20was%20described%20as%20remaining%20the%20top%20threat',
    );
  });

  it('uses the first and last five words of a longer excerpt as start,end', () => {
    expect(textFragment('one two three four five six seven eight nine ten eleven twelve')).toBe(
      ':~:text=one%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve',
    );
  });

  it('percent-encodes -, comma and & (they are syntax in text fragments)', () => {
    expect(textFragment('A pro-Trump, anti-LGBTQ & xenophobic campaign')).toBe(
      ':~:text=A%20pro%2DTrump%2C%20anti%2DLGBTQ%20%26%20xenophobic%20campaign',
    );
  });

  it('ignores highlight marks and ellipses of a formatted excerpt', () => {
    expect(textFragment('…the **top threat** today…')).toBe(':~:text=the%20top%20threat%20today');
  });
});

describe('citations of answers', () => {
  it('links a Wikipedia document to the section anchor and a text fragment of the excerpt', async () => {
    // given
    const index = await indexKnowledge(FILES);
    // when
    const [first] = answerQuestion(index, 'When was Ada born?').excerpts;
    // then
    expect(first?.citation).toEqual({
      title: 'Ada Lovelace',
      section: 'Early life',
      paragraph: 1,
      source: 'knowledge/ada.md',
      url: 'https://en.wikipedia.org/wiki/Ada_Lovelace#Early_life:~:text=Ada%20was%20born%20in%20London%20in%201815',
    });
  });

  it('anchors a nested section on its last heading and encodes -, comma and & in the fragment', async () => {
    const index = await indexKnowledge(FILES);
    const [first] = answerQuestion(index, 'What did her notes on the Analytical Engine include?').excerpts;
    expect(first?.citation).toEqual({
      title: 'Ada Lovelace',
      section: 'Work › Notes, letters',
      paragraph: 1,
      source: 'knowledge/ada.md',
      url: 'https://en.wikipedia.org/wiki/Ada_Lovelace#Notes,_letters:~:text=Her%20notes%20on%20the%20Analytical,numbers%2C%20a%20pre%2Dcomputer%20R%26D%20landmark',
    });
  });

  it('adds no section anchor outside Wikipedia, and drops the anchor the source URL had', async () => {
    const index = await indexKnowledge(FILES);
    const [first] = answerQuestion(index, 'When should the installer run?').excerpts;
    expect(first?.citation.url).toBe('https://example.org/guide#:~:text=Run%20the%20installer%20twice%20before%20lunch');
  });

  it('has no url when the document has none', async () => {
    // given
    const index = await indexKnowledge(FILES);
    // when
    const [first] = answerQuestion(index, 'What do tomatoes need?').excerpts;
    // then
    expect(first?.citation).toEqual({ title: 'Garden', section: '', paragraph: 1, source: 'knowledge/garden.md' });
    expect(first !== undefined && 'url' in first.citation).toBe(false);
  });

  it('cites the seed passage on the Foreign Malign Influence Center as Background ¶3', async () => {
    // given: in the seed file, Background has three paragraphs and this is the third
    const seed = readFileSync(join(SHIPPED_KNOWLEDGE, 'foreign-interference-2024-us-elections.txt'), 'utf8');
    const background = seed.slice(seed.indexOf('==Background==\n') + 15, seed.indexOf('==Analysis=='));
    expect(background.trim().split('\n\n')[2]?.startsWith('In 2022, the Foreign Malign Influence Center')).toBe(true);
    const index = buildSearchIndex(await loadKnowledge(SHIPPED_KNOWLEDGE));
    // when
    const [first] = answerQuestion(index, 'When was the Foreign Malign Influence Center set up?').excerpts;
    // then
    expect(first?.citation).toEqual({
      title: 'Foreign interference in the 2024 United States elections',
      section: 'Background',
      paragraph: 3,
      source: 'knowledge/foreign-interference-2024-us-elections.txt',
      url:
        'https://en.wikipedia.org/wiki/Foreign_interference_in_the_2024_United_States_elections#Background' +
        ':~:text=In%202022%2C%20the%20Foreign%20Malign,surrounding%20the%202024%20presidential%20election',
    });
  });
});
