import { describe, expect, it } from 'vitest';
import { fitListwise, fitLogistic } from '../../src/evaluation/fit.js';

describe('fitting the ranking and abstention models', () => {
  it('learns listwise which feature picks the right candidate, and ignores noise', () => {
    // given questions whose right candidate always has feature 0 highest; feature 1 is noise
    let seed = 7;
    const noise = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const groups = Array.from({ length: 60 }, () => {
      const right = Math.floor(noise() * 4);
      const features = [0, 1, 2, 3].map((c) => [c === right ? 1 + noise() : noise(), noise()]);
      return { features, relevant: [0, 1, 2, 3].map((c) => c === right) };
    });
    // when
    const model = fitListwise(groups);
    // then
    expect(model.weights[0]).toBeGreaterThan(2);
    expect(Math.abs(model.weights[1]!)).toBeLessThan(model.weights[0]! / 4);
    for (const g of groups) {
      const scores = g.features.map((x) => model.weights[0]! * x[0]! + model.weights[1]! * x[1]!);
      expect(g.relevant[scores.indexOf(Math.max(...scores))]).toBe(true);
    }
  });

  it('skips questions without a right candidate', () => {
    const model = fitListwise([
      { features: [[1], [0]], relevant: [true, false] },
      { features: [[0], [1]], relevant: [false, false] },
    ]);
    expect(model.weights[0]).toBeGreaterThan(0);
  });

  it('fits a logistic classifier in the features’ own units', () => {
    // given: positive exactly when x > 5
    const rows = Array.from({ length: 40 }, (_, i) => [i / 4]);
    const labels = rows.map(([x]) => x! > 5);
    // when
    const model = fitLogistic(rows, labels, { iterations: 2000 });
    // then the decision boundary bias + w·x = 0 falls near x = 5
    expect(-model.bias / model.weights[0]!).toBeGreaterThan(4.5);
    expect(-model.bias / model.weights[0]!).toBeLessThan(5.5);
  });
});
