import type { ActorFraming, ArchetypeScore, FramingEvidence, VoiceCasting } from '../../core/actors.js';
import { ARCHETYPE_IDS, MAIN_ROLES, type FramingRole, type MainRole } from '../../core/framing.js';
import type { SpanRef } from '../../core/report.js';
import type { VoiceAnalysis } from '../voice/analyse.js';
import { voiceOfSegment } from '../voice/product.js';
import { CUE_CLASSES } from './cues.js';
import { roleShownBy, valenceFits } from './cue-direction.js';
import { COND_NAMES, keyParts, keyTemplate, T, TEMPLATE_NAMES } from './features.js';
import type { ArchetypeReading as Reading, CueEvidence, MentionFraming } from './infer.js';
import { archRange, bestRole, round3, type FramingModel } from './model.js';
import { TECHNIQUE_IDS } from '../../core/taxonomy.js';

export const UNFRAMED: ActorFraming = Object.freeze({
  role: 'unframed', scores: { protagonist: 0, antagonist: 0, innocent: 0 }, archetypes: [], byVoice: [], evidence: [],
}) as ActorFraming;


/** Scratch for `cast` (only read by chooseArchetypes before the next call). */
const castArch = new Float64Array(ARCHETYPE_IDS.length);

/** One casting from several mentions' readings: scores weighted by how framed each mention is. */
function cast(model: FramingModel, rs: readonly Reading[]): { role: FramingRole; scores: Record<MainRole, number>; archetypes: ArchetypeScore[] } {
  let sp = 0, sa = 0, si = 0, z = 0, framed = 0;
  for (const r of rs) {
    const f = 1 - r.probs[3]!;
    if (f > framed) framed = f;
    // The three main roles among themselves (the analysis setting has no prior shift).
    const q = r.probs[0]! + r.probs[1]! + r.probs[2]!;
    const w = f > 1e-6 ? f : 1e-6;
    if (q > 0) {
      sp += (w * r.probs[0]!) / q;
      sa += (w * r.probs[1]!) / q;
      si += (w * r.probs[2]!) / q;
    }
    z += w;
  }
  const scores: Record<MainRole, number> = z === 0 ? { protagonist: 0, antagonist: 0, innocent: 0 } : { protagonist: round3(sp / z), antagonist: round3(sa / z), innocent: round3(si / z) };
  const role: FramingRole = rs.length === 0 || framed < model.artefact.unframedCut ? 'unframed' : bestRole(scores);
  if (role === 'unframed') return { role, scores, archetypes: [] };
  // The weighted mean of the readings' archetypes, for the chosen role's archetypes only (the only
  // ones chooseArchetypes reads): each sum adds the same terms in the same order as a sum over all.
  const lo = archRange(role)[0];
  const hi = archRange(role)[1];
  const arch = castArch.fill(0, lo, hi);
  for (const r of rs) {
    const f = 1 - r.probs[3]!;
    const w = f > 1e-6 ? f : 1e-6;
    const ra = r.arch;
    const at = r.archAt;
    for (let c = lo; c < hi; c++) arch[c]! += w * ra[at + c]!;
  }
  for (let c = lo; c < hi; c++) arch[c] = arch[c]! / z;
  return { role, scores, archetypes: model.chooseArchetypes(role, arch) };
}

/** Readable name of the cue behind a piece of evidence ("harm done by it", "label"). */
export function cueName(key: number): string {
  const { tpl, cond, value } = keyParts(key);
  const at = cond === 3 ? ' (in words the author rejects)' : '';
  switch (tpl) {
    case T.AGENT: return `${CUE_CLASSES[value]} by it${at}`;
    case T.PATIENT: return `${CUE_CLASSES[value]} to it${at}`;
    case T.NEAR: return `${CUE_CLASSES[value]} in its name${at}`;
    case T.LOADED: case T.LABEL: return `loaded term next to it${at}`;
    case T.TECH: return `${TECHNIQUE_IDS[value]} aimed at it`;
    case T.SPEAKER: return value === 1 ? 'speaker of words the author rejects' : value === 2 ? 'speaker of words the author doubts' : value === 3 ? 'speaker of words the author endorses' : 'speaker';
    case T.ACCUSED: return `accused${cond ? ` (${COND_NAMES[cond]})` : ''}`;
    case T.R1: return `word after it${at}`;
    case T.L1: return `word before it${at}`;
    default: return TEMPLATE_NAMES[tpl] ?? 'cue';
  }
}

/** Per voice segment, the key its source is grouped by: the actor, else the name as written. */
export function sourceKeysOf(voice: VoiceAnalysis): string[] {
  return voice.segments.map((x) => x.actor ?? `name:${x.name ?? ''}`);
}

