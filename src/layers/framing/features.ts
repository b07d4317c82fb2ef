import type { ActorType } from '../../core/actors.js';
import { ACTOR_TYPES } from '../../core/actors.js';
import { TECHNIQUE_IDS, type TechniqueId } from '../../core/taxonomy.js';
import { isCap, isNumber, isWord, lower, punctChar } from '../../lexicon/word-sets.js';
import type { Doc } from '../../text/segment.js';
import { LoadedTerms } from './loaded.js';
import type { VoiceAnalysis } from '../voice/analyse.js';
import { CUE_CLASSES, cueClassIndex, cueLength, cueMask } from './cues.js';
import { ADVERB, AGAINST, AND_OR, BY, CLAUSE_BREAK, DETERMINERS, FIRST_PERSON, NEGATOR, NOUN_OPENERS, OF, OWNERS, OWNER_SET, PASSIVE_AUX, POSITIVE_MASK, PREP_OBJECT, STOP } from './context-words.js';
import { NO_VALENCE, type Valence } from './valence.js';
import { defenceMask } from './defence.js';
import { negatedAt } from './negation.js';
import { coordinated, coordinatedPrepObject } from './coordination.js';
import { wordClusters, type Clusters } from './clusters.js';
import { featureBuffers, tokenFacts, type FeatureBuffers } from './scratch.js';
import { citationSentences, COND, COND_NAMES, counteredSpeakers, segmentConds, segmentHits } from './context-parts.js';
import type { StemIndex } from './stems.js';
import { isDateWord } from '../../lexicon/dates.js';

export { citationSentences, COND, COND_NAMES, segmentHits, segmentHitsPlain } from './context-parts.js';
export { frozenStems, growingStems, type StemIndex } from './stems.js';

/** Classes that name a party in its own words ("the regime", "civilians", "the rescuers"): read inside a mention. */
const NAME_CLASSES = ['label_neg', 'label_pos', 'vulnerable', 'carer'].map(cueClassIndex).filter((c) => c >= 0).reduce((m, c) => m | (1 << c), 0);

/** Valence feature value: where (0 right, 1 left, 2 elsewhere in the sentence), sign and strength. */
const valenceValue = (where: number, v: number) => where * 4 + (v < 0 ? 2 : 0) + (Math.abs(v) >= 2 ? 1 : 0);

/**
 * Features of one actor mention for the framing classifier: what stands around the mention, never
 * the mention's name (other mentions read as one placeholder), so that swapping two parties' names
 * swaps their features. Each feature is a number: (template, voice condition, value) packed as
 * `(template * 8 + cond) * 2^21 + value`, where the value is a cue class, a type, a technique or
 * the id of a word stem in the model's vocabulary.
 */

/** A mention to featurise: tokens [a, b), its sentence, the actor it belongs to and its type. */
export interface MentionSpan {
  a: number;
  b: number;
  sentence: number;
  group: string;
  type: ActorType;
}

/** Feature templates. */
export const T = {
  BIAS: 1, TYPE: 2, HEAD: 3, AGENT: 4, PATIENT: 5, SENT: 6, R1: 7, R2: 8, L1: 9, L2: 10, SPEAKER: 11, ACCUSED: 12,
  LOADED: 13, TECH: 14, FREQ: 15, FIRST: 16, SUBJECT: 17, LABEL: 18, NEAR: 19, OTHERS: 20, RBAG: 21, LBAG: 22, VAL: 23, DET: 24, DOC: 25, SCLASS: 26, RCL: 27, LCL: 28,
  COUNTER: 29, NEG: 30,
} as const;
export const TEMPLATE_NAMES: Record<number, string> = Object.fromEntries(Object.entries(T).map(([k, v]) => [v, k.toLowerCase()]));

const VALUE = 2 ** 21;
/** Keys' values lie in [0, VALUE_RANGE). */
export const VALUE_RANGE = VALUE;
export const key = (tpl: number, cond: number, value: number): number => (tpl * 8 + cond) * VALUE + value;
/** keyParts(k).tpl without the object. */
export const keyTemplate = (k: number): number => Math.floor(Math.floor(k / VALUE) / 8);
export const keyParts = (k: number): { tpl: number; cond: number; value: number } => {
  const hi = Math.floor(k / VALUE);
  return { tpl: Math.floor(hi / 8), cond: hi % 8, value: k % VALUE };
};

