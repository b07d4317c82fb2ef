/**
 * What analyze() reports beside the model, chosen on the development CV (never on the lockbox):
 * see docs/evaluation.md, "What analyze() reports beside the model".
 */
import type { PtcLabel } from '../core/taxonomy.js';

/**
 * Rules whose findings are not reported when the model runs. The shared loaded-terms list made 434
 * reported findings on the development CV beside the model; without them SI stayed the same (the
 * model, which reads them as features, marks what they would have added) while one point fewer of
 * the sentences annotators left clean was flagged. Without the model they report as before.
 */
export const QUIET_BESIDE_MODEL: readonly string[] = ['loaded-language/shared-loaded-term'];

/**
 * Word-level techniques: many short findings, one per charged word or label, that flag a sentence
 * each; they keep the main cut (TrainConfig.reportAt). The other techniques mark phrases and
 * clauses and have their own cut (TrainConfig.reportAtOther).
 */
export const WORD_LEVEL_LABELS: readonly PtcLabel[] = ['Loaded_Language', 'Name_Calling,Labeling', 'Flag-Waving'];
