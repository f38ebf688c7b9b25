/**
 * Text → terms. A term is a word (by lemma and stem), a phrasal verb from the
 * synonym table (`keep an eye on`), a number, or an identifier: a name with
 * inner punctuation or digits (`order-consumer`, `daily_events`, `prod-eu-1`,
 * `#billing-eng`, `CHANGELOG.md`), an acronym (`IAM`) or a CamelCase product
 * name (`GuardDuty`). Identifiers are the targets an action acts on, so they
 * weigh more and must match whole.
 *
 * Besides its terms a text keeps its stream: the keys of every word and
 * identifier part in order, stop words included, so an identifier can be
 * found inside a longer one (`billing-primary-1` in
 * `db:pg://ops@billing-primary-1/billing`) or spelled out in words
 * (`under-review` in "Billing: under review").
 */
import { alternativeKeysOf, canBeVerb, isInflectedVerb, isKnownWord, isMostlyNoun, keyOf } from './lemma.ts';
import type { SynonymTable } from './synonyms.ts';

/** Function words: they never decide a match. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a an the and or nor but if then than so as of to in on at by for from with into onto over under via per about around through across ' +
    'against between within without upon up down out off back away is are was were be been being am it its this that these those there here ' +
    'he she they them their his her him we us our you your i me my who whom whose which what how why when where while once until ' +
    'do does did done has have had can could would should will shall may might must not no also too again still just only very ' +
    'already yet even well as because since though although whether both either neither ' +
    'myself yourself himself herself itself ourselves yourselves themselves ' +
    'everything something anything nothing everyone someone anyone everybody somebody anybody').split(' '),
);

/**
 * Words that say little about which action it was (`new`, `other`, `each`):
 * they count, but lightly, so a paraphrase that adds one is not undocumented.
 */
const WEAK_WORDS = new Set(
  ('new old other another same different current latest previous next last first second existing all each every any some ' +
    'more most less few several many one two three four five ten half full sure really right correct whole own ' +
    'manually automatically now today day week month time ' +
    // Dates are values, not targets: "for 14 to 16 September", "with Friday as the pay date".
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday second seconds minute minutes hour hours days weeks months ' +
    // Clipped dates and times of day: values that fill a step's "when", not what was done.
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed weds thu thur thurs fri sat sun ' +
    'tomorrow yesterday tonight morning afternoon evening night overnight noon midnight am pm sharp ago later earlier ' +
    // Honorifics come with a name, which fills the step's "who" ("Phoned Mrs Patel" for "notify the patron").
    'mr mrs ms miss dr prof').split(' '),
);

/** Number words: values like digits ("at ten to one", "half eleven", "six custodians"). */
const NUMBER_WORDS = new Set(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million half quarter dozen twice'.split(' '),
);

/** Units a number is counted in: after a number they are part of the value ("19 oz", "3.2 ac", "40 minutes"). */
const UNIT_WORDS = new Set(
  ('p h hr hrs m min mins ms s sec secs g kg mg ml l litre litres liter liters oz lb lbs ft in cm mm km mi mile miles mph kph ' +
    'ac acre acres ha fl gal gallon gallons c f ppm pct percent x k gb mb tb pound pounds pence quid euro euros dollar dollars cent cents').split(' '),
);

/** A number, with its currency, unit, ordinal or time-of-day suffix: `£7`, `40p`, `37.5h`, `6/14`, `24x24`, `5:50`, `2pm`, `1st`, `15-min`. */
const NUMBER = /^[$€£]?\d[\d.,:/x×]*(?:st|nd|rd|th|s|p|h|hr|hrs|m|min|mins|ms|am|pm|a\.m|p\.m|g|kg|mg|ml|l|oz|lb|lbs|ft|in|cm|mm|km|mi|k|gb|mb|tb|ppm|x|%|°c|°f)?\.?$/i;

/** Words after which the next word is a noun, not a verb (`a restart count`, `the rollout`). */
const NOUN_MARKERS = new Set(
  ('a an the this that these those each every its their your our his her my any some no of in on for with from at by into onto ' +
    'over under about per via as is are was were be been').split(' '),
);

