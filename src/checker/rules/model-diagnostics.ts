/**
 * Rules whose findings the model computes while parsing (schema, encoding, …)
 * or while building the corpus (slug clashes, unknown playbooks, cycles).
 * The rule files only say which; the checking lives in src/core.
 */
import type { Corpus } from '../../core/corpus.ts';
import type { Diagnostic, Severity } from '../../core/diagnostic.ts';
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
      for (const diagnostic of corpusDiagnosticsOf(corpus, playbook.file)) {
        if (diagnostic.ruleId === id) report(toFinding(diagnostic));
      }
    },
  };
}

/** The corpus's diagnostics grouped by file, built once per corpus: every rule of every playbook asks. */
const byFileOfCorpus = new WeakMap<Corpus, Map<string, Diagnostic[]>>();

function corpusDiagnosticsOf(corpus: Corpus, file: string): readonly Diagnostic[] {
  let byFile = byFileOfCorpus.get(corpus);
  if (!byFile) {
    byFile = new Map();
    for (const diagnostic of corpus.diagnostics) byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
    byFileOfCorpus.set(corpus, byFile);
  }
  return byFile.get(file) ?? [];
}

function toFinding(diagnostic: { line: number; column: number; endLine?: number; endColumn?: number; message: string; fix?: string; data?: Record<string, unknown> }) {
  const place = { start: { line: diagnostic.line, column: diagnostic.column }, ...(diagnostic.endLine !== undefined ? { end: { line: diagnostic.endLine, column: diagnostic.endColumn ?? 1 } } : {}) };
  return { place, message: diagnostic.message, ...(diagnostic.fix ? { fix: diagnostic.fix } : {}), ...(diagnostic.data ? { data: diagnostic.data } : {}) };
}
