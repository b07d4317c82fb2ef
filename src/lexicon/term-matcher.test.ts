import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment } from '../text/segment.js';
import { Vocab } from '../text/vocab.js';

/** The vocabulary these tests tokenise with. */
const vocab = new Vocab();
import { TermMatcher } from './term-matcher.js';

function matches(m: TermMatcher<string>, text: string): string[] {
  const doc = segment(text, vocab);
  const out: string[] = [];
  m.scan(doc, 0, doc.tokens.count, (h) => out.push(`${h.entry.value}:${doc.text.slice(h.start, h.end)}`));
  return out;
}

describe('TermMatcher', () => {
  const m = new TermMatcher<string>();
  m.add('wipe out', 'phrase');
  m.add('wipe', 'word');
  m.add('econom*', 'prefix');
  m.add('human rights law*', 'mixed');
  m.add('vermin', 'dehumanising');

  it('prefers the longest entry at a position and does not overlap', () => {
    expect(matches(m, 'They will wipe out the town and wipe the slate.')).toEqual(['phrase:wipe out', 'word:wipe']);
  });
  it('matches prefixes, case-insensitively, inside phrases too', () => {
    expect(matches(m, 'The Economy and economic policy. Human rights lawyers spoke.')).toEqual([
      'prefix:Economy', 'prefix:economic', 'mixed:Human rights lawyers',
    ]);
  });
  it('does not match a phrase across punctuation', () => {
    expect(matches(m, 'Wipe, out.')).toEqual(['word:Wipe']);
  });
  it('lets a later entry replace the value of the same term', () => {
    const m2 = new TermMatcher<number>();
    m2.add('Vermin', 1);
    m2.add('vermin', 2);
    expect(m2.size).toBe(1);
    expect(m2.hasWord('vermin')).toBe(true);
    const doc = segment('vermin', vocab);
    const got: number[] = [];
    m2.scan(doc, 0, doc.tokens.count, (h) => got.push(h.entry.value));
    expect(got).toEqual([2]);
  });
  it('prefers the later-added of two equally long entries (exact word and prefix)', () => {
    const m3 = new TermMatcher<string>();
    m3.add('massacre', 'loaded');
    m3.add('massacre*', 'atrocity');
    m3.add('massacred', 'loaded');
    const doc = segment('massacre massacres massacred', vocab);
    const got: string[] = [];
    m3.scan(doc, 0, doc.tokens.count, (h) => got.push(h.entry.value));
    expect(got).toEqual(['atrocity', 'atrocity', 'loaded']);
  });
  it('merges exact and nested prefix entries by length, then the latest added', () => {
    const m4 = new TermMatcher<string>();
    m4.add('econ*', 'short');
    m4.add('econom* crisis', 'phrase');
    m4.add('economy', 'exact');
    m4.add('econom*', 'long');
    const got = (text: string) => {
      const doc = segment(text, vocab);
      const out: string[] = [];
      m4.scan(doc, 0, doc.tokens.count, (h) => out.push(`${h.entry.value}:${doc.text.slice(h.start, h.end)}`));
      return out;
    };
    expect(got('economy crisis, economy, economic, econ, eco')).toEqual(['phrase:economy crisis', 'long:economy', 'long:economic', 'short:econ']);
    expect(m4.hasWord('economics')).toBe(true);
    expect(m4.hasWord('eco')).toBe(false);
  });
  it('matches words outside the vocabulary across documents, and phrase words the vocabulary gains later', () => {
    const m5 = new TermMatcher<string>();
    m5.add('zorblax quintrelvek', 'phrase');
    m5.add('zorblax', 'word');
    expect(matches(m5, 'A zorblax quintrelvek and a zorblax.')).toEqual(['phrase:zorblax quintrelvek', 'word:zorblax']);
    expect(matches(m5, 'Zorblax, then zorblax quintrelvek.')).toEqual(['word:Zorblax', 'phrase:zorblax quintrelvek']);
    // The phrase's second word becomes a vocab word (a global id) after the matcher resolved it.
    vocab.intern('quintrelvek');
    expect(matches(m5, 'zorblax quintrelvek')).toEqual(['phrase:zorblax quintrelvek']);
    const doc = segment('one zorblax quintrelvek', vocab);
    const got: string[] = [];
    m5.scanEntries(doc, 0, doc.tokens.count, (e, a, b) => got.push(`${e.value}:${a}-${b}`));
    expect(got).toEqual(['phrase:1-3']);
  });
  it('scans what a walk with the candidate lists finds, longest first and without overlap (the word-table skip of scanEntries)', () => {
    const m8 = new TermMatcher<string>();
    for (const [term, value] of [['wipe out', 'phrase'], ['wipe', 'word'], ['econom*', 'prefix'], ['out of', 'oo'], ['the public', 'tp'], ['public', 'p']] as const) m8.add(term, value);
    const words = ['wipe', 'out', 'of', 'economy', 'the', 'public', 'plan', ',', 'Wipe', 'zqx'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }), (ws) => {
        const doc = segment(ws.join(' '), vocab);
        const t = doc.tokens;
        const got: string[] = [];
        m8.scanEntries(doc, 0, t.count, (e, a, b) => got.push(`${e.value}:${a}-${b}`));
        const plain: string[] = [];
        for (let i = 0; i < t.count; i++) {
          const e = m8.matchAtList(t, i, t.count);
          if (!e) continue;
          plain.push(`${e.value}:${i}-${m8.lastEnd}`);
          i = m8.lastEnd - 1;
        }
        expect(got).toEqual(plain);
      }),
      { numRuns: 200 },
    );
  });

  it('finds at every token what walking the candidate list finds (the one-word fast path of matchAt)', () => {
    const m6 = new TermMatcher<string>();
    for (const [term, value] of [['wipe out', 'phrase'], ['wipe', 'word'], ['econom*', 'prefix'], ['economy crisis', 'p2'], ['ecology', 'exact'], ['eco*', 'short'], ['Freedonia', 'name'], ['freedonian forces*', 'p3'], ['out', 'out'], ['zorblax', 'oov'], ['the public', 'tp'], ['public opinion', 'po']] as const) m6.add(term, value);
    const words = ['wipe', 'out', 'economy', 'economic', 'crisis', 'ecology', 'eco', 'Freedonia', 'freedonian', 'forces', 'forceful', 'zorblax', 'the', ',', '.', 'Wipe', 'ECONOMY', 'public', 'opinion', 'The'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 40 }), (ws) => {
        const doc = segment(ws.join(' '), vocab);
        const t = doc.tokens;
        for (let i = 0; i < t.count; i++) {
          for (const to of [t.count, Math.min(t.count, i + 1)]) {
            const fast = m6.entryAt(doc, i, to);
            const fastEnd = m6.lastEnd;
            const plain = m6.matchAtList(t, i, to);
            if (fast !== plain || (plain !== null && fastEnd !== m6.lastEnd)) return false;
          }
        }
        return true;
      }),
      { numRuns: 200 },
    );
    // A text tokenised before a matcher interned its phrase words has local ids for them.
    const early = segment('the quorvantic plan and the quorvantic, the zelbrix quorvantic', vocab);
    const m7 = new TermMatcher<string>();
    m7.add('the quorvantic', 'phrase');
    m7.add('the', 'word');
    m7.add('zelbrix quorvantic*', 'prefix-phrase');
    const seen: string[] = [];
    for (let i = 0; i < early.tokens.count; i++) {
      const fast = m7.entryAt(early, i, early.tokens.count);
      const end = m7.lastEnd;
      const plain = m7.matchAtList(early.tokens, i, early.tokens.count);
      expect(fast).toBe(plain);
      if (plain) {
        expect(end).toBe(m7.lastEnd);
        seen.push(`${plain.value}:${i}-${end}`);
      }
    }
    expect(seen).toEqual(['phrase:0-2', 'phrase:4-6', 'word:7-8', 'prefix-phrase:8-10']);
    // Adding an entry forgets what the fast path knew.
    m6.add('wipe', 'word2');
    m6.add('ecology now', 'p4');
    expect(matches(m6 as TermMatcher<string>, 'wipe ecology now ecology')).toEqual(['word2:wipe', 'p4:ecology now', 'short:ecology']);
  });
});
