/**
 * `aliases.yaml`: phrases a question may use for something the documents call differently
 * (`Kremlin: Russia`, `DOJ: [Justice Department, Department of Justice]`).
 */
import { z } from 'zod';
import type { LineProblem } from './errors.js';
import { parseYamlMapping } from './yaml-mapping.js';

const PHRASE = z.string().trim().min(1);
const ALIAS_VALUE = z.union([PHRASE, z.array(PHRASE).min(1)]);

/**
 * Parses an aliases file: a mapping of term → phrase or list of phrases. Keys are lower-cased
 * (terms differing only in case are merged); problems carry the line of the offending term.
 *
 * @example parseAliases('DOJ: [Justice Department]\nKremlin: Russia\n').aliases
 * // Map { 'doj' => ['Justice Department'], 'kremlin' => ['Russia'] }
 */
export function parseAliases(source: string): { aliases: Map<string, string[]>; problems: LineProblem[] } {
  const aliases = new Map<string, string[]>();
  const { mapping, problems } = parseYamlMapping(source, 1, 'aliases');
  if (mapping === undefined) return { aliases, problems };
  for (const [term, value] of Object.entries(mapping.data)) {
    const key = term.trim().toLowerCase();
    const parsed = ALIAS_VALUE.safeParse(value);
    if (key === '' || !parsed.success) {
      problems.push({ line: mapping.lineOf(term), message: `aliases: "${term}" must map to a phrase or a list of phrases` });
      continue;
    }
    const phrases = typeof parsed.data === 'string' ? [parsed.data] : parsed.data;
    aliases.set(key, [...new Set([...(aliases.get(key) ?? []), ...phrases])]);
  }
  return { aliases, problems };
}
