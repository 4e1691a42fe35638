import MiniSearch from 'minisearch';
import type { ScoredAnswer } from '../evaluation/metrics.js';
import type { KnowledgeBase } from '../knowledge/types.js';

/** MiniSearch's defaults, with the two fields a newcomer would index. */
export const RAW_OPTIONS = { fields: ['title', 'text'] };

/** The baseline excerpt: the first 600 characters of the passage (the SQuAD README's reference). */
const RAW_EXCERPT_CHARS = 600;

interface RawDocument { readonly id: number; readonly title: string; readonly text: string }
interface RawBlock { readonly title: string; readonly source: string; readonly text: string }

/** Raw MiniSearch as a newcomer would use it: default options, one document per paragraph. */
export interface RawIndex {
  readonly miniSearch: MiniSearch<RawDocument>;
  readonly blocks: readonly RawBlock[];
}

/**
 * Indexes every paragraph of a knowledge base with MiniSearch's default options (fields
 * title and text): the baseline Footnote is measured against.
 */
export function buildRawIndex(knowledge: KnowledgeBase, options: { indexed?: boolean } = {}): RawIndex {
  const blocks = knowledge.documents.flatMap((d) => d.blocks.map((b) => ({ title: d.title, source: d.path, text: d.text.slice(b.start, b.end) })));
  const miniSearch = new MiniSearch<RawDocument>(RAW_OPTIONS);
  if (options.indexed !== false) miniSearch.addAll(blocks.map((b, id) => ({ id, title: b.title, text: b.text })));
  return { miniSearch, blocks };
}

/** Searches the baseline and shows the first 600 characters of each of the top `limit` paragraphs. */
export function askRaw(raw: RawIndex, question: string, limit = 3): ScoredAnswer {
  const hits = raw.miniSearch.search(question).slice(0, limit);
  return {
    answered: hits.length > 0,
    excerpts: hits.map((hit) => {
      const block = raw.blocks[hit.id as number]!;
      return { text: block.text.slice(0, RAW_EXCERPT_CHARS), citation: { title: block.title, source: block.source } };
    }),
  };
}
