import type { Finding } from '../core/finding.js';
import type { Doc } from '../text/segment.js';
import { F_UPPER, K_PUNCT, K_WORD, tokenLower } from '../text/tokenise.js';
import type { TermMatch, TermMatcher } from '../frames/term-matcher.js';
import { wordLookupSet } from '../sourcing/words.js';
import type { IntensityKind, IntensityTerm } from './lexicons.js';
import { loadIntensityMatcher, threatVerbs } from './lexicons.js';

export const INTENSITY_BANDS = ['neutral', 'mild', 'moderate', 'strong', 'extreme'] as const;
export type IntensityBand = (typeof INTENSITY_BANDS)[number];

/** Lower bounds of the bands above neutral (score 0..100). */
export const BAND_FLOORS: Record<Exclude<IntensityBand, 'neutral'>, number> = { mild: 10, moderate: 30, strong: 50, extreme: 70 };

export function bandOf(score: number): IntensityBand {
  if (score >= BAND_FLOORS.extreme) return 'extreme';
  if (score >= BAND_FLOORS.strong) return 'strong';
  if (score >= BAND_FLOORS.moderate) return 'moderate';
  if (score >= BAND_FLOORS.mild) return 'mild';
  return 'neutral';
}

/** Points per occurrence and the most one sentence can collect from each kind. */
export const KIND_POINTS: Record<IntensityKind, { each: number; cap: number }> = {
  'loaded-term': { each: 1, cap: 4 },
  'name-calling': { each: 1.5, cap: 4.5 },
  absolute: { each: 0.5, cap: 1.5 },
  intensifier: { each: 0.5, cap: 1.5 },
  atrocity: { each: 2, cap: 6 },
  dehumanising: { each: 4.5, cap: 9 },
  eliminationist: { each: 7.5, cap: 12 },
  'call-to-action': { each: 2, cap: 4 },
  threat: { each: 3, cap: 6 },
  exclamation: { each: 0.8, cap: 2 },
  capitals: { each: 0.8, cap: 2.4 },
};

/** Points to score: 100 * (1 - e^(-points / SCALE)); one loaded word is mild, vermin plus a slur is strong. */
const SCALE = 6;
/** Words inside quotation marks are reported speech: they count, but less. */
const QUOTED_FACTOR = 0.6;
/** Document score: power mean of sentence scores, so a few heated sentences show without being drowned. */
const DOC_POWER = 4;

const ACRONYMS = new Set(['unicef', 'unesco', 'unhcr', 'opec', 'nasdaq', 'fifa', 'uefa', 'interpol', 'asean', 'covid', 'nato', 'ngos']);
const YOU = new Set(['you', 'your', 'yours', "you'll", "you're", 'yourselves', 'yourself']);
/** YOU by token id: one array read for most words. */
const YOU_WORD = wordLookupSet(YOU);
const FUTURE = new Set(['will', 'shall', "'ll", 'gonna', 'going', "you'll", 'soon']);

/** A run of words in capitals: all of it when three or more, else words of five letters or more that are not acronyms. */
function capitals(t: Doc['tokens'], run: number[], hits: Hit[], quoted: (at: number) => boolean): void {
  for (const i of run) {
    const len = t.end[i]! - t.start[i]!;
    if (run.length >= 3 || (len >= 5 && !ACRONYMS.has(tokenLower(t, i)))) hits.push({ kind: 'capitals', weight: 1, start: t.start[i]!, end: t.end[i]!, quoted: quoted(t.start[i]!) });
  }
}

export interface IntensityContribution {
  kind: IntensityKind;
  text: string;
  start: number;
  end: number;
  points: number;
  quoted?: boolean;
}

export interface SentenceIntensity {
  index: number;
  start: number;
  end: number;
  score: number;
  band: IntensityBand;
  contributions: IntensityContribution[];
}

export interface IntensityReport {
  /** 0 (neutral report) .. 100 (dehumanising, eliminationist). */
  score: number;
  band: IntensityBand;
  /** The highest sentence score. */
  peak: number;
  /** Per kind over the document: occurrences and points (after per-sentence caps), largest first. */
  contributions: Array<{ kind: IntensityKind; count: number; points: number }>;
  sentences: SentenceIntensity[];
}

type SpanFn = (start: number, end: number) => { start: number; end: number; text: string };

interface Hit {
  kind: IntensityKind;
  weight: number;
  start: number;
  end: number;
  quoted: boolean;
  /** Original offsets when already mapped (name-calling findings). */
  original?: { start: number; end: number; text: string };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function pointsToScore(points: number): number {
  return round1(100 * (1 - Math.exp(-points / SCALE)));
}

/** Scores discourse intensity per sentence and per document, with the contributions behind each score. */
export class IntensityScorer {
  private readonly matcher: TermMatcher<IntensityTerm>;
  private readonly verbs = threatVerbs();

  constructor(extraDirs: readonly string[] = []) {
    this.matcher = loadIntensityMatcher(extraDirs);
  }