/** A cue that fired for a mention: its feature key and the tokens it rests on (for evidence). */
export interface FiredCue {
  key: number;
  a: number;
  b: number;
  /** Voice segment of the cue (-1: the author's words). */
  seg: number;
}

export interface FeatureRow {
  keys: number[];
  cues: FiredCue[];
}

/** Per document: which mention covers each token, technique marks, and counts per group. */
export interface DocContext {
  doc: Doc;
  spans: readonly MentionSpan[];
  voice: VoiceAnalysis;
  /**
   * Mention index at each token, -1 none. This and the per-span and per-group arrays below are
   * plain arrays: typed arrays allocated per document cost more (off the heap, tracked by the
   * collector) than the few reads each entry gets.
   */
  owner: readonly number[];
  /** Techniques (indexes into TECHNIQUE_IDS) whose findings cover each token, as bit sets over 32-technique words. */
  techAt: Map<number, number[]>;
  /** Group (actor) index of each span, numbered in order of first mention. */
  spanGroup: readonly number[];
  /** Per group index: its number of spans, and the sentence of its first span. */
  groupCount: readonly number[];
  groupFirstSentence: readonly number[];
  stems: StemIndex;
  valence: Valence;
  /** Sourcing class index of each sentence (SOURCING_CLASSES order), when known. */
  sentenceClass: Int8Array | null;
  /** 1: the author writes in the first person somewhere (an opinion piece or a statement); 0: not. */
  firstPerson: number;
  clusters: Clusters;
  /** Voice condition of each voice segment (COND). */
  segCond: Int8Array;
  /** Types of the parties whose words the author rejects or doubts, by group (the speakers the author argues against). */
  countered: Map<string, ActorType>;
  /**
   * 1 for a sentence that casts nobody: an entry of a list of notes or references ("[3] Decree of
   * ..."), or a byline ("By Ana Petrova, The Valley Herald", "A commentary by the X Institute").
   */
  citation: Uint8Array;
  /** The loaded term at each token (shared with the actors report through LOADED_TERMS). */
  loaded: LoadedTerms;
}

const TECH_INDEX = new Map<TechniqueId, number>(TECHNIQUE_IDS.map((t, k) => [t, k]));
/** Techniques that aim at a party: the ones whose findings say how it is cast. */
const AIMED = new Set<string>(['name-calling', 'loaded-language', 'questioning-reputation', 'doubt', 'guilt-by-association', 'appeal-to-hypocrisy', 'exaggeration-minimisation', 'appeal-to-fear', 'straw-man']);

