/**
 * What starts a list item: `- `, `* `, `+ `, `1. ` or `1) ` (the text may follow on the same line or not).
 */
export const LIST_ITEM_START = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** An indented line that continues the list item above it. */
const CONTINUATION = /^[ \t]+\S/;

/**
 * True when a block of lines is a list: the first line starts an item and every other line
 * starts an item or continues one.
 *
 * @example isListBlock(['- one', '  more', '2. two']) // true
 */
export function isListBlock(lines: readonly string[]): boolean {
  const [first, ...rest] = lines;
  if (first === undefined || !LIST_ITEM_START.test(first)) return false;
  return rest.every((line) => LIST_ITEM_START.test(line) || CONTINUATION.test(line));
}
