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
 * Longest YAML accepted, in characters. Metadata is a few hundred characters and aliases.yaml a
 * few kilobytes; the parser's time grows with size (20,000 nested brackets take a second), so a
 * larger source is refused before parsing rather than stalling a load or a /reload.
 */
export const YAML_MAX_CHARS = 256 * 1024;
/**
 * Deepest nesting of flow collections (`[`, `{`) accepted. Metadata and aliases nest one or two
 * levels; yaml's recursive composer takes seconds, then overflows the stack, on tens of thousands.
 */
export const YAML_MAX_FLOW_DEPTH = 32;
/**
 * Alias expansions allowed when turning YAML into data: `yaml`'s own guard against alias bombs
 * (nine anchors of nine aliases each expand to 9⁶ nodes from 300 bytes). Real metadata uses none.
 */
const YAML_MAX_ALIAS_COUNT = 100;

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
  if (source.length > YAML_MAX_CHARS) {
    return { problems: [{ line: firstLine, message: `${label}: ${source.length} characters of YAML, more than the ${YAML_MAX_CHARS} allowed` }] };
  }
  const tooDeep = lineTooDeep(source);
  if (tooDeep !== undefined) {
    return { problems: [{ line: firstLine + tooDeep, message: `${label}: nested more than ${YAML_MAX_FLOW_DEPTH} levels deep` }] };
  }
  try {
    return parseWithYaml(source, firstLine, label);
  } catch (error) {
    // yaml throws (rather than reporting) on alias bombs and on cyclic or over-deep structures
    // while converting to data; whatever it throws, the file is at fault, not the loader.
    return { problems: [{ line: firstLine, message: `${label}: YAML that cannot be read: ${describeYamlFailure(error)}` }] };
  }
}

/**
 * The 0-based line where flow collections nest deeper than {@link YAML_MAX_FLOW_DEPTH}, if any.
 * Brackets inside quoted scalars are skipped, so a title such as "[[x]]" is not counted.
 */
function lineTooDeep(source: string): number | undefined {
  let depth = 0;
  let line = 0;
  let quote: string | undefined;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (char === '\n') line += 1;
    if (quote !== undefined) {
      if (char === '\\' && quote === '"') index += 1;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '{') {
      depth += 1;
      if (depth > YAML_MAX_FLOW_DEPTH) return line;
    } else if ((char === ']' || char === '}') && depth > 0) depth -= 1;
  }
  return undefined;
}

/** A short reason for an exception from the YAML library, without its stack. */
function describeYamlFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/alias count/i.test(message)) return `more than ${YAML_MAX_ALIAS_COUNT} alias expansions (an alias-expansion bomb?)`;
  if (error instanceof RangeError) return 'nested too deeply';
  return message.replace(POSITION_SUFFIX, '').split('\n')[0] ?? '';
}

function parseWithYaml(
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
  const document = parseDocument(source, {
    lineCounter: counter,
    prettyErrors: true,
    // yaml prints warnings (e.g. on collection keys) on stderr by itself; nothing may reach the user that way.
    logLevel: 'error',
  });
  const toFileLine = (offset: number): number => counter.linePos(offset).line + firstLine - 1;
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => ({
      line: toFileLine(error.pos[0]),
      // One line per problem: yaml's message may carry a code excerpt after its position.
      message: `${label}: invalid YAML: ${error.message.replace(POSITION_SUFFIX, '').split('\n')[0]}`,
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
  const data = document.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT }) as Record<string, unknown>;
  return {
    mapping: { data, lineOf: (key) => keyLines.get(String(key)) ?? firstLine },
    problems: [],
  };
}
