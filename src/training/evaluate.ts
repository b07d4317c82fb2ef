/**
 * Scores predictions against gold, and produces predictions from framewise itself when none are given:
 * SI/FLC from analysing each gold text, TC from the model's classifier on the gold spans.
 */
import { Analyzer } from '../analysis/analyzer.js';
import { toPtcLabel, type PtcLabel } from '../core/taxonomy.js';
import { prepareDoc, type RuleTagger } from './corpus.js';
import { analyzerRuleTagger } from './rule-tags.js';
import { classifySpan, predictDoc, type Model } from '../model/model.js';
import { toOriginalSpan } from '../text/normalise.js';
import type { PtcDoc, PtcSpan } from '../eval/records.js';

export { scoreAll, type EvalResult, type EvalTask } from '../eval/results.js';

/** Predictions of the full pipeline (rules, plus the model when the analyzer has one). */
export function analyzerPredictions(gold: readonly PtcDoc[], analyzer: Analyzer): PtcDoc[] {
  return gold.map((g) => {
    const report = analyzer.analyze(g.text ?? '', { layers: false });
    const spans: PtcSpan[] = [];
    for (const f of report.findings) {
      const technique = toPtcLabel(f.technique);
      if (technique) spans.push({ start: f.start, end: f.end, technique });
    }
    return { id: g.id, spans };
  });
}

/** The rule tagger a model needs for its features (null when it was trained without rules). */
function rulesFor(model: Model): RuleTagger | undefined {
  return model.settings.ruleFeatures ? analyzerRuleTagger(new Analyzer({ model: null, judge: null })) : undefined;
}

/** Predictions of the model alone (rule findings only as its features, when it was trained so). */
export function modelPredictions(gold: readonly PtcDoc[], model: Model): PtcDoc[] {
  const rules = rulesFor(model);
  return gold.map((g) => {
    const d = prepareDoc({ id: g.id, text: g.text ?? '', spans: [] }, model.table, rules);
    const spans: PtcSpan[] = [];
    for (const p of predictDoc(model, d.doc, d.view)) {
      const [start, end] = toOriginalSpan(d.doc.nt, p.start, p.end);
      for (const t of p.techniques) spans.push({ start, end, technique: t.label });
    }
    return { id: g.id, spans };
  });
}

/** TC: the classifier's top-k techniques for every gold span that carries k techniques. */
export function modelTcPredictions(gold: readonly PtcDoc[], model: Model): PtcDoc[] {
  const rules = rulesFor(model);
  return gold.map((g) => {
    const d = prepareDoc({ id: g.id, text: g.text ?? '', spans: g.spans }, model.table, rules);
    const lower = d.doc.text.toLowerCase();
    const spans: PtcSpan[] = [];
    const byKey = new Map(d.gold.map((s) => [`${s.start}:${s.end}`, s]));
    for (const s of byKey.values()) {
      const probs = classifySpan(model, d.view, s.a, s.b, lower);
      const ranked: PtcLabel[] = [...probs].map((p, c) => ({ p, c })).sort((x, y) => y.p - x.p || x.c - y.c).map((x) => model.labels[x.c]!);
      s.techniques.forEach((_, k) => spans.push({ start: s.start, end: s.end, technique: ranked[k]! }));
    }
    return { id: g.id, spans };
  });
}
