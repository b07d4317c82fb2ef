import type { CategoryId, TechniqueId } from './taxonomy.js';
import type { Voice } from './voice.js';

/** Where a finding came from: a lexicon rule, a phrase/token pattern, detector code, or the trained model. */
export type FindingSource = 'lexicon' | 'pattern' | 'code' | 'model';

/** One persuasion technique found at one span. Offsets are UTF-16 indices into the ORIGINAL input. */
export interface Finding {
  /** Stable within a report: `${technique}@${start}-${end}`. */
  id: string;
  technique: TechniqueId;
  category: CategoryId;
  start: number;
  end: number;
  /** 1-based line and column of `start` in the original input (column counts UTF-16 units). */
  line: number;
  column: number;
  /** Exactly `input.slice(start, end)`. */
  text: string;
  /** 0..1. */
  confidence: number;
  /** `technique/rule-name`, e.g. `loaded-language/charged-adjective`. */
  ruleId: string;
  source: FindingSource;
  /** Why, in one sentence a reader understands. */
  message: string;
  /** Words or related spans that support the finding (e.g. the trigger word, the headline claim). */
  evidence?: Evidence[];
  /** Whose words the finding is in, when not the author's (voice layer): a quoted or reported source. */
  voice?: Voice;
}

export interface Evidence {
  label: string;
  text: string;
  start?: number;
  end?: number;
}

/**
 * How a reader should take a finding: `strong` when its calibrated confidence says an annotator
 * would more likely than not mark the same technique there, `possible` below. One rule for every
 * view (terminal, web, exports).
 */
export type Strength = 'strong' | 'possible';

export const STRONG_CONFIDENCE = 0.5;

export function strengthOf(confidence: number): Strength {
  return confidence >= STRONG_CONFIDENCE ? 'strong' : 'possible';
}
