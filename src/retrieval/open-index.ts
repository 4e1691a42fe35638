import { resolve } from 'node:path';
import { loadKnowledge } from '../knowledge/load.js';
import { buildSearchIndex, type SearchIndex } from './search-index.js';

/** Options of {@link openIndex}. */
export interface OpenIndexOptions {
  /** Show a progress bar on stderr for long builds (only on a terminal). */
  readonly progress?: boolean;
}

/**
 * Loads a knowledge folder and makes it searchable.
 *
 * @example const index = await openIndex('knowledge');
 */
export async function openIndex(knowledgeDir: string, _options: OpenIndexOptions = {}): Promise<SearchIndex> {
  const knowledge = await loadKnowledge(resolve(knowledgeDir));
  return buildSearchIndex(knowledge);
}
