/**
 * No knowledge file can crash the loader: whatever a file holds, loading either succeeds or throws
 * a KnowledgeError naming the file and line, quickly, and the command-line tools print that line
 * instead of a stack trace. (Bug: an alias-expansion bomb in front matter made `npm run ask` die
 * with yaml's raw "ReferenceError: Excessive alias count" stack.)
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KnowledgeError } from '../../src/knowledge/errors.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { YAML_MAX_CHARS, YAML_MAX_FLOW_DEPTH } from '../../src/knowledge/yaml-mapping.js';
import { ensureBuilt, runAsk } from '../helpers/cli.js';
import { REPO_ROOT, removeScratch, writeKnowledge } from '../helpers/knowledge.js';
import { problemLines } from './corpus.js';
import { aliasBomb, deeplyNested, HOSTILE_PREFIXES, HOSTILE_YAML } from './hostile.js';

afterAll(removeScratch);

/** Generous for a loaded 2-core machine; a bomb that expanded would take minutes and gigabytes. */
const LOAD_BOUND_MS = 5_000;
const BODY = '# A\n\nSome text.\n';
const BOMB_MESSAGE = 'YAML that cannot be read: more than 100 alias expansions (an alias-expansion bomb?)';

/** Loads a folder and returns what came out: a knowledge base, or the KnowledgeError's lines. */
async function loadOutcome(files: Record<string, string | Uint8Array>): Promise<{ ok: true } | { ok: false; lines: string[] }> {
  const root = await writeKnowledge(files);
  const started = performance.now();
  try {
    await loadKnowledge(root);
    return { ok: true };
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return { ok: false, lines: await problemLines(Promise.reject(error as Error), root) };
  } finally {
    expect(performance.now() - started).toBeLessThan(LOAD_BOUND_MS);
  }
}

describe('hostile YAML', () => {
  it('given an alias-expansion bomb in front matter, then the file and the front matter line are named', async () => {
    const outcome = await loadOutcome({ 'bomb.md': `---\n${aliasBomb()}title: Bomb\n---\n${BODY}` });
    expect(outcome).toEqual({ ok: false, lines: [`knowledge/bomb.md:2: front matter: ${BOMB_MESSAGE}`] });
  });

  it('given an alias-expansion bomb in a sidecar or in aliases.yaml, then that file is named', async () => {
    const outcome = await loadOutcome({ 'a.txt': 'Text.\n', 'a.meta.yaml': aliasBomb(), 'aliases.yaml': aliasBomb() });
    expect(outcome).toEqual({ ok: false, lines: [`knowledge/a.meta.yaml:1: metadata: ${BOMB_MESSAGE}`, `knowledge/aliases.yaml:1: aliases: ${BOMB_MESSAGE}`] });
  });

  it('given front matter over the size limit, then it is refused before parsing', async () => {
    const yaml = `title: ${'x'.repeat(YAML_MAX_CHARS)}\n`;
    const outcome = await loadOutcome({ 'huge.md': `---\n${yaml}---\n${BODY}` });
    expect(outcome).toEqual({ ok: false, lines: [`knowledge/huge.md:2: front matter: ${yaml.length} characters of YAML, more than the ${YAML_MAX_CHARS} allowed`] });
  });

  it('given a duplicate key, then its line is named', async () => {
    const outcome = await loadOutcome({ 'dup.md': `---\ntitle: A\ntitle: B\n---\n${BODY}` });
    expect(outcome).toEqual({ ok: false, lines: ['knowledge/dup.md:3: front matter: invalid YAML: Map keys must be unique'] });
  });

  it('given a cycle through an alias in aliases.yaml, then the term is refused', async () => {
    const outcome = await loadOutcome({ 'a.md': BODY, 'aliases.yaml': 'Kremlin: &x [*x]\n' });
    expect(outcome).toEqual({ ok: false, lines: ['knowledge/aliases.yaml:1: aliases: "Kremlin" must map to a phrase or a list of phrases'] });
  });

  it('given nesting deep enough to exhaust the stack, then it is refused before parsing', async () => {
    const outcome = await loadOutcome({ 'deep.md': `---\ntitle: "[[[[ in quotes"\n${deeplyNested(30_000)}---\n${BODY}` });
    expect(outcome).toEqual({ ok: false, lines: [`knowledge/deep.md:3: front matter: nested more than ${YAML_MAX_FLOW_DEPTH} levels deep`] });
  });

  it.each(HOSTILE_YAML.map((yaml, index) => [index, yaml.slice(0, 40)] as const))(
    'given hostile YAML #%i (%j) as front matter, sidecar and aliases.yaml, then it loads or names the file and a line',
    async (index) => {
      const yaml = HOSTILE_YAML[index]!;
      const warnings = vi.spyOn(process, 'emitWarning');
      const outcome = await loadOutcome({ 'a.md': `---\n${yaml}---\n${BODY}`, 'b.txt': 'Text.\n', 'b.meta.yaml': yaml, 'aliases.yaml': yaml });
      // yaml's own warnings (printed on stderr) would reach the user outside the report
      expect(warnings).not.toHaveBeenCalled();
      warnings.mockRestore();
      for (const line of outcome.ok ? [] : outcome.lines) expect(line).toMatch(/^knowledge\/(a\.md|b\.txt|b\.meta\.yaml|aliases\.yaml):\d+: [^\n]+$/);
    },
  );
});

