/**
 * The judge: one place that turns every finding's evidence into a calibrated confidence, the
 * probability that an annotator's span of the same technique overlaps it, and that keeps rules which
 * have not earned findings out of the report (they still feed the model as features).
 *
 * Evidence per finding:
 * - model findings: the span filter's estimate that the span is propaganda (`keep`) and the
 *   classifier's probability of the technique (`prob`);
 * - rule findings, when a model ran: the span filter's estimate for the rule's span (without the
 *   technique probabilities: the span filter judges rule spans as it judges the model's, short of
 *   classifying them) and the tagger's mean probability over the span (`prob`), plus the rule's
 *   measured precision;
 * - rule findings without a model: the rule's measured precision only.
 * A logistic calibrator per kind and PTC technique (thin techniques pooled) maps the evidence to a
 * probability. Everything is fitted on cross-fitted (out-of-fold) predictions: src/training/judge-fit.ts.
 * Techniques PTC does not annotate (hearsay, weasel attribution, ...) cannot be calibrated against
 * annotations: their rules' own confidences are capped at `uncalibratedCap`.
 */
import { toPtcLabel, type TechniqueId } from '../core/taxonomy.js';

/** How a finding is judged: model finding, rule finding beside a model, rule finding alone. */
export type JudgeKind = 'model' | 'rule' | 'rule-only';

export interface RuleRecord {
  /** Findings of the rule in cross-validation, and how many a same-technique annotation overlapped. */
  n: number;
  hits: number;
  /** Smoothed precision (hits + prior strength x technique mean) / (n + prior strength). */
  precision: number;
  /** false: the rule's findings are not reported (it still feeds the model as a feature). */
  emit: boolean;
}

export interface Judge {
  format: 1;
  /** Measured rules, by rule id. */
  rules: Record<string, RuleRecord>;
  /** Precision of a rule the table does not know, by technique id (else `defaultPrior`). */
  techniquePrior: Record<string, number>;
  defaultPrior: number;
  /** Calibrators by `${kind}|${PTC label}`, with `${kind}|*` for pooled techniques: weights over judgeFeatures. */
  groups: Record<string, number[]>;
  /** The confidence under which findings are not reported by default. */
  reportAt: number;
  /** Cap on the confidence of findings of techniques PTC has no annotation for. */
  uncalibratedCap: number;
  /**
   * Monotone maps applied to reported findings after contained spans fold into their cover (which
   * keeps the highest confidence of its members), by `model` / `rule`: knots x ascending, y
   * non-decreasing, linear between knots and flat beyond. Fitted on cross-fitted reported findings.
   */
  post?: Record<string, { x: number[]; y: number[] }>;
  /**
   * Rules whose findings are not reported beside the model: measured on cross-validation, they
   * flagged clean sentences without adding to what the model finds. They still feed the model as
   * features, and report in analyses without it (the rules-only judge has no such list).
   */
  quiet?: string[];
  /** The default cut per PTC label (techniques not listed: `reportAt`). Used only when no cut is asked for. */
  reportAtBy?: Record<string, number>;
  /**
   * With the default cuts: a finding of a PTC technique at or above this confidence but under its
   * cut is still reported inside a sentence that carries a finding at or over its own cut.
   */
  context?: number;
}

/** The post-fold map of a finalised finding's confidence (identity without one). */
export function postCalibrate(judge: Judge, source: string, c: number): number {
  const m = judge.post?.[source === 'model' ? 'model' : 'rule'];
  if (!m || m.x.length === 0) return c;
  const { x, y } = m;
  if (c <= x[0]!) return y[0]!;
  const n = x.length;
  if (c >= x[n - 1]!) return y[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= c) lo = mid;
    else hi = mid;
  }
  const t = (c - x[lo]!) / (x[hi]! - x[lo]! || 1);
  return y[lo]! + t * (y[hi]! - y[lo]!);
}

/**
 * A finding's evidence for the judge (set by the model detector; absent for rules without a model):
 * the span filter's estimate, and the technique's probability (model findings) or the tagger's mean
 * probability over the span (rule findings).
 */
export interface JudgeBasis {
  keep: number;
  prob: number;
}

const EPS = 1e-4;
export const logit = (p: number): number => {
  const q = p < EPS ? EPS : p > 1 - EPS ? 1 - EPS : p;
  return Math.log(q / (1 - q));
};

export const JUDGE_FEATURES: Record<JudgeKind, number> = { model: 3, rule: 4, 'rule-only': 2 };

/** The calibrator's inputs for one finding, bias first. */
export function judgeFeatures(kind: JudgeKind, basis: JudgeBasis | undefined, prior: number): number[] {
  if (kind === 'rule-only') return [1, logit(prior)];
  const k = logit(basis!.keep);
  const p = logit(basis!.prob);
  return kind === 'model' ? [1, k, p] : [1, k, p, logit(prior)];
}

export function judgeKind(source: string, basis: JudgeBasis | undefined): JudgeKind {
  if (source === 'model') return 'model';
  return basis ? 'rule' : 'rule-only';
}

/** The measured precision of a rule (the technique's, for rules the table does not know). */
export function rulePrior(judge: Judge, ruleId: string, technique: TechniqueId): number {
  return ruleRecord(judge, ruleId)?.precision ?? judge.techniquePrior[technique] ?? judge.defaultPrior;
}

/** Is a finding of this rule reported? (Unknown rules are: user rules have not been measured.) */
export function ruleEmits(judge: Judge, ruleId: string): boolean {
  return (ruleRecord(judge, ruleId)?.emit ?? true) && !quietRules(judge).has(ruleId);
}

/** The default cut of a technique under the judge (its own, else `reportAt`). */
export function defaultCut(judge: Judge, technique: TechniqueId): number {
  const by = judge.reportAtBy;
  if (!by) return judge.reportAt;
  const label = toPtcLabel(technique);
  return (label !== null ? by[label] : undefined) ?? judge.reportAt;
}

