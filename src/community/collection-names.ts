/**
 * Collection names as moderators type them in `/settings`: a comma-separated list of the
 * knowledge's top-level folders, or `all`.
 */
import { collectionOf } from '../knowledge/parse-document.js';

/** What means "every collection" when typed. */
export const ALL_COLLECTIONS = 'all';

/**
 * The collections of a knowledge base, from its documents' paths, sorted.
 *
 * @example knownCollections(['game-rules/faq.md', 'modding/a.md', 'intro.md']) // ['game-rules', 'modding']
 */
export function knownCollections(documentPaths: readonly string[]): string[] {
  return [...new Set(documentPaths.map(collectionOf).filter((c): c is string => c !== undefined))].sort();
}

/** The outcome of {@link parseCollections}. */
export type ParsedCollections = { readonly ok: true; readonly collections: readonly string[] } | { readonly ok: false; readonly unknown: readonly string[] };

/**
 * Reads a typed list against the known collections (case-insensitively); `all` or nothing
 * means every collection (an empty list).
 *
 * @example parseCollections('Modding, game-rules', ['game-rules', 'modding']) // { ok: true, collections: ['game-rules', 'modding'] }
 * @example parseCollections('mods', ['modding']) // { ok: false, unknown: ['mods'] }
 */
export function parseCollections(typed: string, known: readonly string[]): ParsedCollections {
  const names = typed.split(/[,\s]+/).map((n) => n.trim()).filter(Boolean);
  if (names.length === 0 || names.some((n) => n.toLowerCase() === ALL_COLLECTIONS)) return { ok: true, collections: [] };
  const byLower = new Map(known.map((k) => [k.toLowerCase(), k]));
  const unknown = names.filter((n) => !byLower.has(n.toLowerCase()));
  if (unknown.length > 0) return { ok: false, unknown };
  return { ok: true, collections: [...new Set(names.map((n) => byLower.get(n.toLowerCase())!))].sort() };
}

/**
 * Completions for a comma-separated list being typed: the finished names kept, the last one
 * completed from the known collections (and `all` when nothing is typed yet).
 *
 * @example completeCollections('game-rules, mo', ['game-rules', 'modding']) // ['game-rules, modding']
 */
export function completeCollections(typed: string, known: readonly string[]): string[] {
  const parts = typed.split(',');
  const last = (parts.pop() ?? '').trim().toLowerCase();
  const done = parts.map((p) => p.trim()).filter(Boolean);
  const prefix = done.length === 0 ? '' : `${done.join(', ')}, `;
  const options = known.filter((k) => k.toLowerCase().startsWith(last) && !done.includes(k)).map((k) => `${prefix}${k}`);
  return done.length === 0 && ALL_COLLECTIONS.startsWith(last) ? [ALL_COLLECTIONS, ...options] : options;
}
