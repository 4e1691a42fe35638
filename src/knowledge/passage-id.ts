/**
 * Stable passage ids: the same file content always gives the same ids, and editing one paragraph
 * changes only that paragraph's ids (the bot's /reload diffs ids to report what changed).
 */
// createHash, not crypto.hash: the one-shot hash() needs Node 20.12, and sha1 hex is the same.
import { createHash } from 'node:crypto';

/** Longest document slug in an id; with ':' + hash + a duplicate suffix an id stays well under 64. */
const DOC_SLUG_MAX = 40;
/** Hex digits of the content hash kept in an id. */
const ID_HASH_HEX = 10;
/** Ids go into Discord custom_ids, which are limited to 100 characters shared with other data. */
export const PASSAGE_ID_MAX = 64;

/**
 * The document part of passage ids: the path without extension, lower-case, other characters as '-'.
 *
 * @example documentSlug('Notes/Café Rules.md') // 'notes-caf-rules'
 */
export function documentSlug(path: string): string {
  const slug = path
    .replace(/\.[^./]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, DOC_SLUG_MAX).replace(/-+$/, '') || 'document';
}

/**
 * Assigns ids to a document's passages in order: `<slug>:<hash of path, section and text>`,
 * with `-2`, `-3` … for identical passages repeated within the document.
 *
 * @example passageIds('a.md', [{ section: '', text: 'Hi.' }, { section: '', text: 'Hi.' }])
 * // ['a:<10 hex>', 'a:<same 10 hex>-2']
 */
export function passageIds(path: string, passages: readonly { section: string; text: string }[]): string[] {
  const slug = documentSlug(path);
  const seen = new Map<string, number>();
  return passages.map(({ section, text }) => {
    const digest = createHash('sha1').update(`${path}\0${section}\0${text}`).digest('hex').slice(0, ID_HASH_HEX);
    const base = `${slug}:${digest}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}