/** Prepares the per-document lookups; `findings` are technique spans in canonical offsets. */
export function docContext(doc: Doc, spans: readonly MentionSpan[], voice: VoiceAnalysis, stems: StemIndex, findings: ReadonlyArray<{ start: number; end: number; technique: TechniqueId }>, valence: Valence = NO_VALENCE, sentenceClass: Int8Array | null = null, loaded: LoadedTerms = new LoadedTerms(doc)): DocContext {
  const owner = new Array<number>(doc.tokens.count).fill(-1);
  const spanGroup = new Array<number>(spans.length);
  const groupIds = new Map<string, number>();
  const groupFirstSentence: number[] = [];
  const groupCount: number[] = [];
  for (let k = 0; k < spans.length; k++) {
    const m = spans[k]!;
    for (let i = m.a; i < m.b; i++) owner[i] = k;
    let g = groupIds.get(m.group);
    if (g === undefined) {
      groupIds.set(m.group, (g = groupFirstSentence.length));
      groupFirstSentence.push(m.sentence);
      groupCount.push(0);
    }
    spanGroup[k] = g;
    groupCount[g]!++;
  }
  // Techniques aimed at a party whose span covers a mention or touches it, keyed by mention index.
  // Spans are sorted by start: each finding looks only at the spans that can overlap it.
  const techAt = new Map<number, number[]>();
  if (findings.length > 0 && spans.length > 0) {
    const starts = doc.tokens.start;
    const ends = doc.tokens.end;
    for (const f of findings) {
      // Only techniques aimed at a party; not those whose rules list some parties' names (flag waving,
      // identity framing), which would tie a role to a name.
      if (!AIMED.has(f.technique)) continue;
      let lo = 0;
      let hi = spans.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ends[spans[mid]!.b - 1]! < f.start - 2) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < spans.length; k++) {
        const m = spans[k]!;
        const s = starts[m.a]!;
        const e = ends[m.b - 1]!;
        if (s > f.end + 2) break;
        // Covering the mention, or ending right before it ("the brutal" + mention), or starting right after.
        if ((f.start <= s && e <= f.end) || (f.end <= s && s - f.end <= 2) || (f.start >= e && f.start - e <= 2)) {
          const list = techAt.get(k) ?? [];
          list.push(TECH_INDEX.get(f.technique)!);
          techAt.set(k, list);
        }
      }
    }
  }
  let firstPerson = 0;
  for (let i = 0; i < doc.tokens.count && firstPerson === 0; i++) {
    if (FIRST_PERSON.at(doc.tokens, i) && (voice.tokenSeg === null || voice.tokenSeg[i] === -1)) firstPerson = 1;
  }
  const segCond = segmentConds(voice);
  return {
    doc, spans, voice, owner, techAt, spanGroup, groupCount, groupFirstSentence, stems, valence, sentenceClass, firstPerson, clusters: wordClusters(), segCond,
    countered: counteredSpeakers(spans, voice, segCond), citation: citationSentences(doc), loaded,
  };
}

/**
 * A mention's features written into reusable typed buffers: `keys[0, n)`, and the cues behind them
 * (`cueKey`, `cueA`, `cueB`, `cueSeg` [0, nc)) for evidence. One per document context. The buffers
 * are shared by all featurizers (featureBuffers): what `run` wrote is valid until the next `run` of
 * any featurizer.
 */
export class Featurizer {
  keys: Int32Array;
  n = 0;
  cueKey: Int32Array;
  cueA: Int32Array;
  cueB: Int32Array;
  cueSeg: Int32Array;
  nc = 0;
  private neutral = false;
  private readonly buf: FeatureBuffers;

  constructor(readonly ctx: DocContext) {
    const buf = (this.buf = featureBuffers());
    this.keys = buf.keys;
    this.cueKey = buf.cueKey;
    this.cueA = buf.cueA;
    this.cueB = buf.cueB;
    this.cueSeg = buf.cueSeg;
    const facts = tokenFacts(ctx.doc.tokens.count);
    this.epoch = facts.epoch;
    this.tStamp = facts.stamp;
    this.tStem = facts.stem;
    this.tCl = facts.cl;
    this.tVal = facts.val;
    this.tCue = facts.cue;
    this.tLen = facts.len;
    this.segHits = ctx.voice.tokenSeg === null ? [] : segmentHits(ctx.spans, ctx.voice);
  }

  /** Per mention: the voice segments it is the speaker (2 si) or the accused (2 si + 1) of, in segment order. */
  private readonly segHits: Array<number[] | undefined>;

  private push(k: number): void {
    if (this.n === this.keys.length) { const x = new Int32Array(this.n * 2); x.set(this.keys); this.keys = this.buf.keys = x; }
    this.keys[this.n++] = k;
  }

  private cue(k: number, a: number, b: number, seg: number): void {
    if (this.nc === this.cueKey.length) {
      const grow = (x: Int32Array) => { const y = new Int32Array(x.length * 2); y.set(x); return y; };
      this.cueKey = grow(this.cueKey); this.cueA = grow(this.cueA); this.cueB = grow(this.cueB); this.cueSeg = grow(this.cueSeg);
      Object.assign(this.buf, { cueKey: this.cueKey, cueA: this.cueA, cueB: this.cueB, cueSeg: this.cueSeg });
    }
    this.cueKey[this.nc] = k; this.cueA[this.nc] = a; this.cueB[this.nc] = b; this.cueSeg[this.nc] = seg;
    this.nc++;
  }

