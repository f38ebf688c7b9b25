// A copy button on every code block, added by this script (the site's own origin; no inline script):
// the clipboard API, a fallback for browsers or contexts without it, and feedback ("Copied") that
// screen readers hear too. The block's language, when it names one, labels the frame.
import { announce, copyText } from './clipboard.ts';

const LABELS: Record<string, string> = { sh: 'Shell', bash: 'Shell', shell: 'Shell', zsh: 'Shell', console: 'Terminal', 'shell-session': 'Terminal', shellsession: 'Terminal', yaml: 'YAML', yml: 'YAML', json: 'JSON', sql: 'SQL', ini: 'INI', toml: 'TOML', python: 'Python', py: 'Python', js: 'JavaScript', javascript: 'JavaScript', ts: 'TypeScript', typescript: 'TypeScript', hcl: 'HCL', terraform: 'Terraform', dockerfile: 'Dockerfile', powershell: 'PowerShell', go: 'Go', diff: 'Diff', markdown: 'Markdown', md: 'Markdown', promql: 'PromQL', text: 'Text', txt: 'Text', plaintext: 'Text', log: 'Log', nginx: 'nginx' };

for (const pre of document.querySelectorAll<HTMLPreElement>('main pre')) {
  if (pre.parentElement?.classList.contains('code-frame')) continue;
  const frame = document.createElement('div');
  frame.className = 'code-frame';
  const bar = document.createElement('div');
  bar.className = 'code-bar';
  const language = pre.dataset['language'];
  const label = document.createElement('span');
  label.className = 'code-language';
  label.textContent = language ? (LABELS[language.toLowerCase()] ?? language) : 'Code';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-button';
  button.textContent = 'Copy';
  let reset: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('click', async () => {
    const text = (pre.querySelector('code') ?? pre).textContent ?? '';
    const ok = await copyText(text.replace(/\n$/, ''));
    button.textContent = ok ? 'Copied' : 'Copy failed';
    button.classList.toggle('copied', ok);
    announce(ok ? 'Copied to the clipboard' : 'Could not copy: select the text and copy it');
    clearTimeout(reset);
    reset = setTimeout(() => {
      button.textContent = 'Copy';
      button.classList.remove('copied');
    }, 2000);
  });
  bar.append(label, button);
  pre.before(frame);
  frame.append(bar, pre);
}
