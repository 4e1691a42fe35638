/**
 * The weekly digest's picture: a small horizontal bar chart of the top gaps and of the week's
 * helpful / not helpful votes, as SVG (built here: a handful of rectangles and labels) rendered to
 * PNG by resvg. Labels are member text, so they are XML-escaped and shortened.
 */
import type { VoteTally } from '../store/store.js';

/** Bars of gaps drawn at most. */
export const CHART_GAPS_MAX = 5;
const WIDTH = 800;
const LABEL_WIDTH = 260;
const BAR_HEIGHT = 28;
const GAP = 12;
const LABEL_MAX = 34;
const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
const COLORS = { background: '#2b2d31', text: '#f2f3f5', muted: '#b5bac1', gap: '#5865f2', up: '#2ecc71', down: '#e74c3c' } as const;

/** One bar. */
export interface ChartBar {
  readonly label: string;
  readonly value: number;
}

/** What the digest chart shows. */
export interface DigestChart {
  readonly title: string;
  readonly gaps: readonly ChartBar[];
  readonly votes: VoteTally;
}

/** Escapes text for SVG. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);
}

const shorten = (text: string): string => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > LABEL_MAX ? `${one.slice(0, LABEL_MAX - 1)}…` : one;
};

/**
 * The chart as SVG.
 *
 * @example digestSvg({ title: 'Week', gaps: [{ label: '“mail”', value: 3 }], votes: { up: 5, down: 1 } }).startsWith('<svg') // true
 */
export function digestSvg(chart: DigestChart): string {
  const gaps = chart.gaps.slice(0, CHART_GAPS_MAX);
  const votes: { label: string; value: number; color: string }[] = [
    // Words, not emoji: a server may have no emoji font.
    { label: 'Helpful', value: chart.votes.up, color: COLORS.up },
    { label: 'Not helpful', value: chart.votes.down, color: COLORS.down },
  ];
  const parts: string[] = [];
  let y = 48;
  const text = (x: number, yy: number, content: string, size: number, color: string, anchor = 'start', weight = 'normal') =>
    parts.push(`<text x="${x}" y="${yy}" font-family="${FONT}" font-size="${size}" font-weight="${weight}" fill="${color}" text-anchor="${anchor}">${escapeXml(content)}</text>`);
  const bars = (rows: readonly { label: string; value: number; color: string }[]) => {
    const max = Math.max(1, ...rows.map((r) => r.value));
    for (const row of rows) {
      const width = Math.round(((WIDTH - LABEL_WIDTH - 80) * row.value) / max);
      text(LABEL_WIDTH - 12, y + BAR_HEIGHT * 0.68, shorten(row.label), 16, COLORS.text, 'end');
      parts.push(`<rect x="${LABEL_WIDTH}" y="${y}" width="${Math.max(2, width)}" height="${BAR_HEIGHT}" rx="4" fill="${row.color}"/>`);
      text(LABEL_WIDTH + Math.max(2, width) + 8, y + BAR_HEIGHT * 0.68, String(row.value), 16, COLORS.muted);
      y += BAR_HEIGHT + GAP;
    }
  };
  text(24, 34, chart.title, 22, COLORS.text, 'start', 'bold');
  y += 12;
  text(24, y, gaps.length === 0 ? 'No unanswered questions this week' : 'Top gaps (questions asked)', 15, COLORS.muted);
  y += 14;
  bars(gaps.map((g) => ({ ...g, color: COLORS.gap })));
  y += 10;
  const total = chart.votes.up + chart.votes.down;
  text(24, y, total === 0 ? 'Votes: none this week' : `Votes: ${Math.round((100 * chart.votes.up) / total)} % helpful`, 15, COLORS.muted);
  y += 14;
  bars(votes);
  const height = y + 12;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"><rect width="100%" height="100%" fill="${COLORS.background}"/>${parts.join('')}</svg>`;
}

/**
 * The chart as PNG bytes (system fonts; without any, the bars are still drawn).
 *
 * @example const png = await digestPng(chart); png.subarray(1, 4).toString() // 'PNG'
 */
export async function digestPng(chart: DigestChart): Promise<Buffer> {
  // Loaded on first use: the native renderer costs nothing to a bot that never posts a digest.
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(digestSvg(chart), { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  return resvg.render().asPng();
}
