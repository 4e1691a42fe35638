/**
 * Markdown knowledge files: ATX headings (`#` … `######`) give heading paths; blank lines separate blocks.
 */
import { splitLines } from './lines.js';
import { outlineItems, type ParsedText } from './outline.js';
import { scanBlocks, type HeadingMatch, type ScanSyntax } from './scan-blocks.js';

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const CLOSING_HASHES = /(?:^|[ \t]+)#+[ \t]*$/;

/**
 * Recognises an ATX heading; `#hashtag` is not one, `## Title ##` is `Title`.
 *
 * @example markdownHeading('## Analysis ##') // { level: 2, text: 'Analysis' }
 */
export function markdownHeading(line: string): HeadingMatch | undefined {
  const match = ATX_HEADING.exec(line);
  if (match?.[1] === undefined) return undefined;
  const text = (match[2] ?? '').replace(CLOSING_HASHES, '').trim();
  return { level: match[1].length, text };
}

const MARKDOWN: ScanSyntax = { heading: markdownHeading, fences: true };

/**
 * Parses the Markdown body that starts at offset `bodyStart` (after any front matter).
 * An H1 before any content is the document title and is not part of heading paths.
 *
 * @example
 * parseMarkdown('# Guide\n\nHello.\n\n## Setup\nRun it.\n').blocks.map((b) => [b.headingPath, b.paragraph])
 * // [[[], 1], [['Setup'], 1]]
 */
export function parseMarkdown(text: string, bodyStart = 0): ParsedText {
  const lines = splitLines(text).filter((line) => line.start >= bodyStart);
  return outlineItems(scanBlocks(text, lines, MARKDOWN));
}
