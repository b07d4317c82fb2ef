import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { evaluateClasses, evaluateQuotations, loadClassFixtures, loadQuoteFixtures } from './evaluate.js';
import { SOURCING_CLASSES } from './classify.js';

/**
 * The hand-annotated tables, scored. Floors sit a little under the measured values (see
 * docs/evaluation.md) so that a real regression fails, with the misclassified sentences listed.
 */
const analyzer = new Analyzer({ model: null });

describe('sourcing fixture tables', () => {
  it('have enough annotated sentences in every class', () => {
    const dev = loadClassFixtures('classes');
    const quotes = loadQuoteFixtures();
    expect(dev.length + loadClassFixtures('classes-heldout').length + loadClassFixtures('classes-blind').length + quotes.length).toBeGreaterThanOrEqual(150);
    for (const c of SOURCING_CLASSES) expect(dev.filter((f) => f.gold === c).length, c).toBeGreaterThanOrEqual(20);
  });

  it.each([
    ['classes', 0.95],
    ['classes-heldout', 0.9],
    ['classes-blind', 0.8],
  ] as const)('%s: macro F1 at least %s', (set, floor) => {
    const ev = evaluateClasses(analyzer, set);
    const misses = ev.errors.map((e) => `${e.gold} -> ${e.predicted}: ${e.text}`).join('\n');
    expect(ev.macroF1, misses).toBeGreaterThanOrEqual(floor);
    for (const c of SOURCING_CLASSES) expect(ev.perClass[c].recall, `${c} recall\n${misses}`).toBeGreaterThanOrEqual(0.5);
  });

  it('quotation speakers on the blind set', () => {
    const ev = evaluateQuotations(analyzer, 'quotations-blind');
    expect(ev.found).toBe(ev.quotes);
    expect(ev.speaker.f1, ev.errors.join('\n')).toBeGreaterThanOrEqual(0.8);
  });

  it('quotation speakers, verbs and tones', () => {
    const ev = evaluateQuotations(analyzer);
    const misses = ev.errors.join('\n');
    expect(ev.found, misses).toBe(ev.quotes);
    expect(ev.speaker.f1, misses).toBeGreaterThanOrEqual(0.9);
    expect(ev.verb.correct / ev.verb.total, misses).toBeGreaterThanOrEqual(0.9);
    expect(ev.tone.correct, misses).toBe(ev.tone.total);
    for (const [via, r] of Object.entries(ev.byVia)) expect(r.correct / r.total, `${via}\n${misses}`).toBeGreaterThanOrEqual(0.6);
  });
});
