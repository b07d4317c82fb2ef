import type { CollectedFinding, Detector } from '../detectors/engine/contract.js';
import { PTC_PRIMARY, techniqueInfo, toPtcLabel } from '../core/taxonomy.js';
import { buildView } from './features.js';
import { ruleEmits, type Judge } from './judge.js';
import { applyRuleTags, ruleTag, tokenRange } from './rule-tags.js';
import type { Evidence } from '../core/finding.js';
import type { TechniqueId } from '../core/taxonomy.js';
import type { DocView } from './doc-view.js';
import { explainSpan, explanationText } from './explain.js';
import { predictDoc, type AssessRequest, type Model, type PredictedSpan } from './model.js';

/** Technique names as a model finding's message writes them, by technique (each lowercased once). */
const lowerNames = new Map<TechniqueId, string>();
function lowerName(technique: TechniqueId): string {
  let name = lowerNames.get(technique);
  if (name === undefined) lowerNames.set(technique, (name = techniqueInfo(technique).name.toLowerCase()));
  return name;
}

/**
 * A model finding's message and evidence: the technique with the model's percentages, then in words
 * why (the words that weigh most, other cues), as rule findings say which words triggered them.
 * Written only for reported findings; each explains its span afresh (a memo of repeated wordings
 * cost about half an explanation per call and news repeats one wording in a few hundred).
 */
function explained(model: Model, view: DocView, span: PredictedSpan, c: number, technique: TechniqueId, probability: number): { message: string; evidence?: Evidence[] } {
  const e = explainSpan(model.classifier, model.table.lists, view, span.a, span.b, c);
  const t = view.doc.tokens;
  const words: string[] = [];
  const evidence: Evidence[] = [];
  for (const k of e.triggers) {
    const text = view.doc.text.slice(t.start[k]!, t.end[k]!);
    words.push(text);
    evidence.push({ label: 'trigger', text });
  }
  for (const text of e.cues) evidence.push({ label: 'cue', text });
  const message = `The trained model reads this as ${lowerName(technique)} (span ${Math.round(span.score * 100)}%, technique ${Math.round(probability * 100)}%): ${explanationText(words, e.cues)}.`;
  return evidence.length ? { message, evidence } : { message };
}

/** Counts the model detector's runs: its document view is reused by the next one. */
let viewGeneration = 0;

/** A trained model exposed as a detector (findings carry source "model"). */
export interface ModelDetector extends Detector {
  /** Version of the model artefact, recorded in every report. */
  version: string;
  /** Calibrates every finding of an analysis run with this model (null: confidences as reported). */
  judge?: Judge | null;
}

export interface TrainedModelDetector extends ModelDetector {
  model: Model;
}

/**
 * The trained model as a detector: every span the tagger finds and the span filter keeps becomes a
 * finding of its most likely technique (and of a second one when the classifier is torn), with
 * source "model". Each finding carries its evidence (`basis`: the filter's estimate and the
 * technique's probability) for the judge, which calibrates it (src/model/judge.ts); the confidence
 * reported here is the older single Platt scaling, kept for runs without a judge.
 *
 * The model also judges the rules' findings that ran before it: their spans get the same evidence
 * (the span filter and the classifier look at a rule's span as at the tagger's own), set as their
 * `basis`. PTC labels map to framewise techniques through PTC_PRIMARY.
 */
export function modelDetector(model: Model): TrainedModelDetector {
  const labelIndex = new Map(model.labels.map((l, i) => [l, i]));
  return {
    model,
    version: model.version,
    judge: model.judge,
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
      const rules = ctx.findings ?? [];
      if (model.settings.ruleFeatures && rules.length > 0) {
        const found = rules.filter((f) => f.source !== 'model').map((f) => ({ start: f.start, end: f.end, tag: ruleTag(f.technique) }));
        applyRuleTags(doc, view, () => found);
      }
      // Rule findings of techniques the model knows are assessed as its own spans are.
      const requests: AssessRequest[] = [];
      const assessedFindings: CollectedFinding[] = [];
      const judge = model.judge;
      for (const f of rules) {
        // Rules the judge silences are features only: their findings need no evidence.
        if (f.source === 'model' || (judge && !ruleEmits(judge, f.ruleId))) continue;
        const label = toPtcLabel(f.technique);
        const c = label ? labelIndex.get(label) : undefined;
        if (c === undefined) continue;
        const r = tokenRange(doc, f.start, f.end);
        if (!r) continue;
        requests.push({ a: r[0], b: r[1], label: c });
        assessedFindings.push(f);
      }
      const assessed: Array<{ keep: number; prob: number }> = [];
      // The view's arrays belong to the next document once create runs again: an explanation
      // asked for after that would read another text's words, so it refuses.
      const generation = ++viewGeneration;
      for (const span of predictDoc(model, doc, view, requests, assessed)) {
        for (const t of span.techniques) {
          const technique = PTC_PRIMARY[t.label];
          ctx.report({
            technique,
            start: span.start,
            end: span.end,
            confidence: t.confidence,
            ruleId: `model/${technique}`,
            source: 'model',
            message: '',
            basis: { keep: span.keep, prob: t.probability },
            explanation: () => {
              if (generation !== viewGeneration) throw new Error('model finding: explanation asked for after the next document was analysed');
              return explained(model, view, span, t.index, technique, t.probability);
            },
          });
        }
      }
      assessedFindings.forEach((f, k) => (f.basis = assessed[k]));
    },
  };
}
