/**
 * Which observed actions no step describes, and where each belongs.
 *
 * 1. Every top-level step becomes a bag of terms: its text, its sub-steps, and
 *    the commands and code in its blocks (so "Ran pg_dump on the replica"
 *    meets a step whose block runs `pg_dump -h billing-replica-1`).
 * 2. An action is compared with each step: the share of the action's weight
 *    the step covers. Words weigh by how rare they are among the steps (a word
 *    no step uses weighs most); entities (identifiers, acronyms, product
 *    names) weigh triple. An entity the step never names means a different
 *    target: "Restarted the order-api deployment" is not "Restart the
 *    order-consumer". Two neighbouring steps together may cover an action
 *    that combines them.
 * 3. Actions and steps both run in order: the session is walked in order, the
 *    last matched step is where an undocumented action belongs (`afterStep`),
 *    and between equally good steps the one at or after that point wins.
 * Deterministic, offline; no model or data is downloaded.
 */
import type { ObservedAction, Playbook, Step } from '../../core/model.ts';
import { allSteps } from '../../core/model.ts';
import { DEFAULT_SYNONYMS } from './synonyms.ts';
import { synonymIndex, termsOf, type SynonymIndex, type Term } from './tokens.ts';

export interface MatcherOptions {
  /** Extra synonym groups: `{ concept: [words] }`, added to the defaults. */
  synonyms?: Record<string, string[]>;
  /** Share of an action's weight a step must cover to describe it (0–1, default 0.45). */
  threshold?: number;
}

export interface UndocumentedAction {
  action: ObservedAction;
  /** Top-level step it most likely follows (0 = before step 1). */
  afterStep: number;
  /** The step that came closest, and why it does not cover the action. */
  nearest?: { step: string; title: string; score: number; reason: string };
}

interface StepBag {
  number: number;
  title: string;
  terms: Term[];
  concepts: Set<string>;
  text: string;
}

const ENTITY_WEIGHT = 3;

function stepText(step: Step): string {
  return [step.title, step.text, ...step.code.map((block) => block.value), ...step.commands.map((c) => c.command), ...allSteps(step.children).flatMap((child) => [child.title, child.text, ...child.code.map((b) => b.value)])].join('\n');
}

function bagOf(step: Step, synonyms: SynonymIndex): StepBag {
  const text = stepText(step);
  const terms = termsOf(text, synonyms);
  const concepts = new Set<string>();
  for (const term of terms) {
    for (const concept of term.concepts) concepts.add(concept);
    concepts.add(term.stem);
  }
  return { number: Number(step.number), title: step.title, terms, concepts, text: text.toLowerCase() };
}

/** Does a step (or pair) say this term? An entity counts when written as is, or when all its parts are said (`missing-dates`, "missing dates"). */
function says(bag: { concepts: Set<string>; text: string }, term: Term, synonyms: SynonymIndex): boolean {
  if (term.entity) {
    if (bag.text.includes(term.word) || bag.concepts.has(term.stem)) return true;
    // A hyphenated compound may be written as words (`missing-dates`, "missing dates"); a code
    // identifier (`daily_revenue`, `app.v2`) only as itself.
    if (!/^[a-z]+(-[a-z]+)+$/.test(term.word)) return false;
    const phrase = term.word.split('-').join(' ');
    return bag.text.includes(phrase) || termsOf(phrase, synonyms).every((t) => bag.concepts.has(t.stem));
  }
  return bag.concepts.has(term.stem) || term.concepts.some((concept) => bag.concepts.has(concept));
}

interface Scored {
  steps: StepBag[];
  score: number;
  missingEntities: string[];
}

export function findUndocumentedActions(playbook: Playbook, options: MatcherOptions = {}): UndocumentedAction[] {
  const synonyms = synonymIndex({ ...DEFAULT_SYNONYMS, ...(options.synonyms ?? {}) });
  const threshold = options.threshold ?? 0.45;
  const bags = playbook.steps.map((step) => bagOf(step, synonyms));
  if (bags.length === 0) return [];
  // How many steps use each concept: rare ones identify a step.
  const documentFrequency = new Map<string, number>();
  for (const bag of bags) for (const concept of bag.concepts) documentFrequency.set(concept, (documentFrequency.get(concept) ?? 0) + 1);
  const weightOf = (term: Term) => {
    const df = Math.max(...[term.stem, ...term.concepts].map((c) => documentFrequency.get(c) ?? 0));
    const idf = Math.log((bags.length + 1) / (df + 0.5)) + 0.5;
    return term.target ? ENTITY_WEIGHT * idf : term.entity ? 1.5 * idf : idf;
  };

  const score = (terms: Term[], candidate: StepBag[]): Scored => {
    const bag = { concepts: new Set(candidate.flatMap((b) => [...b.concepts])), text: candidate.map((b) => b.text).join('\n') };
    let total = 0;
    let covered = 0;
    const missingEntities: string[] = [];
    for (const term of terms) {
      const weight = weightOf(term);
      total += weight;
      if (says(bag, term, synonyms)) covered += weight;
      else if (term.target) missingEntities.push(term.word);
    }
    return { steps: candidate, score: total === 0 ? 0 : covered / total, missingEntities };
  };

  const results: UndocumentedAction[] = [];
  const reported = new Set<string>();
  for (const session of playbook.shadowing) {
    let last = 0;
    for (const action of session.observed) {
      const terms = termsOf(action.text, synonyms);
      const candidates: Scored[] = [];
      bags.forEach((bag, index) => {
        candidates.push(score(terms, [bag]));
        if (index + 1 < bags.length) candidates.push(score(terms, [bag, bags[index + 1]!]));
      });
      // Prefer single steps to pairs, and steps at or after the last match (the session runs in order).
      const rank = (c: Scored) => c.score - (c.steps.length > 1 ? 0.12 : 0) - (c.steps[0]!.number < last ? 0.03 : 0) - 0.25 * c.missingEntities.length;
      candidates.sort((a, b) => rank(b) - rank(a));
      const best = candidates[0]!;
      const documented = best.score >= threshold && best.missingEntities.length === 0 && (best.steps.length === 1 || best.score >= threshold + 0.15);
      if (documented) {
        last = Math.max(...best.steps.map((s) => s.number));
        continue;
      }
      const key = action.text.trim().toLowerCase();
      if (reported.has(key)) continue;
      reported.add(key);
      const nearest = candidates.find((c) => c.steps.length === 1)!;
      const result: UndocumentedAction = { action, afterStep: last };
      if (nearest.score > 0.2) {
        const step = nearest.steps[0]!;
        const reason = nearest.missingEntities.length > 0 ? `a different target: it never names ${nearest.missingEntities.map((e) => `\`${e}\``).join(', ')}` : 'it does not describe this action';
        result.nearest = { step: String(step.number), title: step.title, score: Math.round(nearest.score * 100) / 100, reason };
      }
      results.push(result);
    }
  }
  return results;
}
