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
import { ANTONYMS, DEFAULT_SYNONYMS } from './synonyms.ts';
import { synonymIndex, termsOf, type SynonymIndex, type Term } from './tokens.ts';

export interface MatcherOptions {
  /** Extra synonym groups: `{ concept: [words] }`, added to the defaults. */
  synonyms?: Record<string, string[]>;
  /** Share of an action's weight a step must cover to describe it (0–1, default 0.4). */
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

/**
 * A step that names another thing of the same kind (`order-consumer` when the action says
 * `order-api`, `daily_events` for `daily_revenue`, `prod-eu-1` for `staging-eu-1`) is about a
 * different target. A step that names no such thing ("any member of the cluster") leaves the
 * value to the reader, and an action that names one (`pg-orders-3`) is still that step.
 */
function namesASibling(stepText: string, identifier: string): boolean {
  const parts = identifier.split(/[-_./]/).filter((part) => part.length >= 2 && !/^\d+$/.test(part));
  // An acronym (`IAM`, `GRNI`) has no kind to compare: the step must name it.
  if (parts.length < 2) return true;
  return hasIdentifierWith(stepText, parts);
}

function hasIdentifierWith(stepText: string, parts: readonly string[]): boolean {
  for (const match of stepText.matchAll(/[a-z0-9]+(?:[-_./][a-z0-9]+)+/g)) {
    const other = match[0].split(/[-_./]/);
    if (parts.some((part) => other.includes(part))) return true;
  }
  return false;
}

interface Scored {
  steps: StepBag[];
  score: number;
  missingEntities: string[];
  /** The action's verb (its first word: observed actions are written "Restarted the …") is not one the step uses. */
  otherVerb: boolean;
}

/** Needed on top of the threshold when the step does not use the action's verb. */
const VERB_MISMATCH_MARGIN = 0.15;

export function findUndocumentedActions(playbook: Playbook, options: MatcherOptions = {}): UndocumentedAction[] {
  const synonyms = synonymIndex({ ...DEFAULT_SYNONYMS, ...(options.synonyms ?? {}) });
  const threshold = options.threshold ?? 0.4;
  const bags = playbook.steps.map((step) => bagOf(step, synonyms));
  if (bags.length === 0) return [];
  // How many steps use each concept: rare ones identify a step.
  const documentFrequency = new Map<string, number>();
  for (const bag of bags) for (const concept of bag.concepts) documentFrequency.set(concept, (documentFrequency.get(concept) ?? 0) + 1);
  // Names the page already gives as context (in prerequisites, the intro, any step) are the
  // setting of the work, not its target: "in NetSuite" adds little to "Close the period".
  const context = playbook.text.toLowerCase();
  const weightOf = (term: Term) => {
    const df = Math.max(...[term.stem, ...term.concepts].map((c) => documentFrequency.get(c) ?? 0));
    const idf = Math.log((bags.length + 1) / (df + 0.5)) + 0.5;
    if (term.target) return ENTITY_WEIGHT * idf;
    if (term.entity) return (bags.some((bag) => bag.text.includes(term.word)) || !context.includes(term.word) ? 1.5 : 0.5) * idf;
    return idf;
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
      else if (term.target && namesASibling(bag.text, term.word)) missingEntities.push(term.word);
    }
    const verb = terms[0];
    const otherVerb = verb !== undefined && !verb.entity && !says(bag, verb, synonyms);
    // The opposite action ("Unpaused" against "Pause"): a different target in all but name.
    if (verb && otherVerb && verb.concepts.some((c) => ANTONYMS[c] !== undefined && bag.concepts.has(ANTONYMS[c]!))) missingEntities.push(`${verb.word} (the opposite)`);
    return { steps: candidate, score: total === 0 ? 0 : covered / total, missingEntities, otherVerb };
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
      const rank = (c: Scored) => c.score - (c.steps.length > 1 ? 0.12 : 0) - (c.steps[0]!.number < last ? 0.03 : 0) - 0.25 * c.missingEntities.length - (c.otherVerb ? VERB_MISMATCH_MARGIN : 0);
      candidates.sort((a, b) => rank(b) - rank(a));
      const best = candidates[0]!;
      const needed = threshold + (best.otherVerb ? VERB_MISMATCH_MARGIN : 0) + (best.steps.length > 1 ? 0.15 : 0);
      const documented = best.score >= needed && best.missingEntities.length === 0;
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
        const reason =
          nearest.missingEntities.length > 0
            ? `a different target: it never names ${nearest.missingEntities.map((e) => `\`${e}\``).join(', ')}`
            : nearest.otherVerb
              ? `a different action: it never says \`${terms[0]!.word}\` or a synonym`
              : 'it does not describe this action';
        result.nearest = { step: String(step.number), title: step.title, score: Math.round(nearest.score * 100) / 100, reason };
      }
      results.push(result);
    }
  }
  return results;
}
