/**
 * Tag names: lower case, 1–32 characters of letters, digits, `-` and `_`, so they read well in
 * `/tag show` and fit in autocomplete values.
 */

/** Longest tag name. */
export const TAG_NAME_MAX = 32;
/** What a tag name may contain, for messages. */
export const TAG_NAME_PATTERN = 'letters, digits, `-` and `_`';
const VALID = /^[\p{Ll}\p{Lo}\p{N}_-]{1,32}$/u;

/**
 * The stored form of a tag name, or undefined when it is not a valid name.
 *
 * @example normaliseTagName(' Voting-Rules ') // 'voting-rules'
 * @example normaliseTagName('two words') // undefined
 */
export function normaliseTagName(typed: string): string | undefined {
  const name = typed.trim().toLowerCase();
  return name.length <= TAG_NAME_MAX && VALID.test(name) ? name : undefined;
}
