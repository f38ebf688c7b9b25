/**
 * Credentials pasted into playbooks. Detection runs on the raw text before
 * anything else, and every secret is masked *in place with the same length*
 * (`•`), so positions stay right and no later stage — the model, the
 * checker's reporters, the site, the search index — ever holds the secret.
 *
 * The families are those of gitleaks' default rule set (provider keys known
 * by their prefix, provider keys known by the name they are assigned to,
 * private keys, JWTs, cloud CLI config lines), plus shapes it has no rule
 * for: passwords in URLs and connection strings, signed URLs, `Authorization:`
 * headers, client password flags (`curl -u`, `mysql -p`), Kubernetes `Secret`
 * data, registry auth lines and `password: value` assignments. The patterns
 * are our own; gitleaks taught us which shapes exist.
 *
 * Speed: this runs on every playbook of 10,000-file corpora and, before the
 * size cap, on files of any size. Every detector names the literal keywords
 * it needs (as gitleaks' `keywords` do); one case-insensitive pass over the
 * text finds which keywords occur, and only their detectors run. A text with
 * none costs that one pass. Every quantifier is bounded and no pattern nests
 * quantifiers, so a hostile 1 MB line costs milliseconds, not minutes
 * (test/core/secrets-hostile.test.ts, scripts/bench-secrets.ts).
 */

/** One kind of credential found by a regular expression. */
export interface SecretPattern {
  id: string;
  /** What it is, for messages ("AWS access key id"). */
  label: string;
  /** Global (`g`) and with indices (`d`): the offsets of the secret come from its group. */
  pattern: RegExp;
  /**
   * Index of the capture group holding the secret itself (0 = whole match).
   * When a pattern has alternatives, the first group from this one that took part.
   */
  group: number;
  /** Leading characters that may stay visible (a key prefix, never secret material). */
  keepPrefix: number;
  /** Lower-case literals: the pattern runs only on texts containing one of them. */
  keywords: readonly string[];
  /** Least Shannon entropy (bits per character) of the secret after its prefix: random keys pass, words do not. */
  minEntropy?: number;
  /** Further judgement on a candidate: `false` drops it, an id and label reclassify it. */
  accept?: (value: string, found: Found) => boolean | { id: string; label: string };
  /** Where the secret really ends when the regular expression cannot say (a key block with or without its end line). */
  extend?: (text: string, found: Found) => number | undefined;
}

/** A candidate secret as a detector sees it. */
export interface Found {
  text: string;
  match: RegExpExecArray;
  start: number;
  end: number;
}

/** A credential found in a text: offsets of the secret itself. */
export interface SecretMatch {
  id: string;
  label: string;
  start: number;
  end: number;
  /** The secret with all but a key prefix masked: safe to print. */
  masked: string;
}

const MASK = '•';

// ---------------------------------------------------------------------------
// Small judgements shared by the detectors
// ---------------------------------------------------------------------------

/** Shannon entropy in bits per character: `hunter2` 2.8, a random base62 key above 4.5. */
export function entropy(value: string): number {
  if (value.length === 0) return 0;
  // Counted per UTF-16 unit in a table reused between calls: this runs on every candidate.
  const seen: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (UNIT_COUNTS[code] === 0) seen.push(code);
    UNIT_COUNTS[code]! += 1;
  }
  let bits = 0;
  for (const code of seen) {
    const p = UNIT_COUNTS[code]! / value.length;
    bits -= p * Math.log2(p);
    UNIT_COUNTS[code] = 0;
  }
  return bits;
}
const UNIT_COUNTS = new Uint32Array(65536);

const KNOWN_PREFIX = /^(?:AKIA|ASIA|gh[pousr]_|github_pat_|xox[a-z]-|[sr]k_(?:live|test|prod)_|npm_|glpat-|sk-(?:proj-|ant-[a-z]+\d\d-)?|hf_|gsk_|SG\.|key-|hvs\.|dop_v1_|shpat_|AIza|pypi-|rubygems_)/;

/** A run of at least `length` consecutive ascending letters or digits (`abcdefghij`, `0123456789`): typed, not random. */
function hasSequentialRun(value: string, length: number): boolean {
  const classOf = (code: number) => (code >= 97 && code <= 122 ? 1 : code >= 65 && code <= 90 ? 2 : code >= 48 && code <= 57 ? 3 : 0);
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    const previous = value.charCodeAt(i - 1);
    const current = value.charCodeAt(i);
    run = current === previous + 1 && classOf(current) !== 0 && classOf(current) === classOf(previous) ? run + 1 : 1;
    if (run >= length) return true;
  }
  return false;
}

const PLACEHOLDER_WORDS = /^(?:example|changeme|change[-_]?it|placeholder|redacted|secret|password|passw0rd|pass|passwd|token|apikey|api[-_]key|none|null|nil|undefined|true|false|yes|no|required|optional|string|prompt|env|empty|dummy|fake|sample|test|todo|tbd|fixme|replace[-_]?me|value|foo|bar|baz|foobar|qux|read|write|enabled|disabled|auto|default|\*+)$/i;

/** Values that stand in for a secret and are not one. */
export function isPlaceholder(value: string): boolean {
  const bare = /^[\s"'`]|[\s"'`]$/.test(value) ? value.replace(/^["'`]+|["'`]+$/g, '').trim() : value;
  if (bare === '') return true;
  if (/[<>{}$%]/.test(bare)) {
    // <YOUR_TOKEN>, {{ vault.x }}, %PASSWORD%, ${PASSWORD}, $(vault read …), $PASSWORD
    if (/^<[^<>]*>$|\{\{|\}\}|^%\w+%$|\$\{|\$\(|^\$[A-Za-z_]/.test(bare)) return true;
    if (/(your|token|password|secret|key|redacted|here)/i.test(bare)) return true;
  }
  // Truncated (`sk-ant-api03-...`), masked (`****`, `••••`), crossed out (`xxxx`), or marked as an example the way
  // vendors' docs do (`…EXAMPLEKEY`, AWS's `xmpl` and `EXAMBLE`, `deadbeef`). Only in short values: a long random
  // key may hold `xxxx` by chance. `EXAMPLE` in capitals marks AWS's documentation keys at any length.
  if (/EXAMPLE/.test(bare) || (bare.length < 200 && /\.\.\.|…|\*{3,}|•{2,}|x{4,}|example|xmpl|examble|deadbeef|cafebabe/i.test(bare))) return true;
  // AKIAXXXXXXXXXXXXXXXX, aaaaaa, 000000
  const body = bare.replace(KNOWN_PREFIX, '');
  if (/^(.)\1{3,}$|^[x*•.\-_0]+$/i.test(body)) return true;
  if (PLACEHOLDER_WORDS.test(bare)) return true;
  if (/^(?:your|my|the|a|an)[-_]?[a-z_-]*$|^[a-z]+[-_](?:here|placeholder)$|^(?:your|insert|enter|replace)(?![a-z])/i.test(bare)) return true;
  return hasSequentialRun(body, 10); // abcdefghijklmnop, 0123456789: typed by a person writing an example
}

/** Letters, digits and case mixed as in a generated key, not a word or an identifier. */
function looksRandom(value: string, minLength = 12, minEntropy = 3): boolean {
  return value.length >= minLength && entropy(value) >= minEntropy && /[0-9]/.test(value) && /[A-Za-z]/.test(value);
}

/** Decode base64 or base64url; undefined when it is neither. The result is a binary string. */
function decodeBase64(value: string): string | undefined {
  const normal = value.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(normal) || normal.length % 4 === 1) return undefined;
  try {
    return atob(normal + '='.repeat((4 - (normal.length % 4)) % 4));
  } catch {
    return undefined;
  }
}

function parseJsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The start of the line holding offset `at`, looking back at most to `floor` (so long lines cost no more than their length once). */
function lineStartOf(text: string, at: number, floor: number): number {
  let start = at;
  while (start > floor && text.charCodeAt(start - 1) !== 10) start--;
  return start;
}

/** The end of the line holding offset `at`, looking on at most to `ceiling`. */
function lineEndOf(text: string, at: number, ceiling: number): number {
  let end = at;
  const limit = Math.min(ceiling, text.length);
  while (end < limit && text.charCodeAt(end) !== 10) end++;
  return end;
}

/** The line holding offset `at`, at most `radius` characters either side. */
function lineAround(text: string, at: number, radius = 256): string {
  return text.slice(lineStartOf(text, at, Math.max(0, at - radius)), lineEndOf(text, at, at + radius));
}

/** The word before `token` in a name that is a cursor, a nonce or a count, not a credential (`NextToken`, `id-token: write`). */
const NOT_CREDENTIAL_TOKENS = /(?:^|_)(?:input|output|next|prev|previous|page|pagination|continuation|change|request|idempotency|client|sync|csrf|xsrf|resume|cancel|cancellation|start|starting|end|marker|cursor|seq|sequence|feedback|import|max|min|num|bucket|notification|verification|confirmation|reset|invite|state|nonce|message|stop|form|lexer|parser|syntax|lock|action|update|product|task|upload|query|filter)_token$/;

/**
 * The whole name a keyword ends, as lower-case words joined by `_` (`nextPageToken` → `next_page_token`), and
 * the character before it, looking back at most 64 characters.
 */
function nameEndingAt(text: string, start: number, end: number): { words: string; before: string } {
  let from = start;
  while (from > 0 && start - from < 64 && /[A-Za-z0-9_.-]/.test(text[from - 1]!)) from--;
  const words = text
    .slice(from, end)
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[.-]/g, '_')
    .toLowerCase();
  return { words, before: text[from - 1] ?? '' };
}

