import type { Diagnostic } from '../diagnostic.ts';
import type { AnyRule } from '../rule.ts';

/** Everything a reporter needs: a pure function of this. */
export interface CheckResult {
  diagnostics: Diagnostic[];
  /** Files that were checked (with `/`, relative to the working directory). */
  files: string[];
  rules: readonly AnyRule[];
  /** Milliseconds the check took. */
  elapsedMs: number;
  toolVersion: string;
  /** Docs URL of each rule id. */
  ruleUrl(id: string): string;
}

export type Reporter = (result: CheckResult, options: { color: boolean }) => string;
