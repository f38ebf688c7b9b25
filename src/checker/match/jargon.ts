/**
 * Clippings, note-taking abbreviations and operations jargon that WordNet
 * does not know, spelled out before a text is read: what a watcher writes in
 * a hurry ("chk'd", "mgr", "w/", "cal reminder") and what a playbook says in
 * full ("checked", "manager", "with", "calendar reminder").
 *
 * The table is deliberately small and general: clippings any English notes
 * use, not one team's vocabulary (that goes in the rule's `jargon` option).
 * A word is replaced only when written on its own, in any case; a team entry
 * overrides a default one. WordNet already knows many clippings (`mic`,
 * `spec`, `ok`, `photo`) and relates them itself; those are not repeated
 * here.
 */

/** Clipping → what it stands for (lower case; the value may be several words). */
export const DEFAULT_JARGON: Readonly<Record<string, string>> = {
  // Verbs clipped in notes.
  chk: 'check',
  fwd: 'forward',
  vac: 'vacuum',
  ackd: 'acknowledged',
  ack: 'acknowledge',
  acked: 'acknowledged',
  okd: 'approved',
  okayed: 'approved',
  // People and roles.
  mgr: 'manager',
  mgmt: 'management',
  mgrs: 'managers',
  dept: 'department',
  admin: 'administrator',
  admins: 'administrators',
  // Things.
  acct: 'account',
  accts: 'accounts',
  appt: 'appointment',
  appts: 'appointments',
  cal: 'calendar',
  convo: 'conversation',
  db: 'database',
  dbs: 'databases',
  docs: 'documents',
  doc: 'document',
  elig: 'eligibility',
  hx: 'history',
  info: 'information',
  k8s: 'kubernetes',
  msg: 'message',
  msgs: 'messages',
  mtg: 'meeting',
  qty: 'quantity',
  repo: 'repository',
  repos: 'repositories',
  req: 'request',
  reqs: 'requests',
  sani: 'sanitiser',
  specs: 'specifications',
  stmt: 'statement',
  stmts: 'statements',
  temps: 'temperatures',
  txt: 'text',
  veg: 'vegetables',
  // Time and quantity words.
  hr: 'hour',
  hrs: 'hours',
  min: 'minute',
  mins: 'minutes',
  wk: 'week',
  wks: 'weeks',
  approx: 'about',
  // Linking words of notes.
  incl: 'including',
  re: 'about',
  vs: 'against',
  w: 'with',
  wo: 'without',
  bc: 'because',
  pls: 'please',
};

/** Marks notes use for words: `w/` with, `b/c` because, `+` and, `->` then, `~` about. */
const SYMBOLS: readonly (readonly [RegExp, string])[] = [
  [/(^|\s)w\/o(?=\s|$)/gi, '$1without'],
  [/(^|\s)w\/\s*/gi, '$1with '],
  [/(^|\s)b\/c(?=\s|$)/gi, '$1because'],
  [/\s*(?:->|→|=>)\s*/g, ', then '],
  [/\s\+\s/g, ' and '],
  [/(^|\s)~\s?(?=\d)/g, '$1about '],
  [/(^|\s)&(?=\s)/g, '$1and'],
];

/**
 * Contractions, spelled out: "he'd" is "he had", not the word "heed"; "won't" is "will not", not "win"; "it'll",
 * "we've", "they're", "I'm", "hadn't" are function words, not names of two parts. A noun's possessive `'s`
 * ("Mrs Chen's") is not a contraction and stays.
 */
const CONTRACTIONS: readonly (readonly [RegExp, string])[] = [
  [/\b(can)['’]t\b/gi, '$1 not'],
  [/\bwon['’]t\b/gi, 'will not'],
  [/\bshan['’]t\b/gi, 'shall not'],
  [/\b([a-z]+)n['’]t\b/gi, '$1 not'],
  [/\b(i|you|he|she|it|we|they|who|that|there)['’]d\b/gi, '$1 had'],
  [/\b(i|you|he|she|it|we|they|who|that|there)['’]ll\b/gi, '$1 will'],
  [/\b(i|you|we|they|who|could|would|should|might|must)['’]ve\b/gi, '$1 have'],
  [/\b(you|we|they|who|there)['’]re\b/gi, '$1 are'],
  [/\b(i)['’]m\b/gi, '$1 am'],
  [/\b(it|he|she|that|there|who|what|here|where)['’]s\b/gi, '$1 is'],
  [/\blet['’]s\b/gi, 'let us'],
];

/** A character every pattern of SYMBOLS needs. */
const SYMBOL_CHARACTERS = /[/>→+~&]/;

/** The regular past tense of a verb ("check" → "checked", "vacuum" → "vacuumed", "file" → "filed"). */
function pastOf(verb: string): string {
  return verb.endsWith('e') ? `${verb}d` : `${verb}ed`;
}

/** A compiled table: the defaults, extended or overridden by a team's entries. */
export interface JargonTable {
  /** The text with symbols and clippings spelled out. */
  expand(text: string): string;
}

const WORD = /[A-Za-z][A-Za-z0-9'’]*\.?/g;

/** Compile the default table with a team's `jargon` option. */
export function buildJargonTable(extra: Readonly<Record<string, string>> = {}): JargonTable {
  const table = new Map<string, string>();
  for (const [clipping, full] of Object.entries({ ...DEFAULT_JARGON, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k.toLowerCase(), v])) })) {
    table.set(clipping.replace(/['’.]/g, ''), full);
  }
  return {
    expand(text) {
      let result = text;
      if (/['’]/.test(text)) for (const [pattern, replacement] of CONTRACTIONS) result = result.replace(pattern, replacement);
      // Every symbol has one of these characters: most texts have none.
      if (SYMBOL_CHARACTERS.test(text)) for (const [pattern, replacement] of SYMBOLS) result = result.replace(pattern, replacement);
      return result.replace(WORD, (word, offset: number, whole: string) => {
        const bare = word.replace(/\.$/, '');
        const key = bare.toLowerCase().replace(/['’]/g, '');
        let full = table.get(key);
        // "chk'd", "vac'd", "fwd'd", "LOTO'd": a past tense written with an apostrophe.
        if (full === undefined && /['’]d$/i.test(bare)) {
          const base = bare.slice(0, -2);
          const expanded = table.get(base.toLowerCase());
          full = expanded && !expanded.includes(' ') ? pastOf(expanded) : `${base}ed`;
        }
        // Most words are no clipping: looked up first, they skip the checks of where they stand.
        if (full === undefined) return word;
        // Only a word on its own: not the `re` of "re-added", not a part of a path or a name.
        if (/[-/_@#:.]/.test(whole[offset - 1] ?? '') || /^(?:[-/_@]|[:.]\S)/.test(whole.slice(offset + word.length))) return word;
        // A capitalised word that is a clipping only in lower case is a name (`Re` is not "about", `W` not "with").
        if (/^(re|w|wo|min|cal|doc|vs|bc)$/.test(key) && bare !== bare.toLowerCase()) return word;
        return full + (word.endsWith('.') && !/^(approx|incl|vs)$/i.test(bare) ? '.' : '');
      });
    },
  };
}
