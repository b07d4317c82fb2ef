import type { Evidence, FindingSource } from '../../core/finding.js';
import type { TechniqueId } from '../../core/taxonomy.js';
import type { Doc } from '../../text/segment.js';

/**
 * A detector in the spirit of an ESLint rule: metadata plus a small `create` that inspects the
 * segmented document and reports findings. Offsets reported are canonical (they index `doc.text`);
 * the pipeline maps them back to the original input.
 */
export interface DetectorMeta {
  /** `technique/name`, unique. */
  id: string;
  technique: TechniqueId;
  description: string;
  source: FindingSource;
}

export interface RawFinding {
  technique?: TechniqueId;
  start: number;
  end: number;
  confidence: number;
  message: string;
  /** Defaults to the detector id. */
  ruleId?: string;
  source?: FindingSource;
  evidence?: Evidence[];
  /**
   * What the judge (src/model/judge.ts) calibrates: the span filter's estimate for the span and the
   * classifier's probability of the technique. The model sets it on its own findings and on rules'.
   */
  basis?: { keep: number; prob: number };
  /**
   * A message and evidence that cost work to write (the model's explanations): called once, only for
   * findings that are reported (src/analysis/explanations.ts), and then `message` and `evidence` are
   * what it returns; until then `message` is a placeholder.
   */
  explanation?: () => { message: string; evidence?: Evidence[] };
}

export interface DetectorContext {
  doc: Doc;
  report(finding: RawFinding): void;
  /** Findings collected before this detector ran (the trained model reads the rules' findings as features). */
  findings?: readonly CollectedFinding[];
}

export interface Detector {
  meta: DetectorMeta;
  create(ctx: DetectorContext): void;
}

/** A finding as collected before mapping to original offsets. */
export interface CollectedFinding extends Required<Omit<RawFinding, 'evidence' | 'basis' | 'explanation'>> {
  technique: TechniqueId;
  evidence?: Evidence[];
  basis?: { keep: number; prob: number };
  /** Pending: see RawFinding.explanation (cleared once settled). */
  explanation?: (() => { message: string; evidence?: Evidence[] }) | undefined;
}
