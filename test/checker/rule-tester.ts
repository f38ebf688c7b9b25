/**
 * One rule at a time, after ESLint's RuleTester: a table of valid cases (the
 * rule reports nothing) and invalid cases, each of which must declare every
 * finding the rule reports on it (position, and message or data when given).
 * Cases run through the one pipeline (`checkCorpus`) with only this rule on.
 */
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../../src/checker/check.ts';
import type { Diagnostic, Severity } from '../../src/checker/diagnostic.ts';
import type { AnyRule } from '../../src/checker/rule.ts';
import type { ConfigFile } from '../../src/settings/schema.ts';
import { NOW, settingsOf } from './helpers.ts';

export interface RuleCase {
  /** Shown in the test name (default: the first line that differs from a plain playbook). */
  name?: string;
  /** The playbook under test. */
  code: string;
  /** Its path under the content folder (default `a.md`). */
  path?: string;
  /** Other playbooks of the corpus, by path. */
  others?: Record<string, string>;
  config?: ConfigFile;
  now?: Date;
}

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message?: string | RegExp;
  fix?: string | RegExp;
  data?: Record<string, unknown>;
  /** The severity the case's config gives the rule (default: the rule's default). */
  severity?: Severity;
}

export interface InvalidRuleCase extends RuleCase {
  /** Every finding of the rule on the playbook under test, in order: none may be left out. */
  findings: ExpectedFinding[];
}

/** Run the rule on a case: its findings on the playbook under test. */
export async function findingsOf(rule: AnyRule, testCase: RuleCase): Promise<Diagnostic[]> {
  const path = testCase.path ?? 'a.md';
  const memory = [[path, testCase.code] as const, ...Object.entries(testCase.others ?? {})].map(([p, text]) => ({ file: `content/${p}`, path: p, text }));
  const run = await checkCorpus(settingsOf(testCase.config), { memory, rules: [rule], now: testCase.now ?? NOW, workers: 0 });
  return run.diagnostics.filter((d) => d.ruleId === rule.id && d.file === `content/${path}`);
}

function caseName(kind: string, index: number, testCase: RuleCase): string {
  return `${kind} ${index + 1}${testCase.name ? `: ${testCase.name}` : ''}`;
}

function matches(actual: string | undefined, expected: string | RegExp | undefined): boolean {
  if (expected === undefined) return true;
  if (actual === undefined) return false;
  return typeof expected === 'string' ? actual === expected : expected.test(actual);
}

export function testRule(rule: AnyRule, cases: { valid: readonly (string | RuleCase)[]; invalid: readonly InvalidRuleCase[] }): void {
  describe(rule.id, () => {
    cases.valid.forEach((entry, index) => {
      const testCase = typeof entry === 'string' ? { code: entry } : entry;
      it(caseName('valid', index, testCase), async () => {
        const found = await findingsOf(rule, testCase);
        expect(found.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([]);
      });
    });
    cases.invalid.forEach((testCase, index) => {
      it(caseName('invalid', index, testCase), async () => {
        if (testCase.findings.length === 0) throw new Error('an invalid case must declare at least one finding');
        const found = await findingsOf(rule, testCase);
        const shown = JSON.stringify(found.map((d) => ({ line: d.line, column: d.column, message: d.message, data: d.data })), null, 2);
        expect(found.length, `expected ${testCase.findings.length} finding(s), got:\n${shown}`).toBe(testCase.findings.length);
        testCase.findings.forEach((expected, at) => {
          const actual = found[at]!;
          expect([actual.line, actual.column], shown).toEqual([expected.line, expected.column]);
          if (expected.endLine !== undefined) expect([actual.endLine, actual.endColumn], shown).toEqual([expected.endLine, expected.endColumn]);
          expect(matches(actual.message, expected.message), `message ${JSON.stringify(actual.message)} does not match ${String(expected.message)}`).toBe(true);
          expect(matches(actual.fix, expected.fix), `fix ${JSON.stringify(actual.fix)} does not match ${String(expected.fix)}`).toBe(true);
          if (expected.data) expect(actual.data).toMatchObject(expected.data);
          if (expected.severity) expect(actual.severity, shown).toBe(expected.severity);
        });
      });
    });
  });
}