/** Words after which an inflected verb is the sentence's verb, not a participle. */
const FINITE_MARKERS = new Set(['it', 'they', 'he', 'she', 'we', 'you', 'i', 'who', 'that', 'which', 'had', 'has', 'have', 'was', 'were', 'is', 'are', 'been']);

/** Particles that may close a phrasal verb split by its object ("Turned the fryers off", "Let the team know"). */
const SEPARABLE_PARTICLES = ['off', 'on', 'up', 'out', 'down', 'back', 'over', 'away', 'know'];
/** Words that may follow a particle that closes a split phrasal verb ("Turned the lights off in the kitchen"). */
const PARTICLE_CLOSERS = new Set(
  'and or then again for at before after with to until till while so once when too as in on from by because since now first today tonight completely fully properly again afterwards'.split(' '),
);
/** Particles that are also prepositions: a phrasal verb ending in one, right before a name, is the verb and a preposition. */
const PREPOSITIONS = new Set(['in', 'on', 'at', 'to', 'for', 'into', 'with', 'from', 'of', 'about', 'through', 'over']);
let separable: Set<string> | undefined;
function separableKeys(): Set<string> {
  separable ??= new Set(SEPARABLE_PARTICLES.map((word) => keyOf(word)));
  return separable;
}

export type TermKind = 'word' | 'phrase' | 'identifier' | 'number';

export interface Term {
  /** As written (for messages). */
  text: string;
  kind: TermKind;
  /** Comparison key: a word's lemma stem, a phrase's words' keys, an identifier's parts' keys joined by spaces. */
  key: string;
  /** An identifier's part keys (digits folded to `#`); a word's `[key]`. */
  parts: string[];
  /** Other keys a word may stand for (`regenerate` → `generate`, `SSHed` → `ssh`). */
  alternatives: string[];
  /** The WordNet lemma, when WordNet knows the word or phrase: what its senses are looked up by. */
  lemma?: string;
  /** Synonym classes. */
  classes: readonly string[];
  /** A capitalised word inside a sentence: a product, place or team name. */
  proper: boolean;
  weak: boolean;
  /** A hyphenated compound of plain words (`order-api`, `long-running`): its parts are also terms of their own. */
  compound: boolean;
  /** Likely a verb of the action: its first word, or an inflected verb after `and`, `to`, `by` or a comma. */
  verb: boolean;
  /** Could be a verb where it stands (no article or preposition just before it): what a step tells the reader to do. */
  verbCandidate: boolean;
  /** Stands where an instruction's verb stands: first in its sentence, or after `and`, `then`, `to`, `or`, a comma (and can be a verb). */
  instruction: boolean;
  /** A verb form used as a modifier (`failed task`, `calls made with`): it qualifies, it does not act. */
  participle: boolean;
  /** First word of a sentence: in a step, the instruction's verb. */
  head: boolean;
  /** A part of a hyphenated compound (`get` in `get-access-key-last-used`): a name's word, not the text's. */
  inCompound: boolean;
  /** Index in the stream where the term starts. */
  at: number;
  /** Which clause of the text it is in (0-based; see markClauses). */
  clause: number;
}

export interface TextTerms {
  terms: Term[];
  /** Says it did something in addition ("too", "also", "as well"): to what the step names, or to something else. */
  additive: boolean;
  /**
   * Says the action was extra to the procedure: in addition ("too", "also", "as well"), a precaution
   * ("in case", "just to be safe"), an opportunity ("while there", "while she had it open"), or against
   * what was expected ("even though").
   */
  extra: boolean;
  /** Keys of every word and identifier part, in order, stop words included. */
  stream: string[];
  /** Lower-case words as written, for abbreviation and acronym checks. */
  words: string[];
}

// A comma between digits is part of a number ("1,284.40").
const TOKEN = /#?[\p{L}\p{N}$][\p{L}\p{N}$%'’._/:=@+\\-]*(?:,\d[\p{L}\p{N}$%'’._/:=@+\\-]*)*/gu;
const VERB_OPENERS = new Set(['and', 'to', 'by', 'then', ',', 'after', 'before']);
/** Words after which a step's next word is an instruction's verb ("… and paste the CSV", "then restart it"). */
const INSTRUCTION_OPENERS = new Set(['and', 'to', 'then', ',', 'or', 'first', 'also', 'please']);

