/**
 * The gap report: gap records grouped by what the knowledge lacks (the missing word most of them
 * share, as an index term so "voting" and "votes" group together; else the nearest section), with counts,
 * recency and a few example questions. Groups a moderator marked covered stay hidden until a newer
 * gap joins them.
 */
import { createHash } from 'node:crypto';
import { toTerm } from '../retrieval/terms.js';
import type { CoveredGapGroup, GapRecord, Millis } from '../store/store.js';

/** Example questions shown per group. */
export const EXAMPLES_PER_GROUP = 3;
/** Hex digits of a group key (it travels in button custom_ids). */
const GROUP_KEY_HEX = 12;

/** One group of the report. */
export interface GapGroup {
  /** Stable across reports and restarts: a hash of what the group is about. */
  readonly key: string;
  /** What the knowledge lacks: the group's missing words, most frequent first. */
  readonly words: readonly string[];
  /** The nearest section most of its questions came to. */
  readonly nearestSection?: string;
  readonly count: number;
  readonly abstained: number;
  readonly downvoted: number;
  readonly firstAt: Millis;
  readonly lastAt: Millis;
  /** Up to {@link EXAMPLES_PER_GROUP} distinct questions, newest first. */
  readonly examples: readonly string[];
}

const termOf = (word: string): string => toTerm(word) ?? word.toLowerCase();

/**
 * What a gap is grouped by: of its missing words (as index terms), the one most gaps of the
 * report share (so "register to vote by mail" and "vote by mail from abroad" meet under "mail"),
 * ties going to its most telling word; with no missing words, its nearest section.
 *
 * @example groupingOf({ missingTerms: ['register', 'mail'] }, new Map([['mail', 2]])) // 'term:mail'
 */
export function groupingOf(gap: Pick<GapRecord, 'missingTerms' | 'nearestSection'>, shared: ReadonlyMap<string, number> = new Map()): string {
  let best: string | undefined;
  for (const word of gap.missingTerms) {
    const term = termOf(word);
    if (best === undefined || (shared.get(term) ?? 0) > (shared.get(best) ?? 0)) best = term;
  }
  return best === undefined ? `section:${gap.nearestSection ?? ''}` : `term:${best}`;
}

/**
 * The key of a grouping (short, custom_id safe, the same in every process).
 *
 * @example gapGroupKey('term:mail') // '5b1c…' (12 hex digits)
 */
export function gapGroupKey(grouping: string): string {
  return createHash('sha256').update(grouping).digest('hex').slice(0, GROUP_KEY_HEX);
}

/** Values by how often they occur; ties keep their first order (the most telling word first). */
const mostFrequent = (values: readonly string[]): string[] => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const first = new Map([...counts.keys()].map((v, i) => [v, i]));
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || first.get(a)! - first.get(b)!);
};

/**
 * Groups gap records, biggest and then most recent group first, leaving out groups covered
 * after their newest gap.
 *
 * @example groupGaps(gaps, [])[0]?.examples.length // up to 3
 */
export function groupGaps(gaps: readonly GapRecord[], covered: readonly CoveredGapGroup[] = []): GapGroup[] {
  const coveredAt = new Map(covered.map((c) => [c.groupKey, c.coveredAt]));
  const shared = new Map<string, number>();
  for (const gap of gaps) for (const term of new Set(gap.missingTerms.map(termOf))) shared.set(term, (shared.get(term) ?? 0) + 1);
  const byKey = new Map<string, GapRecord[]>();
  for (const gap of gaps) {
    const key = gapGroupKey(groupingOf(gap, shared));
    const list = byKey.get(key);
    if (list) list.push(gap);
    else byKey.set(key, [gap]);
  }
  const groups: GapGroup[] = [];
  for (const [key, list] of byKey) {
    const newestFirst = [...list].sort((a, b) => b.at - a.at);
    const lastAt = newestFirst[0]!.at;
    const hiddenSince = coveredAt.get(key);
    if (hiddenSince !== undefined && hiddenSince >= lastAt) continue;
    const sections = mostFrequent(list.flatMap((g) => (g.nearestSection === undefined ? [] : [g.nearestSection])));
    const examples = [...new Set(newestFirst.map((g) => g.question.trim()))].slice(0, EXAMPLES_PER_GROUP);
    groups.push({
      key,
      words: mostFrequent(newestFirst.flatMap((g) => g.missingTerms.map((t) => t.toLowerCase()))).slice(0, 4),
      ...(sections[0] === undefined ? {} : { nearestSection: sections[0] }),
      count: list.length,
      abstained: list.filter((g) => g.kind === 'abstained').length,
      downvoted: list.filter((g) => g.kind === 'downvoted').length,
      firstAt: newestFirst[newestFirst.length - 1]!.at,
      lastAt,
      examples,
    });
  }
  return groups.sort((a, b) => b.count - a.count || b.lastAt - a.lastAt || a.key.localeCompare(b.key));
}
