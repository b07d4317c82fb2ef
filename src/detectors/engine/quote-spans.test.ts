import { describe, expect, it } from 'vitest';
import { segment } from '../../text/segment.js';
import { keepToQuote } from './quote-spans.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

/** The text of the span keepToQuote gives a finding over `phrase` (first occurrence). */
function kept(text: string, phrase: string): string {
  const doc = segment(text, vocab);
  // Canonical text has straight quote marks.
  const s = doc.text.indexOf(phrase.replace(/[‘’]/g, "'").replace(/[“”]/g, '"'));
  expect(s).toBeGreaterThanOrEqual(0);
  const [a, b] = keepToQuote(doc, s, s + phrase.length);
  return doc.text.slice(a, b);
}

describe('keepToQuote', () => {
  it('moves an edge off the opening or closing mark', () => {
    expect(kept('‘Our homeland comes first,’ said a Korvani official.', '‘Our homeland comes first')).toBe('Our homeland comes first');
    expect(kept('The envoy said: "Dastria stands with its soldiers." Talks resumed.', 'Dastria stands with its soldiers."')).toBe('Dastria stands with its soldiers.');
  });

  it('ends a finding where the quotation ends instead of running on into the attribution', () => {
    const text = '"Every true Ostrelian will defend this land," the Tarvian minister said on Monday.';
    expect(kept(text, 'Every true Ostrelian will defend this land," the Tarvian minister said')).toBe('Every true Ostrelian will defend this land');
  });

  it('starts a mostly quoted finding where the quotation starts', () => {
    const text = 'He told them "our glorious and eternal nation will never kneel to anyone" at the rally.';
    expect(kept(text, 'them "our glorious and eternal nation will never kneel')).toBe('our glorious and eternal nation will never kneel');
  });

  it('leaves scare quotes, findings inside a quotation and findings outside any alone', () => {
    const scare = 'The so-called "peace plan" of Sylvania is a trap.';
    expect(kept(scare, 'so-called "peace plan')).toBe('so-called "peace plan');
    const inside = '"We will never give up our sacred soil," said the Freedonian mayor.';
    expect(kept(inside, 'sacred soil')).toBe('sacred soil');
    expect(kept('No quotation marks appear in this Tarvian sentence at all.', 'Tarvian sentence')).toBe('Tarvian sentence');
  });

  it('leaves a finding that holds a whole quotation and words on both sides', () => {
    const text = 'The mayor said "our brave people will never surrender" and then left the stage.';
    expect(kept(text, 'said "our brave people will never surrender" and then')).toBe('said "our brave people will never surrender" and then');
  });
});
