import type { ArchetypeScore } from '../../core/actors.js';
import { FRAMEABLE_TYPES } from '../../core/actors.js';
import { MAIN_ROLES, type FramingRole, type MainRole } from '../../core/framing.js';
import { keyParts, mentionFeatures, T, type DocContext, type FiredCue } from './features.js';
import { K_MAIN, round3, type FramingModel } from './model.js';

/** A cue behind a mention's role, with its weight toward that role. */
export interface CueEvidence {
  key: number;
  a: number;
  b: number;
  seg: number;
  role: MainRole;
  weight: number;
}

/** The classifier's reading of one mention. */
export interface MentionFraming {
  /** Calibrated probabilities (protagonist, antagonist, innocent, unframed), as the author casts it. */
  probs: Float64Array;
  role: FramingRole;
  scores: Record<MainRole, number>;
  archetypes: ArchetypeScore[];
  /** Archetype probabilities given the main role (ARCHETYPE_IDS order). */
  arch: Float64Array;
  /** Innermost voice segment the mention stands in (-1: the author's words). */
  seg: number;
  /** How the source whose words these are casts it (null in the author's words). */
  source: { probs: Float64Array; arch: Float64Array; role: FramingRole; scores: Record<MainRole, number>; archetypes: ArchetypeScore[] } | null;
  evidence: CueEvidence[];
}

const UNFRAMED_PROBS = Float64Array.from([0, 0, 0, 1]);
const ZERO: Record<MainRole, number> = { protagonist: 0, antagonist: 0, innocent: 0 };

/** Cue templates that make readable evidence (not bias, type, counts). */
const EVIDENCE_TEMPLATES = new Set<number>([T.AGENT, T.PATIENT, T.LOADED, T.LABEL, T.NEAR, T.TECH, T.SPEAKER, T.ACCUSED, T.R1, T.L1]);

function evidenceOf(model: FramingModel, cues: readonly FiredCue[], role: MainRole): CueEvidence[] {
  const c = MAIN_ROLES.indexOf(role);
  const out: CueEvidence[] = [];
  for (const cue of cues) {
    if (!EVIDENCE_TEMPLATES.has(keyParts(cue.key).tpl)) continue;
    let mean = 0;
    for (let k = 0; k < 3; k++) mean += model.weightOf(cue.key, k);
    const w = model.weightOf(cue.key, c) - mean / 3;
    if (w > 0.05) out.push({ key: cue.key, a: cue.a, b: cue.b, seg: cue.seg, role, weight: round3(w) });
  }
  return out.sort((x, y) => y.weight - x.weight);
}

export interface FrameOptions {
  /** Classify every span, whatever its type (the given-mention setting); default: places and events stay unframed. */
  all?: boolean;
  /** Only these spans need an answer (the others are context); default all. */
  wanted?: ReadonlySet<number>;
}

/**
 * Frames every mention of a document: the author's casting of each (with the actor's other mentions
 * weighed in), the source's casting where the mention stands in reported words, archetypes and evidence.
 */
export function frameMentions(model: FramingModel, ctx: DocContext, opts: FrameOptions = {}): Array<MentionFraming | null> {
  const n = ctx.spans.length;
  const probs: Array<Float64Array | null> = new Array(n).fill(null);
  const rows: Array<ReturnType<typeof mentionFeatures> | null> = new Array(n).fill(null);
  for (let k = 0; k < n; k++) {
    if (opts.wanted && !opts.wanted.has(k)) continue;
    if (!opts.all && !FRAMEABLE_TYPES.has(ctx.spans[k]!.type)) continue;
    const row = mentionFeatures(ctx, k);
    rows[k] = row;
    probs[k] = model.main(row.keys);
  }
  // The actor's other mentions weigh in: log p + w * mean log p of the others.
  const w = model.artefact.actorWeight;
  const smoothed = probs.map((p) => (p ? Float64Array.from(p) : null));
  if (w > 0) {
    const sum = new Map<string, { n: number; logs: Float64Array }>();
    probs.forEach((p, k) => {
      if (!p) return;
      const g = ctx.spans[k]!.group;
      const s = sum.get(g) ?? { n: 0, logs: new Float64Array(K_MAIN) };
      for (let c = 0; c < K_MAIN; c++) s.logs[c]! += Math.log(Math.max(1e-9, p[c]!));
      s.n++;
      sum.set(g, s);
    });
    probs.forEach((p, k) => {
      if (!p) return;
      const s = sum.get(ctx.spans[k]!.group)!;
      if (s.n < 2) return;
      const out = smoothed[k]!;
      let mx = -Infinity;
      for (let c = 0; c < K_MAIN; c++) {
        const own = Math.log(Math.max(1e-9, p[c]!));
        out[c] = own + (w * (s.logs[c]! - own)) / (s.n - 1);
        if (out[c]! > mx) mx = out[c]!;
      }
      let z = 0;
      for (let c = 0; c < K_MAIN; c++) { out[c] = Math.exp(out[c]! - mx); z += out[c]!; }
      for (let c = 0; c < K_MAIN; c++) out[c] = out[c]! / z;
    });
  }
  const out: Array<MentionFraming | null> = new Array(n).fill(null);
  for (let k = 0; k < n; k++) {
    if (opts.wanted && !opts.wanted.has(k)) continue;
    const row = rows[k];
    const seg = ctx.voice.tokenSeg ? ctx.voice.tokenSeg[ctx.spans[k]!.a]! : -1;
    if (!row) {
      out[k] = { probs: UNFRAMED_PROBS, role: 'unframed', scores: { ...ZERO }, archetypes: [], arch: new Float64Array(0), seg, source: null, evidence: [] };
      continue;
    }
    const p = smoothed[k]!;
    const role = model.decide(p);
    const scores = roundScores(model.mainOnly(p));
    const arch = model.archetypes(row.keys);
    const best = role === 'unframed' ? bestOf(scores) : role;
    let source: MentionFraming['source'] = null;
    if (seg !== -1) {
      const rowN = mentionFeatures(ctx, k, true);
      const pn = model.main(rowN.keys);
      const sRole = model.decide(pn);
      const an = model.archetypes(rowN.keys);
      source = { probs: pn, arch: an, role: sRole, scores: roundScores(model.mainOnly(pn)), archetypes: model.chooseArchetypes(sRole, an) };
    }
    out[k] = { probs: p, role, scores, archetypes: model.chooseArchetypes(role, arch), arch, seg, source, evidence: evidenceOf(model, row.cues, best) };
  }
  return out;
}

function bestOf(s: Record<MainRole, number>): MainRole {
  let best: MainRole = 'antagonist';
  for (const r of MAIN_ROLES) if (s[r] > s[best]) best = r;
  return best;
}

function roundScores(s: Record<MainRole, number>): Record<MainRole, number> {
  return { protagonist: round3(s.protagonist), antagonist: round3(s.antagonist), innocent: round3(s.innocent) };
}

