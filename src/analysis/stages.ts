import { defaultConfig } from '../core/config.js';
import type { Report } from '../core/report.js';
import type { ReportLayer } from '../layers/index.js';
import { Analyzer } from './analyzer.js';

/**
 * Times every stage of the analysis pipeline on one text (segment, the compiled rules, each code
 * detector, the model, mentions, finalising, the report, each report layer), for the scaling
 * checks: bench/scaling.mjs and src/analysis/scaling.test.ts. It runs Analyzer.analyze itself with
 * a lap hook, so the stages timed are the pipeline's own and cannot drift from it.
 */
export class StageTimer {
  private readonly analyzer: Analyzer;

  constructor(options: { model?: boolean; layers?: readonly ReportLayer[] } = {}) {
    this.analyzer = new Analyzer({
      config: { ...defaultConfig(), maxInputBytes: Number.MAX_SAFE_INTEGER },
      ...(options.model === false ? { model: null } : {}),
      ...(options.layers ? { layers: options.layers } : {}),
    });
  }

  /** Milliseconds per stage, in pipeline order (code detectors as `code:<id>`, layers as `layer:<name>`), and the report made. */
  time(input: string): { stages: Map<string, number>; report: Report } {
    const out = new Map<string, number>();
    let t0 = performance.now();
    const report = this.analyzer.analyze(input, {}, (name) => {
      const t = performance.now();
      out.set(name, (out.get(name) ?? 0) + t - t0);
      t0 = t;
    });
    return { stages: out, report };
  }
}
