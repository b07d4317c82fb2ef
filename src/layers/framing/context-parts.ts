import type { ActorType } from '../../core/actors.js';
import { isCap, wordSet } from '../../lexicon/word-sets.js';
import type { Doc } from '../../text/segment.js';
import type { VoiceAnalysis } from '../voice/analyse.js';
import type { MentionSpan } from './features.js';

/*
 * Per-document lookups that docContext and the featurizer build from the voice analysis and the
 * segmentation: each segment's voice condition, the speakers the author argues against, the
 * sentences that cast nobody (notes, bylines), and the segments each mention speaks or is accused in.
 */

/**
 * Voice conditions of a cue, relative to the author: 0 none (the pooled feature), 1 the author's
 * words, 2 a source's the author does not judge, 3 a source's the author rejects, 4 doubts,
 * 5 endorses. A cue in rejected words gets only its conditioned feature: a charge the author quotes
 * in order to reject it must not count as the author's.
 */
export const COND = { NONE: 0, AUTHOR: 1, SOURCE: 2, REJECTED: 3, DOUBTED: 4, ENDORSED: 5 } as const;
export const COND_NAMES = ['', 'author', 'source', 'rejected', 'doubted', 'endorsed'];

const BY_WORD = wordSet('by');
const PIECE_WORDS = wordSet('commentary analysis opinion column essay report statement article editorial briefing paper note written published prepared');

/**
 * Entries of a list of notes or references: sentences labelled by a marker that stands at the start
 * of a line ("\n[3] Decree of the government no. 41, March 2."; the segmenter's citations).
 */
export function citationSentences(doc: Doc): Uint8Array {
  const out = new Uint8Array(doc.sentences.length);
  const t = doc.tokens;
  // Bylines: a short sentence that opens with "By" or "<a kind of piece> by" ("A commentary by").
  for (const s of doc.sentences) {
    if (s.tokenEnd - s.tokenStart > 14) continue;
    for (let i = s.tokenStart; i < Math.min(s.tokenEnd - 1, s.tokenStart + 4); i++) {
      if (!BY_WORD.at(t, i)) continue;
      if (i === s.tokenStart ? isCap(t, i) : PIECE_WORDS.at(t, i - 1)) out[s.index] = 1;
      break;
    }
  }
  for (const c of doc.citations) {
    let j = c.start - 1;
    while (j >= 0 && (doc.text[j] === ' ' || doc.text[j] === '\t')) j--;
    if ((j < 0 || doc.text[j] === '\n') && c.sentence >= 0 && c.sentence < out.length) out[c.sentence] = 1;
  }
  return out;
}

/**
 * The parties the author argues against: speakers (mentions inside a speaker phrase) of words the
 * author rejects or doubts, with their types. Their opponents are often the side the author defends.
 */
export function counteredSpeakers(spans: readonly MentionSpan[], v: VoiceAnalysis, segCond: Int8Array): Map<string, ActorType> {
  const out = new Map<string, ActorType>();
  v.segments.forEach((x, si) => {
    const sp = x.speaker;
    // A source quoted inside another's report ("X said that the monitors had claimed P") is not the
    // party the author argues against when it rejects the report: the reporter is.
    if (!sp || sp.pronoun || x.parent !== -1 || (segCond[si] !== COND.REJECTED && segCond[si] !== COND.DOUBTED)) return;
    for (const m of spans) if (m.a >= sp.a && m.b <= sp.b) out.set(m.group, m.type);
  });
  return out;
}

/** The voice condition of each segment (its own stance, or a judged enclosing one's). */
export function segmentConds(v: VoiceAnalysis): Int8Array {
  const out = new Int8Array(v.segments.length);
  v.segments.forEach((_x, seg) => {
    let cond: number = COND.SOURCE;
    for (let p = seg; p !== -1; p = v.segments[p]!.parent) {
      const st = v.segments[p]!.stance;
      if (st === 'rejects') { cond = COND.REJECTED; break; }
      if (st === 'doubts' && cond === COND.SOURCE) cond = COND.DOUBTED;
      if (st === 'endorses' && cond === COND.SOURCE) cond = COND.ENDORSED;
    }
    out[seg] = cond;
  });
  return out;
}

/**
 * Per span: the voice segments whose speaker phrase holds it (2 si) and the accusations it stands
 * at the start of (2 si + 1), in segment order, speaker before accused. Spans sorted by start (as
 * the analysis gives them) are found by binary search; others by `segmentHitsPlain`.
 */
export function segmentHits(spans: readonly MentionSpan[], v: VoiceAnalysis): Array<number[] | undefined> {
  for (let k = 1; k < spans.length; k++) if (spans[k]!.a < spans[k - 1]!.a) return segmentHitsPlain(spans, v);
  const out: Array<number[] | undefined> = new Array(spans.length);
  /** The first span starting at or after token a. */
  const from = (a: number): number => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.a < a) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const add = (k: number, hit: number) => { (out[k] ??= []).push(hit); };
  for (let si = 0; si < v.segments.length; si++) {
    const x = v.segments[si]!;
    const sp = x.speaker;
    if (sp) for (let k = from(sp.a); k < spans.length && spans[k]!.a <= sp.b; k++) if (spans[k]!.b <= sp.b) add(k, 2 * si);
    if (x.mode === 'accusation') for (let k = from(x.a); k < spans.length && spans[k]!.a <= x.a + 2; k++) add(k, 2 * si + 1);
  }
  return out;
}

/** segmentHits by testing every span against every segment (any order of spans). */
export function segmentHitsPlain(spans: readonly MentionSpan[], v: VoiceAnalysis): Array<number[] | undefined> {
  const out: Array<number[] | undefined> = new Array(spans.length);
  for (let k = 0; k < spans.length; k++) {
    const m = spans[k]!;
    for (let si = 0; si < v.segments.length; si++) {
      const x = v.segments[si]!;
      const sp = x.speaker;
      if (sp && m.a >= sp.a && m.b <= sp.b) (out[k] ??= []).push(2 * si);
      if (x.mode === 'accusation' && m.a >= x.a && m.a <= x.a + 2) (out[k] ??= []).push(2 * si + 1);
    }
  }
  return out;
}
