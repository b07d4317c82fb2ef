import type { ArchetypeScore } from '../../core/actors.js';
import { FRAMEABLE_TYPES } from '../../core/actors.js';
import { MAIN_ROLES, type FramingRole, type MainRole } from '../../core/framing.js';
import { punctChar } from '../../lexicon/word-sets.js';
import { Featurizer, keyTemplate, T, type DocContext } from './features.js';
import { K_ARCH, K_MAIN, round3, type FramingModel } from './model.js';
import { FrameScratch } from './scratch.js';

/** A cue behind a mention's role, with its weight toward that role. */
export interface CueEvidence {
  key: number;
  a: number;
  b: number;
  seg: number;
  role: MainRole;
  weight: number;
}

/**
 * A reading's archetype probabilities given the main role (ARCHETYPE_IDS order): K_ARCH values of
 * `arch` from `archAt` (one array per document holds every mention's: see `doubles`); `archAt` -1:
 * no archetypes at all.
 */
export interface ArchetypeReading {
  /** Calibrated probabilities (protagonist, antagonist, innocent, unframed). */
  probs: readonly number[];
  arch: readonly number[];
  archAt: number;
}

/** The classifier's reading of one mention. */
export interface MentionFraming extends ArchetypeReading {
  /** probs: as the author casts it. `archAt` -1: not classified (places, events). */
  role: FramingRole;
  scores: Record<MainRole, number>;
  archetypes: ArchetypeScore[];
  /** Innermost voice segment the mention stands in (-1: the author's words). */
  seg: number;
  /**
   * How the source whose words these are casts it (null in the author's words): what the actor's
   * casting by that source is made of (aggregate.ts) and the mention's `sourceRole`.
   */
  source: (ArchetypeReading & { role: FramingRole }) | null;
  /** The strongest cues toward the mention's best main role (at most three). */
  evidence: CueEvidence[];
}

const UNFRAMED_PROBS: readonly number[] = Object.freeze([0, 0, 0, 1]);

/**
 * n zeros in a plain array of unboxed doubles. A document's archetype probabilities outlive the call
 * (readings point into them), and a typed array that size costs several times more to allocate
 * (off the heap, tracked by the collector) than an array on the heap. Filled with a fraction first
 * so that it holds doubles from the start (filled with 0 it would hold small integers and be
 * converted, copied, on the first write of a probability).
 */
function doubles(n: number): number[] {
  return new Array<number>(n).fill(0.5).fill(0);
}

/** No reading at all (places, events). */
const NO_ARCH: readonly number[] = doubles(0);
/** Read, but unframed: archetypes all zero (never written). */
const NO_ARCH_FRAMED: readonly number[] = doubles(K_ARCH);
const scratch = new Float64Array(K_MAIN);
/** The source's main-role probabilities, before they are copied out. */
const sourceProbs = new Float64Array(K_MAIN);
const frameScratch = new FrameScratch();

/** Cue templates that make readable evidence (not bias, type, counts). */
const EVIDENCE_TEMPLATES = new Set<number>([T.AGENT, T.PATIENT, T.LOADED, T.LABEL, T.NEAR, T.TECH, T.SPEAKER, T.ACCUSED, T.VAL]);
const MAX_EVIDENCE = 3;

/** Cue indexes (into the featurizer's cues) and rounded weights of evidenceOf's best cues so far. */
const bestCue = new Int32Array(MAX_EVIDENCE);
const bestWeight = new Float64Array(MAX_EVIDENCE);

/**
 * The featurizer's cues toward `role`, strongest first, at most MAX_EVIDENCE: what a stable sort of
 * every cue by weight, cut to its first MAX_EVIDENCE, gives (evidenceOfPlain), with an object for
 * the kept cues only (a mention has a dozen candidates or more and keeps three).
 */
export function evidenceOf(model: FramingModel, f: Featurizer, role: MainRole): CueEvidence[] {
  const c = MAIN_ROLES.indexOf(role);
  let n = 0;
  for (let j = 0; j < f.nc; j++) {
    const k = f.cueKey[j]!;
    if (!EVIDENCE_TEMPLATES.has(keyTemplate(k))) continue;
    const w = model.contrast(k, c);
    if (!(w > 0.05)) continue;
    const r = round3(w);
    // After every kept cue of the same weight or more (a stable sort keeps earlier cues first on ties).
    let at = n;
    while (at > 0 && bestWeight[at - 1]! < r) at--;
    if (at >= MAX_EVIDENCE) continue;
    for (let q = Math.min(n, MAX_EVIDENCE - 1); q > at; q--) { bestCue[q] = bestCue[q - 1]!; bestWeight[q] = bestWeight[q - 1]!; }
    bestCue[at] = j;
    bestWeight[at] = r;
    if (n < MAX_EVIDENCE) n++;
  }
  const out: CueEvidence[] = new Array(n);
  for (let q = 0; q < n; q++) {
    const j = bestCue[q]!;
    out[q] = { key: f.cueKey[j]!, a: f.cueA[j]!, b: f.cueB[j]!, seg: f.cueSeg[j]!, role, weight: bestWeight[q]! };
  }
  return out;
}

