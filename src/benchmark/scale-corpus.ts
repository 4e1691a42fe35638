import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What {@link makeScaleCorpus} wrote. */
export interface ScaleCorpus {
  readonly dir: string;
  readonly copies: number;
  readonly files: number;
  readonly paragraphs: number;
}

// Paragraphs after the `# Title` line, as the SQuAD README counts them.
const countParagraphs = (markdown: string): number =>
  markdown.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^\n+/, '').replace(/\n+$/, '').split('\n\n').length - 1;

/**
 * Builds a large knowledge folder reproducibly by copying a Markdown folder (the SQuAD
 * knowledge) until it holds at least `targetParagraphs` paragraphs. Each copy gets unique
 * titles ("Warsaw (copy 7)") so that titles stay distinct, as validation requires.
 *
 * @example makeScaleCorpus('../shared/squad/knowledge', 100_000, tmp) // 48 copies, 99,216 paragraphs
 */
export function makeScaleCorpus(sourceDir: string, targetParagraphs: number, outDir: string): ScaleCorpus {
  const sources = readdirSync(sourceDir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(sourceDir, name), 'utf8') }));
  const perCopy = sources.reduce((n, s) => n + countParagraphs(s.text), 0);
  if (perCopy === 0) throw new Error(`${sourceDir} holds no Markdown paragraphs to copy`);
  const copies = Math.max(1, Math.round(targetParagraphs / perCopy));
  for (let copy = 1; copy <= copies; copy++) {
    const dir = join(outDir, `copy-${String(copy).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    for (const { name, text } of sources) {
      const renamed = text
        .replace(/^(title:\s*)(.*)$/m, (_, key: string, title: string) => `${key}${title} (copy ${copy})`)
        .replace(/^(# )(.*)$/m, (_, hash: string, title: string) => `${hash}${title} (copy ${copy})`);
      writeFileSync(join(dir, name), renamed);
    }
  }
  return { dir: outDir, copies, files: copies * sources.length, paragraphs: copies * perCopy };
}
