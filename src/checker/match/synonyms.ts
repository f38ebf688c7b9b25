/**
 * The synonym table: words (and phrasal verbs) that name the same operation
 * or the same kind of thing in general English and operations vocabulary.
 *
 * A class is a name and its members. Two words match when they share a class,
 * whatever their tense or number (members are compared by lemma and stem).
 * A word may belong to several classes (`roll` restarts a service and rotates
 * a key). Teams add their own words through the rule's `synonyms` option,
 * which extends a class of the same name or adds a new one.
 *
 * The table is deliberately general: it must not encode any one playbook's
 * wording. Keep team jargon in the team's config.
 */
import { keyOf } from './lemma.ts';
import { buildJargonTable } from './jargon.ts';
import { lexicon } from './lexicon.ts';

/** Class name → members. The members may be phrases (`keep an eye on`). */
export const DEFAULT_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  // Operations on services and jobs
  restart: ['restart', 'reboot', 'bounce', 'recycle', 'cycle', 'roll', 'reload', 'respawn', 'rerun', 'retry'],
  start: ['start', 'begin', 'launch', 'kick off', 'trigger', 'initiate', 'run', 'rerun', 'fire off', 'spin up', 'start up', 'invoke', 'power on', 'boot'],
  stop: ['stop', 'halt', 'kill', 'terminate', 'abort', 'shut down', 'bring down', 'end', 'power off', 'power down'],
  pause: ['pause', 'suspend', 'freeze', 'hold'],
  resume: ['resume', 'unpause', 'unfreeze', 'continue'],
  enable: ['enable', 'activate', 'turn on', 'switch on', 'arm', 'light', 'power on'],
  disable: ['disable', 'deactivate', 'turn off', 'switch off', 'disarm', 'power off'],
  scale: ['scale', 'resize', 'scale up', 'scale down'],
  deploy: ['deploy', 'redeploy', 'release', 'ship', 'publish', 'roll out', 'rollout', 'promote'],
  revert: ['revert', 'roll back', 'rollback', 'undo', 'back out'],
  install: ['install', 'set up', 'provision', 'configure'],
  backup: ['backup', 'back up', 'snapshot', 'dump'],
  restore: ['restore', 'recover'],
  rotate: ['rotate', 'renew', 'regenerate', 'reissue', 'roll', 'replace'],
  connect: ['connect', 'reconnect', 'ssh', 'log in', 'log into', 'sign in'],
  disconnect: ['disconnect', 'unplug', 'detach', 'pull out'],
  // Looking at things
  check: ['check', 'verify', 'confirm', 'validate', 'ensure', 'make sure', 'inspect', 'examine', 'review', 'look at', 'compare', 'test', 'double-check', 'assess', 'audit', 'read', 'go through', 'look through', 'look over'],
  watch: ['watch', 'monitor', 'observe', 'keep an eye on', 'track', 'tail', 'follow', 'check'],
  find: ['find', 'search', 'look up', 'look for', 'locate', 'identify', 'query', 'lookup', 'seek'],
  list: ['list', 'show', 'display', 'enumerate', 'get'],
  read: ['read', 'view', 'see'],
  open: ['open', 'go to', 'navigate', 'visit', 'bring up', 'pull up', 'access', 'load', 'launch', 'click', 'tap'],
  count: ['count', 'tally', 'total'],
  // Making and changing things
  create: ['create', 'make', 'add', 'generate', 'regenerate', 'build', 'rebuild', 'file', 'raise', 'register', 'cut', 'set up', 'establish', 'issue', 'book', 'log'],
  delete: ['delete', 'remove', 'drop', 'erase', 'purge', 'destroy', 'discard', 'throw away', 'clear', 'strike', 'cross out', 'tear down', 'void'],
  update: ['update', 'change', 'edit', 'modify', 'set', 'adjust', 'amend', 'bump', 'alter', 'tweak', 'increment'],
  insert: ['insert', 'slide', 'plug in', 'mount', 'load'],
  replace: ['replace', 'swap', 'substitute', 'exchange'],
  copy: ['copy', 'paste', 'duplicate', 'clone', 'replicate'],
  move: ['move', 'transfer', 'shift', 'migrate', 'relocate', 'shovel', 'put', 'place', 'promote'],
  combine: ['combine', 'concatenate', 'merge', 'join', 'assemble', 'build'],
  store: ['store', 'save', 'keep', 'file', 'archive', 'stash', 'put'],
  download: ['download', 'export', 'pull', 'fetch', 'retrieve'],
  load: ['load', 'import', 'pull', 'ingest', 'read in'],
  upload: ['upload', 'attach', 'import', 'push', 'submit'],
  record: ['record', 'write', 'note', 'enter', 'log', 'fill in', 'type', 'input', 'write down', 'note down', 'document', 'mark'],
  mark: ['mark', 'flag', 'label', 'tag', 'tick'],
  select: ['select', 'pick', 'choose', 'opt', 'switch', 'point', 'click', 'tap'],
  assign: ['assign', 'allocate', 'grant', 'give', 'delegate'],
  link: ['link', 'associate', 'attach', 'reference'],
  schedule: ['schedule', 'book', 'reserve', 'plan', 'arrange'],
  fill: ['fill', 'refill', 'top up', 'replenish'],
  empty: ['empty', 'drain', 'flush'],
  clean: ['clean', 'wipe', 'wash', 'sanitise', 'sanitize', 'disinfect', 'scrub', 'degrease', 'scrape', 'mop', 'sweep', 'wipe down', 'clean up'],
  lock: ['lock', 'secure', 'lock up'],
  increase: ['increase', 'raise', 'grow', 'extend'],
  decrease: ['decrease', 'lower', 'reduce', 'shrink'],
  // People and approvals
  notify: ['notify', 'announce', 'tell', 'inform', 'let know', 'post', 'message', 'ping', 'alert', 'warn', 'broadcast', 'declare', 'reply', 'respond', 'contact', 'phone', 'ring', 'text'],
  send: ['send', 'submit', 'route', 'forward', 'deliver', 'dispatch', 'mail', 'email', 'hand over', 'reply', 'respond'],
  email: ['email', 'mail', 'e-mail'],
  call: ['call', 'phone', 'ring', 'dial'],
  ask: ['ask', 'request', 'enquire', 'inquire'],
  chase: ['chase', 'remind', 'nudge', 'follow up'],
  approve: ['approve', 'sign off', 'accept', 'authorise', 'authorize', 'okay'],
  reject: ['reject', 'decline', 'deny', 'refuse'],
  sign: ['sign', 'countersign', 'initial'],
  close: ['close', 'resolve', 'solve', 'finish', 'complete'],
  acknowledge: ['acknowledge', 'ack'],
  invite: ['invite', 'onboard'],
  wait: ['wait', 'hold on'],
  pass: ['pass', 'succeed', 'green', 'successful'],
  // Things
  ticket: ['ticket', 'issue', 'case', 'request', 'bug'],
  dashboard: ['dashboard', 'graph', 'chart', 'panel'],
  person: ['person', 'people', 'user', 'member', 'employee', 'staff'],
  server: ['server', 'host', 'machine', 'node', 'instance', 'box'],
  disk: ['disk', 'drive'],
  credential: ['credential', 'key', 'secret', 'token', 'password'],
  folder: ['folder', 'directory'],
  configuration: ['configuration', 'config', 'settings'],
  message: ['message', 'note', 'email'],
  meeting: ['meeting', 'intro', 'call', 'session'],
  language: ['language', 'locale', 'localisation', 'localization', 'translation'],
  record_: ['record', 'profile', 'entry'],
  markup: ['markup', 'mark up', 'redline'],
  channel: ['channel', 'slack', 'chat', 'room'],
  query: ['query', 'sql'],
};

