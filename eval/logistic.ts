/**
 * Binary logistic regression on sparse named features, trained by AdaGrad SGD in a seeded order, so the same data
 * gives the same weights on every machine. Hand-written: npm's `ml-logistic-regression` wants dense matrices
 * (tens of thousands of n-gram columns here) and `natural`'s classifier neither takes real-valued features nor is
 * deterministic across versions; 40 lines of SGD are easier to trust than either.
 */

export type Features = ReadonlyMap<string, number>;

export interface LogisticOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per update, applied to the features an example touches (lazy regularisation). */
  l2: number;
  seed: number;
}

export interface LogisticModel {
  intercept: number;
  weights: Map<string, number>;
}

export function trainLogistic(examples: readonly Features[], labels: readonly number[], options: LogisticOptions): LogisticModel {
  const weights = new Map<string, number>();
  const squaredGradients = new Map<string, number>();
  let intercept = 0;
  let interceptSquared = 1e-8;
  const order = examples.map((_, i) => i);
  const random = seededRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const error = sigmoid(linearScore(examples[i]!, weights, intercept)) - labels[i]!;
      for (const [name, value] of examples[i]!) {
        const weight = weights.get(name) ?? 0;
        const gradient = error * value + options.l2 * weight;
        const squared = (squaredGradients.get(name) ?? 1e-8) + gradient * gradient;
        squaredGradients.set(name, squared);
        weights.set(name, weight - (options.learningRate * gradient) / Math.sqrt(squared));
      }
      interceptSquared += error * error;
      intercept -= (options.learningRate * error) / Math.sqrt(interceptSquared);
    }
  }
  return { intercept, weights };
}

export const predictLogistic = (model: LogisticModel, features: Features): number =>
  sigmoid(linearScore(features, model.weights, model.intercept));

function linearScore(features: Features, weights: ReadonlyMap<string, number>, intercept: number): number {
  let z = intercept;
  for (const [name, value] of features) z += (weights.get(name) ?? 0) * value;
  return z;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** mulberry32: a tiny seeded generator, enough for a shuffle. */
function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
