import type { ActorType } from '../../core/actors.js';
import { ACTOR_TYPES } from '../../core/actors.js';
import { TECHNIQUE_IDS, type TechniqueId } from '../../core/taxonomy.js';
import { builtinLexicon } from '../../lexicon/builtin.js';
import { stem } from '../../lexicon/stem.js';
import { WordMemo } from '../../lexicon/word-memo.js';
import { isCap, isNumber, isWord, lower, punctChar, WordSet, wordSet } from '../../lexicon/word-sets.js';
import type { Doc } from '../../text/segment.js';
import { loadedAt } from '../sourcing/classify.js';
import type { VoiceAnalysis } from '../voice/analyse.js';
import { CUE_CLASSES, cueAt, cueClassIndex } from './cues.js';
import { NO_VALENCE, type Valence } from './valence.js';
import { wordClusters, type Clusters } from './clusters.js';

/** Classes that name a party in its own words ("the regime", "civilians"): read inside a mention. */
const NAME_CLASSES = ['label_neg', 'label_pos', 'vulnerable'].map(cueClassIndex).filter((c) => c >= 0).reduce((m, c) => m | (1 << c), 0);

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
} as const;
export const TEMPLATE_NAMES: Record<number, string> = Object.fromEntries(Object.entries(T).map(([k, v]) => [v, k.toLowerCase()]));

/**
 * Voice conditions of a cue, relative to the author: 0 none (the pooled feature), 1 the author's
 * words, 2 a source's the author does not judge, 3 a source's the author rejects, 4 doubts,
 * 5 endorses. A cue in rejected words gets only its conditioned feature: a charge the author quotes
 * in order to reject it must not count as the author's.
 */
export const COND = { NONE: 0, AUTHOR: 1, SOURCE: 2, REJECTED: 3, DOUBTED: 4, ENDORSED: 5 } as const;
export const COND_NAMES = ['', 'author', 'source', 'rejected', 'doubted', 'endorsed'];
const VALUE = 2 ** 21;
export const key = (tpl: number, cond: number, value: number): number => (tpl * 8 + cond) * VALUE + value;
export const keyParts = (k: number): { tpl: number; cond: number; value: number } => {
  const hi = Math.floor(k / VALUE);
  return { tpl: Math.floor(hi / 8), cond: hi % 8, value: k % VALUE };
};

/** The id of a word's stem in a model's vocabulary (-1: unknown). */
export interface StemIndex {
  at(doc: Doc, i: number): number;
  stems: readonly string[];
}

/** Function words and reporting boilerplate: no stem features. */
const STOP = new WordSet([...builtinLexicon('stopwords'), 'said', 'say', 'says', 'told', 'according', 'also', 'would', 'could', 'will', 'one', 'two', 'three']);
const CLAUSE_BREAK = wordSet('and but while whereas which who that after before because although though when where as since until unless if');
const PASSIVE_AUX = wordSet('was were been being is are be got gets get');
const BY = wordSet('by');
const AGAINST = wordSet('on against of upon at toward towards');
const DETERMINERS = wordSet("the a an this that these those its his her their our some several many all both such");
/** The first word of a mention that says whose it is: "our volunteers", "their leaders", "my mother". */
const OWNERS = ['the', 'a', 'an', 'our', 'their', 'my', 'his', 'her', 'its', 'these', 'those', 'this', 'that', 'your', 'some', 'many', 'all'];
const OWNER_SET = wordSet(OWNERS.join(' '));
const FIRST_PERSON = wordSet('i we our us my me ourselves');

/** A frozen stem vocabulary (a trained model's). */
export function frozenStems(stems: readonly string[]): StemIndex {
  const ids = new Map(stems.map((s, k) => [s, k + 1] as const).filter(([s]) => s !== ''));
  const memo = new WordMemo<number>((w) => ids.get(stem(w)) ?? -1);
  return { at: (doc, i) => memo.at(doc.tokens, i), stems };
}

/** A growing stem vocabulary, for training. */
export function growingStems(): StemIndex & { stems: string[] } {
  const stems: string[] = [];
  const ids = new Map<string, number>();
  return {
    stems,
    at(doc, i) {
      const s = stem(lower(doc.tokens, i));
      let id = ids.get(s);
      if (id === undefined) { stems.push(s); id = stems.length; ids.set(s, id); }
      return id;
    },
  };
}

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
  /** Mention index at each token, -1 none. */
  owner: Int32Array;
  /** Techniques (indexes into TECHNIQUE_IDS) whose findings cover each token, as bit sets over 32-technique words. */
  techAt: Map<number, number[]>;
  groupCount: Map<string, number>;
  groupFirstSentence: Map<string, number>;
  stems: StemIndex;
  valence: Valence;
  /** Sourcing class index of each sentence (SOURCING_CLASSES order), when known. */
  sentenceClass: Int8Array | null;
  /** 1: the author writes in the first person somewhere (an opinion piece or a statement); 0: not. */
  firstPerson: number;
  clusters: Clusters;
}