/** Classes with the opposite effect: matching one where the step says the other is a hard negative. */
export const OPPOSITE_CLASSES: readonly (readonly [string, string])[] = [
  ['start', 'stop'],
  ['pause', 'resume'],
  ['enable', 'disable'],
  ['create', 'delete'],
  ['open', 'close'],
  ['deploy', 'revert'],
  ['upload', 'download'],
  ['approve', 'reject'],
  ['fill', 'empty'],
  ['increase', 'decrease'],
  ['backup', 'restore'],
  ['connect', 'disconnect'],
];

/**
 * Words that name one of several mutually exclusive targets: an action on
 * `production` is not described by a step on `staging`.
 */
export const EXCLUSIVE_GROUPS: Readonly<Record<string, readonly string[]>> = {
  environment: ['production', 'prod', 'live', 'staging', 'stage', 'preprod', 'development', 'dev', 'sandbox'],
  role: ['primary', 'replica', 'secondary', 'standby', 'leader', 'follower'],
};

/**
 * Verbs that carry little meaning of their own (`Ran pg_dump`, `Took a
 * snapshot`, `Put the boxes in F-12`): what they act on decides the match.
 */
export const LIGHT_VERBS: readonly string[] = ['run', 'use', 'do', 'perform', 'execute', 'take', 'go', 'have', 'put', 'give', 'handle', 'get'];

