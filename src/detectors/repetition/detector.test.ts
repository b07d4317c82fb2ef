import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';

// The detector itself: no judge (which would silence rules under their measured precision).
const analyzer = new Analyzer({ model: null, judge: null });
const rules = (text: string) =>
  analyzer.analyze(text, { techniques: ['repetition'], layers: false }).findings.map((f) => `${f.ruleId}: ${f.text}`);

describe('repetition detector', () => {
  it('does not flag a topic word that a report naturally repeats', () => {
    const text = 'The dam on the river burst on Monday. Engineers had inspected the dam in May. The dam held back a lake of 40 million cubic metres, and the dam operator said repairs would take a year.';
    expect(rules(text)).toEqual([]);
  });

  it('reports both openings of an anaphora and every use of a repeated short quotation', () => {
    expect(rules('We will not forget. We will not forgive.')).toEqual([
      'repetition/anaphora: We will not',
      'repetition/anaphora: We will not',
    ]);
    const q = rules('Freedonia calls it a "peace plan". Nobody in Sylvania believes the "peace plan" will work.');
    expect(q.filter((r) => r.startsWith('repetition/repeated-quotation'))).toHaveLength(2);
  });

  it('reports a loaded term or label used three times, from its second use on', () => {
    expect(rules('The occupiers came in spring. By summer the occupiers held the coast.')).toEqual([]);
    const found = rules('The occupiers came in spring. By summer the occupiers held the coast. In autumn the occupiers left.');
    expect(found).toEqual(['repetition/repeated-loaded-term: occupiers', 'repetition/repeated-loaded-term: occupiers']);
    const labels = rules('Tarvian thugs blocked the road. The thugs beat a driver. Police watched the thugs leave.');
    expect(labels).toEqual(['repetition/repeated-loaded-term: thugs', 'repetition/repeated-loaded-term: thugs']);
  });

  it('ignores lines the page repeats verbatim', () => {
    const widget = 'Do you think the occupiers should leave Tarvia now?';
    const text = `${widget} Vote in our poll. The occupiers came in spring. ${widget} Vote in our poll. ${widget}`;
    expect(rules(text)).toEqual([]);
  });

  it('leaves grammatical doubles alone but flags emphatic ones', () => {
    expect(rules('He had had enough of the talks.')).toEqual([]);
    expect(rules('It was very, very late.')).toEqual(['repetition/emphatic-doubling: very, very']);
  });

  it('reports a repeated phrase from its second use on, the longest phrase first', () => {
    const text = 'Officials promised cheaper grain export deals this year. Farmers still wait for cheaper grain export deals today. Nobody believes cheaper grain export deals will come.';
    expect(rules(text).filter((r) => r.startsWith('repetition/recurring-phrase'))).toEqual([
      'repetition/recurring-phrase: cheaper grain export deals',
      'repetition/recurring-phrase: cheaper grain export deals',
    ]);
  });
});
