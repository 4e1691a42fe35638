import { toTerm } from './terms.js';

/**
 * Very frequent English content words. In a small knowledge base a word like "after" may
 * occur in one passage only, which gives it the IDF of a rare name; in questions it carries
 * little. These words keep their place in search but weigh less (see `RANKING.commonWordWeight`).
 */
const COMMON_WORDS = `
after before again against already always among around away back because become began begin
between bring came come comes could day days during early end even ever every far few first
get give given go goes going gone good got great happen happened high however keep know known
large last later least left less let like little long look made make makes making many mean
means might more most much must near need never new next now often old once part per place
put rather really right said same saw say says see seen seem set several since small still
such take taken tell than thing things think though three through thus time times today
together told took two under until upon us use used uses using usually want way ways well
went whether while without work year years yet
`.trim().split(/\s+/);

/** The index terms of {@link COMMON_WORDS}. */
export const COMMON_TERMS: ReadonlySet<string> = new Set(COMMON_WORDS.map(toTerm).filter((t): t is string => t !== null));
