import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { REPORTERS, type CheckResult } from '../../../src/checker/reporters/index.ts';
import { escapeData, escapeProperty } from '../../../src/checker/reporters/github.ts';
import { RULES } from '../../../src/checker/rules/index.ts';
import type { Diagnostic } from '../../../src/checker/diagnostic.ts';

const diagnostics: Diagnostic[] = [
  { file: 'content/team/a b.md', line: 3, column: 5, endLine: 3, endColumn: 9, ruleId: 'unknown-playbook', severity: 'error', message: 'prerequisite `x` is not a playbook', fix: 'correct the slug', url: 'https://example.com/rules/unknown-playbook/' },
  { file: 'content/team/a b.md', line: 10, column: 1, ruleId: 'vague-step', severity: 'warning', message: 'step 1 says `as usual`: 100% vague,\nreally', data: { phrase: 'as usual' } },
  { file: 'content/team/c.md', line: 4, column: 1, ruleId: 'single-point-of-failure', severity: 'info', message: 'only `alex` <has> "done" it & more' },
];

const result: CheckResult = {
  diagnostics,
  files: ['content/team/a b.md', 'content/team/c.md', 'content/team/d.md'],
  rules: RULES,
  elapsedMs: 1234,
  toolVersion: '0.1.0',
  ruleUrl: (id) => `https://example.com/rules/${id}/`,
};

describe('reporters', () => {
  it('json: the integration contract', () => {
    const parsed = JSON.parse(REPORTERS['json']!(result, { color: false })) as Record<string, unknown>[];
    expect(parsed[0]).toEqual({ file: 'content/team/a b.md', line: 3, column: 5, endLine: 3, endColumn: 9, ruleId: 'unknown-playbook', severity: 'error', message: 'prerequisite `x` is not a playbook', url: 'https://example.com/rules/unknown-playbook/', data: { fix: 'correct the slug' } });
    expect(parsed[1]).toMatchObject({ data: { phrase: 'as usual' } });
    expect(parsed).toHaveLength(3);
  });

  it('stylish: grouped by file, line:col severity message rule-id, a summary with counts and time, no colour off a TTY', () => {
    const text = REPORTERS['stylish']!(result, { color: false });
    expect(text).toContain('content/team/a b.md\n  3:5   error    prerequisite `x` is not a playbook  unknown-playbook\n');
    expect(text).toContain('→ correct the slug');
    expect(text).toContain('✖ 3 problems (1 error, 1 warning, 1 info) in 3 playbooks (1.23s)');
    expect(text).not.toContain('\u001b[');
    expect(REPORTERS['stylish']!(result, { color: true })).toContain('\u001b[');
  });

  it('github: workflow commands, escaped', () => {
    const lines = REPORTERS['github']!(result, { color: false }).trimEnd().split('\n');
    expect(lines[0]).toBe('::error file=content/team/a b.md,line=3,col=5,endLine=3,endColumn=9,title=unknown-playbook::prerequisite `x` is not a playbook (fix: correct the slug)');
    expect(lines[1]).toBe('::warning file=content/team/a b.md,line=10,col=1,title=vague-step::step 1 says `as usual`: 100%25 vague,%0Areally');
    expect(lines[2]).toMatch(/^::notice /);
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    expect(escapeData('x\r\ny')).toBe('x%0D%0Ay');
  });

  it('junit: one testcase per playbook, failures for errors and warnings, XML escaped', () => {
    const xml = REPORTERS['junit']!(result, { color: false });
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toContain('tests="3" failures="1"');
    expect(xml).toContain('<testcase classname="playbook" name="content/team/c.md" time="0"/>');
    expect(xml).toContain('<failure message="2 problems" type="unknown-playbook">');
    expect(xml).not.toContain('<has>');
  });

  it('sarif: valid SARIF 2.1.0 with every rule in tool.driver.rules', () => {
    const log = JSON.parse(REPORTERS['sarif']!(result, { color: false }));
    const schema = JSON.parse(readFileSync('test/fixtures/sarif/sarif-2.1.0-rtm.5.json', 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const driver = log.runs[0].tool.driver;
    expect(driver.rules.map((rule: { id: string }) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    expect(driver.rules[0].helpUri).toBe(`https://example.com/rules/${RULES[0]!.id}/`);
    const first = log.runs[0].results[0];
    expect(first).toMatchObject({ ruleId: 'unknown-playbook', level: 'error', ruleIndex: RULES.findIndex((rule) => rule.id === 'unknown-playbook') });
    expect(first.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'content/team/a%20b.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 } });
    expect(log.runs[0].results[2].level).toBe('note');
  });
});