  /**
   * A feature at token `at`: the pooled key (unless the words are ones the author rejects) and, in a
   * source's words, the key conditioned on the voice. With a ≥ 0 the cue is kept for evidence.
   */
  private emit(tpl: number, value: number, at: number, a = -1, b = -1): void {
    const tokenSeg = this.ctx.voice.tokenSeg;
    const seg = this.neutral || tokenSeg === null ? -1 : tokenSeg[at]!;
    const cond = seg === -1 ? COND.AUTHOR : this.ctx.segCond[seg]!;
    if (cond !== COND.REJECTED) this.push(key(tpl, COND.NONE, value));
    if (cond !== COND.AUTHOR) this.push(key(tpl, cond, value));
    if (a >= 0) this.cue(key(tpl, cond === COND.REJECTED ? cond : COND.NONE, value), a, b, seg);
  }

  /**
   * Per token, read once per document: stem id, cluster, valence, cue classes and the cue's length,
   * in arrays shared by featurizers; token i is read when tStamp[i] is this featurizer's epoch.
   */
  private readonly epoch: number;
  private readonly tStamp: Int32Array;
  private readonly tStem: Int32Array;
  private readonly tCl: Int16Array;
  private readonly tVal: Float32Array;
  private readonly tCue: Int32Array;
  private readonly tLen: Uint8Array;

  /** Reads token i's word facts (once per document). */
  private word(i: number): void {
    if (this.tStamp[i] === this.epoch) return;
    this.tStamp[i] = this.epoch;
    const { doc } = this.ctx;
    const t = doc.tokens;
    this.tStem[i] = this.ctx.stems.at(doc, i);
    this.tCl[i] = this.ctx.clusters.at(t, i);
    this.tVal[i] = this.ctx.valence.at(t, i);
    // Cue phrases may run past the sentence's end only by the text; the sentence bounds them.
    const s = doc.sentences[doc.tokenSentence[i]!]!;
    this.tCue[i] = cueMask(t, i, s.tokenEnd);
    this.tLen[i] = cueLength();
    // "in March" is a month, not a protest march ("may" a modal, not a month, stays as it is).
    if (this.tCue[i] !== 0 && isDateWord(doc, i)) this.tCue[i] = 0;
  }

  private classes(tpl: number, mask: number, at: number, b: number): void {
    for (let c = 0; mask !== 0; c++, mask >>>= 1) if (mask & 1) this.emit(tpl, c, at, at, b);
  }

