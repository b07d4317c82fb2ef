import { describe, expect, it } from 'vitest';
import { segment } from '../../text/segment.js';
import { builtinLexicons, builtinRuleFiles } from '../registry.js';
import type { CollectedFinding } from './contract.js';
import { RuleSet } from './ruleset.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

/** Two texts, both sides alike, with lexicon, pattern and regex rules firing several times each. */
const A = [
  'Freedonia Slams Sylvania Over Border Shelling',
  'The corrupt regime in Sylvania, critics say, unleashed a brutal massacre on innocent villagers.',
  'Why did the ministry wait three days before admitting anything? Some say the generals are hiding the truth.',
  'Either we stand with Freedonia or we surrender our freedom forever!',
  'Reportedly, sources close to the palace claim the so-called peace plan is a total disaster.',
].join('\n\n');
const B = [
  'Sylvania Accuses Freedonia of Lies',
  'The reckless warmongers of Freedonia, it is believed, spread shameless propaganda every single day.',
  'How can anyone trust a government that lies about everything? Why would they hide the casualty figures?',
  'We must act now, before it is too late, or the whole nation will be destroyed!',
  'According to unnamed officials, the so-called ceasefire was a cynical trick by the treacherous elites.',
].join('\n\n');

const plain = (fs: CollectedFinding[]) => fs.map((f) => `${f.ruleId}@${f.start}-${f.end}`);

/** A run that keeps finding the same match (a regex restarted by a nested run) fails instead of hanging. */
function bounded(list: unknown[], most: number): void {
  if (list.length > most) throw new Error(`more than ${most} findings: a run restarted`);
}

describe('RuleSet runs are re-entrant', () => {
  const set = new RuleSet(builtinRuleFiles(), builtinLexicons());
  const docA = segment(A, vocab);
  const docB = segment(B, vocab);
  const alone = { a: plain(set.run(docA)), b: plain(set.run(docB)) };

  it('finds enough of every rule kind in the texts for the test to mean something', () => {
    expect(alone.a.length).toBeGreaterThan(8);
    expect(alone.b.length).toBeGreaterThan(8);
    const regexRules = new Set(builtinRuleFiles().flatMap((f) => f.data.rules.filter((r) => r.kind === 'regex').map((r) => `${f.data.technique}/${r.id}`)));
    expect([...alone.a, ...alone.b].some((x) => regexRules.has(x.split('@')[0]!))).toBe(true);
    expect(new Set(set.run(docA).map((f) => f.source))).toEqual(new Set(['lexicon', 'pattern']));
  });

  it('a run started in the report callback of another, at every finding, changes neither', () => {
    const outer: CollectedFinding[] = [];
    const inner: string[][] = [];
    set.scan(docA, (f) => {
      outer.push(f);
      bounded(outer, alone.a.length);
      inner.push(plain(set.run(docB)));
    });
    expect(plain(outer)).toEqual(alone.a);
    expect(inner).toHaveLength(alone.a.length);
    for (const got of inner) expect(got).toEqual(alone.b);
  });

  it('two documents interleaved (each finding of one triggers the other, two levels deep) match runs one after the other', () => {
    const a: CollectedFinding[] = [];
    const b: string[][] = [];
    let depth = 0;
    set.scan(docA, (f) => {
      a.push(f);
      bounded(a, alone.a.length);
      const fromB: CollectedFinding[] = [];
      set.scan(docB, (g) => {
        fromB.push(g);
        bounded(fromB, alone.b.length);
        if (depth === 0) {
          depth++;
          expect(plain(set.run(docA))).toEqual(alone.a);
          depth--;
        }
      });
      b.push(plain(fromB));
    });
    expect(plain(a)).toEqual(alone.a);
    for (const got of b) expect(got).toEqual(alone.b);
    // And the set still runs alone as before.
    expect(plain(set.run(docB))).toEqual(alone.b);
  });
});
