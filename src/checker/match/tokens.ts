/**
 * Text → terms for matching: lower-cased, stemmed (Porter, the `stemmer`
 * package), mapped through the synonym table to concepts. Identifiers
 * (`order-api`, `daily_revenue`, `staging-eu-1`, `pg_dump`), acronyms (`IAM`,
 * `GRNI`) and product names (`Okta`, `GuardDuty`) are *entities*: the
 * things an action acts on, which matter more than common words.
 */
import { stemmer } from 'stemmer';

const STOP = new Set(
  ('a an and the of to in on at by for from with into onto over under as is are was were be been being it its this that these those ' +
    'then than too also again still just only already very so such both either each every all any some more most other another same ' +
    'he she they them their his her we our you your i me my one two first last next new before after while when once until up down out off ' +
    'there here what which who whom whose how why because if but or not no nor do does did done has have had can could would should will shall may might must ' +
    'via per about around through across against between within without upon back away step steps').split(' '),
);

export interface Term {
  /** A named target (identifier or acronym): a step that never names it describes another action. */
  target: boolean;
  /** The concepts: synonym groups the word belongs to, or just its stem. */
  concepts: string[];
  stem: string;
  /** The word as written, lower-cased. */
  word: string;
  entity: boolean;
}

/**
 * Irregular past tenses (general English, not any playbook's words): observed
 * actions are written in the past tense, steps in the imperative, and a
 * Porter stemmer does not know that "ran" is "run".
 */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  ('ran:run sent:send kept:keep made:make took:take gave:give got:get went:go saw:see told:tell wrote:write led:lead left:leave ' +
    'found:find began:begin brought:bring bought:buy built:build chose:choose did:do drew:draw drove:drive ate:eat fell:fall felt:feel ' +
    'fought:fight forgot:forget froze:freeze grew:grow heard:hear held:hold hid:hide knew:know laid:lay lent:lend lost:lose meant:mean ' +
    'met:meet paid:pay rode:ride rang:ring rose:rise said:say sold:sell shook:shake shot:shoot shut:shut sang:sing sat:sit slept:sleep ' +
    'spoke:speak spent:spend stood:stand stole:steal struck:strike swept:sweep swore:swear taught:teach tore:tear thought:think threw:throw ' +
    'understood:understand woke:wake wore:wear won:win withdrew:withdraw undid:undo rebuilt:rebuild rewrote:rewrite reran:rerun resent:resend ' +
    'upheld:uphold overrode:override dealt:deal dug:dig fed:feed fled:flee flew:fly hung:hang lit:light sent:send sped:speed spun:spin ' +
    'stuck:stick stung:sting wound:wind wrung:wring broke:break chose:choose rewound:rewind').split(' ').map((pair) => pair.split(':') as [string, string]),
);

export type SynonymIndex = Map<string, string[]>;

/** Stem → concept, from synonym groups (words may contain spaces: each word is indexed). */
export function synonymIndex(groups: Record<string, readonly string[]>): SynonymIndex {
  const index: SynonymIndex = new Map();
  for (const [concept, words] of Object.entries(groups)) {
    for (const phrase of [concept, ...words]) {
      for (const word of phrase.toLowerCase().split(/\s+/)) {
        const stem = stemmer(word);
        const concepts = index.get(stem) ?? [];
        if (!concepts.includes(concept)) index.set(stem, [...concepts, concept]);
      }
    }
  }
  return index;
}

const CALENDAR = /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|yesterday)$/i;

/** A value rather than a name: versions, times, amounts, dates (`5.12.0`, `v2026.12`, `10k`, `9:30`, `September`). */
function isValue(token: string): boolean {
  const letters = token.replace(/[^a-z]/gi, '').length;
  return (/\d/.test(token) && letters <= 2) || CALENDAR.test(token);
}

/** An identifier or acronym: `order-api`, `daily_revenue`, `staging-eu-1`, `IAM` (three letters or more: `VP`, `ID` are words). */
function isTarget(token: string): boolean {
  return !isValue(token) && (/[a-z0-9][-_./][a-z0-9]/i.test(token) || /^[A-Z]{3,}s?$/.test(token));
}

/** Is a token, as written, a named thing rather than an ordinary word? */
function isEntity(token: string, atSentenceStart: boolean): boolean {
  if (isValue(token)) return false;
  if (/[a-z0-9][-_./][a-z0-9]/i.test(token)) return true; // order-api, daily_revenue, staging-eu-1, a.b
  if (/\d/.test(token) && /[a-z]/i.test(token)) return true; // ec2, eu1
  if (/^[A-Z]{2,}s?$/.test(token)) return true; // IAM, GRNI, DAGs
  if (/^[A-Z][a-z]+[A-Z]/.test(token)) return true; // GuardDuty, CloudTrail
  if (!atSentenceStart && /^[A-Z][a-z]/.test(token)) return true; // Okta, Workday, Trino
  return false;
}

/** The terms of a text, stop words dropped, in order. */
export function termsOf(text: string, synonyms: SynonymIndex): Term[] {
  const terms: Term[] = [];
  // Markdown emphasis and code marks go; an underscore inside a word (`daily_revenue`) stays.
  const tokens = text.replace(/[`*]+|(?<!\w)_+|_+(?!\w)/g, ' ').match(/[A-Za-z0-9][A-Za-z0-9_./-]*[A-Za-z0-9]|[A-Za-z0-9]/g) ?? [];
  let sentenceStart = true;
  let offset = 0;
  for (const token of tokens) {
    const position = text.indexOf(token, offset);
    if (position > offset && /[.!?:]\s*$/.test(text.slice(offset, position))) sentenceStart = true;
    offset = position + token.length;
    const entity = isEntity(token, sentenceStart);
    sentenceStart = false;
    const word = token.toLowerCase();
    if (!entity && (STOP.has(word) || isValue(token) || word.length < 2)) continue;
    if (entity) {
      const target = isTarget(token);
      // A capitalised word is still a word: "Set the ticket to Solved" says "solve".
      const extra = target ? [] : (synonyms.get(stemmer(IRREGULAR[word] ?? word)) ?? [stemmer(word)]);
      terms.push({ concepts: [word, ...extra], stem: word, word, entity: true, target });
      // An identifier also speaks its parts: `order-consumer` says "consumer".
      const parts = word.split(/[-_./]/);
      if (parts.length === 1) continue;
      for (const part of parts) {
        if (part.length < 3 || STOP.has(part) || /^\d+$/.test(part)) continue;
        const stem = stemmer(part);
        terms.push({ concepts: synonyms.get(stem) ?? [stem], stem, word: part, entity: false, target: false });
      }
      continue;
    }
    const stem = stemmer(IRREGULAR[word] ?? word);
    terms.push({ concepts: synonyms.get(stem) ?? [stem], stem, word, entity: false, target: false });
  }
  return terms;
}
