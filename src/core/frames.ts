/**
 * The 14 generic framing dimensions of the Media Frames Corpus (Card et al. 2015), as used by
 * SemEval-2023 Task 3 subtask 2, with stable kebab-case ids.
 */
export const FRAME_IDS = [
  'economic',
  'capacity-and-resources',
  'morality',
  'fairness-and-equality',
  'legality-constitutionality-jurisprudence',
  'policy-prescription-and-evaluation',
  'crime-and-punishment',
  'security-and-defense',
  'health-and-safety',
  'quality-of-life',
  'cultural-identity',
  'public-opinion',
  'political',
  'external-regulation-and-reputation',
] as const;

export type FrameId = (typeof FRAME_IDS)[number];

export interface FrameInfo {
  id: FrameId;
  name: string;
  /** SemEval-2023 label. */
  semeval: string;
  description: string;
}

const info = (id: FrameId, name: string, semeval: string, description: string): FrameInfo => ({ id, name, semeval, description });

export const FRAMES: readonly FrameInfo[] = [
  info('economic', 'Economic', 'Economic', 'Costs, benefits, money, markets, jobs and other financial consequences.'),
  info('capacity-and-resources', 'Capacity and resources', 'Capacity_and_resources', 'Whether there is enough: people, beds, water, fuel, staff, space, time.'),
  info('morality', 'Morality', 'Morality', 'Right and wrong, duty, conscience, sin and religious or ethical obligation.'),
  info('fairness-and-equality', 'Fairness and equality', 'Fairness_and_equality', 'Whether people are treated equally; discrimination, double standards, rights denied to some.'),
  info('legality-constitutionality-jurisprudence', 'Legality, constitutionality, jurisprudence', 'Legality_Constitutionality_and_jurisprudence', 'Laws, courts, rulings, constitutions, treaties and the legal authority to act.'),
  info('policy-prescription-and-evaluation', 'Policy prescription and evaluation', 'Policy_prescription_and_evaluation', 'Which policy should be adopted and whether existing policies work.'),
  info('crime-and-punishment', 'Crime and punishment', 'Crime_and_punishment', 'Breaking the law, police, arrests, trials as crime stories, sentences and prisons.'),
  info('security-and-defense', 'Security and defence', 'Security_and_defense', 'Threats to a nation or community: armies, attacks, borders, terrorism, weapons.'),
  info('health-and-safety', 'Health and safety', 'Health_and_safety', 'Injury, disease, medical care, casualties, safety of civilians and workers.'),
  info('quality-of-life', 'Quality of life', 'Quality_of_life', 'Effects on everyday life: homes, schools, families, wellbeing, daily hardship.'),
  info('cultural-identity', 'Cultural identity', 'Cultural_identity', 'Traditions, religion, language, heritage and the identity of a people.'),
  info('public-opinion', 'Public opinion', 'Public_opinion', 'What the public thinks: polls, protests, popular mood, social media reaction.'),
  info('political', 'Political', 'Political', 'Parties, elections, politicians, votes, campaigns and political manoeuvring.'),
  info('external-regulation-and-reputation', 'External regulation and reputation', 'External_regulation_and_reputation', 'A country or body in relation to others: diplomacy, sanctions, international standing.'),
];

const byId = new Map<string, FrameInfo>(FRAMES.map((f) => [f.id, f]));

export function frameInfo(id: FrameId): FrameInfo {
  return byId.get(id)!;
}

export function isFrameId(id: string): id is FrameId {
  return byId.has(id);
}

/** A word or phrase that carries a frame: a lexicon cue, or a word the classifier leaned on. */
export interface FrameCue {
  text: string;
  start: number;
  end: number;
  source: 'lexicon' | 'classifier';
}

export interface FrameSentence {
  start: number;
  end: number;
  /** The sentence as written (document level only; paragraphs give the span). */
  text?: string;
  /** This sentence's evidence mass for the frame. */
  weight: number;
}

export interface FrameEvidence {
  frame: FrameId;
  /** Share of the unit's framing evidence, 0..1. */
  score: number;
  /** Raw evidence mass (cue hits plus classifier belief). */
  weight: number;
  cues: FrameCue[];
  sentences: FrameSentence[];
}

export interface FrameMix {
  /** Share per frame, 0..1, summing to 1 when anything is framed (all 0 otherwise). */
  scores: Record<FrameId, number>;
  /** The frames that dominate, strongest first (empty when the evidence is too thin). */
  dominant: FrameId[];
  /** Evidence for every frame with a non-zero score, strongest first. */
  frames: FrameEvidence[];
}

/**
 * A paragraph's frames, kept compact because every paragraph of every stored document carries one:
 * only non-zero scores, and evidence for the dominant frames (the ones a paragraph view shows).
 */
export interface ParagraphFrames {
  index: number;
  start: number;
  end: number;
  scores: Partial<Record<FrameId, number>>;
  dominant: FrameId[];
  frames: FrameEvidence[];
}

export interface FramesReport extends FrameMix {
  paragraphs: ParagraphFrames[];
}
