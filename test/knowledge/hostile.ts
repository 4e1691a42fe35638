/**
 * Hostile knowledge files: what real folders and careless (or malicious) editors produce. Shared
 * by the hand-written hostile-file tests and the property tests of the loader.
 */

/** YAML whose nine anchors of nine aliases each expand to 9⁶ nodes: a few hundred bytes, millions of values. */
export function aliasBomb(levels = 6, fan = 9): string {
  const lines = [`l0: &l0 [${Array(fan).fill('"lol"').join(', ')}]`];
  for (let level = 1; level < levels; level += 1) lines.push(`l${level}: &l${level} [${Array(fan).fill(`*l${level - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/** A flow sequence nested `depth` levels deep. */
export const deeplyNested = (depth: number): string => `deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;

/** Block mappings nested `depth` levels deep (each level indented one more space). */
const deeplyIndented = (depth: number): string =>
  Array.from({ length: depth }, (_, level) => `${' '.repeat(level)}k${level}:`).join('\n') + ' end\n';

/** YAML of every shape a metadata file or aliases.yaml might hold, benign or hostile. */
export const HOSTILE_YAML: readonly string[] = [
  aliasBomb(),
  aliasBomb(3, 5), // within yaml's alias budget: loads (and fails the schema or is ignored)
  'a: &x [*x]\n', // a cycle
  'base: &b {title: A}\n<<: *b\n', // a merge key (not YAML 1.2 core)
  deeplyNested(5_000),
  deeplyIndented(400),
  `title: ${'x'.repeat(300_000)}\n`, // over the size limit
  `title: "${'y'.repeat(100_000)}"\n`,
  'title: A\ntitle: B\n', // a duplicate key
  'title: !!binary aGVsbG8=\nlicense: !!set {MIT}\n',
  'title: !custom A\nsource: !!js/function "return 1"\n',
  '__proto__: {polluted: true}\ntitle: A\n',
  'constructor: A\ntoString: B\n',
  '? [complex, key]\n: value\n',
  '{title: A, license: [MIT}\n',
  '- a list\n- not a mapping\n',
  '%YAML 1.1\n---\ntitle: yes\n',
  '--- |\n  text\n',
  '&anchor\n',
  '*undefined_alias\n',
  '"unclosed\n',
  '\t\ttitle: tabs\n',
  'title: A\n...\nmore: B\n',
  'Kremlin: [Russia, *nowhere]\n',
  'DOJ: [[[[Justice]]]]\n',
];

/** Byte-level damage: encodings, byte-order marks and NULs. */
export const HOSTILE_PREFIXES: readonly Uint8Array[] = [
  new Uint8Array([0xef, 0xbb, 0xbf]), // a UTF-8 BOM (allowed)
  new Uint8Array([0xff, 0xfe]), // UTF-16 LE
  new Uint8Array([0xfe, 0xff]), // UTF-16 BE
  new Uint8Array([0x00]),
  new Uint8Array([0xc3, 0x28]), // invalid UTF-8
  new Uint8Array([0xed, 0xa0, 0x80]), // an encoded surrogate
];
