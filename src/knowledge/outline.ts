/**
 * Turns a stream of headings and blocks into heading paths, sections and paragraph numbers.
 * Both parsers (Markdown and MediaWiki) feed it; it knows nothing about syntax.
 */
import type { LineProblem } from './errors.js';
import { isNavigationHeading } from './navigation.js';
import type { ScanItem } from './scan-blocks.js';
import type { Block } from './types.js';

/** What a parser found in a document body. */
interface ParsedBody {
  readonly blocks: Block[];
  readonly sections: string[][];
  readonly problems: LineProblem[];
}

/** A parsed document body plus the title its headings suggest. */
export interface ParsedText extends ParsedBody {
  /** The leading level-1 heading (or, failing that, the first one), with its line. */
  readonly headingTitle?: { readonly text: string; readonly line: number };
}

/** Accepts headings and blocks in document order; `result()` gives the outline so far. */
interface OutlineBuilder {
  heading(level: number, text: string, line: number): void;
  block(kind: Block['kind'], start: number, end: number, line: number): void;
  result(): ParsedBody;
}

/**
 * Creates an outline builder. A heading closes every open heading of its level or deeper;
 * navigation sections (See also, References, …) and everything under them produce nothing.
 * Paragraph numbers count blocks per heading path, so a repeated path keeps counting.
 *
 * @example
 * const outline = createOutline();
 * outline.heading(2, 'Background', 1);
 * outline.block('paragraph', 14, 20, 2);
 * outline.result().blocks[0] // { kind: 'paragraph', headingPath: ['Background'], paragraph: 1, start: 14, end: 20, line: 2 }
 */
function createOutline(): OutlineBuilder {
  const open: { level: number; text: string }[] = [];
  const blocks: Block[] = [];
  const sections: string[][] = [];
  const problems: LineProblem[] = [];
  const seenSections = new Set<string>();
  const paragraphCounts = new Map<string, number>();
  let navigationLevel: number | undefined;

  return {
    heading(level, text, line) {
      if (text === '') problems.push({ line, message: 'heading with no text' });
      if (navigationLevel !== undefined && level > navigationLevel) return;
      navigationLevel = undefined;
      while ((open.at(-1)?.level ?? 0) >= level) open.pop();
      if (isNavigationHeading(text)) {
        navigationLevel = level;
        return;
      }
      open.push({ level, text });
      const path = open.map((heading) => heading.text);
      const key = path.join('\u0000');
      if (!seenSections.has(key)) {
        seenSections.add(key);
        sections.push(path);
      }
    },
    block(kind, start, end, line) {
      if (navigationLevel !== undefined) return;
      const headingPath = open.map((heading) => heading.text);
      const key = headingPath.join('\u0000');
      const paragraph = (paragraphCounts.get(key) ?? 0) + 1;
      paragraphCounts.set(key, paragraph);
      blocks.push({ kind, headingPath, paragraph, start, end, line });
    },
    result: () => ({ blocks, sections, problems }),
  };
}

/**
 * Builds the outline of scanned items. A level-1 heading before any content is the document
 * title: it is not part of heading paths. Without one, the first level-1 heading still suggests the title.
 *
 * @example
 * outlineItems([{ type: 'heading', level: 1, text: 'Guide', line: 1 }]).headingTitle // { text: 'Guide', line: 1 }
 */
export function outlineItems(items: readonly ScanItem[]): ParsedText {
  const [first] = items;
  const leadingTitle = first?.type === 'heading' && first.level === 1 ? first : undefined;
  const outline = createOutline();
  for (const item of leadingTitle === undefined ? items : items.slice(1)) {
    if (item.type === 'heading') outline.heading(item.level, item.text, item.line);
    else outline.block(item.kind, item.start, item.end, item.line);
  }
  const body = outline.result();
  if (leadingTitle?.text === '') body.problems.unshift({ line: leadingTitle.line, message: 'heading with no text' });
  const title = leadingTitle ?? items.find((item) => item.type === 'heading' && item.level === 1);
  if (title?.type !== 'heading' || title.text === '') return body;
  return { ...body, headingTitle: { text: title.text, line: title.line } };
}
