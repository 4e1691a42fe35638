/**
 * Parses a YAML mapping (front matter, a sidecar, aliases.yaml) and remembers the line of each key,
 * so schema errors can point at the key that caused them.
 */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { LineProblem } from './errors.js';
import { parseSimpleYaml } from './simple-yaml.js';

/** A parsed YAML mapping with the file line of each top-level key. */
export interface YamlMapping {
  /** The mapping as plain data (`{}` for an empty source). */
  readonly data: Record<string, unknown>;
  /** File line of a top-level key, or the mapping's first line when the key is absent. */
  lineOf(key: PropertyKey | undefined): number;
}

/** yaml's messages end with " at line N, column M:" and a code excerpt; the line is reported separately. */
const POSITION_SUFFIX = /\s+at line \d+, column \d+:[\s\S]*$/;

/**
 * Parses `source` as a YAML mapping whose first line is line `firstLine` of the file.
 * Syntax errors come back as problems with their file line; so does a document that is not a mapping.
 *
 * @example
 * parseYamlMapping('title: A\nlicense: MIT\n', 2, 'front matter').mapping?.lineOf('license') // 3
 */
export function parseYamlMapping(
  source: string,
  firstLine: number,
  label: string,
): { mapping?: YamlMapping; problems: LineProblem[] } {
  const simple = parseSimpleYaml(source);
  if (simple !== undefined) {
    const { data, keyLines } = simple;
    const lineOf = (key: PropertyKey | undefined): number => (keyLines.get(String(key)) ?? 0) + firstLine;
    return { mapping: { data, lineOf }, problems: [] };
  }
  const counter = new LineCounter();
  const document = parseDocument(source, { lineCounter: counter, prettyErrors: true });
  const toFileLine = (offset: number): number => counter.linePos(offset).line + firstLine - 1;
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => ({
      line: toFileLine(error.pos[0]),
      message: `${label}: invalid YAML: ${error.message.replace(POSITION_SUFFIX, '')}`,
    }));
    return { problems };
  }
  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { mapping: { data: {}, lineOf: () => firstLine }, problems: [] };
  }
  if (!isMap(contents)) {
    return { problems: [{ line: firstLine, message: `${label}: expected a mapping of keys to values` }] };
  }
  const keyLines = new Map<string, number>();
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? pair.key : undefined;
    if (key?.range) keyLines.set(String(key.value), toFileLine(key.range[0]));
  }
  const data = document.toJS() as Record<string, unknown>;
  return {
    mapping: { data, lineOf: (key) => keyLines.get(String(key)) ?? firstLine },
    problems: [],
  };
}
