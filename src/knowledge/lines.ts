/**
 * Line and whitespace helpers shared by the parsers: every offset is an exact index into the file text.
 */

/** One line of a file, without its line break (`\n` or `\r\n`). */
export interface Line {
  readonly start: number;
  readonly end: number;
  /** 1-based line number in the file. */
  readonly number: number;
}

const WHITESPACE = /\s/;
const BLANK = /^\s*$/;

/**
 * Splits a text into lines with their offsets.
 *
 * @example splitLines('a\r\nb') // [{ start: 0, end: 1, number: 1 }, { start: 3, end: 4, number: 2 }]
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let number = 1;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline;
    const end = next > start && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
    lines.push({ start, end, number });
    if (newline === -1) break;
    start = newline + 1;
    number += 1;
  }
  return lines;
}

/**
 * True when a line holds only whitespace: such a line separates blocks.
 *
 * @example isBlank(' \t') // true
 */
export function isBlank(line: string): boolean {
  return BLANK.test(line);
}

/**
 * Narrows `[start, end)` so it neither starts nor ends with whitespace (an empty range stays empty).
 *
 * @example trimRange('  hi ', 0, 5) // { start: 2, end: 4 }
 */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  let to = end;
  while (from < to && WHITESPACE.test(text.charAt(from))) from += 1;
  while (to > from && WHITESPACE.test(text.charAt(to - 1))) to -= 1;
  return { start: from, end: to };
}
