/**
 * `--timing` (like ESLint's `TIMING=1`): wall time per stage of the pipeline
 * and CPU time per rule, summed over every thread that ran it.
 */
export class Timing {
  readonly stages = new Map<string, number>();
  readonly rules = new Map<string, number>();
  /** Work done per file, wherever it ran (summed over threads). */
  readonly perFile = new Map<string, number>();

  /** Time a stage; stages with the same name add up. */
  stage<T>(name: string, run: () => T): T {
    const started = performance.now();
    try {
      return run();
    } finally {
      this.addStage(name, performance.now() - started);
    }
  }

  async stageAsync<T>(name: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.addStage(name, performance.now() - started);
    }
  }

  addStage(name: string, ms: number): void {
    this.stages.set(name, (this.stages.get(name) ?? 0) + ms);
  }

  addRule(id: string, ms: number): void {
    this.rules.set(id, (this.rules.get(id) ?? 0) + ms);
  }

  /** Add times measured elsewhere (a worker thread): per rule, and per step of a file's check. */
  merge(rules: Readonly<Record<string, number>> = {}, steps: Readonly<Record<string, number>> = {}): void {
    for (const [id, ms] of Object.entries(rules)) this.addRule(id, ms);
    for (const [step, ms] of Object.entries(steps)) this.perFile.set(step, (this.perFile.get(step) ?? 0) + ms);
  }

  /** A table: stages in order, then the rules slowest first, with their share. */
  format(): string {
    const rows = (entries: [string, number][]) => {
      const total = entries.reduce((sum, [, ms]) => sum + ms, 0) || 1;
      const width = Math.max(...entries.map(([name]) => name.length), 4);
      return entries.map(([name, ms]) => `  ${name.padEnd(width)}  ${ms.toFixed(1).padStart(9)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)}%`);
    };
    const rules = [...this.rules].sort((a, b) => b[1] - a[1]);
    return ['Stage (wall time)', ...rows([...this.stages]), '', 'Per file (time summed over threads)', ...rows([...this.perFile]), '', 'Rule (time summed over threads)', ...rows(rules), ''].join('\n');
  }
}
