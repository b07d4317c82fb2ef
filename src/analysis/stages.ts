import { defaultConfig, type ResolvedConfig } from '../core/config.js';
import { CATEGORIES, TECHNIQUE_IDS } from '../core/taxonomy.js';
import type { Report } from '../core/report.js';
import type { CollectedFinding, Detector } from '../detectors/engine/contract.js';
import { RuleSet } from '../detectors/engine/ruleset.js';
import { builtinCodeDetectors, builtinLexicons, builtinRuleFiles } from '../detectors/registry.js';
import { builtinLayers, createLayerContext, type ReportLayer } from '../layers/index.js';
import { toOriginalSpan } from '../text/normalise.js';
import { segment } from '../text/segment.js';
import { finaliseFindings } from './finalise.js';
import { loadDefaultModel } from './model-hook.js';

/**
 * Times every stage of the analysis pipeline on one text, each on its own (segment, the compiled
 * rules, each code detector, the model, finalising, each report layer), for the scaling checks:
 * bench/scaling.mjs and src/analysis/scaling.test.ts. It runs the same steps as Analyzer.analyze
 * with the built-in rules and layers (no configuration or technique subsets), and is never on the
 * analysis path itself.
 */
export class StageTimer {
  private readonly rules: RuleSet;
  private readonly code: readonly Detector[];
  private readonly model: Detector | null;
  private readonly layers: readonly ReportLayer[];
  private readonly config: ResolvedConfig;

  constructor(options: { model?: boolean; layers?: readonly ReportLayer[] } = {}) {
    this.rules = new RuleSet(builtinRuleFiles(), new Map(builtinLexicons()));
    this.code = builtinCodeDetectors();
    this.model = options.model === false ? null : loadDefaultModel();
    this.layers = options.layers ?? builtinLayers;
    this.config = { ...defaultConfig(), maxInputBytes: Number.MAX_SAFE_INTEGER };
  }

  /**
   * Milliseconds per stage, in pipeline order (code detectors as `code:<id>`, layers as
   * `layer:<name>`), and the report made (as Analyzer.analyze's, but for `engine`: tests compare them).
   */
  time(input: string): { stages: Map<string, number>; report: Report } {
    const out = new Map<string, number>();
    let t0 = performance.now();
    const lap = (name: string) => {
      const t = performance.now();
      out.set(name, (out.get(name) ?? 0) + t - t0);
      t0 = t;
    };
    const doc = segment(input);
    lap('segment');
    const collected: CollectedFinding[] = [...this.rules.run(doc)];
    lap('rules');
    const run = (d: Detector) =>
      d.create({
        doc,
        findings: collected,
        report: (r) =>
          collected.push({
            technique: r.technique ?? d.meta.technique,
            start: r.start,
            end: r.end,
            confidence: r.confidence,
            message: r.message,
            ruleId: r.ruleId ?? d.meta.id,
            source: r.source ?? d.meta.source,
            ...(r.evidence ? { evidence: r.evidence } : {}),
          }),
      });
    for (const d of this.code) {
      run(d);
      lap(`code:${d.meta.id}`);
    }
    if (this.model) {
      run(this.model);
      lap('model');
    }
    const findings = finaliseFindings(doc, collected, 0);
    lap('finalise');
    const byTechnique = Object.fromEntries(TECHNIQUE_IDS.map((id) => [id, 0])) as Report['counts']['byTechnique'];
    const byCategory = Object.fromEntries(CATEGORIES.map((id) => [id, 0])) as Report['counts']['byCategory'];
    for (const f of findings) {
      byTechnique[f.technique]++;
      byCategory[f.category]++;
    }
    const span = (start: number, end: number) => {
      const [s, e] = toOriginalSpan(doc.nt, start, end);
      return { start: s, end: e, text: input.slice(s, e) };
    };
    const report: Report = {
      engine: { name: 'framewise', version: '', rules: '', model: null },
      length: input.length,
      words: doc.words,
      sentences: doc.sentences.length,
      paragraphs: doc.paragraphs.length,
      headline: doc.headline ? span(doc.headline.start, doc.headline.end) : null,
      findings,
      counts: { total: findings.length, byTechnique, byCategory },
      ratePer1000Words: doc.words === 0 ? 0 : Math.round((findings.length * 1000 * 100) / doc.words) / 100,
      quotes: doc.quotes.map((q) => ({ ...span(q.start, q.end), open: q.open })),
      errors: [],
    };
    lap('report');
    const ctx = createLayerContext({ doc, report, span, config: this.config });
    for (const layer of this.layers) {
      layer.apply(ctx);
      lap(`layer:${layer.name}`);
    }
    return { stages: out, report };
  }
}
