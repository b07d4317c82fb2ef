import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import type { SpanRef } from '../../core/report.js';

/**
 * The sourcing, claims and actors layers never fail on any input, and every span they report is
 * exactly the original text at its offsets (curly quotes, entities, CRLF and emoji included).
 */
const analyzer = new Analyzer({ model: null });

const PIECES = [
  '"', '\u201c', '\u201d', "'", '\u2018', '\u2019', '&quot;', '&amp;', ',', '.', ':', '?', '!', '\r\n', '\n\n', ' ', ' ', ' ',
  'said', 'told', 'claimed', 'according to', 'reportedly', 'sources say', 'he', 'she', 'the', 'a', 'Freedonia', 'Sylvanian',
  'Baku', 'UN', 'Ana Petrova', 'Minister', 'accused', 'of', 'genocide', 'killed', '40', 'shelled', 'villages', 'by', 'citing',
  'It is believed', 'must', 'if', 'fled', '\u{1F600}', '\u00a0', 'Dr.', 'U.S.', "'s", 'who', 'asked', '\ufeff',
];

function spans(r: ReturnType<Analyzer['analyze']>): SpanRef[] {
  const out: SpanRef[] = [];
  for (const s of r.sourcing!.sentences) { out.push(s); if (s.cue) out.push(s.cue); }
  for (const q of r.quotations!) { out.push(q, q.content); if (q.speaker) out.push(q.speaker); if (q.verb) out.push(q.verb); }
  for (const c of r.claims!) {
    out.push(c, ...c.hedges, ...c.cues);
    const a = c.accusation;
    if (a) { out.push(a.charge); if (a.accuser) out.push(a.accuser); if (a.accused) out.push(a.accused); if (a.evidence) out.push(a.evidence); }
  }
  for (const a of r.actors!) out.push(...a.mentions, ...a.loadedTerms, ...a.framing.evidence);
  for (const v of r.voices!) { out.push(v); if (v.speakerSpan) out.push(v.speakerSpan); if (v.cue) out.push(v.cue); if (v.stanceCue) out.push(v.stanceCue); }
  return out;
}

describe('robustness', () => {
  it('never fails and reports exact original spans', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const r = analyzer.analyze(text);
        expect(r.errors.filter((e) => /sourcing|claims|actors/.test(e.detector))).toEqual([]);
        for (const s of spans(r)) expect(text.slice(s.start, s.end)).toBe(s.text);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
