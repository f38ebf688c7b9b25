/**
 * Credential files beside playbooks. The site publishes the content folder's
 * other files byte for byte (images, attachments), so a `.env`, a
 * service-account key, a kubeconfig or an editor's backup copy left there is
 * published too. This module says whether a file looks like one, by its name
 * and by its content, and why, for the message; it reads nothing itself.
 */
import { findSecrets, isPlaceholder } from './secrets.ts';

/** Content beyond this many bytes is not read: a credential file is small, and the scan stays bounded. */
export const CREDENTIAL_SCAN_BYTES = 1024 * 1024;

interface NameRule {
  test: (name: string, path: string, bytes: Uint8Array) => boolean;
  reason: (name: string) => string;
}

/** A zip package (an Apple Keynote `.key` document is one): not a key. */
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Certificates only, no private key: public by design (a CA bundle readers are told to install). */
function onlyCertificates(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, CREDENTIAL_SCAN_BYTES));
  return /-----BEGIN CERTIFICATE-----/.test(text) && !/PRIVATE KEY|-----BEGIN (?!CERTIFICATE)/.test(text);
}

const lower = (name: string) => name.toLowerCase();
const hasExtension = (...extensions: string[]) => (name: string) => extensions.some((extension) => lower(name).endsWith(extension));

/** `.env.example` and friends are templates meant to be shared: judged by their content only. */
const ENV_TEMPLATE = /^\.env\.(?:example|sample|template|dist|defaults|schema)$/i;

const NAME_RULES: readonly NameRule[] = [
  { test: (name) => /^\.env(?:\..+)?$/i.test(name) && !ENV_TEMPLATE.test(name), reason: (name) => `\`${name}\` is a dotenv file: it holds environment secrets` },
  { test: (name) => /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/.test(name), reason: (name) => `\`${name}\` is the usual name of an SSH private key` },
  { test: (name, _, bytes) => hasExtension('.pem', '.key', '.ppk')(name) && !isZip(bytes) && !onlyCertificates(bytes), reason: (name) => `\`${name}\` is named like a private key file` },
  { test: hasExtension('.p12', '.pfx', '.jks', '.keystore', '.jceks', '.bks'), reason: (name) => `\`${name}\` is named like a key store (PKCS #12 or Java), which bundles private keys` },
  { test: hasExtension('.kdbx', '.kdb', '.keytab'), reason: (name) => `\`${name}\` is named like a password database or a Kerberos keytab` },
  { test: (name) => /^secring\.|\.gpg$/i.test(name) && /secring|private|secret/i.test(name), reason: (name) => `\`${name}\` is named like a GnuPG secret keyring` },
  { test: hasExtension('.tfstate', '.tfstate.backup'), reason: (name) => `\`${name}\` is Terraform state, which records every resource's attributes, passwords and keys included` },
  { test: (name, path) => /^kubeconfig$|\.kubeconfig$/i.test(name) || /(?:^|\/)\.kube\/config$/.test(path), reason: (name) => `\`${name}\` is named like a kubeconfig, which holds cluster credentials` },
  {
    test: (name, path) => /^(?:\.npmrc|\.yarnrc\.yml|\.pypirc|\.netrc|_netrc|\.git-credentials|\.dockercfg|\.pgpass|\.my\.cnf|\.htpasswd|\.s3cfg|\.boto|\.gem-credentials)$/i.test(name) || /(?:^|\/)\.docker\/config\.json$|(?:^|\/)\.gem\/credentials$|(?:^|\/)\.cargo\/credentials(?:\.toml)?$/.test(path),
    reason: (name) => `\`${name}\` is a client configuration file that holds passwords or registry tokens`,
  },
  { test: (name) => /^credentials(?:\.(?:json|csv|ya?ml|toml|xml))?$/i.test(name) || /(?:^|_)accessKeys\.csv$/i.test(name) || /^client_secret.*\.json$/i.test(name), reason: (name) => `\`${name}\` is named like a credentials file (cloud CLI, OAuth client or access-key download)` },
  { test: (name) => /^secrets?\.(?:ya?ml|json|toml|env|ini|properties)$/i.test(name), reason: (name) => `\`${name}\` is named like a secrets file` },
  {
    test: (name) => /~$/.test(name) || /^\.#|^#.*#$/.test(name) || hasExtension('.bak', '.backup', '.old', '.orig', '.swp', '.swo', '.swn')(name),
    reason: (name) => `\`${name}\` is an editor backup or swap file: it keeps an earlier text, and any secret since removed, as it was`,
  },
];

