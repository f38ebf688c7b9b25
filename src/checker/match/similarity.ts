/**
 * How well a step describes an action: the share of the action's weight the
 * step covers, lowered when the step does something else with it (another
 * verb, the opposite verb) or does it to another target.
 *
 * Each term of the action weighs by how rare it is among the playbook's steps
 * (inverse document frequency: a word no step uses weighs most), more for a
 * named target (an identifier, an acronym, a product name), less for a number
 * or a weak word (`new`, `other`). A word the playbook uses only outside its
 * steps (title, intro, prerequisites) is its subject and weighs as if half the
 * steps used it.
 */
import { isModifier, keyOf } from './lemma.ts';
import type { StepUnit } from './steps.ts';
import type { SynonymTable } from './synonyms.ts';
import { STOP_WORDS, type Term, type TextTerms } from './tokens.ts';

/** Tunables, with the defaults documented in docs/rules/undocumented-step.md. */
export interface Weights {
  /** Credit for a synonym instead of the same word. */
  synonym: number;
  /** Credit for an abbreviation (`repo` for `repository`) or an acronym spelled out (`JE`, "journal entry"). */
  abbreviation: number;
  /** Credit for a verb's synonym the step uses as a noun ("rotated" and "a replacement key"). */
  nominal: number;
  /** Credit for a name an earlier step introduced ("the change" of step 8 is step 2's ServiceNow change). */
  inherited: number;
  /** Factor when the step never uses the action's verb or a synonym, the verb being one the synonym table knows. */
  otherVerb: number;
  /** Factor when the verb is one the table does not know (it may be a synonym the table lacks). */
  unknownVerb: number;
  /** Factor when the step uses the opposite verb (`unpause` vs `pause`). */
  oppositeVerb: number;
  /** Factor when the action names a target the step does not, and the step names a similar one instead. */
  otherTarget: number;
  /** Weight multipliers. */
  identifier: number;
  proper: number;
  weak: number;
  /** Adjectives and adverbs (`physical`, `previous`): they qualify the target rather than name it. */
  modifier: number;
}

export const DEFAULT_WEIGHTS: Weights = {
  synonym: 0.85,
  abbreviation: 0.7,
  inherited: 0.5,
  nominal: 0.5,
  otherVerb: 0.75,
  unknownVerb: 0.85,
  oppositeVerb: 0.4,
  otherTarget: 0.5,
  identifier: 1.5,
  proper: 1.3,
  weak: 0.3,
  modifier: 0.5,
};

/** Why a step does or does not describe an action. */
export interface Comparison {
  unit: StepUnit;
  score: number;
  coverage: number;
  /** The action's verbs the step never uses (empty when one matches, or the verb is light). */
  otherVerb?: { action: string; step?: string };
  oppositeVerb?: { action: string; step: string };
  otherTarget?: { action: string; step: string };
  /** The heaviest terms the step does not say. */
  missing: string[];
  /** How far the step says each of the action's terms (0–1), in order. */
  matches: number[];
}

/** How far `unit` says `term`, 0–1. */
export function termMatch(term: Term, unit: StepUnit, weights: Weights): number {
  if (term.kind === 'number') return unit.keys.has('#') ? 1 : 0;
  if (term.kind === 'identifier' && term.parts.length > 1) {
    if (containsRun(unit.stream, term.parts)) return 1;
    // A compound spelled otherwise (`missing-dates`, "missing … dates") still names the same thing when every part is there.
    if (term.compound) return term.parts.every((part) => unit.keys.has(part)) ? 0.8 : 0;
    const alpha = term.parts.filter((part) => /[a-z]/.test(part) && part !== '#');
    if (alpha.length === 0) return 0;
    return (0.5 * alpha.filter((part) => unit.keys.has(part)).length) / alpha.length;
  }
  if (unit.keys.has(term.key) || term.alternatives.some((key) => unit.keys.has(key))) return 1;
  // A verb's synonym counts fully as a verb of the step, less as a noun ("rotate" and "a replacement
  // key"; "ask" and "the requester"). A participle ("calls made with the key") takes no synonyms.
  if (!term.participle && term.classes.some((name) => (term.verb ? unit.verbClasses : unit.classes).has(name))) return weights.synonym;
  if (term.verb && term.classes.some((name) => unit.nounClasses.has(name))) return weights.nominal;
  if ((term.kind === 'identifier' || term.proper) && (unit.inherited.has(term.key) || term.alternatives.some((key) => unit.inherited.has(key)))) return weights.inherited;
  if (term.kind === 'identifier' && /^[a-z]{2,5}$/.test(term.key) && spellsAcronym(term.key, unit.words)) return weights.abbreviation;
  if (term.kind !== 'phrase' && isAbbreviationIn(term.key, term.text.toLowerCase(), unit.words)) return weights.abbreviation;
  return 0;
}

