import { afterAll, describe, expect, it } from 'vitest';
import { bm25Score } from '../../src/retrieval/bm25.js';
import { RANKING } from '../../src/retrieval/options.js';
import { searchPassages } from '../../src/retrieval/search.js';
import type { SearchIndex } from '../../src/retrieval/search-index.js';
import { indexKnowledge, removeScratch } from '../helpers/knowledge.js';

afterAll(removeScratch);

/** The BM25 score of the passage whose text starts with `start`. */
function scoreOf(index: SearchIndex, terms: Record<string, number>, start: string, coordination = true): number {
  const id = index.knowledge.passages.findIndex((p) => p.text.startsWith(start));
  expect(id).toBeGreaterThanOrEqual(0);
  return bm25Score(index, new Map(Object.entries(terms)), index.memo.analysed(index.knowledge.passages[id]!), id, { coordination });
}

describe('bm25Score (BM25F)', () => {
  it('saturates a word over all fields together: a title word repeated in the text adds less than a new word', async () => {
    // given: passage A has "kinase" in its title and its text; B has it in its text only
    const index = await indexKnowledge({
      'a.md': '# Kinase\n\nThe kinase binds tau in neurons of the brain.\n',
      'b.md': '# Other\n\nOur kinase binds tau in neurons of the brain.\n',
    });
    // when
    const a = scoreOf(index, { kinas: 1 }, 'The kinase binds');
    const b = scoreOf(index, { kinas: 1 }, 'Our kinase binds');
    // then: more, but far from twice (separately saturated fields would nearly double it)
    expect(a).toBeGreaterThan(b);
    expect(a).toBeLessThan(1.5 * b);
  });

  it('multiplies by the number of terms matched only with coordination', async () => {
    // given
    const index = await indexKnowledge({ 'a.md': '# A\n\nThe kinase binds tau.\n\nNothing to see.\n' });
    // when
    const withBonus = scoreOf(index, { kinas: 1, tau: 1 }, 'The kinase', true);
    const without = scoreOf(index, { kinas: 1, tau: 1 }, 'The kinase', false);
    // then
    expect(withBonus).toBeCloseTo(2 * without, 10);
  });
});

describe('coordination by question length', () => {
  const files = {
    'a.md': [
      '# Notes',
      '',
      // matches four common words of the claim
      'Patients with disease had treatment and outcomes in the trial of patients with disease.',
      '',
      // matches two rare words of the claim, many times over the notes
      'Metformin reverses fibrosis.',
      '',
      'Patients had outcomes.',
      '',
      'Disease and treatment.',
      '',
      'Trial of treatment.',
      '',
    ].join('\n'),
  };

  it('lets a long claim score the passage with its rarest words highest in BM25, not the one matching most words', async () => {
    // given: a claim of more than `coordinationMaxConcepts` content words
    const index = await indexKnowledge(files);
    const claim = 'Metformin treatment reverses fibrosis in patients with disease outcomes trial';
    // when
    const { plan, passages } = searchPassages(index, claim);
    // then
    expect(plan.concepts.length).toBeGreaterThan(RANKING.coordinationMaxConcepts);
    const bm25Of = (text: string): number | undefined => passages.find((p) => p.passage.text.startsWith(text))?.bm25;
    expect(bm25Of('Metformin reverses fibrosis.')).toBe(1);
    expect(bm25Of('Patients with disease had treatment')).toBeLessThan(1);
  });

  it('keeps the bonus for a short question, where each word is a large part of it', async () => {
    // given
    const index = await indexKnowledge(files);
    // when
    const { plan, passages } = searchPassages(index, 'patients disease trial');
    // then
    expect(plan.concepts.length).toBeLessThanOrEqual(RANKING.coordinationMaxConcepts);
    expect(passages.find((p) => p.bm25 === 1)?.passage.text).toMatch(/^Patients with disease had treatment/);
  });
});
