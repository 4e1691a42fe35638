/**
 * Property: whatever the files of a knowledge folder hold — random text, hostile YAML, damaged
 * bytes — loading it returns a knowledge base (whose passages are verbatim slices of their
 * documents) or throws a KnowledgeError whose every line names one of the files, and it does so
 * within a time bound. Nothing else may escape: no TypeError, no RangeError, no yaml exception.
 */
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/knowledge/errors.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { removeScratch, writeKnowledge } from '../helpers/knowledge.js';
import { HOSTILE_PREFIXES, HOSTILE_YAML } from './hostile.js';

afterAll(removeScratch);

/** Per load; a folder of five small files loads in milliseconds, so this only catches runaways. */
const LOAD_BOUND_MS = 5_000;
const RUNS = 120;

const YAML_TOKENS = ['title', 'source', 'license', 'doc_id', ':', ': ', ' ', '  ', '\n', '\r\n', '&a', '*a', '&b', '*b', '[', ']', '{', '}', ',', '!!binary', '!!set', '!tag', '"', "'", '\\', '- ', '#', '? ', 'null', 'true', '<<', '__proto__', '|', '>', 'x', 'é', '\t', '---', '...', '%YAML 1.1', 'https://example.org', '0x1f', '~'];
const BODY_TOKENS = ['#', '##', '# Title', '=', '==', '= Title =', '== Section ==', '== See also ==', ' ', '\n', '\n\n', '\r', 'Text.', 'More words here.', '- ', '* ', '1. ', '```', '~~~', '>', '|', '<!--', '-->', '[[link]]', '{{tpl}}', '<ref>', '\u200b', '\u2028', 'é', '漢字', '😀', '\t', '---', 'Dr. Who. Mr. X?', '…'];

const fromTokens = (tokens: readonly string[], maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...tokens), { maxLength }).map((parts) => parts.join(''));
const yaml = fc.oneof(fc.constantFrom(...HOSTILE_YAML), fromTokens(YAML_TOKENS, 30), fc.string({ maxLength: 40 }));
const body = fc.oneof(fromTokens(BODY_TOKENS, 40), fc.string({ unit: 'grapheme', maxLength: 80 }));
const markdown = fc.tuple(fc.option(yaml), body).map(([frontMatter, text]) => (frontMatter === null ? text : `---\n${frontMatter}---\n${text}`));

/** Damage to a file's bytes: a prefix (BOM, NUL, invalid UTF-8) and bytes flipped, inserted or cut. */
const damage = fc.record({
  prefix: fc.option(fc.constantFrom(...HOSTILE_PREFIXES)),
  edits: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('flip', 'insert', 'cut'), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
});

function damaged(text: string, { prefix, edits }: { prefix: Uint8Array | null; edits: [number, string, number][] }): Uint8Array {
  const bytes = [...(prefix ?? []), ...Buffer.from(text)];
  for (const [where, edit, byte] of edits) {
    const at = Math.floor(where * bytes.length);
    if (edit === 'flip' && at < bytes.length) bytes[at] = byte;
    else if (edit === 'insert') bytes.splice(at, 0, byte);
    else bytes.splice(at, 1);
  }
  return new Uint8Array(bytes);
}

/** A file's content: clean text, or damaged bytes. */
const content = (text: fc.Arbitrary<string>): fc.Arbitrary<string | Uint8Array> =>
  fc.oneof({ weight: 2, arbitrary: text }, { weight: 1, arbitrary: fc.tuple(text, damage).map(([t, d]) => damaged(t, d)) });

const folder = fc.record(
  {
    'a.md': content(markdown),
    'notes/b.txt': content(body),
    'notes/b.meta.yaml': content(yaml),
    'c.markdown': content(markdown),
    'aliases.yaml': content(yaml),
  },
  { requiredKeys: ['a.md'] },
);

it('given any folder of random, hostile or damaged files, when loaded, then it is a knowledge base or a KnowledgeError naming the files, in bounded time', async () => {
  const outcomes = { loaded: 0, refused: 0 };
  await fc.assert(
    fc.asyncProperty(folder, async (files) => {
      const root = await writeKnowledge(files as Record<string, string | Uint8Array>);
      const started = performance.now();
      try {
        const knowledge = await loadKnowledge(root);
        outcomes.loaded += 1;
        for (const passage of knowledge.passages) expect(knowledge.documents[passage.documentIndex]?.text.slice(passage.start, passage.end)).toBe(passage.text);
      } catch (error) {
        if (!(error instanceof KnowledgeError)) throw error;
        outcomes.refused += 1;
        const named = Object.keys(files).map((path) => `${root}/${path}`);
        for (const problem of error.problems) {
          expect(named).toContain(problem.path);
          expect(problem.message).not.toMatch(/\n|^\s+at /);
        }
      } finally {
        expect(performance.now() - started).toBeLessThan(LOAD_BOUND_MS);
      }
    }),
    {
      numRuns: RUNS,
      // Always among the runs, whatever the seed: a folder that loads and one that cannot.
      examples: [[{ 'a.md': '# A\n\nSome text.\n', 'aliases.yaml': 'Kremlin: Russia\n' }], [{ 'a.md': `---\n${HOSTILE_YAML[0]}---\n# A\n\nText.\n` }]],
    },
  );
  // Both outcomes must be exercised, or the property says little.
  expect(outcomes.loaded).toBeGreaterThan(0);
  expect(outcomes.refused).toBeGreaterThan(0);
}, 300_000);
