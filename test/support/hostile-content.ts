/**
 * A content folder holding every hostile file of issue 10 (what the build must
 * never publish, and what must not crash it), written at test time so that no
 * credential-shaped text is committed. All secrets are fake.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const FAKE_GITHUB_TOKEN = `ghp_${'A1b2C3d4E5f6G7h8I9j0'.repeat(2).slice(0, 36)}`;
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** Files by path; what a playbook links, and what it must make of it. */
export const HOSTILE_FILES: Record<string, string | Uint8Array> = {
  // Pages and assets of the site an author might try to replace.
  'index.html': '<!doctype html><h1>Not the real home page</h1><script>window.__pwned = "index"</script>',
  '404.html': '<h1>fake 404</h1><script>window.__pwned = "404"</script>',
  'gaps.json': '[{"text":"forged"}]',
  '_astro/theme.js': 'window.__pwned = "bundle";',
  'pagefind/pagefind.js': 'window.__pwned = "search";',
  'evil.html': '<div data-pagefind-filter="owner:<img src=x onerror=alert(1)>">x</div><script>window.__pwned = "html"</script>',
  'ops/evil.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=\'svg\'"><script>window.__pwned = "svg"</script><circle cx="5" cy="5" r="4" fill="red"/></svg>',
  'ops/unlinked.svg': '<svg xmlns="http://www.w3.org/2000/svg"><circle cx="5" cy="5" r="4"/></svg>',
  // Credential files beside playbooks.
  'ops/service-account.json': JSON.stringify({ type: 'service_account', project_id: 'demo', private_key_id: 'abc123', private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n', client_email: 'x@demo.iam.gserviceaccount.com' }),
  'ops/kubeconfig': 'apiVersion: v1\nkind: Config\nusers:\n- name: admin\n  user:\n    token: eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlc2lnbmF0dXJl\n',
  'ops/prod.env': `DATABASE_URL=postgres://app:S3cr3tPassw0rd@db.internal:5432/app\nGITHUB_TOKEN=${FAKE_GITHUB_TOKEN}\n`,
  'ops/terraform.tfstate': '{"version":4,"resources":[{"type":"aws_db_instance","instances":[{"attributes":{"password":"hunter2hunter2"}}]}]}',
  'ops/deploy.md~': '---\ntitle: old\n---\n',
  'ops/id_rsa': '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n',
  // Attachments: a text file with a secret, an HTML file named .png, and ones that are fine.
  'ops/notes.txt': `Runbook notes.\nToken for the deploy bot: ${FAKE_GITHUB_TOKEN}\n`,
  'ops/fake.png': '<html><script>window.__pwned = "png"</script></html>',
  'ops/diagram.png': PNG,
  'ops/figures.csv': 'step,minutes\n1,5\n2,10\n',
  // A file named like a page, beside that page (the EISDIR crash).
  'ops/deploy': 'a file called deploy, beside deploy.md',
  // Playbooks.
  'ops/deploy.md': [
    '---',
    'title: Deploy the service',
    'summary: Ship a release.',
    'owner: alex',
    'shadowing:',
    '  - date: 2026-10-01',
    '    lead: alex',
    '    shadow: priya',
    '    mode: reverse',
    '    gaps:',
    '      - found: "Used $& and $1 and $` in the command; `$&` must not repeat the page"',
    '        status: open',
    '        step: 1',
    '---',
    '',
    'Links to everything: [evil page](../evil.html), [svg](evil.svg), ![svg image](evil.svg), [sa](service-account.json), [kube](kubeconfig), [env](prod.env), [state](terraform.tfstate), [backup](deploy.md~), [key](id_rsa), [notes](notes.txt), ![fake](fake.png), ![diagram](diagram.png), [figures](figures.csv), [deploy file](deploy), [home](../index.html).',
    '',
    '## Steps',
    '',
    '1. Deploy the service.',
    '',
    '## Verify',
    '',
    'The release is live.',
    '',
  ].join('\n'),
  'ops/nested-html.md': `---\ntitle: Nested HTML\nsummary: Two thousand divs.\nowner: alex\n---\n\n${'<div>'.repeat(2000)}deep${'</div>'.repeat(2000)}\n\n## Steps\n\n1. Read it.\n\n## Verify\n\nRead.\n`,
  'gaps.md': '---\ntitle: A playbook called gaps\nsummary: It wants the gaps page.\nowner: alex\n---\n\n## Steps\n\n1. Take over /gaps/.\n\n## Verify\n\nIt did not.\n',
  'people/alex.md': '---\ntitle: A playbook called alex\nsummary: It wants a person page.\nowner: alex\n---\n\n## Steps\n\n1. Take over /people/alex/.\n\n## Verify\n\nIt did not.\n',
};

/** What the build may publish from that folder: exactly these attachments (the SVG sanitised). */
export const PUBLISHED = ['ops/diagram.png', 'ops/evil.svg', 'ops/figures.csv'];

/** Linked files the checker must refuse, each an `unpublished-attachment` error. */
export const REFUSED = ['evil.html', 'index.html', 'ops/deploy', 'ops/deploy.md~', 'ops/fake.png', 'ops/id_rsa', 'ops/kubeconfig', 'ops/notes.txt', 'ops/prod.env', 'ops/service-account.json', 'ops/terraform.tfstate'];

/** Write the hostile folder under `root`; returns the content folder. */
export function writeHostileContent(root: string): string {
  const content = join(root, 'content');
  for (const [path, data] of Object.entries(HOSTILE_FILES)) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), data);
  }
  return content;
}