/** evidenceOf as first written: every candidate as an object, sorted, cut (the reference for tests). */
export function evidenceOfPlain(model: FramingModel, f: Featurizer, role: MainRole): CueEvidence[] {
  const c = MAIN_ROLES.indexOf(role);
  const out: CueEvidence[] = [];
  for (let j = 0; j < f.nc; j++) {
    const k = f.cueKey[j]!;
    const w = model.contrast(k, c);
    if (!(w > 0.05) || !EVIDENCE_TEMPLATES.has(keyTemplate(k))) continue;
    out.push({ key: k, a: f.cueA[j]!, b: f.cueB[j]!, seg: f.cueSeg[j]!, role, weight: round3(w) });
  }
  out.sort((x, y) => y.weight - x.weight);
  if (out.length > MAX_EVIDENCE) out.length = MAX_EVIDENCE;
  return out;
}

export interface FrameOptions {
  /** Classify every span, whatever its type (the given-mention setting); default: places and events stay unframed. */
  all?: boolean;
  /** Only these spans need an answer (the others are context); default all. */
  wanted?: ReadonlySet<number>;
  /** The given-mention setting: every mention is framed (the best of the three main roles, never unframed). */
  given?: boolean;
}

/**
 * Frames every mention of a document: the author's casting of each (with the actor's other mentions
 * weighed in), the source's casting where the mention stands in reported words, archetypes and the
 * cues behind each.
 */
