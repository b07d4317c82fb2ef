import type { MainRole } from '../../core/framing.js';

/**
 * The main-role prior of real news about wars and climate, for the given-mention setting (where every
 * annotated mention is framed): antagonists dominate there (a constant "antagonist" is right about
 * 0.64 of the time on such data), while the annotated set written for this project is more balanced
 * (0.55 antagonist among framed mentions). Scores are shifted by log(target / training share) per
 * role; the shares are set a little under that figure, as the set's own imbalance already leans
 * the same way (docs/evaluation.md).
 */
export const NEWS_PRIOR: Record<MainRole, number> = { protagonist: 0.2, antagonist: 0.62, innocent: 0.18 };