  /**
   * Features of mention k. `neutral`: read every cue as the author's (how the source whose words
   * these are casts the actor, rather than how the author does).
   */
  run(k: number, neutral = false): void {
    this.n = 0;
    this.nc = 0;
    this.neutral = neutral;
    const ctx = this.ctx;
    const { doc, spans, voice, owner } = ctx;
    const t = doc.tokens;
    const m = spans[k]!;
    const s = doc.sentences[m.sentence]!;
    this.push(key(T.BIAS, 0, 0));
    this.push(key(T.TYPE, 0, ACTOR_TYPES.indexOf(m.type)));
    const mseg = neutral || voice.tokenSeg === null ? -1 : voice.tokenSeg[m.a]!;
    this.push(key(T.TYPE, mseg === -1 ? COND.AUTHOR : ctx.segCond[mseg]!, 30));
    // The mention's own common noun ("Dastrian shepherds", "the Sylvanian government"): not a name.
    if (!isCap(t, m.b - 1) && isWord(t, m.b - 1)) {
      const h = ctx.stems.at(doc, m.b - 1);
      if (h >= 0) this.push(key(T.HEAD, 0, h));
    }
    const g = ctx.spanGroup[k]!;
    const n = ctx.groupCount[g]!;
    this.push(key(T.FREQ, 0, n === 1 ? 1 : n <= 3 ? 2 : n <= 6 ? 3 : 4));
    if (OWNER_SET.at(t, m.a)) this.push(key(T.DET, 0, OWNERS.indexOf(lower(t, m.a)) + 1));
    else if (m.a > s.tokenStart && OWNER_SET.at(t, m.a - 1)) this.push(key(T.DET, 0, OWNERS.indexOf(lower(t, m.a - 1)) + 1));
    this.push(key(T.DOC, 0, ctx.firstPerson));
    if (ctx.sentenceClass) this.push(key(T.SCLASS, 0, ctx.sentenceClass[m.sentence]!));
    if (ctx.groupFirstSentence[g]! <= 1) this.push(key(T.FIRST, 0, 1));
    if (m.a === s.tokenStart || (m.a <= s.tokenStart + 2 && DETERMINERS.at(t, s.tokenStart))) this.push(key(T.SUBJECT, 0, 1));
    // Right of the mention, to the clause's end: what it does (agent), unless passive ("were shelled").
    let passive = false;
    let seenVerb = false;
    let ofNoun = false;
    // The accused of a reported accusation ("accused X of shelling the town"): what follows "of" is
    // the act it is accused of, not a thing something else is about.
    const accused = neutral && isAccused(this.segHits[k]);
    // The object of a preposition followed by "and" ("importing power from France and burning gas"):
    // the verb after "and" continues the clause of the subject, not the mention's.
    let before = m.a - 1;
    if (before > s.tokenStart && DETERMINERS.at(t, before)) before--;
    const prepObject = (before >= s.tokenStart && isWord(t, before) && PREP_OBJECT.at(t, before) && m.b < s.tokenEnd && isWord(t, m.b) && AND_OR.at(t, m.b)) || coordinatedPrepObject(ctx, m.a, s.tokenStart);
    let rEnd = Math.min(s.tokenEnd, m.b + 8);
    let words = 0;
    // "did not shell", "has no support": the next content word after a negator is negated.
    let negated = false;
    for (let i = m.b; i < rEnd; i++) {
      if (!isWord(t, i)) {
        const c = punctChar(doc, i);
        if (c === ',' && words === 0) {
          const e = coordinated(ctx, i, s.tokenEnd);
          if (e > i) { i = e - 1; rEnd = Math.min(s.tokenEnd, e + 8); continue; }
        }
        if (c && c !== '-' && c !== "'") break;
        continue;
      }
      if (words === 0 && AND_OR.at(t, i)) {
        const e = coordinated(ctx, i, s.tokenEnd);
        if (e > i) { i = e - 1; rEnd = Math.min(s.tokenEnd, e + 8); continue; }
      }
      if (owner[i] !== -1) break;
      if (CLAUSE_BREAK.at(t, i) && i > m.b) break;
      if (PASSIVE_AUX.at(t, i) && !seenVerb) { passive = i + 2 < rEnd && NEGATOR.at(t, i + 1) ? isWord(t, i + 2) && PARTICIPLE.test(lower(t, i + 2)) : i + 1 < rEnd && isWord(t, i + 1) && PARTICIPLE.test(lower(t, i + 1)); continue; }
      if (NEGATOR.at(t, i)) {
        negated = true;
        if (i + 1 < rEnd && lower(t, i) === 'no' && lower(t, i + 1) === 'longer') i++;
        continue;
      }
      if (OF.at(t, i)) { ofNoun = !(accused && words === 0); continue; }
      if (STOP.at(t, i)) continue;
      this.word(i);
      let mask = this.tCue[i]!;
      const neg = negated && ADVERB.at(t, i) === 0;
      if (neg) negated = false;
      // "has two houses", "the aid": after a determiner or a number, a word of help, peace or praise
      // is a thing, not something the mention does.
      if (mask & POSITIVE_MASK && i > m.b && (NOUN_OPENERS.at(t, i - 1) || isNumber(t, i - 1))) mask &= ~POSITIVE_MASK;
      if (mask !== 0) mask = defenceMask(mask, t, i + this.tLen[i]!, s.tokenEnd);
      if (neg) {
        // A negated cue is not the act ("did not shell the town"): a feature of its own, and the
        // word's stem, cluster and valence stay out.
        if (mask && !ofNoun && !prepObject) this.classes(T.NEG, mask, i, i + this.tLen[i]!);
        ofNoun = false;
        words++;
        seenVerb = true;
        continue;
      }
      if (mask && !ofNoun && !prepObject) this.classes(passive ? T.PATIENT : T.AGENT, mask, i, i + this.tLen[i]!);
      ofNoun = false;
      const st = this.tStem[i]!;
      if (st >= 0) {
        if (words === 0) this.emit(passive ? T.L1 : T.R1, st, i);
        this.emit(T.RBAG, st, i);
      }
      const cl = this.tCl[i]!;
      if (cl >= 0) this.emit(T.RCL, passive ? 1000 + cl : cl, i);
      const v = this.tVal[i]!;
      if (v !== 0) this.emit(T.VAL, valenceValue(0, v), i, i, i + 1);
      words++;
      if (ADVERB.at(t, i) === 0) seenVerb = true;
      if (BY.at(t, i)) break;
    }
    // Left of the mention within its clause: what is done to it ("shelled X", "attack on X"), or,
    // after "by", what it does ("were shelled by X").
    words = 0;
    const lStart = Math.max(s.tokenStart, m.a - 7);
    let byAgent = false;
    for (let i = m.a - 1; i >= lStart; i--) {
      if (!isWord(t, i)) {
        const c = punctChar(doc, i);
        if (c && c !== '-' && c !== "'") break;
        continue;
      }
      if (owner[i] !== -1) {
        if (words === 0) this.emit(T.L1, 0, i); // another party right before: "X and Y", "X's Y"
        break;
      }
      if (BY.at(t, i) && words === 0) { byAgent = true; continue; }
      if (CLAUSE_BREAK.at(t, i)) break;
      if (STOP.at(t, i) || DETERMINERS.at(t, i) || AGAINST.at(t, i)) continue;
      this.word(i);
      const mask = this.tCue[i]!;
      // "never shelled X", "did not attack X": what is not done to it.
      if (mask && !byAgent && negatedAt(t, i, lStart)) { this.classes(T.NEG, mask, i, i + this.tLen[i]!); words++; continue; }
      if (mask) this.classes(byAgent ? T.AGENT : T.PATIENT, mask, i, i + this.tLen[i]!);
      const st = this.tStem[i]!;
      if (st >= 0) {
        if (words === 0) this.emit(T.L1, st, i);
        this.emit(T.LBAG, st, i);
      }
      const cl = this.tCl[i]!;
      if (cl >= 0) this.emit(T.LCL, byAgent ? 1000 + cl : cl, i);
      const v = this.tVal[i]!;
      if (v !== 0) this.emit(T.VAL, valenceValue(1, v), i, i, i + 1);
      words++;
      if (words >= 3) break;
    }
    // Loaded terms next to it, and labels inside it ("the Sylvanian regime").
    for (let i = Math.max(s.tokenStart, m.a - 3); i < Math.min(s.tokenEnd, m.b + 3); i++) {
      if (i >= m.a && i < m.b) continue;
      if (!isWord(t, i) || owner[i] !== -1) continue;
      const len = ctx.loaded.at(i);
      if (len > 0) {
        this.word(i);
        const st = this.tStem[i]!;
        this.emit(T.LOADED, 0, i, i, i + len);
        if (st >= 0) this.emit(T.LABEL, st, i);
        i += len - 1;
      }
    }
    for (let i = m.a; i < m.b; i++) {
      if (!isWord(t, i) || isCap(t, i)) continue;
      const mask = cueMask(t, i, m.b) & NAME_CLASSES;
      if (mask) this.classes(T.NEAR, mask, i, i + 1);
    }
    const techs = ctx.techAt.get(k);
    if (techs !== undefined) for (const ti of techs) this.emit(T.TECH, ti, m.a, m.a, m.b);
    // Another party than the ones whose words the author rejects or doubts: of the same type (the
    // other state of a two-state dispute) or not. Roles, never names: swapping the parties swaps it.
    if (!neutral && ctx.countered.size > 0 && !ctx.countered.has(m.group)) {
      let same = false;
      for (const ty of ctx.countered.values()) if (ty === m.type) same = true;
      this.push(key(T.COUNTER, 0, same ? 1 : 2));
    }
    // Voice: the mention is a speaker, or the accused of a reported accusation.
    const hits = this.segHits[k];
    // Read as the accuser reads it (neutral): being accused is how the accuser casts the mention.
    if (neutral && isAccused(hits)) this.push(key(T.ACCUSED, COND.AUTHOR, 0));
    if (!neutral && voice.tokenSeg !== null && hits !== undefined) {
      for (const hit of hits) {
        const si = hit >> 1;
        const x = voice.segments[si]!;
        if ((hit & 1) === 0) {
          const sp = x.speaker!;
          // Judged by the author only as the outermost reporter: in "X said that Y had claimed P. Y claimed
          // no such thing." the author rejects X's report, and Y is cleared, not doubted.
          const v = x.parent !== -1 ? 0 : x.stance === 'rejects' ? 1 : x.stance === 'doubts' ? 2 : x.stance === 'endorses' ? 3 : 0;
          this.push(key(T.SPEAKER, 0, v));
          this.push(key(T.SPEAKER, x.quoted ? 1 : 2, 0));
          this.cue(key(T.SPEAKER, 0, v), sp.a, sp.b, -1);
        } else {
          const c = ctx.segCond[voice.tokenSeg[m.a]!]!;
          this.push(key(T.ACCUSED, c, 0));
          if (x.cueA >= 0) this.cue(key(T.ACCUSED, c, 0), x.cueA, x.cueB, si);
        }
      }
    }
  }
}

