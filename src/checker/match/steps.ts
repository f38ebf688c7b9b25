/**
 * The steps as the matcher sees them: one unit per top-level step, holding
 * everything the step says (its prose, its sub-steps, the code and commands
 * in its blocks), and the playbook's context (title, summary, intro,
 * prerequisites) that tells which words are the playbook's subject.
 */
import type { Playbook, Step } from '../../core/model.ts';
import type { ProcedureShape } from './align.ts';
import { allSteps } from '../../core/model.ts';
import { keyOf } from './lemma.ts';
import { addConcepts, relationsOf, type ConceptIndex } from './relations.ts';
import { memberKey, type SynonymTable } from './synonyms.ts';
import { nestedNamesOf, termsOf, type Term, type TextTerms } from './tokens.ts';

export interface StepUnit {
  /** Top-level step number (a sub-step counts as its step); 0 for the Verify section and prerequisites. */
  number: number;
  /** Where the playbook says it: a step, the `## Verify` section, a prerequisite, or (for gap coverage) a recorded gap. */
  source: 'step' | 'verify' | 'prerequisite' | 'gap';
  /** Step numbers it spans: one, or two for a pair of neighbouring steps. */
  numbers: number[];
  title: string;
  /** Every key it says: words, phrases, identifiers, identifier parts. */
  keys: Set<string>;
  /** Every synonym class of those. */
  classes: Set<string>;
  /** Word and part keys in order, for identifiers spelled out or nested. */
  stream: string[];
  /** Its identifiers, for "different target" (`order-api` vs `order-consumer`). */
  identifiers: Term[];
  /** Lower-case words as written (abbreviations, acronyms). */
  words: string[];
  /** Keys and classes of the words in a verb's place: what the step tells the reader to do (not "a restart count"). */
  verbKeys: Set<string>;
  verbClasses: Set<string>;
  /** Classes of its plain words (not parts of names): a verb's synonym used as a noun ("a replacement key"). */
  nounClasses: Set<string>;
  /** Keys and classes of each instruction's first word ("Pause the DAG", "Open a request"): what a verb is reversed against. */
  headKeys: Set<string>;
  headClasses: Set<string>;
  /**
   * Names (identifiers, product names) introduced by earlier steps: "close the
   * change" in step 8 is the ServiceNow change of step 2.
   */
  inherited: Set<string>;
  /** Keys of the programs its commands run (`kubectl`, `pg_dump`). */
  programs: Set<string>;
  /** Porter stems of its words: one family WordNet does not link (`reconcile`, `reconciliation`). */
  stems: Set<string>;
  /** WordNet senses of its words as nouns, of any word (synset → largest share). */
  nounConcepts: ConceptIndex;
  /** WordNet senses, as verbs, of the words in a verb's place (and of what a light verb does: "take a photo"). */
  verbConcepts: ConceptIndex;
  /** WordNet senses, as verbs, of any of its words ("a restart count"). */
  anyVerbConcepts: ConceptIndex;
  /** WordNet senses, as nouns, of the words in a verb's place: "Photograph the gauge" is said by "a picture". */
  verbNounConcepts: ConceptIndex;
  /** The step itself says to do something in addition or as a precaution ("also", "in case"). */
  extra: boolean;
  /** Keys of the words where an instruction's verb stands ("Open …", "… and paste …"), the objects of its light verbs, and what a Verify section or prerequisite implies. */
  instructionKeys: Set<string>;
  /** Verbs its nouns are made from ("replacement" → replace, "approval" → approve), and their classes. */
  nominalVerbs: Set<string>;
  nominalClasses: Set<string>;
}

/** Words before the tool a step names ("with the probe", "using a mop"), and the articles that may stand between. */
const TOOL_MARKERS = new Set(['with', 'use']);
const ARTICLES = new Set(['the', 'a', 'an', 'its', 'their', 'your']);

/** The word at `at` is the tool a step says to use: right after "with"/"using", or after one article. */
function namesTool(stream: readonly string[], at: number): boolean {
  const before = stream[at - 1] ?? '';
  return TOOL_MARKERS.has(before) || (ARTICLES.has(before) && TOOL_MARKERS.has(stream[at - 2] ?? ''));
}

/** Suffixes of nouns made from verbs (WordNet's family says which verb). */
const NOMINALISATION = /(?:ment|tion|sion|al|ance|ence|age|ure|ery)$/;

/** A table without synonyms or phrases, for reading program names. */
const EMPTY_TABLE: SynonymTable = { classesOf: () => [], phrases: [], phrasesFrom: () => [], opposite: () => false, isLight: () => false, exclusiveGroupOf: () => undefined, expand: (text) => text };

