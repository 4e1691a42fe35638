#!/usr/bin/env node
// Transpiles the TypeScript sources to dist/ with esbuild (types are checked by `npm run typecheck`),
// so that `npm run ask` starts in a fraction of a second. Skips the work when dist/ is up to date,
// which makes it cheap to run before every command. Usage: node scripts/build.mjs [--force]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeVersionProblem } from './node-version.mjs';

const versionProblem = nodeVersionProblem(process.version);
if (versionProblem !== undefined) {
  process.stderr.write(`${versionProblem}\n`);
  process.exit(1);
}

const ROOTS = ['src', 'commands', 'scripts'];
// dist is a symbolic link to a finished build in .build/<hash>: a new build is written beside
// the old one and the link is swapped atomically, so a command running concurrently never
// sees a half-written dist/ (tests and CLIs often run side by side).
const LINK = 'dist';
const BUILDS = '.build';
const KEEP_BUILDS = 3;
const KEEP_YOUNGER_THAN_MS = 24 * 60 * 60 * 1000;

function sourcesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return /\.(ts|mts|html|css)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const sources = ROOTS.flatMap(sourcesUnder).sort();
const signature = sources.map((path) => { const info = statSync(path); return `${path}:${info.mtimeMs}:${info.size}`; }).join('\n');
const id = createHash('sha256').update(signature).digest('hex').slice(0, 16);
const target = join(BUILDS, id);
const current = existsSync(LINK) ? readlinkSync(LINK) : undefined;
if (!process.argv.includes('--force') && current === target && existsSync(join(target, '.complete'))) process.exit(0);

if (process.argv.includes('--force') || !existsSync(join(target, '.complete'))) {
  const { build } = await import('esbuild');
  const staging = `${target}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  const typescript = sources.filter((path) => /\.m?ts$/.test(path));
  const assets = sources.filter((path) => /\.(html|css)$/.test(path));
  await build({ entryPoints: typescript, outdir: staging, outbase: '.', format: 'esm', platform: 'node', target: 'node20', sourcemap: 'inline', logLevel: 'warning' });
  // Static assets (the playground page) are served from beside their module.
  if (assets.length > 0) await build({ entryPoints: assets, outdir: staging, outbase: '.', loader: { '.html': 'copy', '.css': 'copy' }, logLevel: 'warning' });
  writeFileSync(join(staging, '.complete'), signature);
  rmSync(target, { recursive: true, force: true });
  try {
    renameSync(staging, target);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // a concurrent build finished the same target first
  }
}
const link = `${LINK}.${process.pid}.tmp`;
rmSync(link, { force: true });
symlinkSync(target, link);
renameSync(link, LINK);
// Keep the newest few builds, and any build younger than a day: a long command (a benchmark)
// may still be loading modules from the build it started with.
const builds = readdirSync(BUILDS).filter((name) => !name.endsWith('.tmp')).map((name) => ({ name, at: statSync(join(BUILDS, name)).mtimeMs }));
for (const old of builds.sort((a, b) => b.at - a.at).slice(KEEP_BUILDS)) {
  if (join(BUILDS, old.name) !== target && Date.now() - old.at > KEEP_YOUNGER_THAN_MS) rmSync(join(BUILDS, old.name), { recursive: true, force: true });
}
