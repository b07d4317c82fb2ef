import { Analyzer } from '../../analysis/analyzer.js';
import { defaultConfig } from '../../core/config.js';
import { TECHNIQUE_IDS, type TechniqueId } from '../../core/taxonomy.js';

/**
 * A real Analyzer limited to long-standing techniques, rules only: store, ingest and compare tests
 * need real reports, but not every detector that other work is changing at the same time.
 */
export const STABLE_TECHNIQUES: readonly TechniqueId[] = ['loaded-language', 'name-calling'];

export function stableAnalyzer(): Analyzer {
  const config = defaultConfig();
  config.techniques = Object.fromEntries(TECHNIQUE_IDS.map((t) => [t, STABLE_TECHNIQUES.includes(t)]));
  config.model = false;
  return new Analyzer({ config, model: null });
}
