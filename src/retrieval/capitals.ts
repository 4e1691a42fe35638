import { countries } from 'countries-list';
import type { PhraseTable } from './aliases.js';
import { surfaceWords } from './surface.js';
import { analyze } from './terms.js';

/**
 * Capital cities read as their countries. News and members alike say "Moscow" or "Beijing" for
 * a government ("Did Beijing try to sway the vote?"), while a knowledge base may name only the
 * country. The capitals come from the maintained `countries-list` data (ISO 3166 countries with
 * their English capitals), not from a list kept here.
 */

/**
 * Alias phrases from capital to country for a knowledge base: only for a country the knowledge
 * names (every index term of its name is known) and a capital it never names, so that a
 * question about a city the knowledge does describe keeps meaning that city. Aliases a person
 * wrote (`aliases.yaml`) win over these.
 *
 * @example capitalAliases((t) => t === 'russia').get('moscow') // [['russia']]
 */
export function capitalAliases(knows: (term: string) => boolean): Map<string, string[][]> {
  const table = new Map<string, string[][]>();
  for (const country of Object.values(countries)) {
    const capital = country.capital.trim();
    if (capital === '' || capital === country.name) continue;
    const countryTerms = analyze(country.name);
    const capitalTerms = analyze(capital);
    if (countryTerms.length === 0 || capitalTerms.length === 0) continue;
    if (!countryTerms.every(knows) || capitalTerms.every(knows)) continue;
    // Keyed as the query planner joins a question's words: lower case, one space apart ("kuala lumpur").
    table.set(surfaceWords(capital).join(' '), [countryTerms]);
  }
  return table;
}

/**
 * The written aliases with the capital aliases added where a person wrote none for that key.
 *
 * @example withCapitals(written, (t) => index.documentFrequency.has(t))
 */
export function withCapitals(written: PhraseTable, knows: (term: string) => boolean): PhraseTable {
  const merged = new Map(written);
  for (const [key, phrases] of capitalAliases(knows)) if (!merged.has(key)) merged.set(key, phrases);
  return merged;
}
