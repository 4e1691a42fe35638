import { countries } from 'countries-list';
import { analyze, scanWords } from './terms.js';
import type { PhraseTable } from './aliases.js';

/**
 * Capital cities read as their countries. News and members alike say "Moscow" or "Beijing" for
 * a government ("Did Beijing try to sway the vote?"), while a knowledge base may name only the
 * country. The capitals come from the maintained `countries-list` data (ISO 3166 countries with
 * their English capitals), not from a list kept here.
 */

/** Words as the query planner joins them into an alias key: lower case, one space apart ("kuala lumpur"). */
function aliasKey(name: string): string {
  const words: string[] = [];
  scanWords(name, (start, end) => words.push(name.slice(start, end).toLowerCase()));
  return words.join(' ');
}

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
    table.set(aliasKey(capital), [countryTerms]);
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
