/**
 * The Node versions Footnote claims (package.json `engines`) are the ones it checks at start-up,
 * and they cover what its dependencies need. (Bug: `engines` said ">=20" while passage ids used
 * crypto.hash, which only exists from Node 20.12.)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem, SUPPORTED_NODE } from '../../scripts/node-version.mjs';
import { REPO_ROOT } from '../helpers/knowledge.js';

const packageJson = (path: string): { engines?: { node?: string } } => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as { engines?: { node?: string } };

describe('the supported Node versions', () => {
  it('are what package.json declares', () => {
    expect(packageJson('package.json').engines?.node).toBe(SUPPORTED_NODE);
  });

  it.each(['v20.19.0', 'v20.20.2', 'v22.12.0', 'v24.1.0'])('accept %s', (version) => {
    expect(nodeVersionProblem(version)).toBeUndefined();
  });

  it.each(['v18.20.0', 'v20.0.0', 'v20.11.1', 'v21.7.3', 'v22.11.0'])('refuse %s with one sentence naming the range and the version', (version) => {
    expect(nodeVersionProblem(version)).toBe(`Footnote needs Node ${SUPPORTED_NODE} (this is ${version}); install a newer Node, e.g. the current Node 22 LTS.`);
  });

  it('cover the Node range of every dependency that declares one for the versions we accept', () => {
    // The narrowest declared ranges today; a dependency raising its floor must show up here.
    expect(packageJson('node_modules/vite/package.json').engines?.node).toBe('^20.19.0 || >=22.12.0');
    expect(packageJson('node_modules/vitest/package.json').engines?.node).toBe('^20.0.0 || ^22.0.0 || >=24.0.0');
  });
});

describe('the source', () => {
  it('never calls crypto.hash (Node 20.12+): createHash works on every Node 20', () => {
    const grep = spawnSync('grep', ['-rlE', "import \\{[^}]*\\bhash\\b[^}]*\\} from 'node:crypto'|crypto\\.hash\\(", 'src', 'commands', 'scripts'], { cwd: REPO_ROOT, encoding: 'utf8' });
    // grep exits 1 when nothing matches, 0 with the files that do, 2 on an error
    expect({ status: grep.status, files: grep.stdout }).toEqual({ status: 1, files: '' });
  });
});