/** Bytes that begin binary key stores. */
const MAGIC: readonly { bytes: readonly number[]; reason: string }[] = [
  { bytes: [0xfe, 0xed, 0xfe, 0xed], reason: 'a Java key store (by its first bytes), which bundles private keys' },
  { bytes: [0xce, 0xce, 0xce, 0xce], reason: 'a Java JCEKS key store (by its first bytes), which bundles private keys' },
  { bytes: [0x03, 0xd9, 0xa2, 0x9a], reason: 'a KeePass password database (by its first bytes)' },
];

const startsWithBytes = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, i) => bytes[i] === byte);

/** Text, or undefined for a binary file (a NUL byte, or not UTF-8). */
function textOf(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, CREDENTIAL_SCAN_BYTES);
  if (head.subarray(0, 8192).includes(0)) return undefined;
  try {
    // A cut at the scan limit may split a character; only then is a replacement allowed at the very end.
    return new TextDecoder('utf-8', { fatal: head.length === bytes.length }).decode(head);
  } catch {
    return undefined;
  }
}

const SECRET_NAME = /(?:pass(?:word|wd|phrase)?|pwd|secret|token|api_?key|private_?key|access_?key|credential|auth)/i;

/** Most lines are `NAME=value` (a dotenv file, whatever its name) and one of them sets a secret. */
function dotenvSecret(text: string): string | undefined {
  const lines = text.split(/\r?\n/, 2000).filter((line) => line.trim() !== '' && !/^\s*[#;]/.test(line));
  if (lines.length === 0) return undefined;
  const assignments = lines.map((line) => /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/.exec(line)).filter((match) => match !== null);
  if (assignments.length < Math.max(1, Math.ceil(lines.length * 0.6))) return undefined;
  for (const [, name, rawValue] of assignments) {
    const value = rawValue!.replace(/\s+#.*$/, '').replace(/^(["'])(.*)\1$/, '$2').trim();
    if (SECRET_NAME.test(name!) && value.length >= 4 && !isPlaceholder(value) && !/^\$|^[A-Z][A-Z0-9_]*$/.test(value)) return name;
  }
  return undefined;
}

/** Why the file's content looks like credentials, or undefined. */
function contentReason(text: string): string | undefined {
  if (/"type"\s*:\s*"service_account"/.test(text) && /"private_key"\s*:/.test(text)) return 'it is a Google service-account key (JSON with `private_key`)';
  if (/^\s*"?terraform_version"?\s*:/m.test(text) && /"(?:resources|lineage)"\s*:/.test(text)) return 'it is Terraform state, which records every resource\'s attributes, passwords and keys included';
  if (/^kind:\s*["']?Config["']?\s*$/m.test(text) && /^\s*(?:client-key-data|token|password|auth-provider):/m.test(text)) return 'it is a kubeconfig with user credentials';
  const variable = dotenvSecret(text);
  if (variable) return `it is a dotenv-style file that sets \`${variable}\``;
  const secret = findSecrets(text)[0];
  if (secret) {
    const line = text.slice(0, secret.start).split('\n').length;
    return `it holds a ${secret.label} (line ${line})`;
  }
  return undefined;
}

/**
 * Whether a file beside the playbooks looks like a credential file, and why:
 * a sentence for the message, or undefined when it does not. `pathInContent`
 * is relative to the content folder, with `/`; `bytes` is the file's content
 * (only the first 1 MB is read).
 */
export function credentialFileReason(pathInContent: string, bytes: Uint8Array): string | undefined {
  const name = pathInContent.split('/').at(-1) ?? pathInContent;
  for (const rule of NAME_RULES) if (rule.test(name, pathInContent, bytes)) return rule.reason(name);
  for (const magic of MAGIC) if (startsWithBytes(bytes, magic.bytes)) return `\`${name}\` is ${magic.reason}`;
  const text = textOf(bytes);
  if (text === undefined) return undefined;
  const why = contentReason(text);
  return why ? `\`${name}\` looks like a credential file: ${why}` : undefined;
}