describe('hostile bytes', () => {
  it('given UTF-16 text, then it asks for UTF-8', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'# A\n\nText.\n'].flatMap((char) => [char.charCodeAt(0), 0])]);
    expect(await loadOutcome({ 'a.md': utf16 })).toEqual({ ok: false, lines: ['knowledge/a.md:1: UTF-16 text (byte-order mark 0xff 0xfe); save the file as UTF-8'] });
  });

  it('given a NUL byte, then its line is named', async () => {
    expect(await loadOutcome({ 'a.md': '# A\n\nText\u0000.\n' })).toEqual({ ok: false, lines: ['knowledge/a.md:3: NUL byte at offset 9: not a text file (or not UTF-8)'] });
  });

  it('given a UTF-8 byte-order mark, then the file loads', async () => {
    expect(await loadOutcome({ 'a.md': `\ufeff---\ntitle: A\n---\n${BODY}` })).toEqual({ ok: true });
  });

  it.each(HOSTILE_PREFIXES.map((bytes) => [Buffer.from(bytes).toString('hex')]))('given a file starting with bytes %s, then it loads or names the file', async (hex) => {
    const bytes = Buffer.concat([Buffer.from(hex, 'hex'), Buffer.from(`---\ntitle: A\n---\n${BODY}`)]);
    const outcome = await loadOutcome({ 'a.md': bytes, 'a.txt': bytes, 'aliases.yaml': bytes });
    for (const line of outcome.ok ? [] : outcome.lines) expect(line).toMatch(/^knowledge\/(a\.md|a\.txt|aliases\.yaml):\d+: [^\n]+$/);
  });
});

describe('what people see', () => {
  let root: string;
  beforeAll(async () => {
    ensureBuilt();
    root = await writeKnowledge({ 'bomb.md': `---\n${aliasBomb()}title: Bomb\n---\n${BODY}` });
  }, 120_000);

  it('given a bomb, when npm run ask loads it, then it prints path:line: message and no stack trace', () => {
    const run = runAsk(['--knowledge', 'knowledge', 'what'], { cwd: dirname(root) });
    expect(run).toMatchObject({ status: 1, stdout: '', stderr: `knowledge/bomb.md:2: front matter: ${BOMB_MESSAGE}\n` });
  });

  it('given a bomb, when validate-knowledge checks it, then it prints path:line: message and no stack trace', () => {
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'scripts', 'validate-knowledge.js'), 'knowledge'], { cwd: dirname(root), encoding: 'utf8', timeout: 60_000 });
    expect(run).toMatchObject({ status: 1, stdout: '', stderr: `knowledge/bomb.md:2: front matter: ${BOMB_MESSAGE}\n` });
  });
});