/** Key of one identifier part: digits fold to `#` so `v2026.11.0` and `v2026.12.0` have the same shape. */
function partKey(part: string): string {
  if (/\d/.test(part)) return part.toLowerCase().replace(/\d+/g, '#');
  return keyOf(part);
}

/** Split a token into its parts at inner punctuation. */
function partsOf(token: string): string[] {
  return token.split(/[-_./:=@+\\]+/).filter(Boolean);
}

function classify(token: string, sentenceStart: boolean): { kind: TermKind; proper: boolean } {
  if (NUMBER.test(token) || /^\d+-[a-z]{1,6}$/i.test(token)) return { kind: 'number', proper: false };
  if (NUMBER_WORDS.has(token.toLowerCase())) return { kind: 'number', proper: false };
  if (token.startsWith('#') && token.length > 1) return { kind: 'identifier', proper: false };
  if (/[_./:=@\\]/.test(token.replace(/\.$/, ''))) return { kind: 'identifier', proper: false };
  if (/\d/.test(token)) return { kind: 'identifier', proper: false };
  if (/^[A-Z]{2,}s?$/.test(token) && !STOP_WORDS.has(token.toLowerCase())) return { kind: 'identifier', proper: false };
  if (/[a-z][A-Z]/.test(token)) return { kind: 'identifier', proper: false };
  const proper = !sentenceStart && /^[A-Z][a-z]/.test(token);
  return { kind: 'word', proper };
}

