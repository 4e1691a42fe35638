import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { SCIFACT_KNOWLEDGE as SCIFACT, SHIPPED_KNOWLEDGE as SEED, SQUAD_KNOWLEDGE as SQUAD } from '../helpers/knowledge.js';
import { gate, sharedRequirement } from '../helpers/requirements.js';

const squadRuns = gate(sharedRequirement('the SQuAD corpus test', [SQUAD]));
const scifactRuns = gate(sharedRequirement('the SciFact corpus test', [SCIFACT]));

/** Every passage is a verbatim slice of its document. */
function expectVerbatim(knowledge: KnowledgeBase): void {
  for (const passage of knowledge.passages) {
    const document = knowledge.documents[passage.documentIndex];
    expect(document?.text.slice(passage.start, passage.end)).toBe(passage.text);
  }
}

describe('the shipped seed', () => {
  it('loads with its metadata, sections, paragraph numbers and aliases, without See also', async () => {
    // when
    const knowledge = await loadKnowledge(SEED);
    // then
    const [document] = knowledge.documents;
    expect(knowledge.documents).toHaveLength(1);
    expect(document?.title).toBe('Foreign interference in the 2024 United States elections');
    expect(document?.url).toBe('https://en.wikipedia.org/wiki/Foreign_interference_in_the_2024_United_States_elections');
    expect(document?.license).toBe('CC BY-SA 4.0');
    // Analysis ¶2 (about 1,600 characters) is longer than MAX_PASSAGE_CHARS: two passages share its number.
    expect(knowledge.passages.map((passage) => `${passage.section} ¶${passage.paragraph}`)).toEqual([
      ' ¶1', ' ¶2', 'Background ¶1', 'Background ¶2', 'Background ¶3',
      'Analysis ¶1', 'Analysis ¶2', 'Analysis ¶2', 'Analysis ¶3', 'Analysis ¶4',
      'Analysis › State-sponsored interference › Suspected state-sponsored interference ¶1',
    ]);
    const analysis2 = document?.blocks.find((block) => block.headingPath.join() === 'Analysis' && block.paragraph === 2);
    expect(document?.text.slice(analysis2?.start, analysis2?.end)).toMatch(/^The Associated Press cites .* influence efforts\.$/);
    const [firstHalf, secondHalf] = knowledge.passages.filter((passage) => passage.section === 'Analysis' && passage.paragraph === 2);
    expect(firstHalf?.text.startsWith('The Associated Press cites U.S. intelligence officials')).toBe(true);
    expect(secondHalf?.text.endsWith('rather than a revolutionary change to influence efforts.')).toBe(true);
    expect(knowledge.passages.some((passage) => passage.text.includes('List of foreign electoral interventions'))).toBe(false);
    expectVerbatim(knowledge);
    expect(knowledge.aliases.get('kremlin')).toEqual(['Russia']);
    expect(knowledge.aliases.get('doj')).toEqual(['Justice Department', 'Department of Justice']);
  });
});

describe.runIf(squadRuns)('the SQuAD corpus', () => {
  it('loads 48 documents whose blocks are exactly the 2,067 SQuAD paragraphs', async () => {
    // when
    const knowledge = await loadKnowledge(SQUAD);
    // then
    expect(knowledge.documents).toHaveLength(48);
    expect(knowledge.documents.reduce((sum, document) => sum + document.blocks.length, 0)).toBe(2067);
    for (const document of knowledge.documents) {
      const afterTitle = document.text.slice(document.text.indexOf('\n', document.text.indexOf('\n# ') + 1));
      const paragraphs = afterTitle.split('\n\n').map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== '');
      expect(document.blocks.map((block) => document.text.slice(block.start, block.end))).toEqual(paragraphs);
    }
    expect(knowledge.documents[0]?.title).toBe('Super Bowl 50');
    expectVerbatim(knowledge);
  });
});

describe.runIf(scifactRuns)('the SciFact corpus', () => {
  it('loads 5,183 abstracts, each one paragraph', async () => {
    // when
    const knowledge = await loadKnowledge(SCIFACT);
    // then
    expect(knowledge.documents).toHaveLength(5183);
    const document = knowledge.documents.find((candidate) => candidate.path === '10009203.md');
    const abstract = readFileSync(join(SCIFACT, '10009203.md'), 'utf8').split('\n')[8];
    expect(document?.title).toBe(
      'Structural Homeostasis: Compensatory Adjustments of Dendritic Arbor Geometry in Response to Variations of Synaptic Input',
    );
    expect(document?.blocks.map((block) => document.text.slice(block.start, block.end))).toEqual([abstract]);
    expect(knowledge.documents.every((candidate) => candidate.blocks.length === 1)).toBe(true);
    expect(new Set(knowledge.passages.map((passage) => passage.id)).size).toBe(knowledge.passages.length);
  });
});
