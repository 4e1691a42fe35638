/**
 * Cuts a document body into headings and blocks: blocks are runs of non-blank lines;
 * a fenced code block (``` or ~~~) stays one block even across blank lines.
 */
import type { Line } from './lines.js';
import { isBlank, trimRange } from './lines.js';
import { isListBlock } from './list-marker.js';
import type { Block } from './types.js';

/** A heading recognised on one line: its level (1 = outermost) and text (empty when missing). */
export interface HeadingMatch {
  readonly level: number;
  readonly text: string;
}

/** A heading or a block, in document order. */
export type ScanItem =
  | { readonly type: 'heading'; readonly level: number; readonly text: string; readonly line: number }
  | {
      readonly type: 'block';
      readonly kind: Block['kind'];
      readonly start: number;
      readonly end: number;
      readonly line: number;
    };

/** The syntax a scan needs: how headings look, and whether code fences exist. */
export interface ScanSyntax {
  heading(line: string): HeadingMatch | undefined;
  readonly fences: boolean;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Scans `lines` of `text` into headings and blocks. Block ranges exclude surrounding whitespace,
 * so `text.slice(start, end)` is the block as written, inner characters untouched.
 *
 * @example
 * scanBlocks('## A\nHi.\n', splitLines('## A\nHi.\n'), markdownSyntax)
 * // [{ type: 'heading', level: 2, text: 'A', line: 1 }, { type: 'block', kind: 'paragraph', start: 5, end: 8, line: 2 }]
 */
export function scanBlocks(text: string, lines: readonly Line[], syntax: ScanSyntax): ScanItem[] {
  const items: ScanItem[] = [];
  let current: Line[] = [];
  let fence: string | undefined;

  const flush = (fenced = false): void => {
    const first = current[0];
    const last = current.at(-1);
    if (first === undefined || last === undefined) return;
    const { start, end } = trimRange(text, first.start, last.end);
    const isList = !fenced && isListBlock(current.map((line) => text.slice(line.start, line.end)));
    items.push({ type: 'block', kind: isList ? 'list' : 'paragraph', start, end, line: first.number });
    current = [];
  };

  for (const line of lines) {
    const content = text.slice(line.start, line.end);
    if (fence !== undefined) {
      current.push(line);
      if (closesFence(content, fence)) {
        fence = undefined;
        flush(true);
      }
      continue;
    }
    if (isBlank(content)) {
      flush();
      continue;
    }
    const heading = syntax.heading(content);
    if (heading !== undefined) {
      flush();
      items.push({ type: 'heading', level: heading.level, text: heading.text, line: line.number });
      continue;
    }
    const opening = syntax.fences ? FENCE_OPEN.exec(content) : null;
    if (opening?.[1] !== undefined) {
      flush();
      fence = opening[1];
    }
    current.push(line);
  }
  flush(fence !== undefined);
  return items;
}

/** A fence closes with at least as many of the same character and nothing else on the line. */
function closesFence(line: string, fence: string): boolean {
  const trimmed = line.trim();
  const char = fence.charAt(0);
  return trimmed.length >= fence.length && [...trimmed].every((c) => c === char) && /^ {0,3}\S/.test(line);
}