/** Key of a whole identifier: ALL-CAPS and CamelCase names are one word; others are their parts' keys. */
function identifierKey(token: string): { key: string; parts: string[] } {
  const bare = token.replace(/^#/, '');
  if (/^[A-Z]{2,}s$/.test(bare)) return { key: bare.slice(0, -1).toLowerCase(), parts: [bare.slice(0, -1).toLowerCase()] };
  if (/^[A-Za-z]+$/.test(bare)) return { key: bare.toLowerCase(), parts: [bare.toLowerCase()] };
  const parts = partsOf(bare).map(partKey);
  return { key: parts.join(' '), parts };
}

interface RawToken {
  text: string;
  sentenceStart: boolean;
  /** The word or punctuation just before it, lower-cased (`,` for a comma). */
  before: string;
}

/** A token ending in what rawTokens trims: a possessive's s, or punctuation. */
const TRIMMED_END = /[sS.:'’=/\\-]$/;

function rawTokens(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  let last = 0;
  let sentenceStart = true;
  let before = '';
  for (const match of text.matchAll(TOKEN)) {
    // Most tokens follow the last after one space, which neither starts a sentence nor is a comma.
    if (last === 0 || match.index !== last + 1 || text.charCodeAt(last) !== 32) {
      const gap = text.slice(last, match.index);
      if (/[.!?:;\n]\s*$|^\s*$/.test(gap) && last === 0) sentenceStart = true;
      else if (/[.!?:;]\s*$/.test(gap) || /\n\s*\n/.test(gap) || /[→>]/.test(gap)) sentenceStart = true;
      if (/,\s*$/.test(gap)) before = ',';
    }
    // Trailing sentence punctuation and possessives are not part of the name.
    let token = TRIMMED_END.test(match[0]) ? match[0].replace(/['’]s$/i, '').replace(/[.:'’=/\\-]+$/, '') : match[0];
    if (token.length === 0) token = match[0];
    tokens.push({ text: token, sentenceStart, before });
    sentenceStart = /[.!?:;]$/.test(match[0]) && !/\w[.:]\w/.test(match[0].slice(-3));
    before = token.toLowerCase();
    last = (match.index ?? 0) + match[0].length;
  }
  return tokens;
}

const memo = new WeakMap<SynonymTable, Map<string, TextTerms>>();
/**
 * Texts kept: enough for every text of the largest playbook (its steps, notes and gaps are read again by
 * the pairs, the sessions and the gap coverage); more only keeps other playbooks' texts alive, and a
 * TextTerms is a few kilobytes with what is memoised beside it. 20,000 held 1.6 GB at the 10,000-playbook
 * bench; 2,000 holds 1.2-1.3 GB, for the same CPU time.
 */
const MAX_MEMO = 2_000;

/**
 * The terms of a text, memoised per synonym table (a playbook's steps are
 * read by the units, the pairs and the gap coverage; an entry repeated in
 * several sessions once). The result is shared: callers must not change it.
 */
export function termsOf(text: string, table: SynonymTable): TextTerms {
  let cache = memo.get(table);
  if (!cache) memo.set(table, (cache = new Map()));
  let terms = cache.get(text);
  if (!terms) {
    if (cache.size >= MAX_MEMO) cache.clear();
    terms = readTerms(text, table);
    cache.set(text, terms);
  }
  return terms;
}

function readTerms(text: string, table: SynonymTable): TextTerms {
  const raw = rawTokens(table.expand(text).replace(/[*`]+/g, ' '));
  const stream: string[] = [];
  const words: string[] = [];
  const terms: Term[] = [];
  // First pass: stream keys of plain words, so phrases can be found in them.
  const wordKeys: { key: string; index: number }[] = [];
  // Each token is classified once: both passes and the clause marks read it.
  const kinds = raw.map((token) => classify(token.text, token.sentenceStart));
  raw.forEach((token, index) => {
    const lower = token.text.toLowerCase();
    if (kinds[index]!.kind === 'word' && /^[\p{L}'’-]+$/u.test(token.text) && !lower.includes('-')) wordKeys.push({ key: keyOf(lower), index });
  });
  const inPhrase = new Map<number, { key: string; start: number; lemma?: string }>();
  findPhrases(wordKeys, table, inPhrase, raw);
  let first = true;
  raw.forEach((token, index) => {
    const { kind, proper } = kinds[index]!;
    const lower = token.text.toLowerCase();
    const at = stream.length;
    const isFirst = first;
    first = false;
    const phrase = inPhrase.get(index);
    if (phrase) {
      stream.push(keyOf(lower));
      words.push(lower);
      if (phrase.start === index) {
        // A WordNet phrasal verb the table does not know keeps its verb's classes ("strike out" deletes, like "strike").
        const own = table.classesOf(phrase.key);
        const classes = own.length > 0 || !phrase.lemma ? own : table.classesOf(phrase.key.split(' ')[0]!);
        const fields = { text: phrase.key, kind: 'phrase' as const, key: phrase.key, parts: [phrase.key], classes, verb: isFirst || VERB_OPENERS.has(token.before), verbCandidate: !NOUN_MARKERS.has(token.before), instruction: token.sentenceStart || isFirst || INSTRUCTION_OPENERS.has(token.before), head: token.sentenceStart, at, lemma: phrase.lemma };
        terms.push(term(fields));
      }
      return;
    }
    if (kind === 'number') {
      stream.push('#');
      terms.push(term({ text: token.text, kind, key: '#', parts: ['#'], at, weak: true }));
      return;
    }
    if (kind === 'identifier') {
      const { key, parts } = identifierKey(token.text);
      stream.push(...parts);
      words.push(...partsOf(lower.replace(/^#/, '')));
      const classes = parts.length === 1 ? table.classesOf(key) : [];
      // A tool with a version in its name (`storcli64`, `python3`) is also the tool.
      const versioned = /^([a-z]{3,})\d+$/i.exec(token.text);
      terms.push(term({ text: token.text, kind, key, parts, classes, at, alternatives: versioned ? [keyOf(versioned[1]!)] : [] }));
      if (token.text.startsWith('#')) stream.push('#channel');
      return;
    }
    // Plain words, and hyphenated compounds of plain words.
    // "re-added", "pre-check", "co-signed": a prefix and a word, not a compound name.
    const pieces = !HAS_PIECES.test(lower)
      ? [lower]
      : lower
          .split(/[-'’]+/)
          .filter(Boolean)
          .filter((piece, at, all) => !(at === 0 && all.length > 1 && PREFIXES.has(piece)));
    const compound = pieces.length > 1;
    if (compound) {
      const keys = pieces.map((piece) => keyOf(piece));
      terms.push(term({ text: token.text, kind: 'identifier', key: keys.join(' '), parts: keys, compound: true, at, proper }));
    }
    pieces.forEach((piece) => {
      const key = keyOf(piece);
      const alternatives = alternativeKeysOf(piece);
      stream.push(key);
      words.push(piece);
      if (STOP_WORDS.has(piece) || (piece.length < 2 && !/[A-Z]/.test(token.text))) return;
      const lemma = isKnownWord(piece) ? key : undefined;
      const verb = !compound && (isFirst || (VERB_OPENERS.has(token.before) && !proper && (token.before === 'to' ? canBeVerb(piece) : isInflectedVerb(piece))));
      const verbCandidate = !compound && !NOUN_MARKERS.has(token.before);
      const instruction = !compound && !proper && (token.sentenceStart || isFirst || INSTRUCTION_OPENERS.has(token.before)) && canBeVerb(piece);
      // After a subject or an auxiliary ("until it finished", "had signed off") it is a verb, not a modifier.
      const participle = !compound && !verb && !/s$/.test(piece) && !FINITE_MARKERS.has(token.before) && isInflectedVerb(piece);
      terms.push(
        term({
          text: compound ? piece : token.text,
          kind: 'word',
          key,
          parts: [key],
          alternatives,
          classes: alternatives.length === 0 ? table.classesOf(key) : [...new Set([key, ...alternatives].flatMap((k) => table.classesOf(k)))],
          proper,
          weak: WEAK_WORDS.has(piece) || piece.length < 2 || (UNIT_WORDS.has(piece) && index > 0 && kinds[index - 1]!.kind === 'number'),
          verb,
          verbCandidate,
          instruction,
          participle,
          head: token.sentenceStart && !compound,
          inCompound: compound,
          at: stream.length - 1,
          lemma,
        }),
      );
    });
  });
  findActionVerb(terms, raw);
  const byStart = tokenStarts(raw, kinds);
  markClauses(terms, raw, byStart);
  const additive = ADDITIVE.test(text);
  const extra = additive || EXTRA.test(text);
  return { terms, stream, words, additive, extra };
}

/**
 * "too", "also", "as well", "in addition": done to something besides what the step names. "too" before a word is a
 * degree ("too warm", "too green", "too many"), not an addition: only a "too" that ends its clause adds.
 */
const ADDITIVE = /\b(?:also|as well|in addition|additionally)\b|\btoo\b(?=\s*(?:$|[.,;:!?)–—-]|(?:and|but|so|then|as|before|after|while|because|if|when)\b))/i;
/** Precautions, opportunities and exceptions: "in case", "to be safe", "while there", "even though", "extra". */
const EXTRA = /\b(?:(?:just )?in case|to be (?:safe|sure)|while (?:there|at it|(?:he|she|they|i|we|you) (?:was|were|had))|even (?:tho|though|if)|extra|on top of)\b/i;

/** A word with a hyphen or an apostrophe: only such a word splits into pieces. */
const HAS_PIECES = /[-'’]/;

/** Prefixes written with a hyphen: "re-added" is "added" (again), not a name with two parts. */
const PREFIXES = new Set(['re', 'pre', 'co', 'non', 'un', 'de', 'sub', 'self', 'multi', 'post', 'mid', 'semi', 'double', 'triple', 'e']);

/** Words that follow a note's subject, not its verb: auxiliaries and the adverbs that come before a verb. */
const SUBJECT_FOLLOWERS = new Set(['already', 'still', 'just', 'also', 'then', 'never', 'had', 'has', 'have', 'was', 'were', 'is', 'did', 'does', 'could', 'would', 'will', 'can', 'should', "hadn't", "didn't", "wasn't", "couldn't", 'finally', 'quickly', 'first']);

/** Words that open a new clause of a note after a comma or on their own ("…, so asked IT", "then payout"). */
const CLAUSE_OPENERS = new Set(['so', 'then', 'but', 'because', 'since', 'while', 'when', 'until', 'till']);

/** Raw token index of each stream position where a token starts (identifiers and compounds take several). */
function tokenStarts(raw: readonly RawToken[], kinds: readonly { kind: TermKind }[]): Map<number, number> {
  const byStart = new Map<number, number>();
  let at = 0;
  raw.forEach((token, index) => {
    byStart.set(at, index);
    const { kind } = kinds[index]!;
    at += kind === 'identifier' ? Math.max(1, identifierKey(token.text).parts.length) + (token.text.startsWith('#') ? 1 : 0) : kind === 'number' || !HAS_PIECES.test(token.text) ? 1 : Math.max(1, token.text.split(/[-'’]+/).filter(Boolean).length);
  });
  return byStart;
}

/**
 * Number the clauses of a text (split at commas, sentence ends, "so", "then",
 * "until"): a note's clause without a verb reports a result ("still 6 short",
 * "gaskets ok", "nothing owed"), not what was done.
 */
function markClauses(terms: Term[], raw: readonly RawToken[], byStart: ReadonlyMap<number, number>): void {
  const clauseOf: number[] = [];
  let clause = 0;
  raw.forEach((token, index) => {
    if (index > 0 && (token.before === ',' || token.sentenceStart || CLAUSE_OPENERS.has(token.text.toLowerCase()))) clause++;
    clauseOf.push(clause);
  });
  let last = 0;
  for (const term of terms) {
    const index = byStart.get(term.at);
    if (index !== undefined) last = clauseOf[index] ?? last;
    term.clause = last;
  }
}

/**
 * Notes do not always start with their verb: "Jonah recounted …", "C-12-04
 * flagged, recounted …", "panel back to Normal". The first word is the verb
 * only when it reads as one (an inflected verb, or a word WordNet uses more as
 * a verb than as a noun); otherwise a capitalised first word is a name (the
 * subject), and the verb is the first inflected verb of the note, if any.
 */
function findActionVerb(terms: Term[], raw: readonly RawToken[]): void {
  const first = terms.find((term) => term.at === 0);
  if (first && first.kind === 'word' && first.verb && !readsAsVerb(first, raw)) {
    first.verb = false;
    if (/^[A-Z][a-z]/.test(raw[0]?.text ?? '')) first.proper = true;
  }
  if (terms.some((term) => term.verb)) return;
  // No verb first: the first inflected verb ("Jonah recounted", "so he set one up"), a phrasal verb included.
  const next = terms.find(
    (term) => term.at > 0 && !term.inCompound && ((term.kind === 'word' && isInflectedVerb(term.text.toLowerCase()) && !/s$/i.test(term.text)) || (term.kind === 'phrase' && /ed$|[^aeiou]t$/.test(raw.find((token) => keyOf(token.text) === term.key.split(' ')[0])?.text ?? ''))),
  );
  if (next) {
    next.verb = true;
    next.participle = false;
  }
}

/**
 * The first word of a note is its verb when it reads as one: an inflected
 * verb ("Rolled"), a word WordNet uses more as a verb than as a noun
 * ("check"), or a word WordNet does not know followed by a function word
 * ("reinit from the leader"); not a name or a noun followed by its verb
 * ("Carl reviewed …", "patroni service active", "panel back to Normal").
 */
function readsAsVerb(first: Term, raw: readonly RawToken[]): boolean {
  const word = first.text.toLowerCase();
  const next = raw[1];
  if (isInflectedVerb(word)) return true;
  if (next && isInflectedVerb(next.text.toLowerCase()) && !/s$/i.test(next.text) && next.before !== ',') return false;
  // A capitalised word WordNet does not know, before an auxiliary or an adverb that comes before a verb, is the
  // subject ("Kwame already had two panels", "Priti was trained on it"), not the verb.
  if (!isKnownWord(word) && /^\p{Lu}/u.test(first.text) && next && SUBJECT_FOLLOWERS.has(next.text.toLowerCase())) return false;
  // A word WordNet does not know: a verb by its form ("Unpaused", "reinit'ing", "SSHed"), or before a function word.
  if (!isKnownWord(word)) return /[a-z](?:ed|ing)$/.test(word) || /^(?:un|re|de|dis)[a-z]{3,}/.test(word) || !next || STOP_WORDS.has(next.text.toLowerCase()) || next.before === ',';
  return canBeVerb(word) && !isMostlyNoun(word);
}

/** Names nested in a longer one: `order-consumer` in `deployment/order-consumer`, `billing-primary-1` in a connection string. */
export function nestedNamesOf(outer: Term): Term[] {
  if (outer.kind !== 'identifier' || !/[/:@=\\]/.test(outer.text)) return [];
  return outer.text
    .split(/[/:@=\\]+/)
    .filter((piece) => /[\p{L}\p{N}][-_.][\p{L}\p{N}]/u.test(piece))
    .map((piece) => ({ ...identifierKey(piece), piece }))
    .filter(({ parts }) => parts.length > 1)
    .map(({ key, parts, piece }) => term({ text: piece, kind: 'identifier', key, parts, at: outer.at }));
}

/** A term from the fields given, the rest at their defaults; every term is built with its properties in one order (one object shape for the matcher's hot loops), `lemma` only when known. */
function term(fields: Omit<Partial<Term>, 'lemma'> & Pick<Term, 'text' | 'kind' | 'key' | 'parts' | 'at'> & { lemma?: string | undefined }): Term {
  const made: Term = {
    text: fields.text,
    kind: fields.kind,
    key: fields.key,
    parts: fields.parts,
    alternatives: fields.alternatives ?? [],
    classes: fields.classes ?? [],
    proper: fields.proper ?? false,
    weak: fields.weak ?? false,
    compound: fields.compound ?? false,
    verb: fields.verb ?? false,
    verbCandidate: fields.verbCandidate ?? false,
    instruction: fields.instruction ?? false,
    participle: fields.participle ?? false,
    head: fields.head ?? false,
    inCompound: fields.inCompound ?? false,
    at: fields.at,
    clause: fields.clause ?? 0,
  };
  if (fields.lemma) made.lemma = fields.lemma;
  return made;
}

/**
 * Mark the words that form a phrase of the table. A two-word phrasal verb may
 * be split by its object ("Turned the fryers off", "Let the team know").
 */
function findPhrases(words: readonly { key: string; index: number }[], table: SynonymTable, found: Map<number, { key: string; start: number; lemma?: string }>, raw: readonly RawToken[]): void {
  for (let i = 0; i < words.length; i++) {
    if (found.has(words[i]!.index)) continue;
    for (const phrase of table.phrasesFrom(words[i]!.key)) {
      // "in" closes a split phrase only before "to" or "with": "Logged gh in to github.com", not "signed the NDA in the repository".
      const splitIn = phrase.words[1] === 'in' && phrase.words.length === 2;
      const maxGap = phrase.words.length === 2 && (separableKeys().has(phrase.words[1]!) || splitIn) ? 4 : 1;
      const matched = [i];
      for (let w = 1; w < phrase.words.length && matched.length === w; w++) {
        const previous = matched[matched.length - 1]!;
        for (let k = previous + 1; k < words.length && words[k]!.index - words[previous]!.index <= maxGap; k++) {
          if (words[k]!.key === phrase.words[w] && !found.has(words[k]!.index)) {
            matched.push(k);
            break;
          }
        }
      }
      if (matched.length !== phrase.words.length) continue;
      // Split by an object, the particle must end the phrase ("Turned the fryers off", "… back on."), not open
      // one of its own: in "Ran storcli show on all slots" `on` is a preposition, not "run on".
      const last = words[matched[matched.length - 1]!]!.index;
      const split = last - words[matched[matched.length - 2]!]!.index > 1;
      const after = raw[last + 1];
      if (split && after && after.before !== ',' && !PARTICLE_CLOSERS.has(after.text.toLowerCase())) continue;
      if (split && splitIn && !['to', 'with', 'into'].includes(after?.text.toLowerCase() ?? '')) continue;
      // "Checked in Manage Accounting Periods": before a name, `in` is a preposition, not "check in".
      if (!split && phrase.lemma && PREPOSITIONS.has(phrase.words[phrase.words.length - 1]!) && after && /^[A-Z]/.test(after.text) && !after.sentenceStart) continue;
      for (const m of matched) found.set(words[m]!.index, phrase.lemma ? { key: phrase.key, start: words[i]!.index, lemma: phrase.lemma } : { key: phrase.key, start: words[i]!.index });
      break;
    }
  }
}
