/** tool-not-in-prerequisites: a program a step runs that no `tool:` prerequisite (own or of a required playbook) declares. */
import { toolNotInPrerequisites } from '../../../src/checker/rules/tool-not-in-prerequisites.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

/** Step 1 runs `code` in a shell block (the code on the 4th line of the steps, at column 4). */
const block = (code: string) => `1. Run:\n\n   \`\`\`sh\n   ${code}\n   \`\`\``;
const runs = (program: string, step = '1') => `step ${step} runs \`${program}\`, which is not among the prerequisites`;
/** A playbook requiring `slug` (and declaring `tool`) whose step runs kubectl and helm. */
const requires = (slug: string, tool = '') => playbook(`prerequisites:\n  - playbook: ${slug}${tool ? `\n  - tool: ${tool}` : ''}`, block('kubectl get pods && helm list'));
const chain = { 'a.md': requires('b'), 'b.md': requires('c'), 'c.md': playbook('prerequisites:\n  - tool: kubectl') };
const cycle = { 'a.md': requires('b', 'kubectl'), 'b.md': requires('c'), 'c.md': requires('b', 'helm') };
/** A case on one file of a corpus. */
const on = (corpus: Record<string, string>, path: string) => ({ path, code: corpus[path]!, others: Object.fromEntries(Object.entries(corpus).filter(([p]) => p !== path)) });

testRule(toolNotInPrerequisites, {
  valid: [
    { name: 'a declared tool, named inside a longer name; sudo, builtins and coreutils', code: playbook('prerequisites:\n  - tool: PostgreSQL client (psql)', block('sudo -u postgres psql -c "select 1" | grep 1 | sort')) },
    { name: 'a program in allowedCommands', code: playbook('', block('jq . x.json')), config: { allowedCommands: ['jq'] } },
    { name: 'a tool of a required playbook', code: playbook('prerequisites:\n  - playbook: base', block('kubectl get pods')), others: { 'base.md': playbook('prerequisites:\n  - tool: kubectl') } },
    { name: 'inline code that is a name, not a command', code: playbook('', '1. Restart `order-consumer` in `prod eu`.') },
    { name: 'SQL and other non-shell blocks', code: playbook('', '1. Query:\n\n   ```sql\n   select * from invoices;\n   ```') },
    { name: 'the end of a chain, which declares the tool itself', ...on(chain, 'c.md') },
    { name: 'inside a cycle: its own tool, and the other from the cycle', ...on(cycle, 'a.md') },
  ],
  invalid: [
    {
      name: 'a program run in a code block, once, at the command',
      code: playbook('', block('kubectl get pods && kubectl delete pod x')),
      findings: [{ line: 12, column: 4, severity: 'warning', message: runs('kubectl'), fix: /- tool: kubectl/, data: { program: 'kubectl' } }],
    },
    { name: 'inline code that reads as a command', code: playbook('', '1. Run `terraform plan -out plan.bin`.'), findings: [{ line: 9, column: 8, message: runs('terraform'), data: { program: 'terraform', command: 'terraform plan -out plan.bin' } }] },
    {
      name: 'each undeclared program once, in the step that first runs it',
      code: playbook('prerequisites:\n  - tool: kubectl', `${block('kubectl get pods && helm list')}\n2. Run \`helm rollback orders 3\` and \`terraform plan -out x\`.`),
      findings: [
        { line: 14, column: 24, message: runs('helm'), data: { program: 'helm' } },
        { line: 16, column: 37, message: runs('terraform', '2'), data: { program: 'terraform' } },
      ],
    },
    { name: 'a chain of required playbooks gives kubectl, not helm: the start', ...on(chain, 'a.md'), findings: [{ line: 14, column: 24, data: { program: 'helm' } }] },
    { name: 'a chain of required playbooks gives kubectl, not helm: the middle', ...on(chain, 'b.md'), findings: [{ line: 14, column: 24, data: { program: 'helm' } }] },
    { name: 'inside a cycle, only what the cycle declares (not what requires it)', ...on(cycle, 'b.md'), findings: [{ line: 14, column: 4, data: { program: 'kubectl' } }] },
    { name: 'inside a cycle: the other member', ...on(cycle, 'c.md'), findings: [{ line: 15, column: 4, data: { program: 'kubectl' } }] },
  ],
});