/** `password: hunter2` yes; prose such as "the token: see step 3" or "password: ask the admin" no. */
function looksLikeAssignedSecret(value: string, text: string, at: number): boolean {
  // A query parameter of a link (`selfsched?sstoken=…`) is a share link; real query credentials have their own detector.
  let name = at;
  while (name > 0 && at - name < 256 && isWordCode(text.charCodeAt(name - 1))) name--;
  if (text[name - 1] === '?' || text[name - 1] === '&') return false;
  if (/^(see|ask|use|from|in|the|a|an|is|was|will|set|stored|kept|via|with|none|n\/a)$/i.test(value)) return false;
  if (/^https?:/i.test(value) || /^[A-Z][A-Z0-9_]*$/.test(value)) return false; // a URL, or an environment variable name
  if (/^[$%<@!]/.test(value) || /^(?:\.{0,2}\/|~\/)/.test(value)) return false; // an expansion (`$(oc …)`, `$TOKEN`), a reference (`@file`, `!vault`), a path
  if (/[([]/.test(value)) return false; // code: `getpass()`, `os.environ["X"]`, `ENC[AES256_GCM,…]`
  if (/(password|passwd|secret|token|example|dummy|fake|sample|placeholder|redacted)/i.test(value)) return false; // `wrong-password`, `my-secret-here`
  if (/^[a-z]+(?: [a-z]+)+$/i.test(value)) return false; // a quoted phrase: "ask the DBA"
  // A key name in prose ("reset the password: it expires") rather than an assignment; only a word can be prose.
  if (/^[A-Za-z]+$/.test(value) && /\b(password|passwd|passphrase|pass|token|secret|key)\b\s*:\s+[a-z]+\s+[a-z]+\s+[a-z]+/i.test(lineAround(text, at))) return false;
  return true;
}

/** [A-Za-z0-9_] */
function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** `cGFzc3dvcmQ=`: base64 of a placeholder ("password"), as in a demo Kubernetes Secret. */
function isEncodedPlaceholder(value: string): boolean {
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const decoded = decodeBase64(value);
  return decoded !== undefined && /^[\x20-\x7e]+$/.test(decoded) && (isPlaceholder(decoded) || /(password|secret|token|example)/i.test(decoded));
}

/** A SealedSecret's `encryptedData` value: ciphertext only the cluster can open, safe to publish. */
function isSealedCiphertext(value: string, found: Found): boolean {
  return value.length >= 100 && /^Ag[A-Za-z0-9+/]+={0,2}$/.test(value) && found.text.slice(Math.max(0, found.start - 4096), found.start).includes('encryptedData:');
}

// ---------------------------------------------------------------------------
// Detectors
// ---------------------------------------------------------------------------

interface TokenOptions {
  keepPrefix?: number;
  minEntropy?: number;
  /** Characters that may not follow the token (default: `[A-Za-z0-9_-]`). */
  after?: string;
  accept?: SecretPattern['accept'];
}

/**
 * A provider key known by its shape: `body` (a regular expression source)
 * standing alone, not inside a longer word.
 */
function token(id: string, label: string, keywords: readonly string[], body: string, options: TokenOptions = {}): SecretPattern {
  const after = options.after ?? '[A-Za-z0-9_-]';
  const pattern: SecretPattern = {
    id,
    label,
    pattern: new RegExp(`(?<![A-Za-z0-9_])(${body})(?!${after})`, 'dg'),
    group: 1,
    keepPrefix: options.keepPrefix ?? 0,
    keywords,
    minEntropy: options.minEntropy ?? 3,
  };
  if (options.accept) pattern.accept = options.accept;
  return pattern;
}

const HEX = (n: number) => `[a-f0-9]{${n}}`;
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

const mixedCase = (value: string) => /[a-z]/.test(value) && /[A-Z]/.test(value);

/** The key material of a private key block: its header, base64 lines and end line, or as far as the base64 goes. */
function privateKeyBlockEnd(text: string, found: Found): number | undefined {
  let position = found.end;
  let end = found.end;
  let material = '';
  for (let lines = 0; lines < 2000 && position - found.start < 65536; lines++) {
    // Lines end with a newline, an escaped `\n` (a key inside a JSON string), or, once the key is under way, a space.
    let next = position;
    if (text.startsWith('\r\n', next)) next += 2;
    else if (text[next] === '\n') next += 1;
    else if (text.startsWith('\\r\\n', next)) next += 4;
    else if (text.startsWith('\\n', next)) next += 2;
    else if (text[next] === ' ' && material.length > 0) next += 1;
    else break;
    const lineStart = next;
    while (next - lineStart < 40 && (text[next] === ' ' || text[next] === '\t' || text[next] === '>')) next++;
    let stop = next;
    while (stop - next < 4096 && stop < text.length && !/[\n\\"'` ]/.test(text[stop]!)) stop++;
    const content = text.slice(next, stop);
    const close = /^-----END[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----/.exec(text.slice(next, next + 80));
    if (close) return isKeyMaterial(material) ? next + close[0].length : undefined;
    if (/^[A-Za-z0-9+/=]+$/.test(content) && (text[position] !== ' ' || content.length >= 16)) {
      material += content;
      end = stop;
    } else if (material === '' && /^[A-Za-z][A-Za-z0-9-]{1,30}:/.test(content)) {
      while (stop < text.length && text[stop] !== '\n' && !text.startsWith('\\n', stop) && stop - next < 256) stop++;
      end = stop; // Proc-Type: 4,ENCRYPTED / DEK-Info / Comment headers
    } else if (content !== '' || material !== '') {
      break;
    }
    position = stop;
  }
  return isKeyMaterial(material) ? end : undefined;
}

/** Enough base64 to be a key, and random: not `XXXX…` or `AAAA…` standing in for one. */
function isKeyMaterial(material: string): boolean {
  return material.length >= 40 && entropy(material) >= 3.5 && !/^(?:x+|X+|A+)$/.test(material);
}

/** JWT: header and payload must decode to JSON; a mail-tracking redirect (a URL and no identity, expiry or scope claim) is not a credential. */
function isCredentialJwt(value: string): boolean {
  const [header, payload] = value.split('.');
  const head = parseJsonObject(decodeBase64(header ?? ''));
  if (!head || !('alg' in head || 'typ' in head || 'enc' in head || 'kid' in head)) return false;
  const claims = parseJsonObject(decodeBase64(payload ?? ''));
  if (!claims) return true;
  const keys = Object.keys(claims);
  const identity = keys.some((key) => /^(sub|exp|iat|nbf|aud|iss|jti|scope|scp|roles?|email|azp|client_id|user.*|uid|sid|tid|oid|name|groups|permissions|kubernetes\.io.*|token_use)$/i.test(key));
  const redirect = keys.some((key) => /^(url|uri|link|redirect)$/i.test(key));
  return identity || !redirect;
}

/** HTTP Basic credentials: the decoded `user:password` must hold a real password. */
function isBasicCredential(value: string): boolean {
  const decoded = decodeBase64(value);
  if (decoded === undefined || !decoded.includes(':')) return looksRandom(value, 12);
  const password = decoded.slice(decoded.indexOf(':') + 1);
  return password.length >= 3 && !isPlaceholder(password) && !/(password|secret|token)/i.test(password);
}

/** The host at `at` is one of the names reserved for documentation (example.com, *.example, *.test, *.invalid). */
function isExampleHost(text: string, at: number): boolean {
  const host = /^[A-Za-z0-9.-]{1,253}/.exec(text.slice(at, at + 253))?.[0].toLowerCase() ?? '';
  return /(?:^|\.)example\.(?:com|org|net)$|(?:^|\.)(?:example|test|invalid)$/.test(host);
}

const AUTH_SCHEMES = 'bearer|basic|token|bot|splunk|ssws|genie ?key|api-?key|apikey|key|oauth|jwt|pat|sharedaccesssignature|hmac';
const KEY_HEADERS = 'x-api-key|x-api-token|x-auth-token|x-access-token|x-auth-key|private-token|job-token|deploy-token|x-vault-token|x-postmark-server-token|x-postmark-account-token|ocp-apim-subscription-key|x-goog-api-key|dd-api-key|dd-application-key|x-figma-token|x-shopify-access-token|x-gitlab-token|x-pagerduty-token|x-honeycomb-team|x-functions-key|x-client-secret|x-secret|x-riot-token|x-cmc_pro_api_key';

/** Query parameters: exact names, so `sstoken` (a calendar share link) is not `token`. */
const QUERY_SIGNATURES: Record<string, { id: string; label: string }> = {
  'x-amz-signature': { id: 'aws-signed-url', label: 'AWS pre-signed URL signature' },
  'x-amz-security-token': { id: 'aws-signed-url', label: 'AWS session token in a pre-signed URL' },
  'x-goog-signature': { id: 'gcs-signed-url', label: 'Google Cloud Storage signed URL signature' },
  sig: { id: 'azure-sas-token', label: 'Azure shared access signature' },
  signature: { id: 'signed-url', label: 'signed URL signature' },
};
const QUERY_PASSWORDS = new Set(['password', 'passwd', 'pwd', 'pass']);

function acceptQueryValue(value: string, found: Found): boolean | { id: string; label: string } {
  const name = (found.match[1] ?? '').toLowerCase();
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // keep the raw value
  }
  if (isPlaceholder(decoded)) return false;
  const signature = QUERY_SIGNATURES[name];
  if (signature) return decoded.length >= 20 && entropy(decoded) >= 3.5 ? signature : false;
  if (QUERY_PASSWORDS.has(name)) return decoded.length >= 4 && !/(password|passwd|secret|token|example)/i.test(decoded) ? { id: 'password-in-url', label: 'password in a URL' } : false;
  if (decoded.includes('/')) return false; // `?key=cloudformation/7870825a…`: an object key, a path
  return looksRandom(decoded, name === 'key' || name === 'auth' ? 16 : 12);
}

const ASSIGN = `["']?[ \\t]{0,10}(?::=|=>|=|:)[ \\t]{0,10}`;
const QUOTED_OR_BARE = `(?:"([^"\\n]{1,256})"|'([^'\\n]{1,256})'|([^\\s"'\`,;)}\\]<>]{1,256}))`;

/** A key named after a provider and a value of that provider's shape (`DATADOG_API_KEY=…`). */
function namedKey(id: string, label: string, keywords: readonly string[], value: string): SecretPattern {
  const names = keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return {
    id,
    label,
    pattern: new RegExp(`(?:${names})([A-Za-z0-9_.-]{0,30}?)${ASSIGN}["'\`]?(${value})(?![A-Za-z0-9_=+/-])`, 'dgi'),
    group: 2,
    keepPrefix: 0,
    keywords,
    minEntropy: 3,
    // `OKTA_DOMAIN`, `PLAID_CLIENT_ID`, `sentry_url`: not the secret half.
    accept: (_, found) => !/(?:id|sid|name|url|uri|host|user|username|email|region|org|project|domain|site|endpoint|version|channel|env)$/i.test(found.match[1] ?? ''),
  };
}

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  // --- key blocks ---------------------------------------------------------
  {
    id: 'private-key',
    label: 'private key block',
    pattern: /-----BEGIN[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----/dg,
    group: 0,
    keepPrefix: 0,
    keywords: ['-----begin'],
    extend: privateKeyBlockEnd,
  },
  {
    id: 'kubeconfig-client-key',
    label: 'kubeconfig client key',
    pattern: /client-key-data["']?[ \t]{0,5}:[ \t]{0,5}["']?([A-Za-z0-9+/=]{20,65536})/dg,
    group: 1,
    keepPrefix: 0,
    keywords: ['client-key-data'],
  },
  {
    id: 'private-key-base64',
    label: 'base64-encoded private key',
    pattern: /LS0tLS1CRUdJTi[A-Za-z0-9+/]{40,65536}={0,2}/dg,
    group: 0,
    keepPrefix: 0,
    keywords: ['ls0tls1crudjti'],
    accept: (value) => /PRIVATE KEY/.test(decodeBase64(value.slice(0, 80).replace(/=+$/, '').slice(0, 76)) ?? ''),
  },
  {
    id: 'putty-private-key',
    label: 'PuTTY private key',
    pattern: /Private-Lines: [0-9]{1,3}\r?\n[ \t]{0,40}((?:[A-Za-z0-9+/=]{1,100}\r?\n[ \t]{0,40}){0,99}[A-Za-z0-9+/=]{1,100})/dg,
    group: 1,
    keepPrefix: 0,
    keywords: ['private-lines'],
  },
  token('age-secret-key', 'age secret key', ['age-secret-key-1'], 'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}', { keepPrefix: 15 }),

  // --- cloud --------------------------------------------------------------
  token('aws-access-key-id', 'AWS access key id', ['akia', 'asia', 'abia', 'acca', 'agpa', 'aida', 'aroa', 'aipa', 'anpa', 'anva', 'apka', 'a3t'], '(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|A3T[A-Z0-9])[A-Z2-7]{16}', { keepPrefix: 4, after: '[A-Za-z0-9]' }),
  {
    id: 'aws-secret-access-key',
    label: 'AWS secret access key',
    pattern: /(?:aws[_.-]?)?secret[_.-]?(?:access[_.-]?)?key["']?[ \t]{0,5}[:= \t][ \t]{0,5}["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/dgi,
    group: 1,
    keepPrefix: 0,
    keywords: ['secret'],
    minEntropy: 3.5,
  },
  {
    id: 'aws-session-token',
    label: 'AWS session token',
    pattern: /(?:aws[_.-]?)?session[_.-]?token["']?[ \t]{0,5}[:= \t][ \t]{0,5}["']?([A-Za-z0-9/+=]{100,4096})(?![A-Za-z0-9/+=])/dgi,
    group: 1,
    keepPrefix: 0,
    keywords: ['session'],
    minEntropy: 4,
  },
  token('google-api-key', 'Google API key', ['aiza'], 'AIza[0-9A-Za-z_-]{35}', { keepPrefix: 4 }),
  token('google-oauth-client-secret', 'Google OAuth client secret', ['gocspx-'], 'GOCSPX-[A-Za-z0-9_-]{28}', { keepPrefix: 7 }),
  token('google-oauth-access-token', 'Google OAuth access token', ['ya29.'], 'ya29\\.[0-9A-Za-z_-]{30,1024}', { keepPrefix: 5 }),
  token('azure-ad-client-secret', 'Azure AD client secret', ['q~'], '[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}', { after: '[A-Za-z0-9_~.-]' }),
  {
    id: 'azure-storage-account-key',
    label: 'Azure storage account key',
    pattern: /(?:AccountKey=|account[-_]key["']?[ \t]{0,5}[:= \t][ \t]{0,5}["']?)([A-Za-z0-9+/]{86}==)/dgi,
    group: 1,
    keepPrefix: 0,
    keywords: ['accountkey', 'account-key', 'account_key'],
    minEntropy: 4,
  },
  {
    id: 'azure-shared-access-key',
    label: 'Azure shared access key',
    pattern: /SharedAccessKey=([A-Za-z0-9+/]{42,43}=)/dgi,
    group: 1,
    keepPrefix: 0,
    keywords: ['sharedaccesskey'],
    minEntropy: 4,
  },
  token('alibaba-access-key-id', 'Alibaba Cloud AccessKey id', ['ltai'], 'LTAI[A-Za-z0-9]{20}', { keepPrefix: 4 }),
  token('digitalocean-token', 'DigitalOcean token', ['dop_v1_', 'doo_v1_', 'dor_v1_'], `do[opr]_v1_${HEX(64)}`, { keepPrefix: 7 }),
  token('heroku-api-key', 'Heroku API key', ['hrku-'], 'HRKU-AA[0-9A-Za-z_-]{58}', { keepPrefix: 7 }),
  token('openshift-token', 'OpenShift token', ['sha256~'], 'sha256~[A-Za-z0-9_-]{43}', { keepPrefix: 7 }),
  token('hashicorp-vault-token', 'HashiCorp Vault token', ['hvs.', 'hvb.', 'hvr.'], 'hv[sbr]\\.[A-Za-z0-9_-]{24,400}', { keepPrefix: 4, minEntropy: 3.5 }),
  {
    id: 'hashicorp-vault-token',
    label: 'HashiCorp Vault token',
    pattern: /(?:vault[_-]?token|x-vault-token|vault login(?: -method=token)?(?: token=)?)["']?[ \t]{0,5}[:= \t][ \t]{0,5}["']?(s\.[A-Za-z0-9]{24})(?![A-Za-z0-9])/dgi,
    group: 1,
    keepPrefix: 2,
    keywords: ['vault'],
    minEntropy: 3.5,
    accept: (value) => mixedCase(value) && /[0-9]/.test(value),
  },
  token('terraform-cloud-token', 'Terraform Cloud token', ['atlasv1'], '[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}'),
  token('databricks-token', 'Databricks token', ['dapi'], `dapi${HEX(32)}(?:-[0-9])?`, { keepPrefix: 4 }),
  token('doppler-token', 'Doppler token', ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'], 'dp\\.(?:pt|st|sa|ct|scim|audit)\\.(?:[a-z0-9_-]{1,40}\\.)?[A-Za-z0-9]{40,44}', { keepPrefix: 6 }),
  token('pulumi-token', 'Pulumi access token', ['pul-'], `pul-${HEX(40)}`, { keepPrefix: 4 }),
  token('flyio-token', 'Fly.io token', ['fo1_', 'fm1', 'fm2_'], '(?:fo1_[A-Za-z0-9_-]{43}|fm[12][ar]?_[A-Za-z0-9+/]{100,2048}={0,3})', { keepPrefix: 4, after: '[A-Za-z0-9_+/=-]' }),
  token('dynatrace-token', 'Dynatrace API token', ['dt0c01.'], 'dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}', { keepPrefix: 7 }),
  token('scalingo-token', 'Scalingo API token', ['tk-us-'], 'tk-us-[A-Za-z0-9_-]{48}', { keepPrefix: 6 }),
  token('planetscale-token', 'PlanetScale token', ['pscale_'], 'pscale_(?:tkn|oauth|pw)_[A-Za-z0-9_=-]{32,64}', { keepPrefix: 11 }),
  token('grafana-token', 'Grafana token', ['glc_', 'glsa_', 'eyjrijoi'], `(?:glc_[A-Za-z0-9+/]{32,400}={0,3}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|eyJrIjoi[A-Za-z0-9]{70,400}={0,3})`, { keepPrefix: 4, after: '[A-Za-z0-9_+/=-]' }),
  token('cloudflare-origin-ca-key', 'Cloudflare Origin CA key', ['v1.0-'], `v1\\.0-${HEX(24)}-${HEX(146)}`, { keepPrefix: 5 }),
  token('clickhouse-api-key', 'ClickHouse Cloud API secret', ['4b1d'], '4b1d[A-Za-z0-9]{38}', { keepPrefix: 4, accept: mixedCase }),
  token('tailscale-key', 'Tailscale key', ['tskey-'], 'tskey-(?:[a-z]{1,8}-)?[A-Za-z0-9]{6,40}-[A-Za-z0-9]{16,80}', { keepPrefix: 6 }),

  // --- source forges, CI, package registries -----------------------------------
  token('github-token', 'GitHub token', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], '(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})', { keepPrefix: 4 }),
  token('gitlab-token', 'GitLab token', ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'glcbt-', 'glft-', 'glimt-', 'glagent-', 'gloas-', 'glsoat-', 'glffct-', 'gr1348941'], '(?:gl(?:pat|dt|rt|ptt|cbt|ft|imt|agent|oas|soat|ffct)-[A-Za-z0-9_-]{20,300}(?:\\.[A-Za-z0-9]{2,32}){0,2}|GR1348941[A-Za-z0-9_-]{20,64})', { keepPrefix: 6 }),
  token('atlassian-api-token', 'Atlassian API token', ['atatt3'], 'ATATT3[A-Za-z0-9_=-]{180,200}', { keepPrefix: 6 }),
  token('npm-token', 'npm token', ['npm_'], 'npm_[A-Za-z0-9]{36}', { keepPrefix: 4 }),
  token('pypi-token', 'PyPI upload token', ['pypi-ag'], 'pypi-Ag(?:EIcHlwaS5vcmc|ENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000}', { keepPrefix: 5 }),
  token('rubygems-token', 'RubyGems API key', ['rubygems_'], `rubygems_${HEX(48)}`, { keepPrefix: 9 }),
  token('nuget-api-key', 'NuGet API key', ['oy2'], 'oy2[a-z0-9]{43}', { keepPrefix: 3, minEntropy: 3.5 }),
  token('docker-hub-token', 'Docker Hub access token', ['dckr_pat_', 'dckr_oat_'], 'dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,64}', { keepPrefix: 9 }),
  token('crates-io-token', 'crates.io API token', ['cio'], 'cio[A-Za-z0-9]{32}', { keepPrefix: 3, minEntropy: 3.5, accept: (value) => mixedCase(value) && /[0-9]/.test(value) }),
  token('clojars-token', 'Clojars deploy token', ['clojars_'], 'CLOJARS_[a-z0-9]{60}', { keepPrefix: 8 }),
  token('jfrog-token', 'JFrog / Artifactory token', ['akcp', 'cmvmd'], '(?:AKCp[A-Za-z0-9]{69}|cmVmd[A-Za-z0-9]{59})', { keepPrefix: 4, minEntropy: 4 }),
  token('sourcegraph-token', 'Sourcegraph access token', ['sgp_'], `sgp_(?:(?:[a-fA-F0-9]{16}|local)_)?[a-fA-F0-9]{40}`, { keepPrefix: 4 }),
  token('buildkite-token', 'Buildkite API token', ['bkua_'], `bkua_${HEX(40)}`, { keepPrefix: 5 }),
  token('circleci-token', 'CircleCI personal token', ['ccipat_'], `CCIPAT_[A-Za-z0-9]{22}_${HEX(40)}`, { keepPrefix: 7 }),
  token('sonarqube-token', 'SonarQube token', ['sqp_', 'squ_', 'sqa_'], `sq[pua]_${HEX(40)}`, { keepPrefix: 4 }),
  token('postman-api-key', 'Postman API key', ['pmak-'], `PMAK-${HEX(24)}-${HEX(34)}`, { keepPrefix: 5 }),
  token('octopus-deploy-api-key', 'Octopus Deploy API key', ['api-'], 'API-[A-Z0-9]{26}', { keepPrefix: 4, accept: (value) => /[0-9]/.test(value) }),
  token('harness-token', 'Harness access token', ['pat.', 'sat.'], '(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}', { keepPrefix: 4 }),
  token('prefect-api-key', 'Prefect API key', ['pnu_'], 'pnu_[A-Za-z0-9]{36}', { keepPrefix: 4 }),
  token('readme-api-key', 'ReadMe API key', ['rdme_'], 'rdme_[a-z0-9]{70}', { keepPrefix: 5 }),
  token('infracost-api-key', 'Infracost API key', ['ico-'], 'ico-[A-Za-z0-9]{32}', { keepPrefix: 4 }),
  token('netlify-token', 'Netlify access token', ['nfp_'], 'nfp_[A-Za-z0-9]{36}', { keepPrefix: 4 }),

  // --- chat, webhooks -------------------------------------------------------
  token('slack-token', 'Slack token', ['xox', 'xapp-'], '(?:xox[abposre]-[A-Za-z0-9-]{10,250}|xoxe\\.xox[bp]-[0-9]-[A-Za-z0-9]{100,200}|xapp-[0-9]-[A-Za-z0-9-]{10,250})', { keepPrefix: 5 }),
  {
    id: 'slack-webhook',
    label: 'Slack webhook URL',
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9_/+-]{20,200})/dg,
    group: 1,
    keepPrefix: 0,
    keywords: ['hooks.slack.com'],
  },
  {
    id: 'discord-webhook',
    label: 'Discord webhook URL',
    pattern: /discord(?:app)?\.com\/api\/webhooks\/[0-9]{15,22}\/([A-Za-z0-9_-]{60,80})/dg,
    group: 1,
    keepPrefix: 0,
    keywords: ['discord'],
  },
  {
    id: 'teams-webhook',
    label: 'Microsoft Teams webhook URL',
    pattern: /\.webhook\.office\.com\/webhookb2\/([A-Za-z0-9@/_-]{60,400})/dg,
    group: 1,
    keepPrefix: 0,
    keywords: ['webhook.office.com'],
  },
  {
    id: 'telegram-bot-token',
    label: 'Telegram bot token',
    // Also right after `/bot` in the Bot API's URLs.
    pattern: /(?:(?<=\/bot)|(?<![A-Za-z0-9_]))([0-9]{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/dg,
    group: 1,
    keepPrefix: 0,
    keywords: [':aa'],
    minEntropy: 3,
  },
  token('twilio-api-key', 'Twilio API key', ['sk'], 'SK[0-9a-fA-F]{32}', { keepPrefix: 2, accept: (value) => /[a-fA-F]/.test(value.slice(2)) && /[0-9]/.test(value.slice(2)) }),

  // --- payments, commerce -----------------------------------------------------
  token('stripe-key', 'Stripe secret key', ['sk_live', 'sk_test', 'sk_prod', 'rk_live', 'rk_test', 'rk_prod'], '(?:sk|rk)_(?:live|test|prod)_[0-9A-Za-z]{16,247}', { keepPrefix: 8 }),
  token('stripe-webhook-secret', 'Stripe webhook signing secret', ['whsec_'], 'whsec_[A-Za-z0-9]{32,64}', { keepPrefix: 6 }),
  token('shopify-token', 'Shopify access token', ['shpat_', 'shpca_', 'shppa_', 'shpss_'], `shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}`, { keepPrefix: 6 }),
  token('square-token', 'Square access token', ['sq0atp-', 'sq0csp-', 'eaaa'], '(?:sq0atp-[A-Za-z0-9_-]{22,60}|sq0csp-[A-Za-z0-9_-]{43}|EAAA[A-Za-z0-9_-]{60})', { keepPrefix: 4, minEntropy: 3.5 }),
  token('braintree-token', 'Braintree access token', ['access_token$'], `access_token\\$(?:production|sandbox)\\$[a-z0-9]{16}\\$${HEX(32)}`, { after: '[A-Za-z0-9]' }),
  token('easypost-token', 'EasyPost API key', ['ezak', 'eztk'], 'EZ[AT]K[A-Za-z0-9]{54}', { keepPrefix: 4 }),
  token('duffel-token', 'Duffel API token', ['duffel_'], 'duffel_(?:test|live)_[A-Za-z0-9_=-]{43}', { keepPrefix: 12 }),
  token('flutterwave-secret-key', 'Flutterwave secret key', ['flwseck'], 'FLWSECK(?:_TEST)?-[a-h0-9]{12,32}(?:-X)?', { keepPrefix: 8 }),
  token('shippo-token', 'Shippo API token', ['shippo_'], 'shippo_(?:live|test)_[a-fA-F0-9]{40}', { keepPrefix: 12 }),
  token('facebook-access-token', 'Facebook access token', ['eaac', 'eaam'], 'EAA[CM][A-Za-z0-9]{100,400}', { keepPrefix: 4, minEntropy: 4 }),

  // --- AI providers -------------------------------------------------------------
  token('openai-api-key', 'OpenAI API key', ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 't3blbkfj'], 'sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})', { keepPrefix: 3, minEntropy: 3.5 }),
  token('anthropic-api-key', 'Anthropic API key', ['sk-ant-'], 'sk-ant-(?:api|admin|oat|ort)[0-9]{2}-[A-Za-z0-9_-]{80,120}', { keepPrefix: 7, minEntropy: 3.5 }),
  token('openrouter-api-key', 'OpenRouter API key', ['sk-or-v1-'], `sk-or-v1-${HEX(64)}`, { keepPrefix: 9 }),
  token('huggingface-token', 'Hugging Face token', ['hf_', 'api_org_'], '(?:hf_|api_org_)[A-Za-z]{34}', { keepPrefix: 3, minEntropy: 3.5, accept: mixedCase }),
  token('groq-api-key', 'Groq API key', ['gsk_'], 'gsk_[A-Za-z0-9]{52}', { keepPrefix: 4 }),
  token('perplexity-api-key', 'Perplexity API key', ['pplx-'], 'pplx-[A-Za-z0-9]{48}', { keepPrefix: 5 }),
  token('replicate-api-token', 'Replicate API token', ['r8_'], 'r8_[A-Za-z0-9]{37}', { keepPrefix: 3 }),
  token('xai-api-key', 'xAI API key', ['xai-'], 'xai-[A-Za-z0-9]{80}', { keepPrefix: 4 }),
  token('langsmith-api-key', 'LangSmith API key', ['lsv2_'], `lsv2_(?:pt|sk)_${HEX(32)}_${HEX(10)}`, { keepPrefix: 8 }),

  // --- e-mail and messaging providers --------------------------------------------
  token('sendgrid-api-key', 'SendGrid API key', ['sg.'], 'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}', { keepPrefix: 3 }),
  token('mailgun-api-key', 'Mailgun API key', ['key-'], `key-${HEX(32)}`, { keepPrefix: 4 }),
  token('mailchimp-api-key', 'Mailchimp API key', ['-us'], `${HEX(32)}-us[0-9]{1,2}`),
  token('brevo-api-key', 'Brevo (Sendinblue) API key', ['xkeysib-', 'xsmtpsib-'], `x(?:keysib|smtpsib)-${HEX(64)}-[A-Za-z0-9]{16}`, { keepPrefix: 8 }),
  token('resend-api-key', 'Resend API key', ['re_'], 're_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}', { keepPrefix: 3, minEntropy: 3.5, accept: (value) => mixedCase(value) && /[0-9]/.test(value) }),

  // --- observability, productivity --------------------------------------------------
  token('new-relic-key', 'New Relic key', ['nrak-', 'nrii-', 'nrjs-', 'nral'], `(?:NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9_-]{32}|NRJS-${HEX(19)}|${HEX(36)}NRAL)`, { keepPrefix: 5 }),
  token('sentry-token', 'Sentry auth token', ['sntryu_', 'sntrys_'], `(?:sntryu_${HEX(64)}|sntrys_eyJ[A-Za-z0-9+/=_]{60,600})`, { keepPrefix: 7, after: '[A-Za-z0-9_+/=-]' }),
  token('linear-api-key', 'Linear API key', ['lin_api_'], 'lin_api_[A-Za-z0-9]{40}', { keepPrefix: 8 }),
  token('notion-token', 'Notion integration token', ['ntn_', 'secret_'], '(?:ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})', { keepPrefix: 4, minEntropy: 4, accept: (value) => mixedCase(value) && /[0-9]/.test(value) }),
  token('1password-secret-key', '1Password secret key', ['a3-'], 'A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}', { keepPrefix: 3 }),
  token('1password-service-account-token', '1Password service account token', ['ops_ey'], 'ops_eyJ[A-Za-z0-9+/]{250,4096}={0,3}', { keepPrefix: 4, minEntropy: 4, after: '[A-Za-z0-9_+/=-]' }),
  token('mapbox-secret-token', 'Mapbox secret token', ['sk.ey'], 'sk\\.eyJ[A-Za-z0-9_-]{50,300}\\.[A-Za-z0-9_-]{20,40}', { keepPrefix: 3 }),
  token('frameio-token', 'Frame.io API token', ['fio-u-'], 'fio-u-[A-Za-z0-9_=-]{64}', { keepPrefix: 6 }),
  token('typeform-token', 'Typeform API token', ['tfp_'], 'tfp_[A-Za-z0-9_.=-]{59}', { keepPrefix: 4 }),

  // --- JSON Web Tokens --------------------------------------------------------------
  token('jwt', 'JSON Web Token', ['eyj'], 'eyJ[A-Za-z0-9_-]{8,4096}\\.eyJ[A-Za-z0-9_-]{8,8192}\\.(?:[A-Za-z0-9_-]{8,2048})?', { keepPrefix: 3, accept: isCredentialJwt }),

  // --- structure: URLs, headers, config lines ------------------------------------------
  {
    id: 'password-in-url',
    label: 'password in a URL',
    // Anchored on `://` so the scan is one fast literal search; user and password are bounded.
    pattern: /:\/\/([^\s:/@'"`<>[\]]{0,256}):([^\s@/'"`<>]{3,256})@(?=[^\s'"`<>@])/dg,
    group: 2,
    keepPrefix: 0,
    keywords: ['://'],
    // `:PASSWORD@` names a variable; `:8080@` is a port; no real password is for example.com (RFC 2606).
    accept: (value, found) => !/^[A-Z][A-Z0-9_]{3,}$/.test(value) && !/^[0-9]{1,5}$/.test(value) && !isExampleHost(found.text, found.end + 1),
  },
  {
    id: 'url-query-token',
    label: 'token in a URL query string',
    pattern: /[?&](access_token|accesstoken|token|api_key|apikey|api-key|key|auth|auth_token|authtoken|client_secret|secret|password|passwd|pwd|pass|private_token|refresh_token|id_token|session_token|jwt|sig|signature|x-amz-signature|x-amz-security-token|x-goog-signature|subscription-key)=([^&#;\s"'<>`\\)]{1,4096})/dgi,
    group: 2,
    keepPrefix: 0,
    keywords: ['token=', 'key=', 'auth=', 'secret=', 'password=', 'passwd=', 'pwd=', 'pass=', 'jwt=', 'sig=', 'signature='],
    accept: acceptQueryValue,
  },
  {
    id: 'authorization-header',
    label: 'Authorization header',
    pattern: new RegExp(`(?:proxy-)?authorization["']?[ \\t]{0,5}:[ \\t]{0,5}["']?(?:(${AUTH_SCHEMES})[ \\t]{1,5})?([A-Za-z0-9._~+/=%-]{1,4096})`, 'dgi'),
    group: 2,
    keepPrefix: 0,
    keywords: ['authorization'],
    accept: (value, found) => {
      const scheme = (found.match[1] ?? '').toLowerCase();
      if (scheme === 'basic') return isBasicCredential(value);
      if (scheme) return looksRandom(value, 8) || (value.length >= 16 && entropy(value) >= 3.5 && mixedCase(value));
      return looksRandom(value, 16); // no scheme: a bare token, or prose ("Authorization: If your project…")
    },
  },
  {
    id: 'api-key-header',
    label: 'API key header',
    pattern: new RegExp(`(?<![A-Za-z0-9-])(?:${KEY_HEADERS})["']?[ \\t]{0,5}:[ \\t]{0,5}["']?([A-Za-z0-9._~+/=:-]{8,4096})`, 'dgi'),
    group: 1,
    keepPrefix: 0,
    keywords: ['x-', 'private-token', 'job-token', 'deploy-token', 'ocp-apim', 'dd-api-key', 'dd-application-key'],
    accept: (value) => value.length >= 12 && entropy(value) >= 3,
  },
  {
    id: 'npm-registry-auth',
    label: 'package registry auth token',
    pattern: /(?:(?<=:)|(?<=^[ \t]{0,20}))(?:_authToken|_auth|_password|npmAuthToken|npmAuthIdent)["']?[ \t]{0,5}[=: \t][ \t]{0,5}["']?([^\s"'`]{8,4096})/dgm,
    group: 1,
    keepPrefix: 0,
    keywords: ['_auth', '_password', 'npmauth'],
    accept: (value, found) => !/[$]/.test(value) && !/(token|password|secret)/i.test(value) && (!/_auth["']?[ \t]*[=:]/.test(found.match[0]) || isBasicCredential(value.replace(/['",]+$/, ''))),
  },
  {
    id: 'docker-registry-auth',
    label: 'container registry credentials',
    pattern: /"(?:auth|identitytoken|registrytoken)"[ \t]{0,5}:[ \t]{0,5}"([A-Za-z0-9+/=._-]{8,8192})"/dgi,
    group: 1,
    keepPrefix: 0,
    keywords: ['"auth"', 'identitytoken', 'registrytoken'],
    accept: (value, found) => (/^"auth"/i.test(found.match[0]) ? isBasicCredential(value) : looksRandom(value, 16)),
  },
  {
    id: 'netrc-password',
    label: 'password in a .netrc entry',
    pattern: /\bmachine[ \t]+\S{1,256}(?:\s{1,40}(?:login|account|port)[ \t]+\S{1,256}){0,3}\s{1,40}password[ \t]+(\S{1,256})/dg,
    group: 1,
    keepPrefix: 0,
    keywords: ['machine'],
  },
  {
    id: 'nuget-config-password',
    label: 'NuGet feed password',
    pattern: /<add key="(?:ClearText)?Password"\s{1,20}value="([^"\n]{1,256})"/dgi,
    group: 1,
    keepPrefix: 0,
    keywords: ['password'],
  },
  {
    id: 'password-element',
    label: 'password in an XML element',
    pattern: /<([A-Za-z0-9_.:-]{0,40}?(?:password|passwd|passphrase|secret|token|apikey|api_key|secretkey|privatekey|clientsecret))>([^<\n]{1,256})<\/\1>/dgi,
    group: 2,
    keepPrefix: 0,
    keywords: ['pass', 'secret', 'token', 'key'],
  },
  {
    id: 'bundler-credentials',
    label: 'Bundler gem source credentials',
    // One run for the name (its `__` checked after): two runs split by `__` would backtrack against each other.
    pattern: /(?<![A-Z0-9_])BUNDLE_([A-Z0-9_]{3,200})[ \t]{0,5}[=:][ \t]{0,5}["']?([^\s"']{6,256})/dg,
    group: 2,
    keepPrefix: 0,
    keywords: ['bundle_'],
    accept: (value, found) => /.__./.test(found.match[1] ?? '') && (value.includes(':') || looksRandom(value, 16)),
  },

  // --- keys known by the name they are assigned to (after gitleaks' keyword rules) --------
  namedKey('adafruit-api-key', 'Adafruit API key', ['adafruit'], '[A-Za-z0-9_-]{32}'),
  namedKey('airtable-api-key', 'Airtable API key', ['airtable'], `pat[A-Za-z0-9]{14}\\.${HEX(64)}|key[A-Za-z0-9]{14}`),
  namedKey('algolia-api-key', 'Algolia API key', ['algolia'], '[A-Za-z0-9]{32}'),
  namedKey('alibaba-secret-key', 'Alibaba Cloud AccessKey secret', ['alibaba', 'aliyun'], '[A-Za-z0-9]{30}'),
  namedKey('asana-token', 'Asana token', ['asana'], '[0-9]/[0-9/]{16,40}:[A-Za-z0-9]{32}|[A-Za-z0-9]{32}'),
  namedKey('atlassian-api-token', 'Atlassian API token', ['atlassian', 'jira', 'confluence'], '[A-Za-z0-9]{24}'),
  namedKey('beamer-api-token', 'Beamer API token', ['beamer'], 'b_[A-Za-z0-9_=-]{44}'),
  namedKey('bitbucket-secret', 'Bitbucket client secret', ['bitbucket'], '[A-Za-z0-9_=-]{64}|[A-Za-z0-9]{32}'),
  namedKey('circleci-token', 'CircleCI token', ['circleci', 'circle_token'], HEX(40)),
  namedKey('cloudflare-api-token', 'Cloudflare API token', ['cloudflare', 'cf_api'], `[A-Za-z0-9_-]{40}|${HEX(37)}`),
  namedKey('codecov-token', 'Codecov token', ['codecov'], `${UUID}|[A-Za-z0-9]{32}`),
  namedKey('cohere-api-key', 'Cohere API key', ['cohere', 'co_api_key'], '[A-Za-z0-9]{40}'),
  namedKey('coinbase-token', 'Coinbase access token', ['coinbase'], '[A-Za-z0-9_-]{64}'),
  namedKey('confluent-secret', 'Confluent API secret', ['confluent'], '[A-Za-z0-9+/]{64}'),
  namedKey('contentful-token', 'Contentful API token', ['contentful'], '[A-Za-z0-9_=-]{43}'),
  namedKey('datadog-api-key', 'Datadog API key', ['datadog', 'dd_api_key', 'dd_app_key', 'dd_application_key'], `[a-z0-9]{40}|${HEX(32)}`),
  namedKey('deepseek-api-key', 'DeepSeek API key', ['deepseek'], `sk-${HEX(32)}`),
  namedKey('discord-token', 'Discord token', ['discord'], `${HEX(64)}|[A-Za-z0-9_-]{24,28}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}|[A-Za-z0-9_=-]{32}`),
  namedKey('droneci-token', 'Drone CI token', ['drone'], '[A-Za-z0-9]{32}'),
  namedKey('dropbox-token', 'Dropbox token', ['dropbox'], 'sl\\.[A-Za-z0-9_=-]{130,160}|[A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_=-]{43}|[A-Za-z0-9]{15}'),
  namedKey('etsy-token', 'Etsy access token', ['etsy'], '[A-Za-z0-9]{24}'),
  namedKey('facebook-secret', 'Facebook app secret', ['facebook', 'fb_app_secret'], HEX(32)),
  namedKey('fastly-api-token', 'Fastly API token', ['fastly'], '[A-Za-z0-9_=-]{32}'),
  namedKey('finicity-secret', 'Finicity client secret', ['finicity'], `${HEX(32)}|[A-Za-z0-9]{20}`),
  namedKey('finnhub-token', 'Finnhub access token', ['finnhub'], '[A-Za-z0-9]{20}'),
  namedKey('flickr-token', 'Flickr access token', ['flickr'], '[A-Za-z0-9]{32}'),
  namedKey('freshbooks-token', 'FreshBooks access token', ['freshbooks'], '[A-Za-z0-9]{64}'),
  namedKey('gitter-token', 'Gitter access token', ['gitter'], '[A-Za-z0-9_-]{40}'),
  namedKey('gocardless-token', 'GoCardless API token', ['gocardless'], 'live_[A-Za-z0-9_=-]{40}'),
  namedKey('heroku-api-key', 'Heroku API key', ['heroku'], UUID),
  namedKey('hubspot-token', 'HubSpot token', ['hubspot'], `pat-(?:na|eu)[0-9]-${UUID}|${UUID}`),
  namedKey('intercom-token', 'Intercom access token', ['intercom'], '[A-Za-z0-9_=-]{60}'),
  namedKey('jfrog-token', 'JFrog / Artifactory token', ['jfrog', 'artifactory', 'bintray'], '[A-Za-z0-9]{73}|[A-Za-z0-9]{64}'),
  namedKey('kraken-key', 'Kraken API key', ['kraken'], '[A-Za-z0-9/=_+-]{80,90}'),
  namedKey('kucoin-key', 'KuCoin API key', ['kucoin'], `${UUID}|${HEX(24)}`),
  namedKey('launchdarkly-key', 'LaunchDarkly key', ['launchdarkly'], `(?:api|sdk|mob)-${UUID}|[A-Za-z0-9_=-]{40}`),
  namedKey('linear-secret', 'Linear client secret', ['linear'], HEX(32)),
  namedKey('linkedin-secret', 'LinkedIn client secret', ['linkedin', 'linked_in', 'linked-in'], '[A-Za-z0-9]{16}'),
  namedKey('lob-api-key', 'Lob API key', ['lob'], '(?:live|test)_(?:pub_)?[a-f0-9]{31,35}'),
  namedKey('mailgun-api-key', 'Mailgun API key', ['mailgun'], `${HEX(32)}-${HEX(8)}-${HEX(8)}`),
  namedKey('mailjet-api-key', 'Mailjet API key', ['mailjet', 'mj_apikey'], HEX(32)),
  namedKey('mandrill-api-key', 'Mandrill API key', ['mandrill'], '[A-Za-z0-9_-]{22}'),
  namedKey('mattermost-token', 'Mattermost access token', ['mattermost'], '[a-z0-9]{26}'),
  namedKey('meraki-api-key', 'Cisco Meraki API key', ['meraki'], HEX(40)),
  namedKey('messagebird-key', 'MessageBird API key', ['messagebird', 'message_bird', 'message-bird'], '[A-Za-z0-9]{25}'),
  namedKey('mistral-api-key', 'Mistral API key', ['mistral'], '[A-Za-z0-9]{32}'),
  namedKey('netlify-token', 'Netlify access token', ['netlify'], '[A-Za-z0-9_=-]{40,46}'),
  namedKey('okta-token', 'Okta API token', ['okta'], '00[A-Za-z0-9_=-]{40}'),
  namedKey('opsgenie-key', 'Opsgenie API key', ['opsgenie'], UUID),
  namedKey('pagerduty-key', 'PagerDuty key', ['pagerduty'], `u\\+[A-Za-z0-9_+-]{18}|${HEX(32)}|[A-Za-z0-9_+-]{20}`),
  namedKey('pinecone-api-key', 'Pinecone API key', ['pinecone'], `pcsk_[A-Za-z0-9_]{40,100}|${UUID}`),
  namedKey('plaid-secret', 'Plaid secret', ['plaid'], `access-(?:sandbox|development|production)-${UUID}|[a-z0-9]{30}`),
  namedKey('postmark-token', 'Postmark server token', ['postmark'], UUID),
  namedKey('rapidapi-key', 'RapidAPI key', ['rapidapi'], '[A-Za-z0-9_-]{50}'),
  namedKey('sendbird-token', 'Sendbird API token', ['sendbird'], HEX(40)),
  namedKey('sentry-token', 'Sentry auth token', ['sentry'], HEX(64)),
  namedKey('snyk-token', 'Snyk API token', ['snyk'], UUID),
  namedKey('sonarqube-token', 'SonarQube token', ['sonar'], '[A-Za-z0-9_=-]{40}'),
  namedKey('sparkpost-api-key', 'SparkPost API key', ['sparkpost'], HEX(40)),
  namedKey('splunk-hec-token', 'Splunk HEC token', ['splunk', 'hec_token'], UUID),
  namedKey('squarespace-token', 'Squarespace access token', ['squarespace'], UUID),
  namedKey('sumologic-key', 'Sumo Logic access key', ['sumo'], '[A-Za-z0-9]{64}'),
  namedKey('travisci-token', 'Travis CI token', ['travis'], '[A-Za-z0-9]{22}'),
  namedKey('twitch-token', 'Twitch API token', ['twitch'], '[a-z0-9]{30}'),
  namedKey('twitter-secret', 'Twitter / X API secret', ['twitter'], 'A{22}[A-Za-z0-9%]{80,100}|[0-9]{15,25}-[A-Za-z0-9]{20,40}|[A-Za-z0-9]{50}|[A-Za-z0-9]{45}|[A-Za-z0-9]{25}'),
  namedKey('yandex-key', 'Yandex key', ['yandex'], 'AQVN[A-Za-z0-9_-]{35,38}|YC[A-Za-z0-9_-]{38}|t1\\.[A-Za-z0-9_-]{10,200}={0,2}\\.[A-Za-z0-9_-]{86}={0,2}'),
  namedKey('zendesk-token', 'Zendesk API token', ['zendesk'], '[A-Za-z0-9]{40}'),

  // --- the catch-all: `password: value`, `API_KEY=value` -------------------------------
  {
    id: 'password-assignment',
    label: 'password',
    pattern: new RegExp(
      `(?:password|passwd|passphrase|pwd|(?:(?<=[_.-])|(?<=^[ \\t]{0,20}["']?)|(?<=export ))pass|secret|api_?key|apikey|access_?token|auth_?token|token|(?:secret|private|signing|encryption|master|client|app|account|license|service|webhook|shared|session)[_.-]?key)(?![A-Za-z0-9])${ASSIGN}${QUOTED_OR_BARE}`,
      'dgim',
    ),
    group: 1,
    keepPrefix: 0,
    keywords: ['pass', 'pwd', 'secret', 'key', 'token'],
    accept: (value, found) => {
      if (value.length < 4 || !looksLikeAssignedSecret(value, found.text, found.match.index)) return false;
      if (isEncodedPlaceholder(value) || isSealedCiphertext(value, found)) return false;
      const keyword = found.match[0].slice(0, found.match[0].search(/["']?[ \t]*(?::=|=>|=|:)/));
      if (/^(?:arn|urn):/i.test(value) || value.includes('-----BEGIN')) return false; // an ARN; a key block the key detector judged
      if (/pass|pwd/i.test(keyword)) return true; // a password may be a word and a digit: `hunter2`
      const name = nameEndingAt(found.text, found.match.index, found.match.index + keyword.length);
      if (name.before === ':' || NOT_CREDENTIAL_TOKENS.test(name.words)) return false; // inside an ARN (`…:secret:name`); `NextToken`
      // Tokens, secrets and keys are generated: `sort_key: created_at`, `output_token: Marker` are not.
      return looksRandom(value, /key$/i.test(keyword) ? 12 : 8) || (value.length >= 20 && entropy(value) >= 3.5 && mixedCase(value));
    },
  },
];

// ---------------------------------------------------------------------------
// Detectors that read structure rather than one match: Kubernetes Secrets, command lines
// ---------------------------------------------------------------------------

interface Candidate {
  id: string;
  label: string;
  start: number;
  end: number;
  keepPrefix: number;
}

/** Keys of a Secret's data that are not secret themselves. */
const NOT_SECRET_KEYS = /^(?:user(?:name)?|login|host(?:name)?|port|url|uri|endpoint|database|db(?:name)?|email|region|name|namespace|ca\.crt|tls\.crt|service-ca\.crt)$/i;

/** The lines of the YAML document (or fenced block) around offset `at`, bounded. */
function documentAround(text: string, at: number): { start: number; end: number } {
  const isBoundary = (line: string) => /^(?:---|\.\.\.)\s*$/.test(line) || /^\s*(?:```|~~~)/.test(line);
  let start = text.lastIndexOf('\n', at - 1) + 1;
  for (let lines = 0; lines < 500 && start > 0 && at - start < 65536; lines++) {
    const previous = text.lastIndexOf('\n', start - 2) + 1;
    if (isBoundary(text.slice(previous, start - 1))) break;
    start = previous;
  }
  let end = text.indexOf('\n', at);
  end = end === -1 ? text.length : end;
  for (let lines = 0; lines < 500 && end < text.length && end - at < 65536; lines++) {
    const next = text.indexOf('\n', end + 1);
    const lineEnd = next === -1 ? text.length : next;
    if (isBoundary(text.slice(end + 1, lineEnd))) break;
    end = lineEnd;
  }
  return { start, end };
}

/** Values under `data:` / `stringData:` of a Kubernetes Secret (YAML, or JSON from `kubectl get -o json`). */
function kubernetesSecretValues(text: string): Candidate[] {
  const found: Candidate[] = [];
  const kind = /(?:^|[\s{,])["']?kind["']?[ \t]{0,5}:[ \t]{0,5}["']?Secret["']?[ \t]*(?:,|$)/gm;
  let scannedUntil = 0;
  for (let match = kind.exec(text); match; match = kind.exec(text)) {
    if (match.index < scannedUntil) continue;
    const doc = documentAround(text, match.index + match[0].length - 1);
    scannedUntil = doc.end;
    kind.lastIndex = Math.max(kind.lastIndex, doc.end);
    const body = text.slice(doc.start, doc.end);
    const add = (key: string, value: string, start: number, encoded: boolean) => {
      if (NOT_SECRET_KEYS.test(key) || isPlaceholder(value) || value === '|' || value === '>') return;
      const plain = encoded ? decodeBase64(value) : value;
      if (encoded && (plain === undefined || plain.length < 3)) return;
      if (plain !== undefined && isPlaceholder(plain)) return;
      found.push({ id: 'kubernetes-secret', label: 'Kubernetes Secret value', start, end: start + value.length, keepPrefix: 0 });
    };
    // YAML: `data:` then more-indented `key: value` lines (a `|` value continues on the lines below).
    const section = /^([ \t]*)(data|stringData):[ \t]*$/gm;
    for (let head = section.exec(body); head; head = section.exec(body)) {
      const indent = head[1]!.length;
      const lines = yamlLinesAfter(body, head.index + head[0].length + 1);
      for (let i = 0; i < lines.length; i++) {
        const { text: line, at } = lines[i]!;
        if (line.trim() === '') continue;
        const entry = /^([ \t]*)([\w.-]{1,253}):[ \t]*(.*?)[ \t]*$/.exec(line);
        if (!entry || entry[1]!.length <= indent) break;
        const key = entry[2]!;
        const raw = entry[3]!;
        if (/^[|>][-+]?$/.test(raw)) {
          // Block scalar: every more-indented line below is the value.
          let last = i;
          while (last + 1 < lines.length && (lines[last + 1]!.text.trim() === '' || /^[ \t]*/.exec(lines[last + 1]!.text)![0].length > entry[1]!.length)) last++;
          while (last > i && lines[last]!.text.trim() === '') last--;
          if (last > i) {
            const first = lines[i + 1]!;
            const start = doc.start + first.at + /^[ \t]*/.exec(first.text)![0].length;
            const end = doc.start + lines[last]!.at + lines[last]!.text.length;
            const value = body.slice(start - doc.start, end - doc.start);
            if (!NOT_SECRET_KEYS.test(key) && !isPlaceholder(value.trim())) found.push({ id: 'kubernetes-secret', label: 'Kubernetes Secret value', start, end, keepPrefix: 0 });
          }
          i = last;
          continue;
        }
        const quoted = /^(["'])(.*)\1$/.exec(raw);
        const value = quoted ? quoted[2]! : raw.replace(/[ \t]+#.*$/, '');
        if (value === '' || value === '{}') continue;
        const rawStart = line.indexOf(raw, entry[1]!.length + key.length + 1);
        add(key, value, doc.start + at + rawStart + (quoted ? 1 : 0), head[2] === 'data');
      }
    }
    // JSON: `"data": { "key": "value", … }`.
    const json = /"(data|stringData)"[ \t]*:[ \t]*\{([^{}]{0,65536})\}/g;
    for (let head = json.exec(body); head; head = json.exec(body)) {
      const entries = /"([\w.-]{1,253})"[ \t]*:[ \t]*"([^"\n]{1,65536})"/g;
      const inner = head.index + head[0].indexOf('{') + 1;
      for (let entry = entries.exec(head[2]!); entry; entry = entries.exec(head[2]!)) {
        add(entry[1]!, entry[2]!, doc.start + inner + entry.index + entry[0].lastIndexOf(entry[2]!), head[1] === 'data');
      }
    }
  }
  return found;
}

/** The lines of `body` from `from` on, with their offsets, bounded. */
function yamlLinesAfter(body: string, from: number): { text: string; at: number }[] {
  const lines: { text: string; at: number }[] = [];
  let position = from;
  while (position < body.length && lines.length < 2000) {
    const end = lineEndOf(body, position, body.length);
    lines.push({ text: body.slice(position, end), at: position });
    position = end + 1;
  }
  return lines;
}

const WORD_BREAKS = new Set([...' \t\n\r|;&`'].map((c) => c.charCodeAt(0)));

interface ShellToken {
  text: string;
  start: number;
}

/** Split one command line into words (quotes kept), with `|`, `;`, `&&`, `||` and backticks as separators. */
function shellWords(text: string, from: number, to: number): ShellToken[] {
  const words: ShellToken[] = [];
  let i = from;
  while (i < to) {
    const char = text[i]!;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || (char === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r'))) {
      i++;
      continue;
    }
    if (char === '|' || char === ';' || char === '&' || char === '`') {
      words.push({ text: '|', start: i });
      i++;
      continue;
    }
    const start = i;
    while (i < to && !WORD_BREAKS.has(text.charCodeAt(i))) {
      if (text[i] === '"' || text[i] === "'") {
        const close = text.indexOf(text[i]!, i + 1);
        i = close === -1 || close >= to ? to : close + 1;
      } else {
        i++;
      }
    }
    words.push({ text: text.slice(start, i), start });
  }
  return words;
}

/** The value of a word with its quotes stripped, and where it starts. */
function unquoted(text: string, start: number): { value: string; start: number } {
  const quote = text[0];
  if ((quote === '"' || quote === "'") && text.length >= 2 && text.endsWith(quote)) return { value: text.slice(1, -1), start: start + 1 };
  return { value: text, start };
}

/** A value given on a command line is a secret, not a variable, a file, another flag, a prompt or a word of prose. */
function isCommandSecret(value: string, minLength: number, separate = false): boolean {
  if (value.length < minLength || value.startsWith('-') || /^[$%<@{]/.test(value) || value.includes('$(') || value.includes('${')) return false;
  if (/(password|passwd|secret|token)/i.test(value)) return false; // `--password=MyPassword`, `--token=TOKEN`
  if (separate && /^[a-z]+$/.test(value)) return false; // "the --token parameter comes from…"
  if (/^fileb?:\/\//.test(value)) return false;
  if (/^(?:\.{0,2}\/|~\/)/.test(value) || /\.(?:ya?ml|json|txt|pem|key|crt|cfg|conf|ini|env|p12|pfx|jks)$/i.test(value)) return false;
  if (/^(?:stdin|prompt|-)$/i.test(value)) return false;
  return !isPlaceholder(value);
}

const PROGRAMS = 'curl|wget|mysql|mysqldump|mysqladmin|mysqlimport|mysqlsh|mariadb|mariadb-dump|sshpass|redis-cli|docker|podman|nerdctl|buildah|skopeo|helm|oras|crane|oc|kubectl|az|mongo|mongosh|mongodump|mongorestore|mongoexport|mongoimport|ldapsearch|ldapmodify|ldapadd|ldapdelete|ldapwhoami|ldappasswd|sqlcmd|bcp|smbclient|rpcclient|openssl|keytool|zip|unzip|7z|7za|htpasswd|vault|sqlplus|rabbitmqctl|argocd|mc|rclone|ibmcloud|cf';
const PROGRAM_NAMES = new Set(PROGRAMS.split('|'));
const MYSQL = new Set(['mysql', 'mysqldump', 'mysqladmin', 'mysqlimport', 'mysqlsh', 'mariadb', 'mariadb-dump']);
const REGISTRY_LOGIN = new Set(['docker', 'podman', 'nerdctl', 'buildah', 'skopeo', 'helm', 'oras', 'crane']);
const MONGO = new Set(['mongo', 'mongosh', 'mongodump', 'mongorestore', 'mongoexport', 'mongoimport']);
const LDAP = new Set(['ldapsearch', 'ldapmodify', 'ldapadd', 'ldapdelete', 'ldapwhoami', 'ldappasswd']);
/** Programs whose `--password` always takes a value (psql's and mysql's do not: they prompt). */
const PASSWORD_TAKES_VALUE = new Set([...REGISTRY_LOGIN, ...MONGO, 'oc', 'az', 'kubectl', 'wget', 'redis-cli', 'zip', 'mc', 'rclone', 'argocd', 'vault', 'ibmcloud', 'cf', 'rabbitmqctl']);
const KEYTOOL_FLAGS = new Set(['-storepass', '-keypass', '-srcstorepass', '-deststorepass', '-srckeypass', '-destkeypass', '-new']);
/** Long flags that always take a secret value, for any program. */
const VALUE_FLAGS = /^--(?:(?:auth|access|api|bearer|bot|personal-access|registration|refresh|session|service-account|deploy|private|github|gitlab|vault|slack|npm|pypi|admin|user|oauth|id|join|bootstrap|sas)-)?token$|^--(?:[a-z0-9]+-){0,2}(?:api-key|apikey|auth-key|secret-key|secret-access-key|account-key|client-secret|shared-secret|webhook-secret|oauth2-bearer)$/;
const PASSWORD_FLAGS = /^--(?!ask-|no-|prompt-|use-|show-|read-)(?:[a-z0-9]+-){0,3}(?:password|passwd|passphrase|pass)$/;

const CLI_PASSWORD = { id: 'cli-password', label: 'password on a command line' } as const;
const CLI_USER_PASSWORD = { id: 'cli-user-password', label: 'user:password on a command line' } as const;

/** Secrets given to client programs as flags: `curl -u user:pass`, `mysql -pSECRET`, `--token X`, `sshpass -p`… */
function commandLineSecrets(text: string): Candidate[] {
  const found: Candidate[] = [];
  const trigger = new RegExp(`(?<![\\w./-])(?:${PROGRAMS})(?=[ \\t])|--[a-z0-9-]{0,40}(?:password|passwd|pass|passphrase|token|key|secret|bearer)\\b`, 'g');
  let scannedUntil = 0;
  for (let hit = trigger.exec(text); hit; hit = trigger.exec(text)) {
    // The logical line (with `\` continuations), at most 8 KB, each part of the text read once.
    const lineStart = lineStartOf(text, hit.index, Math.max(scannedUntil, hit.index - 8192));
    let lineEnd = lineStart;
    for (;;) {
      lineEnd = lineEndOf(text, lineEnd, lineStart + 8192);
      const continued = text[lineEnd - 1] === '\\' || (text[lineEnd - 1] === '\r' && text[lineEnd - 2] === '\\');
      if (lineEnd >= text.length || lineEnd >= lineStart + 8192 || !continued) break;
      lineEnd += 1;
    }
    scannedUntil = lineEnd;
    trigger.lastIndex = Math.max(trigger.lastIndex, lineEnd);
    const words = shellWords(text, lineStart, lineEnd);
    let program: string | undefined;
    let args: ShellToken[] = [];
    const flush = () => {
      if (program !== undefined) found.push(...programSecrets(program, args));
      program = undefined;
      args = [];
    };
    for (const word of words) {
      if (word.text === '|') {
        flush();
        continue;
      }
      const name = word.text.replace(/^.*\//, '');
      // `sudo mysql …`, `env X=1 curl …`: a known program after an unknown one starts its own command.
      if ((program === undefined || program === '') && PROGRAM_NAMES.has(name)) {
        flush();
        program = name;
        continue;
      }
      if (program === undefined) {
        program = ''; // an unknown program: only the flags every program shares apply
        continue;
      }
      args.push(word);
    }
    flush();
  }
  return found;
}

/**
 * The value of flag `args[i]` when it matches `flag`: `--flag=value`, or
 * `--flag value` unless `equalsOnly`. Undefined when there is none.
 */
function flagValue(args: readonly ShellToken[], i: number, flag: RegExp, minLength: number, equalsOnly = false): { start: number; end: number } | undefined {
  const word = args[i]!;
  const equals = word.text.indexOf('=');
  const name = equals === -1 ? word.text : word.text.slice(0, equals);
  if (!flag.test(name)) return undefined;
  const raw = equals === -1 ? (equalsOnly ? undefined : args[i + 1]) : { text: word.text.slice(equals + 1), start: word.start + equals + 1 };
  if (!raw || raw.text === '|') return undefined;
  const { value, start } = unquoted(raw.text, raw.start);
  return isCommandSecret(value, minLength, equals === -1) ? { start, end: start + value.length } : undefined;
}

/** A short flag's value: attached (`-pSECRET`) and/or the next word (`-p SECRET`). */
function shortFlagValue(args: readonly ShellToken[], i: number, flag: string, attached: boolean, separate: boolean): ShellToken | undefined {
  const word = args[i]!.text;
  if (attached && word.startsWith(flag) && word.length > flag.length && !word.startsWith('--')) return { text: word.slice(flag.length), start: args[i]!.start + flag.length };
  if (separate && word === flag) {
    const next = args[i + 1];
    return next && next.text !== '|' ? next : undefined;
  }
  return undefined;
}

/** `user:password` (or `user%password`): the password part, when it is a real one. */
function userPasswordPart(raw: ShellToken, separator: string): { start: number; end: number } | undefined {
  const { value, start } = unquoted(raw.text, raw.start);
  const at = value.indexOf(separator);
  if (at <= 0) return undefined;
  const password = value.slice(at + 1);
  return isCommandSecret(password, 3) ? { start: start + at + 1, end: start + value.length } : undefined;
}

function secretOf(raw: ShellToken | undefined, minLength = 3): { start: number; end: number } | undefined {
  if (!raw) return undefined;
  const { value, start } = unquoted(raw.text, raw.start);
  return isCommandSecret(value, minLength, true) ? { start, end: start + value.length } : undefined;
}

/** Each program's own way of taking a password. */
function programSecrets(program: string, args: readonly ShellToken[]): Candidate[] {
  const found: Candidate[] = [];
  const push = (kind: { id: string; label: string }, span: { start: number; end: number } | undefined) => {
    if (span) found.push({ id: kind.id, label: kind.label, start: span.start, end: span.end, keepPrefix: 0 });
  };
  let login: boolean | undefined;
  let secretCommand: boolean | undefined;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!.text;
    if (!word.startsWith('-')) continue; // every rule below reads a flag's value
    const generic = word.startsWith('--') ? (flagValue(args, i, VALUE_FLAGS, 8) ?? flagValue(args, i, PASSWORD_FLAGS, 4, !PASSWORD_TAKES_VALUE.has(program))) : undefined;
    if (generic) {
      push(CLI_PASSWORD, generic);
      continue;
    }
    if (program === 'curl') {
      const raw = shortFlagValue(args, i, '-u', true, true) ?? shortFlagValue(args, i, '-U', true, true);
      if (raw) push(CLI_USER_PASSWORD, userPasswordPart(raw, ':'));
      if (/^--(?:proxy-)?user(?:=|$)/.test(word)) {
        const raw = word.includes('=') ? { text: word.slice(word.indexOf('=') + 1), start: args[i]!.start + word.indexOf('=') + 1 } : args[i + 1];
        if (raw) push(CLI_USER_PASSWORD, userPasswordPart(raw, ':'));
      }
    } else if (MYSQL.has(program)) {
      push(CLI_PASSWORD, secretOf(shortFlagValue(args, i, '-p', true, false))); // `-p SECRET` would prompt, then use SECRET as the database
    } else if (program === 'sshpass') {
      push(CLI_PASSWORD, secretOf(shortFlagValue(args, i, '-p', true, true)));
    } else if (program === 'redis-cli') {
      push(CLI_PASSWORD, secretOf(shortFlagValue(args, i, '-a', false, true)));
    } else if ((REGISTRY_LOGIN.has(program) || program === 'oc' || program === 'az' || program === 'argocd' || program === 'cf') && (login ??= args.some((arg) => arg.text === 'login'))) {
      push(CLI_PASSWORD, secretOf(shortFlagValue(args, i, '-p', false, true)));
    } else if (MONGO.has(program) && !(args[i + 1]?.text ?? '').includes('://')) {
      push(CLI_PASSWORD, secretOf(shortFlagValue(args, i, '-p', false, true)));
    } else if (LDAP.has(program)) {
      push(CLI_PASSWORD, secretOf(shortFlagValue(args, i, '-w', true, true)));
    } else if (program === 'sqlcmd' || program === 'bcp') {
      push(CLI_PASSWORD, secretOf(shortFlagValue(args, i, '-P', true, true)));
    } else if (program === 'smbclient' || program === 'rpcclient') {
      const raw = shortFlagValue(args, i, '-U', true, true) ?? (word.startsWith('--user=') ? { text: word.slice(7), start: args[i]!.start + 7 } : undefined);
      if (raw) push(CLI_USER_PASSWORD, userPasswordPart(raw, '%'));
    } else if (program === 'openssl') {
      if (/^-pass(?:in|out)?$/.test(word) && args[i + 1]?.text.startsWith('pass:')) {
        push(CLI_PASSWORD, secretOf({ text: args[i + 1]!.text.slice(5), start: args[i + 1]!.start + 5 }));
      }
      if (word === '-k') push(CLI_PASSWORD, secretOf(args[i + 1]));
    } else if (program === 'keytool') {
      if (KEYTOOL_FLAGS.has(word)) push(CLI_PASSWORD, secretOf(args[i + 1]));
    } else if (program === 'zip' || program === 'unzip') {
      push(CLI_PASSWORD, secretOf(shortFlagValue(args, i, '-P', false, true)));
    } else if (program === '7z' || program === '7za') {
      push(CLI_PASSWORD, secretOf(shortFlagValue(args, i, '-p', true, false)));
    } else if ((program === 'kubectl' || program === 'oc') && word.startsWith('--from-literal=') && (secretCommand ??= args.some((arg) => arg.text === 'secret'))) {
      const literal = word.slice('--from-literal='.length);
      const equals = literal.indexOf('=');
      if (equals > 0 && !NOT_SECRET_KEYS.test(literal.slice(0, equals))) {
        push({ id: 'kubectl-secret-literal', label: 'Kubernetes Secret value on a command line' }, secretOf({ text: literal.slice(equals + 1), start: args[i]!.start + '--from-literal='.length + equals + 1 }));
      }
    }
  }
  if (!/^(?:htpasswd|vault|sqlplus|rabbitmqctl)$/.test(program)) return found;
  const positionals = args.filter((arg) => !arg.text.startsWith('-'));
  if (program === 'htpasswd') {
    const flags = args
      .map((arg) => arg.text)
      .filter((w) => /^-[a-zA-Z]+$/.test(w))
      .join('');
    if (flags.includes('b')) push(CLI_PASSWORD, secretOf(positionals[flags.includes('n') ? 1 : 2]));
  } else if (program === 'vault' && positionals[0]?.text === 'login') {
    const value = positionals.slice(1).find((arg) => !arg.text.includes('=') || arg.text.startsWith('token='));
    if (value) push({ id: 'hashicorp-vault-token', label: 'HashiCorp Vault token' }, secretOf(value.text.startsWith('token=') ? { text: value.text.slice(6), start: value.start + 6 } : value, 8));
  } else if (program === 'sqlplus' && positionals[0]) {
    const credentials = /^([^/\s@]+)\/([^@\s]+)/.exec(unquoted(positionals[0].text, positionals[0].start).value);
    if (credentials) {
      const start = unquoted(positionals[0].text, positionals[0].start).start + credentials[1]!.length + 1;
      if (isCommandSecret(credentials[2]!, 3)) push(CLI_USER_PASSWORD, { start, end: start + credentials[2]!.length });
    }
  } else if (program === 'rabbitmqctl' && /^(?:add_user|change_password)$/.test(positionals[0]?.text ?? '')) {
    push(CLI_PASSWORD, secretOf(positionals[2]));
  }
  return found;
}

/** Structural detectors: keywords, and where they rank among SECRET_PATTERNS (just before the catch-all). */
const SCANNERS: readonly { keywords: readonly string[]; scan: (text: string) => Candidate[] }[] = [
  { keywords: ['kind'], scan: kubernetesSecretValues },
  { keywords: [...PROGRAM_NAMES, 'pass', 'token', 'key', 'secret', 'bearer'], scan: commandLineSecrets },
];
const SCANNER_RANK = SECRET_PATTERNS.findIndex((p) => p.id === 'adafruit-api-key') - 0.5;

// ---------------------------------------------------------------------------
// The keyword pre-filter
// ---------------------------------------------------------------------------

const ALL_KEYWORDS = [...new Set([...SECRET_PATTERNS.flatMap((p) => p.keywords), ...SCANNERS.flatMap((s) => s.keywords)].map((k) => k.toLowerCase()))];
const KEYWORD_PATTERN = new RegExp(
  [...ALL_KEYWORDS]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'gi',
);
/** For each keyword, the shorter keywords inside it: finding `sk-ant-` means `sk` is there too. */
const INNER_KEYWORDS = new Map(ALL_KEYWORDS.map((k) => [k, ALL_KEYWORDS.filter((other) => other !== k && k.includes(other))]));

/** The keywords that occur in the text, in one pass. */
function keywordsIn(text: string): Set<string> {
  const present = new Set<string>();
  KEYWORD_PATTERN.lastIndex = 0;
  for (let match = KEYWORD_PATTERN.exec(text); match; match = KEYWORD_PATTERN.exec(text)) {
    const keyword = match[0].toLowerCase();
    if (!present.has(keyword)) {
      present.add(keyword);
      for (const inner of INNER_KEYWORDS.get(keyword) ?? []) present.add(inner);
      if (present.size >= ALL_KEYWORDS.length) break;
      // The first time, one step on rather than past the match, so `ab` cannot hide an overlapping `bc`.
      KEYWORD_PATTERN.lastIndex = match.index + 1;
    }
    // Repeats of a known keyword skip themselves (the regular expression does that): a text dense with one
    // keyword costs one pass, not one restart per character.
  }
  return present;
}

// ---------------------------------------------------------------------------
// Finding and masking
// ---------------------------------------------------------------------------

function candidatesOf(secret: SecretPattern, text: string): Candidate[] {
  const found: Candidate[] = [];
  const pattern = secret.pattern;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    let group = secret.group;
    while (group < match.length - 1 && match[group] === undefined) group++;
    const value = match[group];
    const span = match.indices?.[group];
    if (!value || !span) continue;
    const at: Found = { text, match, start: span[0], end: span[1] };
    if (secret.id !== 'private-key' && isPlaceholder(value)) continue;
    if (secret.minEntropy !== undefined && entropy(value.slice(secret.keepPrefix)) < secret.minEntropy) continue;
    let kind: { id: string; label: string } = secret;
    if (secret.accept) {
      const verdict = secret.accept(value, at);
      if (verdict === false) continue;
      if (verdict !== true) kind = verdict;
    }
    if (secret.extend) {
      const end = secret.extend(text, at);
      if (end === undefined) continue;
      at.end = end;
    }
    found.push({ id: kind.id, label: kind.label, start: at.start, end: at.end, keepPrefix: secret.keepPrefix });
  }
  return found;
}

/** Whether [start, end) overlaps an interval of `taken` (sorted by start, disjoint). */
function overlaps(taken: readonly Candidate[], start: number, end: number): boolean {
  let low = 0;
  let high = taken.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (taken[middle]!.end <= start) low = middle + 1;
    else high = middle;
  }
  return low < taken.length && taken[low]!.start < end;
}

/** Find every credential in a text. Where two detectors claim the same characters, the earlier, more specific one wins. */
export function findSecrets(text: string): SecretMatch[] {
  const present = keywordsIn(text);
  const wanted = (keywords: readonly string[]) => keywords.some((k) => present.has(k));
  const ranked: { rank: number; candidates: Candidate[] }[] = [];
  SECRET_PATTERNS.forEach((secret, rank) => {
    if (wanted(secret.keywords)) ranked.push({ rank, candidates: candidatesOf(secret, text) });
  });
  SCANNERS.forEach((scanner, i) => {
    if (wanted(scanner.keywords)) ranked.push({ rank: SCANNER_RANK + i / 10, candidates: scanner.scan(text) });
  });
  ranked.sort((a, b) => a.rank - b.rank);
  let taken: Candidate[] = [];
  for (const { candidates } of ranked) {
    if (candidates.length === 0) continue;
    const accepted = candidates.sort((a, b) => a.start - b.start).filter((c, i, all) => c.end > c.start && !overlaps(taken, c.start, c.end) && (i === 0 || all[i - 1]!.end <= c.start));
    if (accepted.length === 0) continue;
    if (taken.length === 0) {
      taken = accepted;
      continue;
    }
    // Merge two sorted, disjoint lists.
    const merged: Candidate[] = [];
    let a = 0;
    let b = 0;
    while (a < taken.length || b < accepted.length) {
      if (b >= accepted.length || (a < taken.length && taken[a]!.start < accepted[b]!.start)) merged.push(taken[a++]!);
      else merged.push(accepted[b++]!);
    }
    taken = merged;
  }
  return taken.map((c) => {
    const value = text.slice(c.start, c.end);
    return { id: c.id, label: c.label, start: c.start, end: c.end, masked: maskValue(value, Math.min(c.keepPrefix, value.length)) };
  });
}

/** Keep a key prefix, mask the rest, one mask character per character (line breaks and the indentation after them kept). */
export function maskValue(value: string, keepPrefix: number): string {
  const rest = value.slice(keepPrefix);
  if (!rest.includes('\n')) return value.slice(0, keepPrefix) + MASK.repeat(rest.length);
  return value.slice(0, keepPrefix) + rest.replace(/(\r?\n[ \t]*)|[^\r\n]/g, (_, lineBreak: string | undefined) => lineBreak ?? MASK);
}

/** The text with every secret masked in place, and the matches. Positions are unchanged. */
export function maskSecrets(text: string): { text: string; secrets: SecretMatch[] } {
  const secrets = findSecrets(text);
  if (secrets.length === 0) return { text, secrets };
  let masked = '';
  let from = 0;
  for (const secret of secrets) {
    masked += text.slice(from, secret.start) + secret.masked;
    from = secret.end;
  }
  return { text: masked + text.slice(from), secrets };
}
