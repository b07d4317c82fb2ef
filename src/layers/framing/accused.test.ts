import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { cueClassIndex } from './cues.js';
import { mentionFeatureKeys } from './test-support/mention-features.js';
import { COND, key, T } from './features.js';

/*
 * The source's own casting (the neutral reading: every word read as the author's) of the accused of a
 * reported accusation: being accused is how the accuser casts it, and what follows "of" is the act
 * it is accused of. The author's reading keeps neither. Both sides of each dispute.
 */

const analyzer = new Analyzer({ model: null });

/** Features of the first mention whose text is `name`, in `text`. */
const featuresOf = (text: string, name: string, neutral = false): number[] => mentionFeatureKeys(analyzer, text, name, neutral);

const harm = key(T.AGENT, 0, cueClassIndex('harm'));
const accusedKey = key(T.ACCUSED, COND.AUTHOR, 0);
const PAIRS = [['Sylvania', 'Freedonia'], ['Freedonia', 'Sylvania']] as const;

describe('the accused of a reported accusation, as its accuser casts it', () => {
  it('"Y accused X of shelling the town": the accuser casts X by the act; the author does not', () => {
    for (const [a, b] of PAIRS) {
      const text = `The ${b.slice(0, -1)}an Greens accused ${a} of shelling the border town.`;
      const author = featuresOf(text, a);
      expect(author.includes(harm)).toBe(false);
      expect(author.includes(accusedKey)).toBe(false);
      const source = featuresOf(text, a, true);
      expect(source.includes(harm)).toBe(true);
      expect(source.includes(accusedKey)).toBe(true);
    }
  });

  it('"details of the attacks" stays what something else is about, in either reading', () => {
    for (const [a] of PAIRS) {
      const text = `${a} of all places gave no details of the attacks, the monitors said.`;
      expect(featuresOf(text, a, true).includes(harm)).toBe(false);
      expect(featuresOf(text, a, true).includes(accusedKey)).toBe(false);
    }
  });
});