/** True when `parts` occur one after another in `stream`. */
function containsRun(stream: readonly string[], parts: readonly string[]): boolean {
  outer: for (let index = 0; index + parts.length <= stream.length; index++) {
    for (let offset = 0; offset < parts.length; offset++) if (stream[index + offset] !== parts[offset]) continue outer;
    return true;
  }
  return false;
}

/** An acronym whose letters start consecutive words of the step (`je` → "journal entry"). */
function spellsAcronym(acronym: string, words: readonly string[]): boolean {
  for (let index = 0; index + acronym.length <= words.length; index++) {
    let ok = true;
    for (let offset = 0; offset < acronym.length && ok; offset++) ok = words[index + offset]!.startsWith(acronym[offset]!) && words[index + offset]!.length > 1;
    if (ok) return true;
  }
  return false;
}

/** One word a clear abbreviation of the other (`repo`/`repository`, `eng`/`engineers`): a prefix at most 40% as long. */
function isAbbreviationIn(key: string, word: string, words: readonly string[]): boolean {
  if (!/^[a-z]{3,}$/.test(word)) return false;
  if (STOP_WORDS.has(word)) return false;
  return words.some((other) => other.length >= 3 && /^[a-z]+$/.test(other) && !STOP_WORDS.has(other) && ((other.startsWith(word) && other.length >= 2.5 * word.length) || (word.startsWith(other) && word.length >= 2.5 * other.length)) && other !== key);
}

/** Inverse document frequency of a term over the steps. */
function rarity(documents: number, steps: number): number {
  return Math.max(0.05, Math.log((steps + 1) / (documents + 0.5)));
}

/** The weight of each of the action's terms, from how many steps say it. */
export function weightsOf(action: TextTerms, units: readonly StepUnit[], context: ReadonlySet<string>, table: SynonymTable, weights: Weights, people: ReadonlySet<string> = new Set()): number[] {
  return action.terms.map((term) => {
    // Only what a step says itself counts here, not the names it inherits.
    let documents = units.filter((unit) => termMatch(term, unit, weights) > weights.inherited).length;
    if (documents === 0 && (context.has(term.key) || term.parts.every((part) => context.has(part)))) documents = units.length / 2;
    let weight = rarity(documents, units.length);
    if (term.kind === 'number' || term.weak || (term.verb && table.isLight(term.key)) || people.has(term.key)) weight *= weights.weak;
    else if (term.kind === 'identifier' && !term.compound) weight *= weights.identifier;
    else if (term.proper) weight *= weights.proper;
    else if (term.kind === 'word' && !term.verb && (term.participle || isModifier(term.text))) weight *= weights.modifier;
    // A hyphenated compound's parts are terms too: the compound itself only adds "named as a whole".
    if (term.compound) weight *= 0.3;
    else if (action.terms.some((other) => other.compound && other.at <= term.at && term.at < other.at + other.parts.length)) weight *= 0.6;
    return weight;
  });
}

