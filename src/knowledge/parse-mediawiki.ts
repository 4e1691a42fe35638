/**
 * Plain-text knowledge files in MediaWiki style: `= Title =` on the first line, `== Section ==`,
 * `=== Subsection ===` and so on; blank lines separate paragraphs. A file without `=` headings is just paragraphs.
 */
import { splitLines } from './lines.js';
import { outlineItems, type ParsedText } from './outline.js';
import { scanBlocks, type HeadingMatch, type ScanSyntax } from './scan-blocks.js';

const WIKI_HEADING = /^(={1,6})(.*?)\1[ \t]*$/;
const ONLY_EQUALS = /^=*$/;

/**
 * Recognises a MediaWiki heading: the same number of `=` on both sides (spaces inside optional).
 * A line made only of `=` is a plain-text underline, not a heading.
 *
 * @example mediaWikiHeading('== See also ==') // { level: 2, text: 'See also' }
 */
export function mediaWikiHeading(line: string): HeadingMatch | undefined {
  const match = WIKI_HEADING.exec(line);
  if (match?.[1] === undefined || ONLY_EQUALS.test(line.trim())) return undefined;
  const text = (match[2] ?? '').trim();
  // "== A =" is unbalanced: not a heading.
  if (text.startsWith('=') || text.endsWith('=')) return undefined;
  return { level: match[1].length, text };
}

const MEDIAWIKI: ScanSyntax = { heading: mediaWikiHeading, fences: false };

/**
 * Parses a MediaWiki-style text file. A `= Title =` before any content is the title;
 * level-2 (`==`) headings are the outermost sections.
 *
 * @example
 * parseMediaWiki('= T =\n\nIntro.\n\n==A==\n===B===\nText.\n').blocks.map((b) => b.headingPath)
 * // [[], ['A', 'B']]
 */
export function parseMediaWiki(text: string): ParsedText {
  return outlineItems(scanBlocks(text, splitLines(text), MEDIAWIKI));
}
