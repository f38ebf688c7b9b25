/**
 * Credentials pasted into playbooks. Detection runs on the raw text before
 * anything else, and every secret is masked *in place with the same length*
 * (`•`), so positions stay right and no later stage — the model, the
 * checker's reporters, the site — ever holds the secret.
 *
 * Patterns are the well-known shapes of credentials (the same families as
 * gitleaks and secretlint's recommended preset, plus a lone AWS key id and
 * `password: value` assignments, which that preset misses). We match them
 * with regular expressions rather than running secretlint in-process: it costs
 * about 15 ms a file, 150 s on a 10,000-playbook corpus.
 */

/** One kind of credential. */
export interface SecretPattern {
  id: string;
  /** What it is, for messages ("AWS access key id"). */
  label: string;
  pattern: RegExp;
  /** Index of the capture group holding the secret itself (0 = whole match). */
  group: number;
  /** Leading characters that may stay visible (a key prefix, never secret material). */
  keepPrefix: number;
}

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { id: 'private-key', label: 'private key block', pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/g, group: 0, keepPrefix: 0 },
  { id: 'aws-access-key-id', label: 'AWS access key id', pattern: /\b((?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16})\b/g, group: 1, keepPrefix: 4 },
  { id: 'aws-secret-access-key', label: 'AWS secret access key', pattern: /aws_?secret_?(?:access_?)?key\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi, group: 1, keepPrefix: 0 },
  { id: 'github-token', label: 'GitHub token', pattern: /\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g, group: 1, keepPrefix: 4 },
  { id: 'gitlab-token', label: 'GitLab token', pattern: /\b(glpat-[A-Za-z0-9_-]{20,})\b/g, group: 1, keepPrefix: 6 },
  { id: 'slack-token', label: 'Slack token', pattern: /\b(xox[abposr]-[A-Za-z0-9-]{10,})\b/g, group: 1, keepPrefix: 5 },
  { id: 'slack-webhook', label: 'Slack webhook URL', pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9_/+-]{20,})/g, group: 1, keepPrefix: 0 },
  { id: 'google-api-key', label: 'Google API key', pattern: /\b(AIza[0-9A-Za-z_-]{35})\b/g, group: 1, keepPrefix: 4 },
  { id: 'stripe-key', label: 'Stripe secret key', pattern: /\b((?:sk|rk)_live_[0-9A-Za-z]{16,})\b/g, group: 1, keepPrefix: 8 },
  { id: 'npm-token', label: 'npm token', pattern: /\b(npm_[A-Za-z0-9]{36})\b/g, group: 1, keepPrefix: 4 },
  { id: 'jwt', label: 'JSON Web Token', pattern: /\b(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})/g, group: 1, keepPrefix: 3 },
  { id: 'password-in-url', label: 'password in a URL', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"`<>]+:([^\s@/'"`<>]{3,})@[^\s'"`<>]/gi, group: 1, keepPrefix: 0 },
  {
    id: 'password-assignment',
    label: 'password',
    pattern: /\b[A-Za-z0-9_]*(?:password|passwd|pwd|secret|api_?key|access_?token|auth_?token|token)\b["']?[ \t]*[:=][ \t]*["']?([^\s"'`,;)}\]]{4,})/gi,
    group: 1,
    keepPrefix: 0,
  },
];

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

/** Values that stand in for a secret and are not one. */
export function isPlaceholder(value: string): boolean {
  const bare = value.replace(/^["'`]|["'`]$/g, '');
  if (/^<[^>]*>$/.test(bare) || /^\$\{?[A-Za-z_][\w]*\}?$/.test(bare) || /^\{\{.*\}\}$/.test(bare) || /^%[\w]+%$/.test(bare)) return true;
  if (/[<>{}$]/.test(bare) && /(your|token|password|secret|key|redacted|here)/i.test(bare)) return true;
  // AKIAXXXXXXXXXXXXXXXX, xxxxxx, ******, ......, •••• (masked), 000000
  const body = bare.replace(/^(AKIA|ASIA|ghp_|xox[a-z]-|sk_live_|npm_|glpat-)/i, '');
  if (/^(.)\1{3,}$/i.test(body) || /^[xX*•.\-_0]+$/.test(body)) return true;
  if (/^(example|changeme|placeholder|redacted|secret|password|passw0rd|token|none|null|undefined|true|false|required|optional|string|prompt|env|\*+)$/i.test(bare)) return true;
  if (/EXAMPLE$/.test(bare)) return true; // AWS's documentation keys end in EXAMPLE
  if (/^(your|my|the|a|an)[-_]?[a-z_-]*$/i.test(bare) || /^[a-z]+[-_](here|placeholder)$/i.test(bare)) return true;
  return false;
}

/** Find every credential in a text (overlaps resolved: the first, longest pattern wins). */
export function findSecrets(text: string): SecretMatch[] {
  const matches: SecretMatch[] = [];
  for (const secret of SECRET_PATTERNS) {
    secret.pattern.lastIndex = 0;
    for (let match = secret.pattern.exec(text); match; match = secret.pattern.exec(text)) {
      const value = match[secret.group] ?? match[0];
      if (!value || isPlaceholder(value)) continue;
      if (secret.id === 'password-assignment' && !looksLikeAssignedSecret(value, text, match.index)) continue;
      const start = match.index + match[0].indexOf(value);
      const end = start + value.length;
      if (matches.some((other) => start < other.end && end > other.start)) continue;
      matches.push({ id: secret.id, label: secret.label, start, end, masked: maskValue(value, secret.keepPrefix) });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

/** `password: hunter2` yes; prose such as "the token: see step 3" or "password: ask the admin" no. */
function looksLikeAssignedSecret(value: string, text: string, at: number): boolean {
  // A query parameter of a link (`selfsched?sstoken=…`) is a share link, not a pasted credential.
  if (text[at - 1] === '?' || text[at - 1] === '&') return false;
  if (/^(see|ask|use|from|in|the|a|an|is|was|will|set|stored|kept|via|with|none|n\/a)$/i.test(value)) return false;
  if (/^https?:/i.test(value) || /^[A-Z_]+$/.test(value)) return false; // a URL, or an environment variable name
  if (value.startsWith('$') || value.startsWith('%') || value.startsWith('<')) return false; // an expansion: `$(oc …)`, `$TOKEN`
  if (/(password|passwd|secret|token|example|dummy|fake|sample|placeholder|redacted)/i.test(value)) return false; // `wrong-password`, `my-secret-here`
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const line = text.slice(lineStart, text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at));
  // A key name in prose ("reset the password: it expires") rather than an assignment.
  if (/\b(password|token|secret)\b\s*:\s+[a-z]+\s+[a-z]+\s+[a-z]+/i.test(line) && !/[0-9!@#%^&*]/.test(value)) return false;
  return true;
}

/** Keep a key prefix, mask the rest, one mask character per character (newlines kept). */
export function maskValue(value: string, keepPrefix: number): string {
  return value.slice(0, keepPrefix) + value.slice(keepPrefix).replace(/[^\n]/g, MASK);
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
