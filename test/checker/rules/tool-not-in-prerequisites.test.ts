import { describe, expect, it } from 'vitest';
import { check, hits, onlyHit, playbook } from '../helpers.ts';

const block = (code: string) => `1. Run:\n\n   \`\`\`sh\n   ${code}\n   \`\`\``;

describe('tool-not-in-prerequisites', () => {
  it('flags a program run in a code block that is not a tool prerequisite, once, at the command', () => {
    const d = onlyHit(check({ 'a.md': playbook('', block('kubectl get pods && kubectl delete pod x')) }), 'tool-not-in-prerequisites');
    expect([d.line, d.column]).toEqual([12, 4]);
    expect(d.message).toBe('step 1 runs `kubectl`, which is not among the prerequisites');
    expect(d.fix).toContain('- tool: kubectl');
  });
  it('accepts declared tools (also in longer names), builtins and coreutils, allowedCommands, and tools of required playbooks', () => {
    expect(hits(check({ 'a.md': playbook('prerequisites:\n  - tool: PostgreSQL client (psql)', block('sudo -u postgres psql -c "select 1" | grep 1 | sort')) }), 'tool-not-in-prerequisites')).toEqual([]);
    expect(hits(check({ 'a.md': playbook('', block('jq . x.json')) }, { allowedCommands: ['jq'] }), 'tool-not-in-prerequisites')).toEqual([]);
    const base = playbook('prerequisites:\n  - tool: kubectl');
    expect(hits(check({ 'base.md': base, 'a.md': playbook('prerequisites:\n  - playbook: base', block('kubectl get pods')) }), 'tool-not-in-prerequisites')).toEqual([]);
  });
  it('reads inline code as a command only when it looks like one', () => {
    expect(hits(check({ 'a.md': playbook('', '1. Run `terraform plan -out plan.bin`.') }), 'tool-not-in-prerequisites')).toEqual(['9:8']);
    expect(hits(check({ 'a.md': playbook('', '1. Restart `order-consumer` in `prod eu`.') }), 'tool-not-in-prerequisites')).toEqual([]);
  });
  it('ignores SQL and other non-shell blocks', () => {
    expect(hits(check({ 'a.md': playbook('', '1. Query:\n\n   ```sql\n   select * from invoices;\n   ```') }), 'tool-not-in-prerequisites')).toEqual([]);
  });
  it('finds tools through a chain of required playbooks and inside a prerequisite cycle, and only there', () => {
    const requires = (slug: string, tool = '') => playbook(`prerequisites:\n  - playbook: ${slug}${tool ? `\n  - tool: ${tool}` : ''}`, block('kubectl get pods && helm list'));
    const chain = { 'a.md': requires('b'), 'b.md': requires('c'), 'c.md': playbook('prerequisites:\n  - tool: kubectl') };
    expect(check(chain).filter((d) => d.ruleId === 'tool-not-in-prerequisites').map((d) => `${d.file} ${String(d.data?.['program'])}`)).toEqual(['content/a.md helm', 'content/b.md helm']);
    const cycle = { 'a.md': requires('b', 'kubectl'), 'b.md': requires('c'), 'c.md': requires('b', 'helm') };
    expect(check(cycle).filter((d) => d.ruleId === 'tool-not-in-prerequisites').map((d) => `${d.file} ${String(d.data?.['program'])}`)).toEqual(['content/b.md kubectl', 'content/c.md kubectl']);
  });
});
