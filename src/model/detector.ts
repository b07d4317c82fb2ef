import type { Detector } from '../detectors/engine/contract.js';
import { PTC_PRIMARY, techniqueInfo } from '../core/taxonomy.js';
import { buildView } from './features.js';
import { applyRuleTags, ruleTag } from './rule-tags.js';
import type { Evidence } from '../core/finding.js';
import type { TechniqueId } from '../core/taxonomy.js';
import type { DocView } from './doc-view.js';
import { explainSpan, explanationText } from './explain.js';
import { predictDoc, type Model, type PredictedSpan } from './model.js';

/**
 * A model finding's message and evidence: the technique with the model's percentages, then in words
 * why (the words that weigh most, other cues), as rule findings say which words triggered them.
 */
function explained(model: Model, view: DocView, span: PredictedSpan, c: number, technique: TechniqueId, probability: number): { message: string; evidence?: Evidence[] } {
  const e = explainSpan(model.classifier, model.table.lists, view, span.a, span.b, c);
  const t = view.doc.tokens;
  const words = e.triggers.map((k) => view.doc.text.slice(t.start[k]!, t.end[k]!));
  const head = `The trained model reads this as ${techniqueInfo(technique).name.toLowerCase()} (span ${Math.round(span.score * 100)}%, technique ${Math.round(probability * 100)}%)`;
  const evidence: Evidence[] = [...words.map((text) => ({ label: 'trigger', text })), ...e.cues.map((text) => ({ label: 'cue', text }))];
  return { message: `${head}: ${explanationText(words, e.cues)}.`, ...(evidence.length ? { evidence } : {}) };
}

/**
 * The trained model as a detector: every span the tagger finds becomes a finding of its most likely
 * technique (and of a second one when the classifier is torn), with source "model" and a calibrated
 * confidence. PTC labels map to framewise techniques through PTC_PRIMARY.
 */
/** A trained model exposed as a detector (findings carry source "model"). */
export interface ModelDetector extends Detector {
  /** Version of the model artefact, recorded in every report. */
  version: string;
}

export interface TrainedModelDetector extends ModelDetector {
  model: Model;
}

/**
 * Model findings the model itself gives less than this calibrated chance of being right are not
 * reported: they are noise to a reader, and for F1 dropping findings whose precision is under half
 * the F1 (FLC about 0.25 here) cannot lower the expected score. Measured with `npm run eval:cv --
 * --sweep-filter` (rules + model): 0.1: SI 0.408, FLC 0.241; 0.15: SI 0.406, FLC 0.254; 0.2: SI
 * 0.394, FLC 0.257.
 */
export const MODEL_MIN_CONFIDENCE = 0.15;

export function modelDetector(model: Model): TrainedModelDetector {
  return {
    model,
    version: model.version,
    meta: {
      id: 'model/ptc-crf',
      technique: 'loaded-language',
      description: 'Trained span tagger (linear-chain CRF) and technique classifier (logistic regression) on the PTC corpus.',
      source: 'model',
    },
    create(ctx) {
      const doc = ctx.doc;
      if (doc.tokens.count === 0) return;
      // The view lives only for this call: its arrays are reused from document to document.
      const view = buildView(doc, model.table, true);
      if (model.settings.ruleFeatures && ctx.findings) {
        const found = ctx.findings.filter((f) => f.source !== 'model').map((f) => ({ start: f.start, end: f.end, tag: ruleTag(f.technique) }));
        applyRuleTags(doc, view, () => found);
      }
      for (const span of predictDoc(model, doc, view)) {
        for (const t of span.techniques) {
          if (t.confidence < MODEL_MIN_CONFIDENCE) continue;
          const technique = PTC_PRIMARY[t.label];
          ctx.report({
            technique,
            start: span.start,
            end: span.end,
            confidence: t.confidence,
            ruleId: `model/${technique}`,
            source: 'model',
            ...explained(model, view, span, t.index, technique, t.probability),
          });
        }
      }
    },
  };
}