const TECH_INDEX = new Map<TechniqueId, number>(TECHNIQUE_IDS.map((t, k) => [t, k]));
/** Techniques that aim at a party: the ones whose findings say how it is cast. */
const AIMED = new Set<string>(['name-calling', 'loaded-language', 'questioning-reputation', 'doubt', 'guilt-by-association', 'appeal-to-hypocrisy', 'exaggeration-minimisation', 'appeal-to-fear', 'straw-man']);

/** Prepares the per-document lookups; `findings` are technique spans in canonical offsets. */
export function docContext(doc: Doc, spans: readonly MentionSpan[], voice: VoiceAnalysis, stems: StemIndex, findings: ReadonlyArray<{ start: number; end: number; technique: TechniqueId }>, valence: Valence = NO_VALENCE, sentenceClass: Int8Array | null = null): DocContext {
  const owner = new Int32Array(doc.tokens.count).fill(-1);
  const groupCount = new Map<string, number>();
  const groupFirstSentence = new Map<string, number>();
  spans.forEach((m, k) => {
    owner.fill(k, m.a, m.b);
    groupCount.set(m.group, (groupCount.get(m.group) ?? 0) + 1);
    if (!groupFirstSentence.has(m.group)) groupFirstSentence.set(m.group, m.sentence);
  });
  // Techniques whose span covers a mention, keyed by mention index.
  const techAt = new Map<number, number[]>();
  if (findings.length > 0 && spans.length > 0) {
    const starts = doc.tokens.start;
    const ends = doc.tokens.end;
    spans.forEach((m, k) => {
      const s = starts[m.a]!;
      const e = ends[m.b - 1]!;
      for (const f of findings) {
        // Only techniques aimed at a party; not those whose rules list some parties' names (flag waving,
        // identity framing), which would tie a role to a name.
        if (!AIMED.has(f.technique)) continue;
        // Covering the mention, or ending right before it ("the brutal" + mention), or starting right after.
        if ((f.start <= s && e <= f.end) || (f.end <= s && s - f.end <= 2) || (f.start >= e && f.start - e <= 2)) {
          const list = techAt.get(k) ?? [];
          list.push(TECH_INDEX.get(f.technique)!);
          techAt.set(k, list);
        }
      }
    });
  }
  let firstPerson = 0;
  for (let i = 0; i < doc.tokens.count && firstPerson === 0; i++) {
    if (FIRST_PERSON.at(doc.tokens, i) && (voice.tokenSeg === null || voice.tokenSeg[i] === -1)) firstPerson = 1;
  }
  return { doc, spans, voice, owner, techAt, groupCount, groupFirstSentence, stems, valence, sentenceClass, firstPerson, clusters: wordClusters() };
}

/** Voice condition of token i (the innermost segment and whether any enclosing one is judged). */
function condAt(v: VoiceAnalysis, i: number): { cond: number; seg: number } {
  if (v.tokenSeg === null) return { cond: COND.AUTHOR, seg: -1 };
  const seg = v.tokenSeg[i]!;
  if (seg === -1) return { cond: COND.AUTHOR, seg };
  let cond: number = COND.SOURCE;
  for (let p = seg; p !== -1; p = v.segments[p]!.parent) {
    const st = v.segments[p]!.stance;
    if (st === 'rejects') return { cond: COND.REJECTED, seg };
    if (st === 'doubts' && cond === COND.SOURCE) cond = COND.DOUBTED;
    if (st === 'endorses' && cond === COND.SOURCE) cond = COND.ENDORSED;
  }
  return { cond, seg };
}

/**
 * Features of mention k. `neutral`: read every cue as the author's (how the source whose words
 * these are casts the actor, rather than how the author does).
 */