/** Everything a step says, sub-steps included, as one text; code blocks each on their own lines. */
function textOfStep(step: Step): string {
  const own = [step.text || step.title, ...step.code.map((block) => `\n${block.value}\n`)];
  return [...own, ...step.children.map((child) => textOfStep(child))].join('\n');
}

/** Classes a step implies without the words: an SQL block is a query (a `#channel`, a chat channel: see unitOf). */
function impliedClasses(step: Step): string[] {
  const implied: string[] = [];
  const steps = [step, ...allSteps(step.children)];
  if (steps.some((s) => s.code.some((block) => /^(sql|psql|pgsql|mysql)$/i.test(block.lang ?? '')))) implied.push('query');
  // A SELECT lists and finds rows: "Listed the long-running queries" is a step that runs one.
  if (steps.some((s) => s.code.some((block) => /^\s*select\b/i.test(block.value)))) implied.push('list', 'find');
  return implied;
}

/** Programs a step runs: in its code blocks, or as the first word of an inline command (`haproxy -c -f …`). */
function programsOf(steps: readonly Step[]): string[] {
  return steps.flatMap((step) =>
    allSteps([step]).flatMap((s) => [...s.commands.map((command) => command.program), ...s.inlineCode.filter((code) => /^\S+\s+-/.test(code.value)).map((code) => code.value.split(/\s+/)[0]!)]),
  );
}

function unitOf(numbers: number[], title: string, texts: TextTerms[], implied: string[], inherited: Set<string>, programs: readonly string[], table: SynonymTable, source: StepUnit['source'] = 'step', impliedVerbs: readonly string[] = []): StepUnit {
  const keys = new Set<string>();
  const verbKeys = new Set<string>();
  const verbClasses = new Set<string>(implied);
  const headKeys = new Set<string>();
  const nounClasses = new Set<string>();
  const headClasses = new Set<string>();
  const classes = new Set<string>(implied);
  const stream: string[] = [];
  const identifiers: Term[] = [];
  const words: string[] = [];
  const stems = new Set<string>();
  const nounConcepts: ConceptIndex = new Map();
  const verbConcepts: ConceptIndex = new Map();
  const anyVerbConcepts: ConceptIndex = new Map();
  const verbNounConcepts: ConceptIndex = new Map();
  const instructionKeys = new Set<string>();
  const nominalVerbs = new Set<string>();
  const nominalClasses = new Set<string>();
  for (const text of texts) {
    stream.push(...text.stream, '|');
    words.push(...text.words, '|');
    for (const key of text.stream) keys.add(key);
    if (text.stream.includes('#channel')) classes.add('channel');
    for (const term of text.terms) {
      keys.add(term.key);
      for (const alternative of term.alternatives) keys.add(alternative);
      for (const name of term.classes) classes.add(name);
      if (term.kind === 'identifier') identifiers.push(term, ...nestedNamesOf(term));
      // Where the step tells the reader to do something: an instruction's verb, a name (`kubectl rollout status`), or a
      // word the synonym table does not know in a verb's place. A known verb elsewhere ("the shared drive") is not an instruction.
      // A gap is a narrative ("Alex posted in #orders-oncall before restarting"): any verb in it counts.
      if (term.instruction || term.kind === 'identifier' || (term.verbCandidate && (term.classes.length === 0 || source === 'gap'))) {
        verbKeys.add(term.key);
        for (const alternative of term.alternatives) verbKeys.add(alternative);
        for (const name of term.classes) verbClasses.add(name);
      }
      if (term.kind === 'word' && !term.inCompound) for (const name of term.classes) nounClasses.add(name);
      if (term.head) {
        headKeys.add(term.key);
        for (const name of term.classes) headClasses.add(name);
      }
      // A menu item "New shipment" is how a step says to create one.
      if (term.kind === 'word' && term.text === 'New' && !term.head) {
        verbKeys.add(keyOf('create'));
        for (const name of table.classesOf(keyOf('create'))) verbClasses.add(name);
      }
      if (!term.lemma) continue;
      const { profile } = relationsOf(term.lemma);
      // A noun made from a verb says the verb: "a replacement key" says replace, "the approval" approve.
      if (!term.instruction && NOMINALISATION.test(term.key)) {
        for (const member of profile.family) {
          if (relationsOf(member).profile.verbSenses.length === 0) continue;
          nominalVerbs.add(member);
          for (const name of table.classesOf(member)) nominalClasses.add(name);
        }
      }
      stems.add(profile.stem);
      if (term.proper) continue;
      addConcepts(nounConcepts, profile.nounSenses, term.key);
      addConcepts(anyVerbConcepts, profile.verbSenses, term.key);
      if (term.instruction) instructionKeys.add(term.key);
      if ((term.instruction || (source === 'gap' && term.verbCandidate)) && profile.verbSenses.length > 0) {
        addConcepts(verbConcepts, profile.verbSenses, term.key);
        addConcepts(verbNounConcepts, profile.nounSenses, term.key);
      }
      // The tool a step says to do it with is how the doer says it: "with the probe" is what "Probed the cod" does, "with a mop" "Mopped".
      if (term.kind === 'word' && !term.instruction && profile.verbSenses.length > 0 && namesTool(text.stream, term.at)) {
        verbKeys.add(term.key);
        addConcepts(verbConcepts, profile.verbSenses, term.key);
      }
      // A light verb's object is what the step tells the reader to do: "Take a photo", "Make a backup", "Give approval".
      if (term.instruction && table.isLight(term.key)) {
        const object = text.terms.find((next) => next.at > term.at && !next.weak && next.kind !== 'number');
        if (object?.lemma && object.at - term.at <= 3) {
          verbKeys.add(object.key);
          instructionKeys.add(object.key);
          for (const name of object.classes) verbClasses.add(name);
          const objectProfile = relationsOf(object.lemma).profile;
          addConcepts(verbConcepts, objectProfile.verbSenses, object.key);
          for (const member of objectProfile.family) {
            verbKeys.add(member);
            instructionKeys.add(member);
            addConcepts(verbConcepts, relationsOf(member).profile.verbSenses, object.key);
          }
        }
      }
    }
  }
  // What a Verify section or a prerequisite tells the reader to do without saying it ("The zone shows 100 %": check it).
  // Only as verbs: "open" implied by an access prerequisite is not the action's "still open".
  for (const verb of impliedVerbs) {
    const key = memberKey(verb);
    verbKeys.add(key);
    instructionKeys.add(key);
    for (const name of table.classesOf(key)) verbClasses.add(name);
    const lemma = verb.toLowerCase();
    addConcepts(verbConcepts, relationsOf(lemma).profile.verbSenses, key);
  }
  const programKeys = new Set(programs.map((program) => termsOf(program, EMPTY_TABLE).terms[0]?.key ?? program.toLowerCase()));
  return { number: source === 'step' ? numbers[numbers.length - 1]! : 0, source, numbers, title, keys, classes, stream, identifiers, words, verbKeys, verbClasses, nounClasses, headKeys, headClasses, inherited, programs: programKeys, stems, nounConcepts, verbConcepts, anyVerbConcepts, verbNounConcepts, instructionKeys, nominalVerbs, nominalClasses, extra: texts.some((text) => text.extra) };
}