export function frameMentions(model: FramingModel, ctx: DocContext, opts: FrameOptions = {}): Array<MentionFraming | null> {
  const n = ctx.spans.length;
  const f = new Featurizer(ctx);
  const cut = model.artefact.unframedCut;
  // One buffer per document for the archetypes of every mention (readings point into it).
  // Room past the n mentions' archetypes for those of the sources that speak in them (one
  // allocation per document rather than one per mention in reported words).
  const tokenSeg = ctx.voice.tokenSeg;
  let inVoices = 0;
  if (tokenSeg) for (let k = 0; k < n; k++) if (tokenSeg[ctx.spans[k]!.a] !== -1) inVoices++;
  const archBuf = doubles((n + inVoices) * K_ARCH);
  let sourceAt = n * K_ARCH;
  const sc = frameScratch.fit(n, K_MAIN, ctx.groupCount.length);
  const probBuf = sc.probs;
  // The archetype rows each mention's keys hit, from the same pass over the keys as the main role:
  // a role chosen later sums its archetypes from them instead of featurising and scoring again.
  let rowsUsed = 0;
  const rowStart = sc.rowStart;
  const rowCount = sc.rowCount;
  const read = sc.read;
  /** 1: archetypes and evidence already read (mentions likely to be framed get them in the first pass). */
  const full = sc.full;
  const evidence: CueEvidence[][] = new Array(n);
  const evRole = sc.evRole;
  for (let k = 0; k < n; k++) {
    if (opts.wanted && !opts.wanted.has(k)) continue;
    // Places and events, names in a list of notes or a byline, and the outlet of a dateline stay
    // unframed: a citation or a credit casts nobody.
    if (!opts.all && (!FRAMEABLE_TYPES.has(ctx.spans[k]!.type) || ctx.citation[ctx.spans[k]!.sentence] === 1 || inDateline(ctx, k))) continue;
    f.run(k);
    const pk = k * K_MAIN;
    const rows = sc.rowRoom(rowsUsed, f.n);
    rowStart[k] = rowsUsed;
    rowCount[k] = model.scoreRows(f.keys, f.n, probBuf, pk, rows, rowsUsed);
    rowsUsed += rowCount[k]!;
    read[k] = 1;
    if (1 - probBuf[pk + 3]! >= cut - 0.25) {
      const best = bestRole3(probBuf, pk);
      model.archetypesOf(rows, rowStart[k]!, rowCount[k]!, best, archBuf, k * K_ARCH);
      evRole[k] = MAIN_ROLES.indexOf(best);
      evidence[k] = evidenceOf(model, f, MAIN_ROLES[evRole[k]!]!);
      full[k] = 1;
    }
  }
  // Groups (actors) by index, for weighing in the other mentions of the same actor.
  const groupOf = ctx.spanGroup;
  // The actor's other mentions weigh in: log p + w * mean log p of the others.
  const w = model.artefact.actorWeight;
  const logs = sc.logs;
  const count = sc.count;
  /** Each read mention's own log p (taken once, read twice). */
  const ownLog = sc.ownLog;
  if (w > 0) {
    for (let k = 0; k < n; k++) {
      if (!read[k]) continue;
      const g = groupOf[k]!;
      count[g]!++;
      for (let c = 0; c < K_MAIN; c++) {
        const own = Math.log(Math.max(1e-9, probBuf[k * K_MAIN + c]!));
        ownLog[k * K_MAIN + c] = own;
        logs[g * K_MAIN + c]! += own;
      }
    }
  }
  const out: Array<MentionFraming | null> = new Array(n).fill(null);
  for (let k = 0; k < n; k++) {
    if (opts.wanted && !opts.wanted.has(k)) continue;
    const seg = ctx.voice.tokenSeg ? ctx.voice.tokenSeg[ctx.spans[k]!.a]! : -1;
    if (!read[k]) {
      out[k] = { probs: UNFRAMED_PROBS, arch: NO_ARCH, archAt: -1, role: 'unframed', scores: { protagonist: 0, antagonist: 0, innocent: 0 }, archetypes: [], seg, source: null, evidence: [] };
      continue;
    }
    const pk = k * K_MAIN;
    const g = groupOf[k]!;
    if (w > 0 && count[g]! >= 2) {
      let mx = -Infinity;
      for (let c = 0; c < K_MAIN; c++) {
        const own = ownLog[pk + c]!;
        scratch[c] = own + (w * (logs[g * K_MAIN + c]! - own)) / (count[g]! - 1);
        if (scratch[c]! > mx) mx = scratch[c]!;
      }
      let z = 0;
      for (let c = 0; c < K_MAIN; c++) { scratch[c] = Math.exp(scratch[c]! - mx); z += scratch[c]!; }
      for (let c = 0; c < K_MAIN; c++) probBuf[pk + c] = scratch[c]! / z;
    }
    const p = [probBuf[pk]!, probBuf[pk + 1]!, probBuf[pk + 2]!, probBuf[pk + 3]!];
    const { role, scores } = model.roleAndScores(p, opts.given === true);
    const ak = k * K_ARCH;
    if (role !== 'unframed' && (!full[k] || MAIN_ROLES[evRole[k]!] !== role)) {
      model.archetypesOf(sc.rows, rowStart[k]!, rowCount[k]!, role, archBuf, ak);
      // Framed only once the actor's other mentions weighed in (or in another role): its cues again.
      f.run(k);
      evidence[k] = evidenceOf(model, f, role);
    }
    let source: MentionFraming['source'] = null;
    if (seg !== -1) {
      f.run(k, true);
      const rows = sc.rowRoom(rowsUsed, f.n);
      const nr = model.scoreRows(f.keys, f.n, sourceProbs, 0, rows, rowsUsed);
      const pn = [sourceProbs[0]!, sourceProbs[1]!, sourceProbs[2]!, sourceProbs[3]!];
      const sRole = model.decide(pn);
      let an = NO_ARCH_FRAMED;
      let at = 0;
      if (sRole !== 'unframed') {
        an = archBuf;
        at = sourceAt;
        sourceAt += K_ARCH;
        model.archetypesOf(rows, rowsUsed, nr, sRole, archBuf, at);
      }
      source = { probs: pn, arch: an, archAt: at, role: sRole };
    }
    // An unframed mention keeps its cues: the actor's casting (framed by its other mentions) may rest on them.
    const ev = evidence[k] ?? [];
    out[k] = { probs: p, arch: archBuf, archAt: ak, role, scores, archetypes: role === 'unframed' ? [] : model.chooseArchetypes(role, archBuf, ak), seg, source, evidence: ev };
  }
  return out;
}

/** "VELSK, March 14 (Meridian Wire) - ...": a name in brackets followed by a dash, in a sentence's first words. */
function inDateline(ctx: DocContext, k: number): boolean {
  const m = ctx.spans[k]!;
  const { doc } = ctx;
  const s = doc.sentences[m.sentence]!;
  if (m.a - s.tokenStart > 8 || m.a === s.tokenStart || m.b + 1 >= s.tokenEnd) return false;
  const dash = punctChar(doc, m.b + 1);
  return punctChar(doc, m.a - 1) === '(' && punctChar(doc, m.b) === ')' && (dash === '-' || dash === '\u2014' || dash === '\u2013');
}

/** The best of the three main roles in a probability vector. */
function bestRole3(p: ArrayLike<number>, at = 0): MainRole {
  const p0 = p[at]!, p1 = p[at + 1]!, p2 = p[at + 2]!;
  return p1 >= p0 && p1 >= p2 ? 'antagonist' : p0 >= p2 ? 'protagonist' : 'innocent';
}
