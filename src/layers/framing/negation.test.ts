import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { cueClassIndex } from './cues.js';
import { mentionFeatureKeys } from './test-support/mention-features.js';
import { key, T } from './features.js';

/*
 * Negated cues ("did not shell", "has not repaired", "never attacked X") are not the act: a feature
 * of their own, never the agent's or patient's cue. Both sides of each dispute.
 */

const analyzer = new Analyzer({ model: null });

/** Features of the first mention whose text is `name`, in `text`. */
const featuresOf = (text: string, name: string): number[] => mentionFeatureKeys(analyzer, text, name);

const has = (keys: number[], tpl: number, cls: string) => keys.includes(key(tpl, 0, cueClassIndex(cls)));
const PAIRS = [['Sylvania', 'Freedonia'], ['Freedonia', 'Sylvania']] as const;

describe('negated cues', () => {
  it('what a party did not do is not its act: "X did not shell the town", "X has not repaired", "X will not negotiate"', () => {
    for (const [a, b] of PAIRS) {
      const shelled = featuresOf(`${a} shelled the border villages of ${b} on Monday.`, a);
      expect(has(shelled, T.AGENT, 'harm')).toBe(true);
      const not = featuresOf(`${a} did not shell the border villages of ${b} on Monday, the monitors said.`, a);
      expect(has(not, T.AGENT, 'harm')).toBe(false);
      expect(has(not, T.NEG, 'harm')).toBe(true);
      expect(has(featuresOf(`${a} has never shelled the border villages of ${b}.`, a), T.AGENT, 'harm')).toBe(false);
      const repaired = featuresOf(`${a} has not repaired a single canal since the floods.`, a);
      expect(has(repaired, T.AGENT, 'help')).toBe(false);
      expect(has(repaired, T.NEG, 'help')).toBe(true);
      expect(has(featuresOf(`${a} won't negotiate with ${b}.`, a), T.NEG, 'peace')).toBe(true);
    }
  });

  it('only the word the negation governs: "X did not hesitate and shelled the town" keeps the harm', () => {
    for (const [a] of PAIRS) {
      const keys = featuresOf(`${a} did not wait: it shelled the town at dawn.`, a);
      expect(has(keys, T.NEG, 'harm')).toBe(false);
      // "has no support" negates the noun right after "no".
      expect(has(featuresOf(`${a} has no support among the farmers.`, a), T.AGENT, 'help')).toBe(false);
    }
  });

  it('a negated act done to a party is not done to it: "gunners never shelled X"', () => {
    for (const [a, b] of PAIRS) {
      expect(has(featuresOf(`Gunners shelled ${b} all night.`, b), T.PATIENT, 'harm')).toBe(true);
      const keys = featuresOf(`${a.slice(0, -1)}an gunners never shelled ${b}.`, b);
      expect(has(keys, T.PATIENT, 'harm')).toBe(false);
      expect(has(keys, T.NEG, 'harm')).toBe(true);
    }
  });

  it('a passive after a negated auxiliary stays passive: "X was not attacked"', () => {
    for (const [a] of PAIRS) {
      const keys = featuresOf(`${a} was not attacked that night.`, a);
      expect(has(keys, T.AGENT, 'harm')).toBe(false);
      expect(has(keys, T.NEG, 'harm')).toBe(true);
    }
  });

  it('no negated cue is evidence of a casting', () => {
    for (const [a, b] of PAIRS) {
      const r = analyzer.analyze(`${a} did not shell the border villages of ${b}, the monitors said. ${a} has never attacked a school.`);
      const x = r.actors!.find((m) => m.name === a)!;
      expect(x.framing.evidence.map((e) => e.text)).not.toContain('shell');
      expect(x.framing.evidence.map((e) => e.text)).not.toContain('attacked');
    }
  });
});