/** The names a text introduces: identifiers and capitalised product names. */
function namesOf(text: TextTerms): string[] {
  return text.terms.filter((term) => (term.kind === 'identifier' && !term.compound) || term.proper).flatMap((term) => [term.key, ...term.alternatives]);
}

/** The terms of every top-level step. */
export function stepTerms(playbook: Playbook, table: SynonymTable): TextTerms[] {
  return playbook.steps.map((step) => termsOf(textOfStep(step), table));
}

/** One unit per top-level step. */
export function unitsOf(playbook: Playbook, table: SynonymTable): StepUnit[] {
  const texts = stepTerms(playbook, table);
  const inherited = new Set<string>();
  return playbook.steps.map((step, index) => {
    const unit = unitOf([index + 1], step.title, [texts[index]!], impliedClasses(step), new Set(inherited), programsOf([step]), table);
    for (const name of namesOf(texts[index]!)) inherited.add(name);
    return unit;
  });
}

/** What checking the result means: the verbs a Verify section implies. */
const VERIFY_VERBS = ['check', 'verify', 'confirm', 'see', 'look'];
/** What having a prerequisite means, by kind: the verbs it implies ("logged into Dentrix" for `access: Dentrix user account`). */
const PREREQUISITE_VERBS: Record<string, readonly string[]> = {
  tool: ['install', 'use', 'open', 'get', 'set up', 'download'],
  access: ['sign in', 'log in', 'use', 'request', 'get', 'open'],
  skill: ['learn', 'read', 'know', 'train'],
  playbook: ['follow', 'do', 'complete', 'read'],
};

/**
 * Where else a playbook says what to do: each paragraph or list item of
 * `## Verify` (checking the result) and each prerequisite (signing in with
 * the access listed, installing the tool). An action one of them describes is
 * documented, but it does not say where a missing step belongs.
 */