const PARTICIPLE = /(?:ed|en|wn|nt|ck|ot|uck|ung)$/;
/** Is some hit of a mention (segHits) the accused of an accusation? */
const isAccused = (hits: number[] | undefined): boolean => hits !== undefined && hits.some((h) => (h & 1) === 1);

/** Features of mention k as plain arrays (training and tests). */
export function mentionFeatures(ctx: DocContext, k: number, neutral = false): FeatureRow {
  const f = new Featurizer(ctx);
  f.run(k, neutral);
  const cues: FiredCue[] = [];
  for (let j = 0; j < f.nc; j++) cues.push({ key: f.cueKey[j]!, a: f.cueA[j]!, b: f.cueB[j]!, seg: f.cueSeg[j]! });
  return { keys: Array.from(f.keys.subarray(0, f.n)), cues };
}

/** Readable name of a feature key, for model cards and debugging. */
export function featureName(k: number, stems: readonly string[]): string {
  const { tpl, cond, value } = keyParts(k);
  const name = TEMPLATE_NAMES[tpl] ?? `t${tpl}`;
  let v: string;
  if (tpl === T.AGENT || tpl === T.PATIENT || tpl === T.SENT || tpl === T.NEAR || tpl === T.NEG) v = CUE_CLASSES[value] ?? String(value);
  else if (tpl === T.TYPE) v = ACTOR_TYPES[value] ?? (value === 30 ? 'voice' : String(value));
  else if (tpl === T.COUNTER) v = value === 1 ? 'same-type' : 'other-type';
  else if (tpl === T.TECH) v = TECHNIQUE_IDS[value] ?? String(value);
  else if (tpl === T.DET) v = OWNERS[value - 1] ?? String(value);
  else if (tpl === T.VAL) v = `${['right', 'left', 'sentence'][value >> 2]}-${value & 2 ? 'neg' : 'pos'}${value & 1 ? '-strong' : ''}`;
  else if (tpl === T.HEAD || tpl === T.R1 || tpl === T.R2 || tpl === T.L1 || tpl === T.L2 || tpl === T.LABEL || tpl === T.RBAG || tpl === T.LBAG) v = value === 0 ? '<party>' : stems[value - 1] ?? String(value);
  else v = String(value);
  return `${name}${cond ? `@${COND_NAMES[cond]}` : ''}:${v}`;
}
