/** What raised a sentence's intensity. */
export const INTENSITY_KINDS = [
  'loaded-term',
  'name-calling',
  'absolute',
  'intensifier',
  'atrocity',
  'dehumanising',
  'eliminationist',
  'call-to-action',
  'threat',
  'exclamation',
  'capitals',
] as const;
export type IntensityKind = (typeof INTENSITY_KINDS)[number];

export const INTENSITY_BANDS = ['neutral', 'mild', 'moderate', 'strong', 'extreme'] as const;
export type IntensityBand = (typeof INTENSITY_BANDS)[number];

/** Lower bounds of the bands above neutral (score 0..100). */
export const BAND_FLOORS: Record<Exclude<IntensityBand, 'neutral'>, number> = { mild: 10, moderate: 30, strong: 50, extreme: 70 };

export function bandOf(score: number): IntensityBand {
  if (score >= BAND_FLOORS.extreme) return 'extreme';
  if (score >= BAND_FLOORS.strong) return 'strong';
  if (score >= BAND_FLOORS.moderate) return 'moderate';
  if (score >= BAND_FLOORS.mild) return 'mild';
  return 'neutral';
}

export interface IntensityContribution {
  kind: IntensityKind;
  text: string;
  start: number;
  end: number;
  points: number;
  quoted?: boolean;
}

export interface SentenceIntensity {
  index: number;
  start: number;
  end: number;
  score: number;
  band: IntensityBand;
  contributions: IntensityContribution[];
}

export interface IntensityReport {
  /** 0 (neutral report) .. 100 (dehumanising, eliminationist). */
  score: number;
  band: IntensityBand;
  /** The highest sentence score. */
  peak: number;
  /** Per kind over the document: occurrences and points (after per-sentence caps), largest first. */
  contributions: Array<{ kind: IntensityKind; count: number; points: number }>;
  sentences: SentenceIntensity[];
}
