/**
 * Sections that point elsewhere instead of saying something: their lists only add noise to retrieval.
 */
const NAVIGATION_SECTIONS: ReadonlySet<string> = new Set([
  'see also',
  'references',
  'external links',
  'further reading',
  'notes',
  'bibliography',
  'sources',
  'citations',
]);

/**
 * True for a heading whose section holds navigation, not content (case-insensitive; a trailing colon is ignored).
 *
 * @example isNavigationHeading('See Also') // true
 */
export function isNavigationHeading(text: string): boolean {
  return NAVIGATION_SECTIONS.has(text.trim().replace(/:$/, '').trim().toLowerCase());
}