/** The calibrator weights of a kind and technique, or null when neither it nor the pool is fitted. */
export function calibratorFor(judge: Judge, kind: JudgeKind, technique: TechniqueId): number[] | null {
  const label = toPtcLabel(technique);
  if (!label) return null;
  return judge.groups[`${kind}|${label}`] ?? judge.groups[`${kind}|*`] ?? null;
}

/** Per judge: calibrator weights by kind and technique id (null: none), and rule records by id, in Maps. */
interface JudgeCache {
  calibrators: Record<JudgeKind, Map<TechniqueId, number[] | null>>;
  rules: Map<string, RuleRecord | null>;
  quiet: Set<string>;
}
const judgeCaches = new WeakMap<Judge, JudgeCache>();

function cacheOf(judge: Judge): JudgeCache {
  let c = judgeCaches.get(judge);
  if (!c) judgeCaches.set(judge, (c = { calibrators: { model: new Map(), rule: new Map(), 'rule-only': new Map() }, rules: new Map(), quiet: new Set(judge.quiet ?? []) }));
  return c;
}

function cachedCalibrator(judge: Judge, kind: JudgeKind, technique: TechniqueId): number[] | null {
  const m = cacheOf(judge).calibrators[kind];
  let w = m.get(technique);
  if (w === undefined) m.set(technique, (w = calibratorFor(judge, kind, technique)));
  return w;
}

const quietRules = (judge: Judge): Set<string> => cacheOf(judge).quiet;

function ruleRecord(judge: Judge, ruleId: string): RuleRecord | null {
  const m = cacheOf(judge).rules;
  let r = m.get(ruleId);
  if (r === undefined) m.set(ruleId, (r = Object.prototype.hasOwnProperty.call(judge.rules, ruleId) ? judge.rules[ruleId]! : null));
  return r;
}

/**
 * The calibrated confidence of one finding, or null when PTC has no annotation for its technique
 * (the caller caps the rule's own confidence then). judgeFeatures, without an array per finding.
 */
export function judgeConfidence(judge: Judge, f: { technique: TechniqueId; source: string; ruleId: string; basis?: JudgeBasis | undefined }): number | null {
  let kind = judgeKind(f.source, f.basis);
  let w = cachedCalibrator(judge, kind, f.technique);
  // A rule finding the model could not assess falls back to the rules-only calibrator.
  if (!w && kind === 'rule') w = cachedCalibrator(judge, (kind = 'rule-only'), f.technique);
  if (!w) return null;
  let s = w[0]!;
  if (kind === 'rule-only') s += w[1]! * logit(rulePrior(judge, f.ruleId, f.technique));
  else {
    s += w[1]! * logit(f.basis!.keep) + w[2]! * logit(f.basis!.prob);
    if (kind === 'rule') s += w[3]! * logit(rulePrior(judge, f.ruleId, f.technique));
  }
  return 1 / (1 + Math.exp(-s));
}

/** Checks a judge read from an artefact or data file; returns a message for the first problem. */
export function judgeProblem(j: unknown): string | null {
  if (typeof j !== 'object' || j === null) return 'judge must be an object';
  const x = j as Partial<Judge>;
  if (x.format !== 1) return `judge format ${String(x.format)}, expected 1`;
  if (typeof x.rules !== 'object' || x.rules === null) return 'judge.rules must be an object';
  if (typeof x.groups !== 'object' || x.groups === null) return 'judge.groups must be an object';
  for (const [k, w] of Object.entries(x.groups)) {
    const kind = k.split('|')[0] as JudgeKind;
    if (!(kind in JUDGE_FEATURES)) return `judge.groups: unknown kind in "${k}"`;
    if (!Array.isArray(w) || w.length !== JUDGE_FEATURES[kind] || !w.every(Number.isFinite)) return `judge.groups["${k}"] must be ${JUDGE_FEATURES[kind]} finite numbers`;
  }
  if (x.post !== undefined) {
    if (typeof x.post !== 'object' || x.post === null) return 'judge.post must be an object';
    for (const [k, m] of Object.entries(x.post)) {
      const ok = m && Array.isArray(m.x) && Array.isArray(m.y) && m.x.length === m.y.length && m.x.every((v, i) => Number.isFinite(v) && (i === 0 || v >= m.x[i - 1]!)) && m.y.every((v, i) => Number.isFinite(v) && v >= 0 && v <= 1 && (i === 0 || v >= m.y[i - 1]!));
      if (!ok) return `judge.post["${k}"] must have ascending knots x and non-decreasing y in 0..1 of the same length`;
    }
  }
  if (x.quiet !== undefined && !(Array.isArray(x.quiet) && x.quiet.every((r) => typeof r === 'string'))) return 'judge.quiet must be a list of rule ids';
  if (x.reportAtBy !== undefined) {
    if (typeof x.reportAtBy !== 'object' || x.reportAtBy === null) return 'judge.reportAtBy must be an object';
    for (const [k, v] of Object.entries(x.reportAtBy)) if (typeof v !== 'number' || !(v >= 0 && v <= 1)) return `judge.reportAtBy["${k}"] must be a number in 0..1`;
  }
  if (x.context !== undefined && (typeof x.context !== 'number' || !(x.context >= 0 && x.context <= 1))) return 'judge.context must be a number in 0..1';
  for (const [k, n] of [['reportAt', x.reportAt], ['uncalibratedCap', x.uncalibratedCap], ['defaultPrior', x.defaultPrior]] as const) {
    if (typeof n !== 'number' || !(n >= 0 && n <= 1)) return `judge.${k} must be a number in 0..1`;
  }
  return null;
}
