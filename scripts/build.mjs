#!/usr/bin/env node
// Transpiles the TypeScript sources to dist/ with esbuild (types are checked by `npm run typecheck`),
// so that `npm run ask` starts in a fraction of a second. Skips the work when dist/ is up to date,
// which makes it cheap to run before every command. Usage: node scripts/build.mjs [--force]
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOTS = ['src', 'commands', 'scripts'];
const OUT = 'dist';
const STAMP = join(OUT, '.sources');

function sourcesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return /\.(ts|mts|html|css)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const sources = ROOTS.flatMap(sourcesUnder).sort();
const signature = sources.map((path) => `${path}:${statSync(path).mtimeMs}`).join('\n');
if (!process.argv.includes('--force') && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === signature) process.exit(0);

const { build } = await import('esbuild');
rmSync(OUT, { recursive: true, force: true });
const typescript = sources.filter((path) => /\.m?ts$/.test(path));
await build({
  entryPoints: typescript,
  outdir: OUT,
  outbase: '.',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
  loader: { '.html': 'copy', '.css': 'copy' },
});
// Static assets (the playground page) are served from beside their module.
const assets = sources.filter((path) => /\.(html|css)$/.test(path));
if (assets.length > 0) await build({ entryPoints: assets, outdir: OUT, outbase: '.', loader: { '.html': 'copy', '.css': 'copy' }, logLevel: 'warning' });
writeFileSync(STAMP, signature);
