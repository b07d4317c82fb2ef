import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { segment } from '../../text/segment.js';
import { findMentions } from './mentions.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const mentioned = (text: string) => findMentions(segment(text, vocab)).map((m) => `${text.slice(m.start, m.end)}${m.technique ? ` (${m.technique})` : ''}`);

describe('mentions', () => {
  it('finds a technique name as a mention of that technique only', () => {
    expect(mentioned('The ministry dismissed the report as hearsay.')).toEqual(['hearsay (hearsay)']);
    expect(mentioned('Critics called the speech pure fear-mongering.')).toEqual(['fear-mongering (appeal-to-fear)']);
    // "spreading rumours" names the act of hearsay: a text that reports the charge is not hearsay itself.
    expect(mentioned('Anyone who asked was told to stop spreading rumours.')).toEqual(['spreading rumours (hearsay)']);
  });

  it('drops a hearsay finding on a charge of spreading rumours, and keeps one on rumours used as a source', () => {
    const a = new Analyzer({ model: null });
    const hearsay = (text: string) => a.analyze(text).findings.filter((f) => f.technique === 'hearsay').map((f) => f.text);
    expect(hearsay('Anyone who asked about the tape was told to stop spreading rumours.')).toEqual([]);
    expect(hearsay('Rumours are circulating that the minister has fled the country.').length).toBeGreaterThan(0);
  });

  it('finds a list of devices as a mention of every technique', () => {
    const text = 'The Dastrian broadcaster was accused of employing misleading titles, hearsay and weasel words for years.';
    expect(mentioned(text)).toContain('misleading titles, hearsay and weasel words');
  });

  it('does not read one name among loaded words as a list of devices', () => {
    const text = 'It is all hearsay, lies and smears from the Korvani camp.';
    expect(mentioned(text)).toEqual(['hearsay (hearsay)']);
  });

  it('finds terms after markers, with the marker', () => {
    expect(mentioned('Sylvanian papers repeated the accusation of genocide against Freedonia.')).toEqual(['accusation of genocide']);
    expect(mentioned('She objected to the word "traitor" in the motion.')).toEqual(['the word "traitor"']);
    expect(mentioned('The term ethnic cleansing appears twice in the Tarvian report.')).toEqual(['The term ethnic cleansing']);
    expect(mentioned('Allegations of war crimes were denied.')).toEqual(['Allegations of war crimes']);
  });

  it('needs a determiner where the marker has another sense', () => {
    expect(mentioned('He was put in charge of border security.')).toEqual([]);
    expect(mentioned('The charge of treason against the Ostrelian envoy was dropped.')).toEqual(['charge of treason']);
  });

  it('takes so-called as a marker only before a quotation or a name', () => {
    expect(mentioned('The so-called "peace plan" was signed in Tarvia.')).toEqual(['"peace plan"']);
    expect(mentioned('The treaty, the so-called Northern Pact, expired.')).toEqual(['Northern Pact']);
    expect(mentioned('These so-called experts have never visited Sylvania.')).toEqual([]);
  });
});

describe('mention is not use in analyze()', () => {
  const analyzer = new Analyzer({ model: null, judge: null });
  const findings = (text: string) => analyzer.analyze(text, { layers: false }).findings.map((f) => `${f.technique}: ${f.text}`);

  it('does not report a list of devices as hearsay', () => {
    const text = 'The Freedonian channel has a record of employing misleading titles, hearsay and weasel words.';
    expect(findings(text).filter((f) => f.startsWith('hearsay'))).toEqual([]);
  });

  it('still reports hearsay that is used, not mentioned', () => {
    expect(findings('Sylvanian troops reportedly crossed the river at night.').some((f) => f.startsWith('hearsay'))).toBe(true);
  });

  it('does not count a discussed term as repetition or loaded language', () => {
    const text = [
      'The accusation of genocide dominated the Korvani debate.',
      'Dastrian envoys rejected the accusation of genocide on Monday.',
      'Observers said the accusation of genocide needs evidence.',
      'Nobody withdrew the accusation of genocide by the evening.',
    ].join(' ');
    expect(findings(text).filter((f) => f.includes('genocide'))).toEqual([]);
  });

  it('keeps the same word when the author uses it', () => {
    const text = 'The Korvani regime is committing genocide. This genocide must end. Stop the genocide now.';
    expect(findings(text).some((f) => f.includes('genocide'))).toBe(true);
  });
});
