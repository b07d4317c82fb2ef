import { describe, expect, it } from 'vitest';
import { Analyzer } from './analyzer.js';

/**
 * Neutrality: exchanging the names of two parties (countries, peoples, religions) must not change
 * which techniques are found, nor where (up to the names themselves).
 */
const analyzer = new Analyzer();

type Pair = [string, string];

function swapNames(text: string, pairs: readonly Pair[]): string {
  const map = new Map<string, string>();
  for (const [a, b] of pairs) {
    map.set(a, b);
    map.set(b, a);
  }
  const alternation = [...map.keys()].sort((x, y) => y.length - x.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(new RegExp(`\\b(?:${alternation.join('|')})\\b`, 'g'), (m) => map.get(m)!);
}

function signature(text: string, pairs: readonly Pair[], swapBack: boolean) {
  const report = analyzer.analyze(text);
  return report.findings
    .map((f) => `${f.technique}|${f.ruleId}|${swapBack ? swapNames(f.text, pairs) : f.text}|${f.confidence}`)
    .sort();
}

const countries: Pair[] = [['Freedonia', 'Sylvania'], ['Freedonian', 'Sylvanian'], ['Freedonians', 'Sylvanians']];
const religions: Pair[] = [['Christian', 'Muslim'], ['Christians', 'Muslims'], ['church', 'mosque']];
const peoples: Pair[] = [['Armenian', 'Azerbaijani'], ['Armenians', 'Azerbaijanis'], ['Yerevan', 'Baku'], ['Armenia', 'Azerbaijan']];

const texts: Array<[string, readonly Pair[]]> = [
  [
    'Freedonian forces shell the valley\n\nThe brutal Freedonian regime reportedly shelled the valley again, sources say. ' +
      'Sylvanian officials said the so-called ceasefire was a lie. Either Sylvania acts now or its people will be wiped out! ' +
      'What about the Freedonians who fled last year? True Sylvanian patriots will never surrender.',
    countries,
  ],
  [
    'The mainly Christian enclave was surrounded by Muslim militias, critics argue. Some say the Muslim nation wants revenge, ' +
      'while others claim the Christians provoked it. A church was burned and a mosque was looted; everyone knows who is to blame.',
    religions,
  ],
  [
    'Yerevan accused Baku of ethnic cleansing, while Azerbaijani officials called the Armenian claims hysterical propaganda. ' +
      'Armenians and Azerbaijanis both mourned their dead. The Armenian government said "this is genocide". ' +
      'Azerbaijan insisted it was restoring its sovereignty, and Armenia called it an invasion.',
    peoples,
  ],
];

describe('party swap', () => {
  it.each(texts.map(([t, p], i) => [i, t, p] as const))('text %i: swapping parties changes no finding', (_i, text, pairs) => {
    const swapped = swapNames(text, pairs);
    expect(swapped).not.toBe(text);
    expect(swapNames(swapped, pairs)).toBe(text);
    const before = signature(text, pairs, false);
    const after = signature(swapped, pairs, true);
    expect(after).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  });
});
