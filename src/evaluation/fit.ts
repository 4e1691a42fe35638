/**
 * Fitting the two linear models Footnote ranks and abstains with: a listwise ranker (which
 * candidate answers the question) and a logistic classifier (whether the best one does). Both
 * are plain gradient descent on standardised features with a little L2, small enough to read
 * and to re-run (`npm run fit`), with no numeric library.
 */

/** One question's candidates: a feature vector each, and which of them are right. */
export interface CandidateGroup {
  readonly features: readonly (readonly number[])[];
  readonly relevant: readonly boolean[];
}

/** A fitted linear model in the features' own units: `score = bias + Σ weights[i] · x[i]`. */
export interface LinearModel {
  readonly weights: readonly number[];
  readonly bias: number;
}

/** Options of the fitters. */
export interface FitOptions {
  readonly iterations?: number;
  readonly learningRate?: number;
  /** L2 penalty on the standardised weights. */
  readonly l2?: number;
}

interface Scaling {
  readonly mean: number[];
  readonly spread: number[];
}

function scalingOf(rows: readonly (readonly number[])[]): Scaling {
  const width = rows[0]?.length ?? 0;
  const mean = new Array<number>(width).fill(0);
  const spread = new Array<number>(width).fill(0);
  for (const row of rows) row.forEach((x, i) => (mean[i]! += x / rows.length));
  for (const row of rows) row.forEach((x, i) => (spread[i]! += (x - mean[i]!) ** 2 / rows.length));
  return { mean, spread: spread.map((v) => Math.sqrt(v) || 1) };
}

const standardise = (row: readonly number[], s: Scaling): number[] => row.map((x, i) => (x - s.mean[i]!) / s.spread[i]!);

/** Back from standardised weights to the features' own units. */
function unscale(weights: readonly number[], bias: number, s: Scaling): LinearModel {
  const raw = weights.map((w, i) => w / s.spread[i]!);
  return { weights: raw, bias: bias - raw.reduce((sum, w, i) => sum + w * s.mean[i]!, 0) };
}

const dot = (w: readonly number[], x: readonly number[]): number => x.reduce((sum, v, i) => sum + v * w[i]!, 0);

/**
 * Fits a listwise ranker: the softmax of the scores over each question's candidates should
 * put its mass on the relevant ones (ListNet with one-hot targets). Groups without a relevant
 * candidate teach nothing and are skipped. The bias is meaningless for ranking and is 0.
 *
 * @example fitListwise([{ features: [[1], [0]], relevant: [true, false] }]).weights[0]! > 0 // true
 */
export function fitListwise(groups: readonly CandidateGroup[], options: FitOptions = {}): LinearModel {
  const useful = groups.filter((g) => g.relevant.some(Boolean) && g.features.length > 1);
  const scaling = scalingOf(useful.flatMap((g) => g.features));
  const scaled = useful.map((g) => ({ x: g.features.map((row) => standardise(row, scaling)), y: g.relevant }));
  const width = scaling.mean.length;
  const weights = new Array<number>(width).fill(0);
  const { iterations = 300, learningRate = 0.5, l2 = 1e-3 } = options;
  for (let step = 0; step < iterations; step++) {
    const gradient = new Array<number>(width).fill(0);
    for (const { x, y } of scaled) {
      const scores = x.map((row) => dot(weights, row));
      const top = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - top));
      const total = exp.reduce((a, b) => a + b, 0);
      const relevantCount = y.filter(Boolean).length;
      x.forEach((row, c) => {
        const error = exp[c]! / total - (y[c] ? 1 / relevantCount : 0);
        row.forEach((v, i) => (gradient[i]! += error * v));
      });
    }
    weights.forEach((w, i) => (weights[i] = w - learningRate * (gradient[i]! / scaled.length + l2 * w)));
  }
  return { ...unscale(weights, 0, scaling), bias: 0 };
}

/**
 * The probability a fitted logistic model gives a feature vector.
 *
 * @example logisticProbability({ weights: [2], bias: -1 }, [0.5]) // 0.5
 */
export function logisticProbability(model: LinearModel, row: readonly number[]): number {
  return 1 / (1 + Math.exp(-(model.bias + dot(model.weights, row))));
}

/**
 * Fits a logistic classifier (label true = positive) by gradient descent on the log loss.
 *
 * @example fitLogistic([[1], [0], [1], [0]], [true, false, true, false]).weights[0]! > 0 // true
 */
export function fitLogistic(rows: readonly (readonly number[])[], labels: readonly boolean[], options: FitOptions = {}): LinearModel {
  const scaling = scalingOf(rows);
  const x = rows.map((row) => standardise(row, scaling));
  const width = scaling.mean.length;
  const weights = new Array<number>(width).fill(0);
  let bias = 0;
  const { iterations = 500, learningRate = 0.5, l2 = 1e-3 } = options;
  for (let step = 0; step < iterations; step++) {
    const gradient = new Array<number>(width).fill(0);
    let biasGradient = 0;
    x.forEach((row, r) => {
      const p = 1 / (1 + Math.exp(-(bias + dot(weights, row))));
      const error = p - (labels[r] ? 1 : 0);
      biasGradient += error;
      row.forEach((v, i) => (gradient[i]! += error * v));
    });
    weights.forEach((w, i) => (weights[i] = w - learningRate * (gradient[i]! / x.length + l2 * w)));
    bias -= (learningRate * biasGradient) / x.length;
  }
  return unscale(weights, bias, scaling);
}
