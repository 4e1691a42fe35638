import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { PassageMiniSearch } from '../../src/retrieval/engine.js';
import { MINISEARCH_OPTIONS, type IndexedFields } from '../../src/retrieval/options.js';
import { PostingsBuilder } from '../../src/retrieval/postings.js';
import { analyze } from '../../src/retrieval/terms.js';

describe('PassageMiniSearch.fromPostings', () => {
  it('builds the same index as MiniSearch addAll: same results, same scores', async () => {
    // given: the shipped article, analysed both ways
    const { passages } = await loadKnowledge('knowledge');
    const fields = passages.map((p) => [analyze(p.title), analyze(p.section), analyze(p.text)]);
    const builder = new PostingsBuilder(3);
    for (const f of fields) builder.addTerms(f);
    const poured = PassageMiniSearch.fromPostings(builder.finish());
    const added = new MiniSearch<IndexedFields>(MINISEARCH_OPTIONS);
    added.addAll(fields.map(([title, section, text], id) => ({ id, title: title!.join(' '), section: section!.join(' '), text: text!.join(' ') })));
    // when / then: every query gives identical rankings and scores
    for (const query of ['russia', 'iran elect', 'foreign malign influenc center', 'state sponsor interfer', 'unknownword']) {
      const simplify = (results: ReturnType<MiniSearch['search']>): [unknown, number][] => results.map((r) => [r.id, Number(r.score.toFixed(9))]);
      expect(simplify(poured.search(query))).toEqual(simplify(added.search(query)));
    }
    expect(poured.documentCount).toBe(added.documentCount);
    expect(poured.termCount).toBe(added.termCount);
  });
});
