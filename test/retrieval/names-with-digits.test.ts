import { afterAll, describe, expect, it } from 'vitest';
import { searchPassages } from '../../src/retrieval/search.js';
import { analyze, toTerm } from '../../src/retrieval/terms.js';
import { indexKnowledge, removeScratch } from '../helpers/knowledge.js';

afterAll(removeScratch);

// Scientific text writes one gene or protein in any case ("CDK5", "Cdk5"); a word with a digit
// cannot collide with a stemmed English word, so it needs no capitals to stay apart.
describe('words with a digit (gene and protein names)', () => {
  it('get one index term whatever their case ("CDK5", "Cdk5", "cdk5" → cdk5)', () => {
    expect(toTerm('CDK5')).toBe('cdk5');
    expect(toTerm('Cdk5')).toBe('cdk5');
    expect(toTerm('HNF4A')).toBe(toTerm('Hnf4a'));
    expect(analyze('APOE4 and ApoE4')).toEqual(['apoe4', 'apoe4']);
  });

  it('leave all-letter acronyms apart from stemmed words ("US" is still not "using")', () => {
    expect(toTerm('US')).toBe('US');
    expect(toTerm('FBI')).toBe('FBI');
    expect(toTerm('using')).toBe('us');
  });

  it('match across case in a search (question "Cdk5", text "CDK5")', async () => {
    // given
    const index = await indexKnowledge({
      'a.md': '# Kinases\n\nCDK5 phosphorylates ATM after DNA damage.\n\nAnother kinase phosphorylates tau in neurons.\n',
    });
    // when
    const { passages } = searchPassages(index, 'Activated Cdk5 phosphorylates the ATM protein.');
    // then: the passage naming the kinase comes first, and matches the name itself
    expect(passages[0]?.passage.text).toBe('CDK5 phosphorylates ATM after DNA damage.');
    expect(passages[0]?.features.matched[1]).toBe(true);
  });

  it('still expand into the lower-case phrase they abbreviate ("CDK5" → "cyclin dependent kinase 5")', async () => {
    // given: the text spells the name out twice and abbreviates it once
    const index = await indexKnowledge({
      'a.md': [
        '# Kinases',
        '',
        'The cyclin dependent kinase 5 is active in neurons. Blocking cyclin dependent kinase 5 protects them. CDK5 is studied.',
        '',
        'Other kinases act in the liver.',
        '',
      ].join('\n'),
    });
    // when
    const { plan } = searchPassages(index, 'What does CDK5 do?');
    // then
    expect(plan.concepts[0]?.alternatives).toContainEqual(analyze('cyclin dependent kinase 5'));
  });
});