export function otherUnitsOf(playbook: Playbook, table: SynonymTable): StepUnit[] {
  const units: StepUnit[] = [];
  const verify = playbook.verify?.text ?? '';
  for (const part of verify.split(/\n\s*\n|\n\s*[-*]\s+/).map((text) => text.trim()).filter(Boolean)) {
    units.push(unitOf([0], `Verify: ${part}`, [termsOf(part, table)], [], new Set(), [], table, 'verify', VERIFY_VERBS));
  }
  for (const prerequisite of playbook.prerequisites) {
    const value = prerequisite.kind === 'playbook' ? prerequisite.value.replace(/[/_-]+/g, ' ') : prerequisite.value;
    units.push(unitOf([0], `${prerequisite.kind}: ${prerequisite.value}`, [termsOf(value, table)], [], new Set(), [], table, 'prerequisite', PREREQUISITE_VERBS[prerequisite.kind] ?? []));
  }
  return units;
}

/** A recorded gap's `found` text as a unit: what it says was done or missing. */
export function gapUnitOf(found: string, table: SynonymTable): StepUnit {
  return unitOf([0], found, [termsOf(found, table)], [], new Set(), [], table, 'gap');
}

/** Neighbouring steps as one unit, for an action that does both ("Set the version and refreshed the lockfile"). */
export function pairsOf(playbook: Playbook, table: SynonymTable, units: readonly StepUnit[]): StepUnit[] {
  const texts = stepTerms(playbook, table);
  const pairs: StepUnit[] = [];
  for (let index = 0; index + 1 < playbook.steps.length; index++) pairs.push(pairUnitOf(playbook, table, units, index, texts));
  return pairs;
}

/**
 * Steps `index + 1` and `index + 2` as one unit (see pairsOf); `texts` are the
 * steps' terms, when the caller has them. Built alone so a matcher can build
 * only the pairs an action needs.
 */
export function pairUnitOf(playbook: Playbook, table: SynonymTable, units: readonly StepUnit[], index: number, texts: readonly TextTerms[] = stepTerms(playbook, table)): StepUnit {
  const implied = [...impliedClasses(playbook.steps[index]!), ...impliedClasses(playbook.steps[index + 1]!)];
  const both = [playbook.steps[index]!, playbook.steps[index + 1]!];
  return unitOf([index + 1, index + 2], both[1]!.title, [texts[index]!, texts[index + 1]!], implied, units[index]!.inherited, programsOf(both), table);
}

/** Keys of the people of the playbook (owner, leads, shadows): who did the work is not what was done. */
export function peopleOf(playbook: Playbook): Set<string> {
  const names = [playbook.meta.owner ?? '', ...playbook.shadowing.flatMap((session) => [session.lead, session.shadow])];
  return new Set(names.flatMap((name) => name.split(/[\s._-]+/)).filter((name) => name.length > 1).map((name) => keyOf(name)));
}

/** Keys of what the playbook is about, outside its steps: title, summary, tags, prerequisites, intro, Verify. */
export function contextKeysOf(playbook: Playbook, table: SynonymTable): Set<string> {
  const stepsStart = playbook.stepsHeading?.place.start.line ?? Number.POSITIVE_INFINITY;
  const intro = playbook.text
    .split('\n')
    .slice(playbook.bodyLine - 1, Number.isFinite(stepsStart) ? stepsStart - 1 : undefined)
    .join('\n');
  const texts = [
    playbook.meta.title ?? '',
    playbook.meta.summary ?? '',
    playbook.tags.join(' '),
    ...playbook.prerequisites.map((prerequisite) => prerequisite.value),
    intro,
    playbook.verify?.text ?? '',
  ];
  const keys = new Set<string>();
  for (const text of texts) {
    const terms = termsOf(text, table);
    for (const key of terms.stream) keys.add(key);
    for (const term of terms.terms) keys.add(term.key);
  }
  keys.add(keyOf('playbook'));
  return keys;
}

/** "Repeat steps 3–5", "Repeat step 3", "repeat steps 4 to 5": the steps a step loops back over. */
const LOOP = /\brepeat(?:ing)?\s+steps?\s+(\d+)(?:\s*(?:[–—-]|to|and|through)\s*(\d+))?/i;

/** The procedure's shape for the alignment: each step's parts (sub-steps), and the loops its steps ask for. */
export function shapeOf(playbook: Playbook): ProcedureShape {
  const count = playbook.steps.length;
  const loops: { from: number; to: number; at: number }[] = [];
  playbook.steps.forEach((step, index) => {
    const match = LOOP.exec(`${step.title} ${step.text}`);
    if (!match) return;
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    if (from >= 1 && to >= from && to <= count) loops.push({ from, to, at: index + 1 });
  });
  return { parts: playbook.steps.map((step) => Math.max(1, step.children.length)), loops };
}