  /**
   * `findings` (original offsets) contribute their name-calling spans; `span` maps canonical
   * spans of the document to the original input.
   */
  score(doc: Doc, span: SpanFn, findings: readonly Finding[] = []): IntensityReport {
    const names = findings.filter((f) => f.technique === 'name-calling');
    const quoted = this.quotedMask(doc);
    const sentences: SentenceIntensity[] = [];
    const totals = new Map<IntensityKind, { count: number; points: number }>();
    let ni = 0;
    // One callback for the whole document (not a closure per sentence).
    let hits: Hit[] = [];
    const onTerm = (m: TermMatch<IntensityTerm>) => {
      hits.push({ kind: m.entry.value.kind, weight: m.entry.value.weight, start: m.start, end: m.end, quoted: quoted(m.start) });
    };
    for (const s of doc.sentences) {
      const o = span(s.start, s.end);
      hits = [];
      this.matcher.scan(doc, s.tokenStart, s.tokenEnd, onTerm);
      this.threats(doc, s.tokenStart, s.tokenEnd, hits, quoted);
      this.typography(doc, s.tokenStart, s.tokenEnd, hits, quoted);
      // Name-calling findings that start inside this sentence (findings are sorted by start).
      while (ni < names.length && names[ni]!.start < o.start) ni++;
      for (let j = ni; j < names.length && names[j]!.start < o.end; j++) {
        const f = names[j]!;
        // A loaded or name-calling word list hit inside the finding's words is not counted twice.
        for (let h = hits.length - 1; h >= 0; h--) {
          const hk = hits[h]!.kind;
          if (hk !== 'loaded-term' && hk !== 'name-calling') continue;
          const ho = span(hits[h]!.start, hits[h]!.end);
          if (ho.start < f.end && f.start < ho.end) hits.splice(h, 1);
        }
        hits.push({ kind: 'name-calling', weight: 1, start: 0, end: 0, quoted: false, original: { start: f.start, end: f.end, text: f.text } });
      }
      const contributions: IntensityContribution[] = [];
      const used = new Map<IntensityKind, number>();
      let points = 0;
      for (const h of hits) {
        const rule = KIND_POINTS[h.kind];
        const before = used.get(h.kind) ?? 0;
        const raw = rule.each * h.weight * (h.quoted ? QUOTED_FACTOR : 1);
        const p = Math.min(raw, rule.cap - before);
        if (p <= 0) continue;
        used.set(h.kind, before + p);
        points += p;
        const where = h.original ?? span(h.start, h.end);
        contributions.push({ kind: h.kind, text: where.text, start: where.start, end: where.end, points: round1(p), ...(h.quoted ? { quoted: true } : {}) });
        const t = totals.get(h.kind) ?? { count: 0, points: 0 };
        t.count++;
        t.points += p;
        totals.set(h.kind, t);
      }
      contributions.sort((a, b) => a.start - b.start);
      const score = pointsToScore(points);
      sentences.push({ index: s.index, start: o.start, end: o.end, score, band: bandOf(score), contributions });
    }
    let acc = 0;
    let peak = 0;
    for (const s of sentences) {
      acc += Math.pow(s.score, DOC_POWER);
      peak = Math.max(peak, s.score);
    }
    const score = sentences.length ? round1(Math.pow(acc / sentences.length, 1 / DOC_POWER)) : 0;
    const contributions = [...totals]
      .map(([kind, t]) => ({ kind, count: t.count, points: round1(t.points) }))
      .sort((a, b) => b.points - a.points || (a.kind < b.kind ? -1 : 1));
    return { score, band: bandOf(score), peak, contributions, sentences };
  }

  /** "you will pay", "your homes will burn": you/your, a future marker, then a threat verb. */
  private threats(doc: Doc, from: number, to: number, hits: Hit[], quoted: (at: number) => boolean): void {
    const t = doc.tokens;
    for (let i = from; i < to; i++) {
      if (t.kind[i] !== K_WORD || !YOU_WORD.has(t, i)) continue;
      if (hits.some((h) => h.kind === 'threat' && h.start <= t.start[i]! && t.start[i]! < h.end)) continue;
      let future = tokenLower(t, i) === "you'll";
      for (let j = i + 1; j < Math.min(to, i + 6); j++) {
        if (t.kind[j] !== K_WORD) break;
        const w = tokenLower(t, j);
        if (FUTURE.has(w)) future = true;
        else if (future && this.verbs.has(w)) {
          hits.push({ kind: 'threat', weight: 1, start: t.start[i]!, end: t.end[j]!, quoted: quoted(t.start[i]!) });
          i = j;
          break;
        }
      }
    }
  }

  /** Exclamation marks, and words in capitals that are not acronyms (shouting). */
  private typography(doc: Doc, from: number, to: number, hits: Hit[], quoted: (at: number) => boolean): void {
    const t = doc.tokens;
    const text = doc.text;
    let run: number[] = [];
    for (let i = from; i < to; i++) {
      if (t.kind[i] === K_PUNCT) {
        if (text.charCodeAt(t.start[i]!) === 33) {
          // "!!!" is one token: each mark counts (up to the cap).
          let n = 0;
          for (let k = t.start[i]!; k < t.end[i]!; k++) if (text.charCodeAt(k) === 33) n++;
          hits.push({ kind: 'exclamation', weight: n, start: t.start[i]!, end: t.end[i]!, quoted: quoted(t.start[i]!) });
        }
        continue;
      }
      if (t.kind[i] === K_WORD && t.flags[i]! & F_UPPER) run.push(i);
      else if (run.length > 0) {
        capitals(t, run, hits, quoted);
        run = [];
      }
    }
    if (run.length > 0) capitals(t, run, hits, quoted);
  }

  private quotedMask(doc: Doc): (at: number) => boolean {
    const q = doc.quotes;
    if (q.length === 0) return () => false;
    return (at) => {
      let lo = 0;
      let hi = q.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (q[mid]!.end <= at) lo = mid + 1;
        else if (q[mid]!.start > at) hi = mid - 1;
        else return true;
      }
      return false;
    };
  }
}
