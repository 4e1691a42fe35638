import { isCorrect, type QuestionOutcome } from './outcomes.js';

/** One point of the precision/coverage curve: answering every question with evidence ≥ threshold. */
export interface CurvePoint {
  readonly threshold: number;
  /** Share of all questions answered. */
  readonly coverage: number;
  /** Share of the answered questions answered correctly (in scope, gold within three excerpts). */
  readonly precision: number;
}

/**
 * The precision/coverage curve of the abstention rule: questions sorted by evidence, best
 * first, and at each distinct evidence value the share answered and the share of those correct.
 *
 * @example precisionCoverage(outcomes).at(-1)?.coverage // 1
 */
export function precisionCoverage(outcomes: readonly QuestionOutcome[]): CurvePoint[] {
  const sorted = [...outcomes].sort((a, b) => b.evidence - a.evidence);
  const points: CurvePoint[] = [];
  let correct = 0;
  sorted.forEach((o, i) => {
    if (isCorrect(o)) correct++;
    const next = sorted[i + 1];
    if (next === undefined || next.evidence < o.evidence) {
      points.push({ threshold: o.evidence, coverage: (i + 1) / sorted.length, precision: correct / (i + 1) });
    }
  });
  return points;
}

/** How many in-scope questions have their gold at each rank (1, 2, 3, …) and how many miss it (`null`). */
export function goldRankCounts(outcomes: readonly QuestionOutcome[], deepest = 10): { rank: number | null; count: number }[] {
  const counts = new Map<number | null, number>();
  for (const o of outcomes) {
    if (!o.inScope) continue;
    const rank = o.goldRank >= 0 && o.goldRank < deepest ? o.goldRank + 1 : null;
    counts.set(rank, (counts.get(rank) ?? 0) + 1);
  }
  const ranks = [...counts.keys()].filter((r): r is number => r !== null).sort((a, b) => a - b);
  return [...ranks.map((rank) => ({ rank, count: counts.get(rank)! })), { rank: null, count: counts.get(null) ?? 0 }];
}

const WIDTH = 420;
const HEIGHT = 300;
const PAD = 44;
const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function curveSvg(points: readonly CurvePoint[], operating: { coverage: number; precision: number } | undefined): string {
  const x = (v: number): number => PAD + v * (WIDTH - 2 * PAD);
  const y = (v: number): number => HEIGHT - PAD - v * (HEIGHT - 2 * PAD);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.coverage).toFixed(1)},${y(p.precision).toFixed(1)}`).join(' ');
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((t) => `<line x1="${x(t)}" y1="${y(0)}" x2="${x(t)}" y2="${y(1)}" stroke="#eee"/><text x="${x(t)}" y="${y(0) + 16}" text-anchor="middle">${t}</text>` +
      `<line x1="${x(0)}" y1="${y(t)}" x2="${x(1)}" y2="${y(t)}" stroke="#eee"/><text x="${x(0) - 6}" y="${y(t) + 4}" text-anchor="end">${t}</text>`)
    .join('');
  const dot = operating === undefined ? '' : `<circle cx="${x(operating.coverage)}" cy="${y(operating.precision)}" r="5" fill="#d33"><title>the rule as shipped: coverage ${operating.coverage.toFixed(3)}, precision ${operating.precision.toFixed(3)}</title></circle>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="11">${ticks}` +
    `<path d="${path}" fill="none" stroke="#36c" stroke-width="2"/>${dot}` +
    `<text x="${WIDTH / 2}" y="${HEIGHT - 6}" text-anchor="middle">coverage (share of questions answered)</text>` +
    `<text transform="translate(12 ${HEIGHT / 2}) rotate(-90)" text-anchor="middle">precision (share answered correctly)</text></svg>`;
}

function ranksSvg(counts: readonly { rank: number | null; count: number }[]): string {
  const max = Math.max(1, ...counts.map((c) => c.count));
  const bar = (WIDTH - 2 * PAD) / Math.max(1, counts.length);
  const bars = counts
    .map((c, i) => {
      const h = (c.count / max) * (HEIGHT - 2 * PAD);
      const left = PAD + i * bar;
      const label = c.rank === null ? 'miss' : String(c.rank);
      return `<rect x="${left + 2}" y="${HEIGHT - PAD - h}" width="${bar - 4}" height="${h}" fill="${c.rank === null ? '#d33' : '#36c'}"><title>${label}: ${c.count}</title></rect>` +
        `<text x="${left + bar / 2}" y="${HEIGHT - PAD + 14}" text-anchor="middle">${label}</text><text x="${left + bar / 2}" y="${HEIGHT - PAD - h - 4}" text-anchor="middle">${c.count}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="11">${bars}` +
    `<text x="${WIDTH / 2}" y="${HEIGHT - 8}" text-anchor="middle">rank of the first excerpt with the gold answer</text></svg>`;
}

/**
 * A self-contained HTML page with two pictures: the precision/coverage curve of the
 * abstention rule (the red dot is the rule as shipped) and the distribution of gold ranks.
 *
 * @example await writeFile('tmp/eval.html', plotPage('dev questions', outcomes, 'hit@1 0.94 …'));
 */
export function plotPage(title: string, outcomes: readonly QuestionOutcome[], summary: string): string {
  const answered = outcomes.filter((o) => o.answered);
  const operating = outcomes.length === 0 ? undefined : { coverage: answered.length / outcomes.length, precision: answered.length === 0 ? 0 : answered.filter(isCorrect).length / answered.length };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeXml(title)}</title>
<style>body{font-family:sans-serif;margin:2em;max-width:60em}figure{display:inline-block;margin:0 2em 2em 0}figcaption{max-width:${WIDTH}px;font-size:.9em;color:#444}</style></head>
<body><h1>${escapeXml(title)}</h1><p><code>${escapeXml(summary)}</code></p>
<figure>${curveSvg(precisionCoverage(outcomes), operating)}<figcaption>Precision against coverage as the evidence threshold of the abstention rule moves (${outcomes.length} questions; a correct answer is an in-scope question whose gold shows within three excerpts). The red dot is the rule as shipped.</figcaption></figure>
<figure>${ranksSvg(goldRankCounts(outcomes))}<figcaption>Where the gold answer shows among the excerpts, for in-scope questions (answered or not).</figcaption></figure>
</body></html>
`;
}