/** Compare an action with one unit. */
export function compare(action: TextTerms, termWeights: readonly number[], unit: StepUnit, table: SynonymTable, weights: Weights): Comparison {
  let total = 0;
  let covered = 0;
  const missing: { text: string; weight: number }[] = [];
  const matches = action.terms.map((term) => termMatch(term, unit, weights));
  joinSolidCompounds(action, matches, unit);
  action.terms.forEach((term, index) => {
    const match = matches[index]!;
    total += termWeights[index]!;
    covered += termWeights[index]! * match;
    if (match < 0.5 && !term.weak && term.kind !== 'number') missing.push({ text: term.text, weight: termWeights[index]! });
  });
  const coverage = total === 0 ? 0 : covered / total;
  const comparison: Comparison = { unit, score: coverage, coverage, missing: missing.sort((a, b) => b.weight - a.weight).map((m) => m.text), matches };

  // Each verb the step does not use costs its share: "Made …, copying … and clearing …" with only
  // "make" and "copy" in the step pays a third. A command the step runs, named in full, is the action itself.
  const verbs = action.terms.filter((term) => term.verb && !table.isLight(term.key));
  const unsaid = verbs.filter((term) => !saysVerb(term, unit));
  if (unsaid.length > 0 && !namesCommand(action, unit) && !setsSameState(action, matches, unit) && !removesWhatStepForbids(action, verbs[0]!, unit)) {
    // Only the main verb can be reversed ("Unpaused" where the step pauses): a later verb may be the step's own "stop and page".
    const opposite = unsaid[0] === verbs[0] ? oppositeIn(unsaid[0]!, unit, table) : undefined;
    if (opposite) {
      comparison.oppositeVerb = opposite;
      comparison.score *= weights.oppositeVerb ** (unsaid.length / verbs.length);
    } else {
      comparison.otherVerb = { action: unsaid[0]!.text };
      const penalty = unsaid.some((term) => term.classes.length > 0) ? weights.otherVerb : weights.unknownVerb;
      comparison.score *= penalty ** (unsaid.length / verbs.length);
    }
  }

  const conflict = otherTargetIn(action, matches, unit) ?? otherAlternativeIn(action, matches, unit, table);
  if (conflict) {
    comparison.otherTarget = conflict;
    comparison.score *= weights.otherTarget;
  }
  return comparison;
}

/** Words written as one in one text and as two in the other ("end date" and `-enddate`, "lockfile" and "lock file"). */
function joinSolidCompounds(action: TextTerms, matches: number[], unit: StepUnit): void {
  const words = action.terms.map((term, index) => ({ term, index })).filter(({ term }) => term.kind === 'word' && /^[a-z]+$/i.test(term.text));
  for (let w = 0; w + 1 < words.length; w++) {
    const [a, b] = [words[w]!, words[w + 1]!];
    if (b.term.at !== a.term.at + 1 || (matches[a.index]! >= 1 && matches[b.index]! >= 1)) continue;
    if (unit.keys.has(keyOf(a.term.text + b.term.text))) matches[a.index] = matches[b.index] = 1;
  }
  for (const { term, index } of words) {
    if (matches[index]! >= 1 || term.text.length < 7) continue;
    const lower = term.text.toLowerCase();
    for (let cut = 3; cut <= lower.length - 3; cut++) {
      if (containsRun(unit.stream, [keyOf(lower.slice(0, cut)), keyOf(lower.slice(cut))])) {
        matches[index] = 1;
        break;
      }
    }
  }
}

/**
 * The action and the step set the same state ("Marked the alert as revoked",
 * "Close the alert as **Revoked**"; "… to Paid"): the verb is how, the state is what.
 */
function setsSameState(action: TextTerms, matches: readonly number[], unit: StepUnit): boolean {
  const markers = new Set(['as', 'to'].map((word) => keyOf(word)));
  return action.terms.some((term, index) => {
    if (matches[index]! < 1 || term.kind === 'number' || !markers.has(action.stream[term.at - 1] ?? '')) return false;
    return unit.stream.some((key, at) => key === term.key && markers.has(unit.stream[at - 1] ?? ''));
  });
}

