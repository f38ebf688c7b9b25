/**
 * The decision: is an observed action undocumented? A logistic regression
 * over a few features of the action (features.ts), trained by
 * scripts/train-match.ts on the labeled sets (the visible evaluation set, the
 * project's own cases and the development set's tune half) and shipped as
 * model.json next to this file, with the alignment costs it was trained
 * with, the cut, and the cross-validated figures it was chosen by.
 *
 * Read once per process, on first use.
 */
import { readFileSync } from 'node:fs';
import type { AlignmentParams } from './align.ts';
import type { ActionFeatures, FeatureName } from './features.ts';

export interface MatchModel {
  format: 1;
  /** The features it uses, in the order of `weights`. */
  features: FeatureName[];
  /** Standardisation: each feature minus its mean, over its scale (from the training data). */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** An action is undocumented when its probability of being undocumented reaches this. */
  cut: number;
  alignment: AlignmentParams;
  /** How it was chosen: the hyper-parameters and the figures, cross-validated and fitted (see the training script). */
  training: Record<string, unknown>;
}

/** The probability that an action with these features is undocumented. */
export function probabilityUndocumented(model: MatchModel, features: ActionFeatures): number {
  let z = model.bias;
  model.features.forEach((name, index) => {
    z += model.weights[index]! * ((features[name] - model.mean[index]!) / model.scale[index]!);
  });
  return 1 / (1 + Math.exp(-z));
}

/** Each feature's contribution to the log-odds (for explanations and tests), largest first. */
export function contributions(model: MatchModel, features: ActionFeatures): { feature: FeatureName; value: number }[] {
  return model.features
    .map((name, index) => ({ feature: name, value: model.weights[index]! * ((features[name] - model.mean[index]!) / model.scale[index]!) }))
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
}

let loaded: MatchModel | undefined;

/** The shipped model, loaded on first call. */
export function matchModel(): MatchModel {
  if (!loaded) {
    const raw = JSON.parse(readFileSync(new URL('./model.json', import.meta.url), 'utf8')) as MatchModel;
    if (raw.format !== 1) throw new Error(`model.json format ${String(raw.format)} is not supported: retrain it with scripts/train-match.ts`);
    loaded = raw;
  }
  return loaded;
}
