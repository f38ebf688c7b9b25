/**
 * Pathological inputs (BAD-INPUTS E4, M4, F11, F12, C3): each parsed in its own
 * process so peak memory is its own. Prints wall time, peak RSS and what the
 * parser said. Bounded means: a diagnostic, not a hang or a crash.
 */
import { spawnSync } from 'node:child_process';

const cases: Record<string, string> = {
  '10 MB single line': `'x'.repeat(10 * 1024 * 1024)`,
  '50 MB file': `Array.from({ length: 500_000 }, (_, i) => 'line ' + i + ' ' + 'y'.repeat(90)).join('\\n')`,
  '10,000 nested lists': `Array.from({ length: 10_000 }, (_, i) => ' '.repeat(i * 2) + '- x').join('\\n')`,
  '10,000 nested quotes': `'>'.repeat(10_000) + ' x'`,
  '100,000 list items (1.1 MB)': `Array.from({ length: 100_000 }, (_, i) => '- item ' + i).join('\\n')`,
  '35,000 list items (450 KB, worst under the cap)': `Array.from({ length: 35_000 }, (_, i) => '- item ' + i + ' x').join('\\n')`,
  '*a x 40,000 (80 KB)': `'*a'.repeat(40_000)`,
  '*a x 2,400 per paragraph x 100': `Array.from({ length: 100 }, () => '*a'.repeat(2_400)).join('\\n\\n')`,
  '[ x 50,000': `'['.repeat(50_000)`,
  'alias bomb in frontmatter': `null`,
  '5 MB frontmatter': `null`,
};

const frontmatter: Record<string, string> = {
  'alias bomb in frontmatter': `['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...Array.from({ length: 8 }, (_, k) => String.fromCharCode(98 + k) + ': &' + String.fromCharCode(98 + k) + ' [' + Array(9).fill('*' + String.fromCharCode(97 + k)).join(',') + ']')].join('\\n')`,
  '5 MB frontmatter': `'note: "' + 'x'.repeat(5 * 1024 * 1024) + '"'`,
};

console.log('case'.padEnd(48), 'wall ms'.padStart(9), 'peak MB'.padStart(9), '  result');
for (const [name, body] of Object.entries(cases)) {
  const extra = frontmatter[name] ?? `''`;
  const script = `
    import { parsePlaybook } from ${JSON.stringify(new URL('../src/core/parse.ts', import.meta.url).href)};
    const body = ${body} ?? '';
    const extra = ${extra};
    const text = '---\\ntitle: t\\nsummary: s\\nowner: o\\n' + extra + '\\n---\\n' + body;
    const start = performance.now();
    const playbook = parsePlaybook('content/bench.md', text, { path: 'bench.md' });
    const ms = performance.now() - start;
    console.log(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS / 1024, diagnostics: playbook.findings.map((d) => d.ruleId + ' ' + d.line + ':' + d.column) }));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '--stack-size=4000', '-e', script], { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 24 });
  if (result.error || result.status !== 0) {
    console.log(name.padEnd(48), 'FAILED'.padStart(9), ''.padStart(9), ' ', (result.error?.message ?? result.stderr.split('\n').find((line) => /Error/.test(line)) ?? `exit ${result.status}`).slice(0, 100));
    continue;
  }
  const report = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { ms: number; rss: number; diagnostics: string[] };
  console.log(name.padEnd(48), report.ms.toFixed(0).padStart(9), report.rss.toFixed(0).padStart(9), ' ', report.diagnostics.join(', ') || 'parsed');
}

// SVG attachments (src/core/svg.ts): the sanitiser on large and hostile drawings, in this process.
// (Moved here from timed tests: the tests assert what it does, this measures how long it takes.)
const { sanitizeSvg } = await import('../src/core/svg.ts');
const SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 200">';
const svgCases: Record<string, string> = {
  '500 KB drawing (paths)': `${SVG_OPEN}${Array.from({ length: 6_000 }, (_, i) => `<path\nd="M${i} 0 L${i % 97} ${i % 53} C10 20 30 40 50 60 Z" fill="#${(i * 2654435761 % 0xffffff).toString(16).padStart(6, '0')}" stroke="none"/>`).join('\n')}</svg>`,
  '8,000 elements, 25,000 attributes': `${SVG_OPEN}${Array.from({ length: 2_700 }, (_, i) => `<g id="g${i}" transform="translate(${i % 40} ${i % 17})"><rect id="r${i}" x="1" y="2" width="3" height="4" fill="red"/><circle id="c${i}" cx="5" cy="6" r="7" stroke="blue"/></g>`).join('\n')}</svg>`,
  '10,000 nested <g>': `${SVG_OPEN}${'<g>'.repeat(9_999)}${'</g>'.repeat(9_999)}</svg>`,
};
console.log('\nsvg case'.padEnd(49), 'KB'.padStart(9), 'wall ms'.padStart(9), '  result');
for (const [name, text] of Object.entries(svgCases)) {
  const start = performance.now();
  const result = sanitizeSvg(text);
  const ms = performance.now() - start;
  console.log(name.padEnd(48), (text.length / 1024).toFixed(0).padStart(9), ms.toFixed(0).padStart(9), ' ', result.ok ? `kept, ${result.removed.length} removed` : result.reason);
}
