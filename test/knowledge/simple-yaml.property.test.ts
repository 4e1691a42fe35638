/**
 * The hand-written YAML fast path (src/knowledge/simple-yaml.ts) must never disagree with the
 * `yaml` library: on every front matter it accepts, the data and the line of each key must be
 * exactly what `yaml` gives. Front matter is generated from the shapes real files use plus the
 * characters and words that change YAML's meaning (comments, colons, quotes, keywords, escapes).
 */
import fc from 'fast-check';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { expect, it } from 'vitest';
import { parseSimpleYaml } from '../../src/knowledge/simple-yaml.js';

/** Words YAML's core schema reads as something other than a string, or that look like numbers. */
const SPECIAL_WORDS = ['null', 'Null', 'NULL', '~', 'true', 'True', 'FALSE', 'yes', 'no', 'on', '.inf', '-.inf', '.nan', 'NaN', 'Infinity', '0x1f', '0o17', '1e3', '007', '-1', '+1', '1.5', '12345678901234567890'];
/** Characters that make YAML scalars mean something else, plus non-ASCII letters and spaces. */
const TRICKY = [...'aZé漢 \t#:"\'\\[]{},&*!|>%@`-?0123456789\u00a0\u2028\r'];

const key = fc.oneof(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,6}$/), fc.constantFrom('title', 'doc_id', 'license', ...SPECIAL_WORDS));
const tricky = fc.array(fc.constantFrom(...TRICKY), { maxLength: 12 }).map((chars) => chars.join(''));
const value = fc.oneof(
  fc.constantFrom(...SPECIAL_WORDS),
  tricky,
  fc.tuple(fc.constantFrom('A', 'é', 'Structural'), tricky).map(([start, rest]) => start + rest),
  fc.string({ unit: 'binary', maxLength: 8 }).map((text) => JSON.stringify(text)),
  fc.nat().map(String),
);
const separator = fc.constantFrom(': ', ':  ', ':\t', ':', ' : ');
const line = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(key, separator, value, fc.constantFrom('', ' ', '\t', '\r')).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('', '# a comment', '  # indented comment', '   ', 'not a mapping line', '- item', '  nested: 1') },
);
const frontMatter = fc.array(line, { maxLength: 6 }).map((lines) => lines.join('\n'));

/** What `yaml` makes of a source: its data and the 0-based line of each top-level key. */
function yamlReading(source: string): { data: unknown; keyLines: Map<string, number> } | undefined {
  const counter = new LineCounter();
  const document = parseDocument(source, { lineCounter: counter });
  if (document.errors.length > 0) return undefined;
  const keyLines = new Map<string, number>();
  if (isMap(document.contents)) {
    for (const pair of document.contents.items) {
      if (isScalar(pair.key) && pair.key.range) keyLines.set(String(pair.key.value), counter.linePos(pair.key.range[0]).line - 1);
    }
  }
  return { data: document.toJS() ?? {}, keyLines };
}

it('given generated front matter, when the fast path accepts it, then yaml reads the same data and key lines', () => {
  let accepted = 0;
  fc.assert(
    fc.property(frontMatter, (source) => {
      const simple = parseSimpleYaml(source);
      if (simple === undefined) return;
      accepted += 1;
      expect(yamlReading(source)).toEqual({ data: simple.data, keyLines: simple.keyLines });
    }),
    { numRuns: 20_000 },
  );
  // The generator must exercise the fast path, not only the fallback.
  expect(accepted).toBeGreaterThan(2_000);
});