export function mentionFeatures(ctx: DocContext, k: number, neutral = false): FeatureRow {
  const { doc, spans, voice, owner } = ctx;
  const t = doc.tokens;
  const m = spans[k]!;
  const s = doc.sentences[m.sentence]!;
  const keys: number[] = [];
  const cues: FiredCue[] = [];
  const emit = (tpl: number, value: number, at: number, a = -1, b = -1) => {
    const c = neutral ? { cond: COND.AUTHOR, seg: -1 } : condAt(voice, at);
    if (c.cond !== COND.REJECTED) keys.push(key(tpl, COND.NONE, value));
    keys.push(key(tpl, c.cond, value));
    if (a >= 0) cues.push({ key: key(tpl, c.cond === COND.REJECTED ? c.cond : COND.NONE, value), a, b, seg: c.seg });
  };
  keys.push(key(T.BIAS, 0, 0));
  keys.push(key(T.TYPE, 0, ACTOR_TYPES.indexOf(m.type)));
  const mc = neutral ? COND.AUTHOR : condAt(voice, m.a).cond;
  keys.push(key(T.TYPE, mc, 30));
  // The mention's own common noun ("Dastrian shepherds", "the Sylvanian government"): not a name.
  if (!isCap(t, m.b - 1) && isWord(t, m.b - 1)) {
    const h = ctx.stems.at(doc, m.b - 1);
    if (h >= 0) keys.push(key(T.HEAD, 0, h));
  }
  const n = ctx.groupCount.get(m.group) ?? 1;
  keys.push(key(T.FREQ, 0, n === 1 ? 1 : n <= 3 ? 2 : n <= 6 ? 3 : 4));
  if (OWNER_SET.at(t, m.a)) keys.push(key(T.DET, 0, OWNERS.indexOf(lower(t, m.a)) + 1));
  else if (m.a > s.tokenStart && OWNER_SET.at(t, m.a - 1)) keys.push(key(T.DET, 0, OWNERS.indexOf(lower(t, m.a - 1)) + 1));
  keys.push(key(T.DOC, 0, ctx.firstPerson));
  if (ctx.sentenceClass) keys.push(key(T.SCLASS, 0, ctx.sentenceClass[m.sentence]!));
  if ((ctx.groupFirstSentence.get(m.group) ?? 99) <= 1) keys.push(key(T.FIRST, 0, 1));
  if (m.a === s.tokenStart || (m.a <= s.tokenStart + 2 && DETERMINERS.at(t, s.tokenStart))) keys.push(key(T.SUBJECT, 0, 1));
  // Right of the mention, to the clause's end: what it does (agent), unless passive ("were shelled").
  let passive = false;
  let seenVerb = false;
  const rEnd = Math.min(s.tokenEnd, m.b + 8);
  let words = 0;
  for (let i = m.b; i < rEnd; i++) {
    const c = punctChar(doc, i);
    if (c && c !== '-' && c !== "'") break;
    if (!isWord(t, i)) continue;
    if (owner[i] !== -1) break;
    if (CLAUSE_BREAK.at(t, i) && i > m.b) break;
    if (PASSIVE_AUX.at(t, i) && !seenVerb) { passive = i + 1 < rEnd && isWord(t, i + 1) && /(?:ed|en|wn|nt|ck|ot|uck|ung)$/.test(lower(t, i + 1)); continue; }
    if (STOP.at(t, i)) continue;
    const cue = cueAt(t, i, s.tokenEnd);
    for (let c2 = 0; c2 < CUE_CLASSES.length; c2++) if (cue.mask & (1 << c2)) emit(passive ? T.PATIENT : T.AGENT, c2, i, i, i + cue.length);
    const st = ctx.stems.at(doc, i);
    if (words === 0 && st >= 0) emit(passive ? T.L1 : T.R1, st, i);
    else if (words === 1 && st >= 0) emit(T.R2, st, i);
    if (st >= 0) emit(T.RBAG, st, i);
    const cl = ctx.clusters.at(t, i);
    if (cl >= 0) emit(T.RCL, passive ? 1000 + cl : cl, i);
    const v = ctx.valence.at(t, i);
    if (v !== 0) emit(T.VAL, valenceValue(0, v), i, i, i + 1);
    words++;
    seenVerb = true;
    if (BY.at(t, i)) break;
  }
  // Left of the mention within its clause: what is done to it ("shelled X", "attack on X"), or,
  // after "by", what it does ("were shelled by X").
  words = 0;
  const lStart = Math.max(s.tokenStart, m.a - 7);
  let byAgent = false;
  for (let i = m.a - 1; i >= lStart; i--) {
    const c = punctChar(doc, i);
    if (c && c !== '-' && c !== "'") break;
    if (!isWord(t, i)) continue;
    if (owner[i] !== -1) {
      if (words === 0) emit(T.L1, 0, i); // another party right before: "X and Y", "X's Y"
      break;
    }
    if (BY.at(t, i) && words === 0) { byAgent = true; continue; }
    if (CLAUSE_BREAK.at(t, i)) break;
    if (STOP.at(t, i) || DETERMINERS.at(t, i) || AGAINST.at(t, i)) continue;
    const cue = cueAt(t, i, s.tokenEnd);
    for (let c2 = 0; c2 < CUE_CLASSES.length; c2++) if (cue.mask & (1 << c2)) emit(byAgent ? T.AGENT : T.PATIENT, c2, i, i, i + cue.length);
    const st = ctx.stems.at(doc, i);
    if (words === 0 && st >= 0) emit(T.L1, st, i);
    else if (words === 1 && st >= 0) emit(T.L2, st, i);
    if (st >= 0) emit(T.LBAG, st, i);
    const cl = ctx.clusters.at(t, i);
    if (cl >= 0) emit(T.LCL, byAgent ? 1000 + cl : cl, i);
    const v = ctx.valence.at(t, i);
    if (v !== 0) emit(T.VAL, valenceValue(1, v), i, i, i + 1);
    words++;
    if (words >= 3) break;
  }
  // Cue classes anywhere else in the sentence (weaker, position-free), and loaded labels next to it.
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    if ((i >= m.a - 7 && i < m.b + 8) || !isWord(t, i) || owner[i] !== -1) continue;
    const v = ctx.valence.at(t, i);
    if (v !== 0) emit(T.VAL, valenceValue(2, v), i);
    const cue = cueAt(t, i, s.tokenEnd);
    if (cue.mask === 0) continue;
    for (let c2 = 0; c2 < CUE_CLASSES.length; c2++) if (cue.mask & (1 << c2)) emit(T.SENT, c2, i);
  }
  for (let i = Math.max(s.tokenStart, m.a - 3); i < Math.min(s.tokenEnd, m.b + 3); i++) {
    if (i >= m.a && i < m.b) continue;
    if (isNumber(t, i) || !isWord(t, i) || owner[i] !== -1) continue;
    const len = loadedAt(doc, i, s.tokenEnd);
    if (len > 0) {
      const st = ctx.stems.at(doc, i);
      emit(T.LOADED, 0, i, i, i + len);
      if (st >= 0) emit(T.LABEL, st, i);
      i += len - 1;
    }
  }
  // Inside the mention: labels such as "regime" in "the Sylvanian regime".
  for (let i = m.a; i < m.b; i++) {
    if (!isWord(t, i) || isCap(t, i)) continue;
    const cue = cueAt(t, i, m.b);
    const mask = cue.mask & NAME_CLASSES;
    for (let c2 = 0; c2 < CUE_CLASSES.length; c2++) if (mask & (1 << c2)) emit(T.NEAR, c2, i, i, i + 1);
  }
  for (const ti of ctx.techAt.get(k) ?? []) emit(T.TECH, ti, m.a, m.a, m.b);
  // Voice: the mention is a speaker, or the accused of a reported accusation.
  if (!neutral && voice.tokenSeg !== null) {
    for (let si = 0; si < voice.segments.length; si++) {
      const x = voice.segments[si]!;
      const sp = x.speaker;
      if (sp && m.a >= sp.a && m.b <= sp.b) {
        const v = x.stance === 'rejects' ? 1 : x.stance === 'doubts' ? 2 : x.stance === 'endorses' ? 3 : 0;
        keys.push(key(T.SPEAKER, 0, v), key(T.SPEAKER, x.quoted ? 1 : 2, 0));
        cues.push({ key: key(T.SPEAKER, 0, v), a: sp.a, b: sp.b, seg: -1 });
      }
      if (x.mode === 'accusation' && m.a >= x.a && m.a <= x.a + 2) {
        const c = condAt(voice, m.a).cond;
        keys.push(key(T.ACCUSED, c, 0));
        if (x.cueA >= 0) cues.push({ key: key(T.ACCUSED, c, 0), a: x.cueA, b: x.cueB, seg: si });
      }
    }
  }
  return { keys, cues };
}

