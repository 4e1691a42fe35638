/**
 * Pins what Footnote relies on but no type checker sees: the shape of MiniSearch's internal
 * fields that `src/retrieval/engine.ts` fills directly, the retrieval folder's import graph and
 * the hand-written word lists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { MINISEARCH_OPTIONS, type IndexedFields } from '../../src/retrieval/options.js';
import { COMMON_WORDS } from '../../src/retrieval/common-words.js';
import { STOP_WORD_LIST, STOP_WORDS } from '../../src/retrieval/stop-words.js';
import { REPO_ROOT } from '../helpers/knowledge.js';

const UPGRADE_HINT =
  'MiniSearch changed the internals that src/retrieval/engine.ts writes (PassageMiniSearch.pour); ' +
  'check engine.ts against the new version before widening the "minisearch" range in package.json';

/** The internals engine.ts writes, read off a MiniSearch filled the public way. */
function internalsOf(engine: MiniSearch<IndexedFields>): Record<string, unknown> {
  // MiniSearch declares these fields protected; this test reads them on purpose.
  return engine as unknown as Record<string, unknown>;
}

describe('MiniSearch internals written by PassageMiniSearch', () => {
  it('have the shape engine.ts fills: ids, field lengths, averages, counts and the term index', () => {
    // given: two documents added the public way
    const engine = new MiniSearch<IndexedFields>(MINISEARCH_OPTIONS);
    engine.addAll([
      { id: 7, title: 'elect', section: '', text: 'russia threat russia' },
      { id: 9, title: 'elect', section: 'analysi', text: 'iran' },
    ]);
    const internals = internalsOf(engine);
    // then: every field has the type and content engine.ts assumes
    const shape = {
      _documentCount: internals['_documentCount'],
      _nextId: internals['_nextId'],
      _documentIds: internals['_documentIds'] instanceof Map ? [...(internals['_documentIds'] as Map<number, unknown>)] : 'not a Map',
      _idToShortId: internals['_idToShortId'] instanceof Map ? [...(internals['_idToShortId'] as Map<unknown, number>)] : 'not a Map',
      _fieldLength: internals['_fieldLength'] instanceof Map ? [...(internals['_fieldLength'] as Map<number, number[]>)] : 'not a Map',
      _avgFieldLength: internals['_avgFieldLength'],
    };
    expect(shape, UPGRADE_HINT).toEqual({
      _documentCount: 2,
      _nextId: 2,
      _documentIds: [[0, 7], [1, 9]],
      _idToShortId: [[7, 0], [9, 1]],
      _fieldLength: [[0, [1, 0, 2]], [1, [1, 1, 1]]], // distinct terms per field
      _avgFieldLength: [1, 0.5, 1.5],
    });
    // the term index: term → field id → short id → term frequency
    const index = internals['_index'] as { get?: (term: string) => unknown; set?: unknown };
    expect(typeof index?.get === 'function' && typeof index.set === 'function', UPGRADE_HINT).toBe(true);
    const russia = index.get!('russia');
    expect(russia instanceof Map ? [...russia].map(([field, ids]) => [field, [...(ids as Map<number, number>)]]) : russia, UPGRADE_HINT).toEqual([[2, [[0, 2]]]]);
  });

  it('come from the minor version they were tested with (package.json pins ~7.2.x)', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const installed = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'minisearch', 'package.json'), 'utf8')) as { version: string };
    expect(pkg.dependencies['minisearch'], UPGRADE_HINT).toMatch(/^~7\.2\./);
    expect(installed.version, UPGRADE_HINT).toMatch(/^7\.2\./);
  });
});

describe('the retrieval folder', () => {
  it('has no import cycle (type imports included)', () => {
    const folder = join(REPO_ROOT, 'src', 'retrieval');
    const files = readdirSync(folder).filter((f) => f.endsWith('.ts'));
    const imports = new Map(
      files.map((f) => [
        f,
        [...readFileSync(join(folder, f), 'utf8').matchAll(/from '\.\/([\w-]+)\.js'/g)].map((m) => `${m[1]}.ts`),
      ]),
    );
    const cycles: string[] = [];
    const visit = (file: string, path: readonly string[]): void => {
      if (path.includes(file)) {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      for (const next of imports.get(file) ?? []) visit(next, [...path, file]);
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});

describe('the word lists', () => {
  it('list each stop word once', () => {
    expect(STOP_WORD_LIST.filter((w, i) => STOP_WORD_LIST.indexOf(w) !== i)).toEqual([]);
  });

  it('hold no common word that is also a stop word (it would be dropped before it is weighed)', () => {
    expect(COMMON_WORDS.filter((w) => STOP_WORDS.has(w))).toEqual([]);
    expect(COMMON_WORDS.filter((w, i) => COMMON_WORDS.indexOf(w) !== i)).toEqual([]);
  });
});
