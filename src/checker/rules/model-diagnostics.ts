/**
 * Rules whose findings the model computes while parsing (schema, encoding, …)
 * or while building the corpus (slug clashes, unknown playbooks, cycles).
 * The rule files only say which; the checking lives in src/core, and the
 * findings are forwarded as they are (severity and url added by the runner).
 */
import type { Corpus } from '../../core/corpus.ts';
import type { ModelFinding, ModelFindingId } from '../../core/findings.ts';
import type { Severity } from '../diagnostic.ts';
import type { Rule } from '../rule.ts';

/** A rule that reports the parser's findings of its id. */
export function parserRule(id: ModelFindingId, description: string, defaultSeverity: Severity): Rule {
  return {
    id,
    description,
    defaultSeverity,
    needsFrontmatter: false,
    scope: 'file',
    check({ playbook, forward }) {
      for (const finding of playbook.findings) if (finding.ruleId === id) forward(finding);
    },
  };
}

/** A rule that reports the corpus's cross-file findings of its id for this playbook. */
export function corpusRule(id: ModelFindingId, description: string, defaultSeverity: Severity): Rule {
  return {
    id,
    description,
    defaultSeverity,
    needsFrontmatter: false,
    check({ playbook, corpus, forward }) {
      for (const finding of corpusFindingsOf(corpus, playbook.file)) if (finding.ruleId === id) forward(finding);
    },
  };
}

/** The corpus's findings grouped by file, built once per corpus: every rule of every playbook asks. */
const byFileOfCorpus = new WeakMap<Corpus, Map<string, ModelFinding[]>>();

function corpusFindingsOf(corpus: Corpus, file: string): readonly ModelFinding[] {
  let byFile = byFileOfCorpus.get(corpus);
  if (!byFile) {
    byFile = new Map();
    for (const finding of corpus.findings) {
      const list = byFile.get(finding.file);
      if (list) list.push(finding);
      else byFile.set(finding.file, [finding]);
    }
    byFileOfCorpus.set(corpus, byFile);
  }
  return byFile.get(file) ?? [];
}