/** Readable name of a feature key, for model cards and debugging. */
export function featureName(k: number, stems: readonly string[]): string {
  const { tpl, cond, value } = keyParts(k);
  const name = TEMPLATE_NAMES[tpl] ?? `t${tpl}`;
  let v: string;
  if (tpl === T.AGENT || tpl === T.PATIENT || tpl === T.SENT || tpl === T.NEAR) v = CUE_CLASSES[value] ?? String(value);
  else if (tpl === T.TYPE) v = ACTOR_TYPES[value] ?? (value === 30 ? 'voice' : String(value));
  else if (tpl === T.TECH) v = TECHNIQUE_IDS[value] ?? String(value);
  else if (tpl === T.DET) v = OWNERS[value - 1] ?? String(value);
  else if (tpl === T.VAL) v = `${['right', 'left', 'sentence'][value >> 2]}-${value & 2 ? 'neg' : 'pos'}${value & 1 ? '-strong' : ''}`;
  else if (tpl === T.HEAD || tpl === T.R1 || tpl === T.R2 || tpl === T.L1 || tpl === T.L2 || tpl === T.LABEL || tpl === T.RBAG || tpl === T.LBAG) v = value === 0 ? '<party>' : stems[value - 1] ?? String(value);
  else v = String(value);
  return `${name}${cond ? `@${COND_NAMES[cond]}` : ''}:${v}`;
}
