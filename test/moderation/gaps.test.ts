/**
 * Gap analysis (what a question asks that the knowledge lacks) and the gap report's grouping.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyseGap } from '../../src/moderation/gap-analysis.js';
import { gapGroupKey, groupGaps, groupingOf } from '../../src/moderation/gap-report.js';
import type { GapRecord } from '../../src/store/store.js';
import { indexKnowledge, removeScratch } from '../helpers/knowledge.js';

afterAll(removeScratch);

const BEES = '# Bees\n\n## Dance\n\nHoneybees dance to tell the hive where flowers are.\n\n## Hives\n\nA hive holds one queen and many workers.\n';

describe('analyseGap', () => {
  it('given a question with a word no passage uses, then that word comes first and the nearest section is named', async () => {
    const index = await indexKnowledge({ 'bees.md': BEES });
    const gap = analyseGap(index, 'Why do honeybees dance in winter?');
    expect(gap.missingTerms[0]).toBe('winter');
    expect(gap.missingTerms).not.toContain('honeybees');
    expect(gap.nearestSection).toBe('Bees › Dance');
  });

  it('given a question about nothing the knowledge has, then every content word is missing and there is no nearest section', async () => {
    const index = await indexKnowledge({ 'bees.md': BEES });
    expect(analyseGap(index, 'Who won the Super Bowl?')).toEqual({ missingTerms: ['won', 'super', 'bowl'] });
  });

  it('given a 👎 on a question whose words are all there, then its rarest words are kept', async () => {
    const index = await indexKnowledge({ 'bees.md': BEES });
    expect(analyseGap(index, 'How many workers does a hive hold?').missingTerms.length).toBeGreaterThan(0);
  });
});

const gap = (question: string, missingTerms: string[], at: number, kind: GapRecord['kind'] = 'abstained'): GapRecord => ({
  guildId: 'g', channelId: 'c', kind, question, missingTerms, nearestSection: 'Bees › Dance', at,
});

describe('groupGaps', () => {
  it('given gaps missing forms of one word, then they form one group with counts, recency and up to three examples, newest first', () => {
    const groups = groupGaps([
      gap('Do bees vote?', ['vote'], 1),
      gap('How do bees voting work?', ['voting'], 2, 'downvoted'),
      gap('Do bees vote?', ['vote'], 3),
      gap('Who votes in the hive?', ['votes'], 4),
      gap('Bees vote how?', ['vote'], 5),
      gap('What is the Super Bowl?', ['super', 'bowl'], 6),
    ]);
    expect(groups.map((g) => [g.words[0], g.count, g.abstained, g.downvoted, g.firstAt, g.lastAt])).toEqual([
      ['vote', 5, 4, 1, 1, 5],
      ['super', 1, 1, 0, 6, 6],
    ]);
    expect(groups[0]?.examples).toEqual(['Bees vote how?', 'Who votes in the hive?', 'Do bees vote?']);
    expect(groups[0]?.nearestSection).toBe('Bees › Dance');
  });

  it('given gaps whose first missing words differ, then they meet under the word they share', () => {
    const groups = groupGaps([gap('How do I register to vote by mail?', ['register', 'mail'], 1), gap('Can I vote by mail from abroad?', ['mail', 'abroad'], 2)]);
    expect(groups.map((g) => [g.words, g.count])).toEqual([[['mail', 'abroad', 'register'], 2]]);
  });

  it('given a covered group, then it is hidden until a newer gap joins it', () => {
    const key = gapGroupKey(groupingOf({ missingTerms: ['vote'] }));
    const covered = [{ guildId: 'g', groupKey: key, coveredAt: 10 }];
    expect(groupGaps([gap('Do bees vote?', ['vote'], 5)], covered)).toEqual([]);
    expect(groupGaps([gap('Do bees vote?', ['vote'], 5), gap('Bees vote?', ['vote'], 11)], covered).map((g) => g.count)).toEqual([2]);
  });

  it('given gaps with no missing words, then they group by their nearest section, and keys are stable 12-hex strings', () => {
    const groups = groupGaps([gap('a?', [], 1), gap('b?', [], 2)]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.key).toBe(gapGroupKey('section:Bees › Dance'));
    expect(groups[0]?.key).toMatch(/^[0-9a-f]{12}$/);
  });
});