/**
 * Does some cue in one voice's own words support casting the actor as `role`? `source` null: the
 * author's words; else the words of the source with that key (sourceKeysOf). A role read from the
 * actor's type and the text's general lean alone (a defended party "antagonist" with nothing said
 * against it) stays unframed. A word's general valence near the name ("wise") is a weight, not a
 * reason a reader can check; nor is a cue that shows another role ("a smear campaign against X"
 * never shows X as antagonist).
 */
function supported(read: readonly MentionFraming[], role: FramingRole, sourceKeys: readonly string[], source: string | null): boolean {
  if (role === 'unframed') return true;
  for (const m of read) {
    for (const c of m.evidence) {
      if (c.role !== role || c.weight <= 0 || keyTemplate(c.key) === T.VAL) continue;
      if (source === null ? c.seg !== -1 : c.seg === -1 || sourceKeys[c.seg] !== source) continue;
      const shown = roleShownBy(c.key);
      if (shown === null || shown === role) return true;
    }
  }
  return false;
}

/** A casting as it stands when supported, else unframed (fields in the casting's order). */
function gated<C extends { role: FramingRole; archetypes: ArchetypeScore[] }>(c: C, ok: boolean): C {
  return ok ? c : { ...c, role: 'unframed', archetypes: [] };
}

/**
 * How a document casts one actor, from its mentions' readings: the author's casting (every mention,
 * read as the author's framing), then each reported source's (its words only, read as that source's
 * framing), and the strongest evidence first, each cue with its voice.
 */
export function castActor(model: FramingModel | null, ms: ReadonlyArray<MentionFraming | null>, voice: VoiceAnalysis, tokSpan: (a: number, b: number) => SpanRef, sourceKeys: readonly string[] = sourceKeysOf(voice)): ActorFraming {
  const read: MentionFraming[] = [];
  for (const m of ms) if (m !== null && m.archAt >= 0) read.push(m);
  if (!model || read.length === 0) return { role: UNFRAMED.role, scores: UNFRAMED.scores, archetypes: UNFRAMED.archetypes, byVoice: [], evidence: [] };
  // Evidence for every finding: a voice casts the actor in a role only where some cue in that
  // voice's own words supports the role (see `supported`).
  const own = cast(model, read);
  const author = gated(own, supported(read, own.role, sourceKeys, null));
  // Fields in the order a spread of the casting gave them (reports are compared as JSON).
  const byVoice: VoiceCasting[] = [{ kind: 'author', speaker: null, actor: null, role: author.role, scores: author.scores, archetypes: author.archetypes, mentions: read.length }];
  // Each source: the mentions in its words, read as its framing (most actors have none).
  let bySource: Map<string, { speaker: string | null; actor: string | null; rs: Reading[] }> | null = null;
  for (const m of read) {
    if (m.seg === -1 || !m.source) continue;
    const x = voice.segments[m.seg]!;
    const k = sourceKeys[m.seg]!;
    bySource ??= new Map();
    let e = bySource.get(k);
    if (e === undefined) bySource.set(k, (e = { speaker: x.name, actor: x.actor, rs: [] }));
    // The source's reading has the probabilities and archetypes `cast` reads.
    e.rs.push(m.source);
  }
  if (bySource !== null) {
    for (const [k, e] of bySource) {
      const theirs = cast(model, e.rs);
      const c = gated(theirs, supported(read, theirs.role, sourceKeys, k));
      byVoice.push({ kind: 'source', speaker: e.speaker, actor: e.actor, role: c.role, scores: c.scores, archetypes: c.archetypes, mentions: e.rs.length });
    }
  }
  const evidence: FramingEvidence[] = [];
  /** Cue key of each evidence entry (an entry is one span and cue: the first, strongest, of its kind). */
  const evKeys: number[] = [];
  const target = author.role === 'unframed' ? bestRole(author.scores) : author.role;
  const cues: CueEvidence[] = [];
  for (const m of read) for (const c of m.evidence) if (c.role === target && valenceFits(c.key, target)) cues.push(c);
  // Cues a reader can check first (an act, a label, a technique...), then words whose general
  // valence the classifier weighed ("won", "treasurer"): the latter alone never cast an actor.
  const valence = (c: CueEvidence) => (keyTemplate(c.key) === T.VAL ? 1 : 0);
  cues.sort((a, b) => valence(a) - valence(b) || b.weight - a.weight);
  for (const c of cues) {
    const sp = tokSpan(c.a, c.b);
    let dup = false;
    for (let j = 0; j < evidence.length && !dup; j++) dup = evKeys[j] === c.key && evidence[j]!.start === sp.start && evidence[j]!.end === sp.end;
    if (dup) continue;
    evKeys.push(c.key);
    const ev: FramingEvidence = { start: sp.start, end: sp.end, text: sp.text, cue: cueName(c.key), role: c.role, weight: c.weight };
    if (c.seg !== -1) ev.voice = voiceOfSegment(voice, c.seg);
    evidence.push(ev);
    if (evidence.length >= 8) break;
  }
  return { role: author.role, scores: author.scores, archetypes: author.archetypes, byVoice, evidence };
}
