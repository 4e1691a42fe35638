/**
 * Where two versions of a paragraph start to differ, so a report can quote the part that changed
 * rather than the (identical) first few hundred characters.
 */

/** Characters of unchanged text kept before the first difference. */
const LEAD = 60;

/**
 * The offset to quote both texts from: a little before their first difference, at a word start.
 *
 * @example differenceStart('The cat sat on the mat.', 'The cat sat on the hat.') // 0 (short texts start at 0)
 */
export function differenceStart(a: string, b: string): number {
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same += 1;
  if (same <= LEAD) return 0;
  const from = same - LEAD;
  const space = a.indexOf(' ', from);
  return space === -1 || space >= same ? from : space + 1;
}
