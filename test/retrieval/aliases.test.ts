import { afterAll, describe, expect, it } from 'vitest';
import { analyseWrittenAliases, learnAliases, lowerCaseExpansions } from '../../src/retrieval/aliases.js';
import { searchPassages } from '../../src/retrieval/search.js';
import { indexKnowledge, removeScratch } from '../helpers/knowledge.js';

afterAll(removeScratch);

describe('learnAliases', () => {
  it('learns an acronym from the phrase before it in parentheses ("National Football League (NFL)")', () => {
    // when
    const learned = learnAliases(['The National Football League (NFL) held its final game.']);
    // then
    expect(learned.get('nfl')).toEqual([['nation', 'footbal', 'leagu']]);
  });

  it('learns the initials of a title-case name ("Foreign Malign Influence Center" → fmic)', () => {
    const learned = learnAliases(['In 2022, the Foreign Malign Influence Center was set up.']);
    expect(learned.get('fmic')).toEqual([['foreign', 'malign', 'influenc', 'center']]);
  });

  it('learns initials with and without connector words ("Department of Justice (DOJ)" → doj, dj)', () => {
    const learned = learnAliases(['The Department of Justice (DOJ) said so.']);
    expect(learned.get('doj')).toEqual([['depart', 'justic']]);
    expect(learned.get('dj')).toEqual([['depart', 'justic']]);
  });

  it('leaves lower-case phrases to question time: learning them from every text costs more than it finds', () => {
    const text = 'Officials said artificial intelligence tools help. The use of artificial intelligence grew. AI is an accelerant.';
    expect(learnAliases([text]).has('ai')).toBe(false);
  });
});

describe('lowerCaseExpansions', () => {
  it('finds a lower-case phrase that spells the acronym and recurs ("artificial intelligence" → ai)', () => {
    // given: the phrase twice and the acronym once, in one document
    const text = 'Officials said artificial intelligence tools help. The use of artificial intelligence grew. AI is an accelerant.';
    // when / then
    expect(lowerCaseExpansions(text, 'ai')).toEqual([['artifici', 'intellig']]);
  });

  it('ignores a chance pair that occurs once ("using social" is not US)', () => {
    expect(lowerCaseExpansions('Campaigns using social media are common in the US.', 'us')).toEqual([]);
  });

  it('ignores a phrase that occurs once, even next to its acronym', () => {
    expect(lowerCaseExpansions('Officials said artificial intelligence tools help. AI is an accelerant.', 'ai')).toEqual([]);
  });

  it('skips connector words and capitalised names ("Allied Intelligence" is a name, handled at build time)', () => {
    const text = 'and in, and in. Allied Intelligence met Allied Intelligence.';
    expect(lowerCaseExpansions(text, 'ai')).toEqual([]);
  });
});

describe('analyseWrittenAliases', () => {
  it('analyses each phrase into index terms, keyed by the lower-case term', () => {
    // given: aliases as aliases.yaml gives them
    const written = new Map([
      ['Kremlin', ['Russia']],
      ['DOJ', ['Justice Department', 'Department of Justice']],
    ]);
    // when
    const table = analyseWrittenAliases(written);
    // then
    expect([...table]).toEqual([
      ['kremlin', [['russia']]],
      ['doj', [['justic', 'depart'], ['depart', 'justic']]],
    ]);
  });

  it('leaves out phrases made only of stop words', () => {
    expect([...analyseWrittenAliases(new Map([['them', ['the']]]))]).toEqual([]);
  });
});

describe('aliases in search', () => {
  const files = {
    'threats.md': [
      '# Threats',
      '',
      'Russia was described as remaining the top threat.',
      '',
      'In 2022, the Foreign Malign Influence Center was set up as a command hub.',
      '',
      'The weather was mild during the vote.',
      '',
    ].join('\n'),
    'aliases.yaml': 'Kremlin: Russia\n',
  };

  it('finds a passage that only says Russia for a question about the Kremlin (aliases.yaml)', async () => {
    // given
    const index = await indexKnowledge(files);
    // when
    const { passages } = searchPassages(index, 'What did the Kremlin do?');
    // then
    expect(passages.map((p) => p.passage.text)).toEqual(['Russia was described as remaining the top threat.']);
  });

  it('finds the Foreign Malign Influence Center for "FMIC", learned from the text', async () => {
    const index = await indexKnowledge(files);
    const { passages } = searchPassages(index, 'What did the FMIC do?');
    expect(passages.map((p) => p.passage.text)).toEqual(['In 2022, the Foreign Malign Influence Center was set up as a command hub.']);
  });

  it('applies a learned acronym only to a word written as an acronym ("fmic" in lower case finds nothing)', async () => {
    const index = await indexKnowledge(files);
    expect(searchPassages(index, 'what did fmic do').passages).toEqual([]);
  });
});
