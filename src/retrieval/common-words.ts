import { toTerm } from './terms.js';

/**
 * Very frequent English content words. In a small knowledge base a word like "after" may
 * occur in one passage only, which gives it the IDF of a rare name; in questions it carries
 * little. These words keep their place in search but weigh less (see `RANKING.commonWordWeight`).
 * None of them is a stop word (a test pins it): stop words are dropped before they are weighed.
 */
export const COMMON_WORDS: readonly string[] = `
after before against already always among around away back because become began begin between
bring came come comes day days during early end even ever every far few first get give given go
goes going gone good got great happen happened high however keep know known large last later
least left less let like little long look made make makes making mean means more most near need
never new next now often old part place put rather really right said saw say says see seen seem
set several since small still take taken thing things think though three through thus time times
today together told took two until use used uses using usually want way ways well went whether
while work year years yet
`.trim().split(/\s+/);

/** The index terms of {@link COMMON_WORDS}. */
export const COMMON_TERMS: ReadonlySet<string> = new Set(COMMON_WORDS.map(toTerm).filter((t): t is string => t !== null));
