/**
 * Rules whose findings the model computes while parsing (schema, encoding, …)
 * or while building the corpus (slug clashes, unknown playbooks, cycles).
 * The rule files only say which; the checking lives in src/core.
 */
import type { Severity } from '../../core/diagnostic.ts';
import type { Rule } from '../rule.ts';

/** A rule that reports the parser's diagnostics with its id. */
export function parserRule(id: string, description: string, defaultSeverity: Severity): Rule {
  return {
    id,
    description,
    defaultSeverity,
    needsFrontmatter: false,
    scope: 'file',
    check({ playbook, report }) {
      for (const diagnostic of playbook.diagnostics) {
        if (diagnostic.ruleId !== id) continue;
        report(toFinding(diagnostic));
      }
    },
  };
}

/** A rule that reports the corpus's cross-file diagnostics for this playbook. */
export function corpusRule(id: string, description: string, defaultSeverity: Severity): Rule {
  return {
    id,
    description,
    defaultSeverity,
    needsFrontmatter: false,
    check({ playbook, corpus, report }) {
      for (const diagnostic of corpus.diagnostics) {
        if (diagnostic.ruleId === id && diagnostic.file === playbook.file) report(toFinding(diagnostic));
      }
    },
  };
}

function toFinding(diagnostic: { line: number; column: number; endLine?: number; endColumn?: number; message: string; fix?: string; data?: Record<string, unknown> }) {
  const place = { start: { line: diagnostic.line, column: diagnostic.column }, ...(diagnostic.endLine !== undefined ? { end: { line: diagnostic.endLine, column: diagnostic.endColumn ?? 1 } } : {}) };
  return { place, message: diagnostic.message, ...(diagnostic.fix ? { fix: diagnostic.fix } : {}), ...(diagnostic.data ? { data: diagnostic.data } : {}) };
}