/** The action removes what the step says must not be there ("Struck out the non-solicit clause", "No non-solicit clause"). */
function removesWhatStepForbids(action: TextTerms, verb: Term | undefined, unit: StepUnit): boolean {
  if (!verb || !verb.classes.includes('delete')) return false;
  const object = action.terms.find((term) => term.at > verb.at && !term.weak && term.kind !== 'number');
  if (!object) return false;
  const negations = new Set(['no', 'without'].map((word) => keyOf(word)));
  return unit.stream.some((key, at) => negations.has(key) && object.parts.every((part, offset) => unit.stream[at + 1 + offset] === part));
}

/** The action names a program the step runs and what it runs it with (`kubectl rollout status`, `fastlane ios beta`). */
function namesCommand(action: TextTerms, unit: StepUnit): boolean {
  return action.stream.some((key, index) => unit.programs.has(key) && index + 1 < action.stream.length && containsRun(unit.stream, [key, action.stream[index + 1]!]));
}

/** The step tells the reader to do what the verb says, or a synonym. */
function saysVerb(verb: Term, unit: StepUnit): boolean {
  return unit.verbKeys.has(verb.key) || verb.alternatives.some((key) => unit.verbKeys.has(key)) || verb.classes.some((name) => unit.verbClasses.has(name));
}

/** The step's word with the opposite effect of the action's verb, if any (`pause` for `unpaused`). */
function oppositeIn(verb: Term, unit: StepUnit, table: SynonymTable): { action: string; step: string } | undefined {
  const prefixed = /^(un|de|dis)(.{3,})$/.exec(verb.key);
  if (prefixed && unit.headKeys.has(prefixed[2]!)) return { action: verb.text, step: prefixed[2]! };
  for (const prefix of ['un', 'de', 'dis']) if (unit.headKeys.has(prefix + verb.key)) return { action: verb.text, step: prefix + verb.key };
  if (verb.classes.length > 0 && table.opposite(verb.classes, [...unit.headClasses])) {
    const opposite = [...unit.headKeys].find((key) => table.opposite(verb.classes, table.classesOf(key)));
    return { action: verb.text, step: opposite ?? 'the opposite' };
  }
  return undefined;
}

/** A word of an exclusive group the step replaces by another of the group (`Production` where the step says `Staging`). */
function otherAlternativeIn(action: TextTerms, matches: readonly number[], unit: StepUnit, table: SynonymTable): { action: string; step: string } | undefined {
  for (const [index, term] of action.terms.entries()) {
    const group = matches[index]! >= 1 ? undefined : table.exclusiveGroupOf(term.key);
    if (!group) continue;
    const other = [...unit.keys].find((key) => key !== term.key && table.exclusiveGroupOf(key) === group);
    if (other) return { action: term.text, step: other };
  }
  return undefined;
}

/** The punctuation a name is built with (`-`, `_`, `.`): names of one kind share it. */
function separatorsOf(text: string): string {
  return [...new Set(text.replace(/^#/, '').replace(/[\p{L}\p{N}]/gu, ''))].sort().join('');
}

/**
 * A target of the action the step does not name, where the step names a
 * similar one (sharing a part, or the same shape): `order-api` vs
 * `order-consumer`, `staging-eu-1` vs `prod-eu-1`, `daily_revenue` vs `daily_events`.
 */
function otherTargetIn(action: TextTerms, matches: readonly number[], unit: StepUnit): { action: string; step: string } | undefined {
  for (const [index, term] of action.terms.entries()) {
    if (term.kind !== 'identifier' || term.parts.length < 2 || matches[index]! >= 1) continue;
    const parts = new Set(term.parts.filter((part) => /[a-z]{2,}/.test(part)));
    if (parts.size === 0) continue;
    const style = separatorsOf(term.text);
    const similar = unit.identifiers.find(
      (other) =>
        other.parts.length >= 2 &&
        other.key !== term.key &&
        separatorsOf(other.text) === style &&
        other.parts.some((part) => parts.has(part)) &&
        other.parts.some((part) => /[a-z]{2,}/.test(part) && !parts.has(part)),
    );
    if (similar) return { action: term.text, step: similar.text };
  }
  return undefined;
}