/** A phrasal verb or multi-word term, as keys. */
export interface Phrase {
  words: string[];
  key: string;
  /** The WordNet lemma, when it is one of WordNet's multi-word verbs (`shut down`, `log in`). */
  lemma?: string;
}

/** The table, compiled to keys. */
export interface SynonymTable {
  /** Classes a word key or phrase key belongs to. */
  classesOf(key: string): readonly string[];
  /** Multi-word members of the table, longest first. */
  phrases: readonly Phrase[];
  /** Phrases (of the table, and WordNet's multi-word verbs) that start with a word key, longest first. */
  phrasesFrom(key: string): readonly Phrase[];
  /** True when the two class sets contain opposite classes. */
  opposite(a: readonly string[], b: readonly string[]): boolean;
  /** True for a light verb's key. */
  isLight(key: string): boolean;
  /** The exclusive group a key belongs to (`production` → `environment`). */
  exclusiveGroupOf(key: string): string | undefined;
  /** A text with clippings and note symbols spelled out (jargon.ts). */
  expand(text: string): string;
}

/** The key of a table member: one word's key, or a phrase's words' keys joined by spaces. */
export function memberKey(member: string): string {
  return member
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => keyOf(word))
    .join(' ');
}

/** Compile the default table, extended (same class name) or added to by `extra`. */
export function buildSynonymTable(extra: Readonly<Record<string, readonly string[]>> = {}, jargon: Readonly<Record<string, string>> = {}): SynonymTable {
  const clippings = buildJargonTable(jargon);
  const merged = new Map<string, string[]>();
  for (const [name, members] of Object.entries(DEFAULT_SYNONYMS)) merged.set(name, [...members]);
  for (const [name, members] of Object.entries(extra)) merged.set(name, [...(merged.get(name) ?? [name]), ...members]);
  const classes = new Map<string, string[]>();
  const phrases = new Map<string, Phrase>();
  for (const [name, members] of merged) {
    for (const member of members) {
      const key = memberKey(member);
      if (!key) continue;
      const list = classes.get(key) ?? [];
      if (!list.includes(name)) list.push(name);
      classes.set(key, list);
      if (key.includes(' ')) phrases.set(key, { words: key.split(' '), key });
    }
  }
  const opposites = new Set(OPPOSITE_CLASSES.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
  const light = new Set(LIGHT_VERBS.map((verb) => keyOf(verb)));
  const exclusive = new Map<string, string>();
  for (const [name, members] of Object.entries(EXCLUSIVE_GROUPS)) for (const member of members) exclusive.set(keyOf(member), name);
  const sorted = [...phrases.values()].sort((a, b) => b.words.length - a.words.length);
  let byFirst: Map<string, Phrase[]> | undefined;
  const phrasesFrom = (key: string): readonly Phrase[] => {
    if (!byFirst) {
      byFirst = new Map();
      const all = [...sorted];
      for (const lemma of lexicon().phrasalVerbs()) {
        const phraseKey = memberKey(lemma);
        if (!phrases.has(phraseKey) && /^[a-z]+( [a-z]+)+$/.test(lemma)) all.push({ words: phraseKey.split(' '), key: phraseKey, lemma });
        else if (phrases.has(phraseKey)) phrases.get(phraseKey)!.lemma = lemma;
      }
      all.sort((a, b) => b.words.length - a.words.length);
      for (const phrase of all) {
        const list = byFirst.get(phrase.words[0]!) ?? [];
        list.push(phrase);
        byFirst.set(phrase.words[0]!, list);
      }
    }
    return byFirst.get(key) ?? [];
  };
  return {
    classesOf: (key) => classes.get(key) ?? [],
    phrases: sorted,
    phrasesFrom,
    opposite: (a, b) => a.some((x) => b.some((y) => opposites.has(`${x}|${y}`))),
    isLight: (key) => light.has(key),
    exclusiveGroupOf: (key) => exclusive.get(key),
    expand: (text) => clippings.expand(text),
  };
}
