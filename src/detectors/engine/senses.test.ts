import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { segment } from '../../text/segment.js';
import { loadSenses, otherSense } from './senses.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const at = (text: string, word: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(word, i + 1);
  return [i, i + word.length] as const;
};

describe('other senses', () => {
  it('the table loads and every context is lowercase', () => {
    const t = loadSenses();
    expect(t.get('lies')!.next.has('in')).toBe(true);
    expect(t.get('regime')!.prev.has('ceasefire')).toBe(true);
  });

  it('reads the word in context: the next word, the previous word, within the sentence', () => {
    const text = 'The way forward lies in the talks. Their lies in print were many. Such lies. In Marr the regime fell. A ceasefire regime ended.';
    const doc = segment(text, vocab);
    const [a, b] = at(text, 'lies');
    expect(otherSense(doc, a, b)).toBe(true);
    // "lies in print": the word after is "in" too; the table cannot tell these apart, and says so by reading the same way.
    const [c, d] = at(text, 'lies', 1);
    expect(otherSense(doc, c, d)).toBe(true);
    // Punctuation ends the context: "Such lies. In Marr" is the noun.
    const [e, f] = at(text, 'lies', 2);
    expect(otherSense(doc, e, f)).toBe(false);
    const [g, h] = at(text, 'regime');
    expect(otherSense(doc, g, h)).toBe(false);
    const [i, j] = at(text, 'regime', 1);
    expect(otherSense(doc, i, j)).toBe(true);
    // Only a finding that is exactly the word: a longer span is left alone.
    expect(otherSense(doc, i - 'ceasefire '.length, j)).toBe(false);
  });

  it('analyze() reports the charged sense and drops the other, for rules and model alike', () => {
    const analyzer = new Analyzer();
    const other = analyzer.analyze('The answer lies in the talks that resume next week. A ceasefire regime was agreed in 2019.');
    expect(other.findings.filter((f) => /^(lies|regime)$/i.test(f.text))).toEqual([]);
    const charged = analyzer.analyze('Their government spreads lies about the border. The regime crushed the protests.');
    expect(charged.findings.some((f) => /\blies\b/.test(f.text))).toBe(true);
    expect(charged.findings.some((f) => /\bregime\b/i.test(f.text))).toBe(true);
  });
});

describe('other senses read by the intensity and sourcing layers (fourth reading round)', () => {
  const analyzer = new Analyzer({ model: null });

  it('"where the problem lies" and "his animals" are no charged words, for findings, intensity and opinion alike', () => {
    const r = analyzer.analyze('Three of his animals died within a week. The permit does not cover the dam, which is exactly where the problem lies.');
    expect(r.findings.filter((f) => /^(animals|lies)$/i.test(f.text))).toEqual([]);
    expect(r.intensity!.sentences.flatMap((s) => s.contributions).filter((c) => /animals|lies/i.test(c.text))).toEqual([]);
    expect(r.sourcing!.sentences[0]!.class).not.toBe('opinion');
  });

  it('still reads the charged sense where nothing shows the other', () => {
    const r = analyzer.analyze('They are animals, and everything they say is lies.');
    expect(r.intensity!.sentences[0]!.contributions.some((c) => /animals/.test(c.text))).toBe(true);
    expect(r.sourcing!.sentences[0]!.class).toBe('opinion');
  });
});
