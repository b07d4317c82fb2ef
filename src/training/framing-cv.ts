import { ARCHETYPE_IDS, FRAMING_ROLES, MAIN_OF, MAIN_ROLES, type ArchetypeId, type FramingRole, type MainRole } from '../core/framing.js';
import { scoreRoles, type RoleScores } from '../eval/roles.js';
import { FramingModel, K_ARCH, K_MAIN, type FramingArtefact } from '../layers/framing/model.js';
import { keyParts, T } from '../layers/framing/features.js';

const STEM_TEMPLATES = new Set<number>([T.HEAD, T.R1, T.R2, T.L1, T.L2, T.LABEL, T.RBAG, T.LBAG]);
import { DEFAULT_FRAMING_SETTINGS, fitFraming, foldOf, type PreparedDoc, type PreparedMention, type TrainSettings } from './framing.js';

/**
 * Cross-validation, calibration and scores of the framing classifier. Calibration is fitted on
 * out-of-fold predictions only: the temperature (NLL of the four main classes), the weight of an
 * actor's other mentions, the unframed cut (macro-F1 of the four roles) and one cut per archetype.
 */

import { NEWS_PRIOR } from '../layers/framing/prior.js';
export { NEWS_PRIOR };

/** One gold mention with the model's uncalibrated reading (temperature 1). */
export interface Reading {
  doc: PreparedDoc;
  m: PreparedMention;
  /** log-probabilities of the four main classes, author's casting. */
  logp: Float64Array;
  /** Same, as the source casts it (null in the author's words). */
  srcLogp: Float64Array | null;
  arch: Float64Array;
}

export interface Calibration {
  temperature: number;
  actorWeight: number;
  unframedCut: number;
  archetypeCut: number[];
}

/** A model from fitted weights and a calibration. */
export function artefactOf(fit: ReturnType<typeof fitFraming>, stems: readonly string[], cal: Calibration, card: Record<string, unknown> = {}, valence?: FramingArtefact['valence']): FramingArtefact {
  // Only stems that a kept feature reads are stored (the others become empty strings, which match no word).
  const used = new Set<number>();
  for (const k of [...fit.main.keys, ...fit.archetypes.keys]) {
    const { tpl, value } = keyParts(k);
    if (STEM_TEMPLATES.has(tpl)) used.add(value);
  }
  return {
    ...(valence ? { valence } : {}),
    version: 'framing-1', stems: stems.map((x, k) => (used.has(k + 1) ? x : '')), main: fit.main, archetypes: fit.archetypes, temperature: cal.temperature, trainPrior: fit.trainPrior,
    unframedCut: cal.unframedCut, archetypeCut: cal.archetypeCut, actorWeight: cal.actorWeight, card,
  };
}

const RAW: Calibration = { temperature: 1, actorWeight: 0, unframedCut: 0, archetypeCut: new Array(K_ARCH).fill(0.5) };

/** Readings of the gold mentions of `test` by a model fitted on `train`. */
export function readingsOf(train: readonly PreparedDoc[], test: readonly PreparedDoc[], stems: readonly string[], s: TrainSettings = DEFAULT_FRAMING_SETTINGS): Reading[] {
  const model = new FramingModel(artefactOf(fitFraming(train, s), stems, RAW));
  const out: Reading[] = [];
  for (const doc of test) {
    for (const m of doc.mentions) {
      const logp = model.main(m.row.keys).map((p) => Math.log(Math.max(1e-12, p)));
      const srcLogp = m.neutral ? model.main(m.neutral.keys).map((p) => Math.log(Math.max(1e-12, p))) : null;
      out.push({ doc, m, logp, srcLogp, arch: model.archetypes(m.row.keys) });
    }
  }
  return out;
}

/** Out-of-fold readings of every gold mention (folds by document). */
export function crossValidate(docs: readonly PreparedDoc[], stems: readonly string[], folds = 5, s: TrainSettings = DEFAULT_FRAMING_SETTINGS, log: (m: string) => void = () => {}, extra: readonly PreparedDoc[] = []): Reading[] {
  const out: Reading[] = [];
  for (let f = 0; f < folds; f++) {
    const train = [...docs.filter((d) => foldOf(d.id, folds) !== f), ...extra];
    const test = docs.filter((d) => foldOf(d.id, folds) === f);
    out.push(...readingsOf(train, test, stems, s));
    log(`fold ${f + 1}/${folds}: ${test.length} texts, ${test.reduce((n, d) => n + d.mentions.length, 0)} mentions`);
  }
  return out;
}

const softmax = (v: ArrayLike<number>, t: number): Float64Array => {
  const o = Float64Array.from(v, (x) => x / t);
  const mx = Math.max(...o);
  let z = 0;
  for (let c = 0; c < o.length; c++) { o[c] = Math.exp(o[c]! - mx); z += o[c]!; }
  for (let c = 0; c < o.length; c++) o[c] = o[c]! / z;
  return o;
};

/** Probabilities after temperature and the actor's other gold mentions (same group, same document). */
export function calibrated(rs: readonly Reading[], t: number, w: number): Float64Array[] {
  const groups = new Map<string, number[]>();
  rs.forEach((r, k) => {
    const g = `${r.doc.id}\u0000${r.doc.ctx.spans[r.m.span]!.group}`;
    const list = groups.get(g) ?? [];
    list.push(k);
    groups.set(g, list);
  });
  const base = rs.map((r) => softmax(r.logp, t));
  return rs.map((r, k) => {
    const list = groups.get(`${r.doc.id}\u0000${r.doc.ctx.spans[r.m.span]!.group}`)!;
    if (w === 0 || list.length < 2) return base[k]!;
    const v = new Float64Array(K_MAIN);
    for (let c = 0; c < K_MAIN; c++) {
      let other = 0;
      for (const j of list) if (j !== k) other += Math.log(Math.max(1e-12, base[j]![c]!));
      v[c] = Math.log(Math.max(1e-12, base[k]![c]!)) + (w * other) / (list.length - 1);
    }
    return softmax(v, 1);
  });
}

function mainOnly(p: Float64Array, shift: readonly number[]): MainRole {
  let best = 0;
  let bv = -Infinity;
  for (let c = 0; c < 3; c++) {
    const v = Math.log(Math.max(1e-12, p[c]!)) + (shift[c] ?? 0);
    if (v > bv) { bv = v; best = c; }
  }
  return MAIN_ROLES[best]!;
}

function chooseFine(role: MainRole, arch: Float64Array, cuts: readonly number[]): ArchetypeId[] {
  let best = -1;
  for (let c = 0; c < K_ARCH; c++) if (MAIN_OF[ARCHETYPE_IDS[c]!] === role && (best === -1 || arch[c]! > arch[best]!)) best = c;
  const out: ArchetypeId[] = [];
  for (let c = 0; c < K_ARCH; c++) if (MAIN_OF[ARCHETYPE_IDS[c]!] === role && (c === best || arch[c]! >= cuts[c]!)) out.push(ARCHETYPE_IDS[c]!);
  return out;
}

/** Macro-F1 and accuracy of the four roles (the report setting: unframed below the cut). */
export function fourWay(rs: readonly Reading[], probs: readonly Float64Array[], cut: number): { accuracy: number; macroF1: number; perRole: Record<FramingRole, number> } {
  const tp: Record<string, number> = {};
  const gold: Record<string, number> = {};
  const pred: Record<string, number> = {};
  let correct = 0;
  rs.forEach((r, k) => {
    const p = probs[k]!;
    const g = r.m.gold.main;
    const y: FramingRole = 1 - p[3]! < cut ? 'unframed' : mainOnly(p, [0, 0, 0]);
    gold[g] = (gold[g] ?? 0) + 1;
    pred[y] = (pred[y] ?? 0) + 1;
    if (g === y) { correct++; tp[g] = (tp[g] ?? 0) + 1; }
  });
  const perRole = {} as Record<FramingRole, number>;
  let sum = 0;
  for (const r of FRAMING_ROLES) {
    const p = pred[r] ? (tp[r] ?? 0) / pred[r]! : 0;
    const rc = gold[r] ? (tp[r] ?? 0) / gold[r]! : 0;
    perRole[r] = p + rc === 0 ? 0 : (2 * p * rc) / (p + rc);
    sum += perRole[r];
  }
  return { accuracy: rs.length ? correct / rs.length : 0, macroF1: sum / FRAMING_ROLES.length, perRole };
}

/** Scores of the given-mention setting (gold framed mentions; the best of the three main roles). */
export function givenScores(rs: readonly Reading[], probs: readonly Float64Array[], cuts: readonly number[], shift: readonly number[]): RoleScores {
  const pairs: Array<{ gold: { main: MainRole; fine: ArchetypeId[] }; pred: { main: MainRole; fine: ArchetypeId[] } }> = [];
  rs.forEach((r, k) => {
    if (r.m.gold.main === 'unframed') return;
    const main = mainOnly(probs[k]!, shift);
    pairs.push({ gold: { main: r.m.gold.main, fine: r.m.gold.fine }, pred: { main, fine: chooseFine(main, r.arch, cuts) } });
  });
  return scoreRoles(pairs);
}

/** Log ratio of a target prior to the training prior, per main role. */
export function priorShift(trainPrior: readonly number[], target: Record<MainRole, number> | null): number[] {
  return MAIN_ROLES.map((r, c) => (target ? Math.log(target[r] / Math.max(1e-6, trainPrior[c] ?? 1 / 3)) : 0));
}

/** Fits the calibration on out-of-fold readings. */
export function fitCalibration(rs: readonly Reading[]): Calibration {
  // Temperature: the NLL of the four main classes.
  let temperature = 1;
  let bestNll = Infinity;
  for (let t = 0.5; t <= 4.001; t += 0.05) {
    let nll = 0;
    for (const r of rs) nll -= Math.log(Math.max(1e-12, softmax(r.logp, t)[FRAMING_ROLES.indexOf(r.m.gold.main)]!));
    if (nll < bestNll) { bestNll = nll; temperature = Math.round(t * 100) / 100; }
  }
  // The weight of the actor's other mentions and the unframed cut: macro-F1 of the four roles.
  let actorWeight = 0;
  let unframedCut = 0.5;
  let best = -1;
  for (const w of [0, 0.25, 0.5, 0.75, 1]) {
    const probs = calibrated(rs, temperature, w);
    for (let cut = 0.1; cut <= 0.901; cut += 0.025) {
      const f = fourWay(rs, probs, cut).macroF1;
      if (f > best + 1e-9) { best = f; actorWeight = w; unframedCut = Math.round(cut * 1000) / 1000; }
    }
  }
  // Per archetype: the cut that maximises its F1 among gold mentions of its main role.
  const archetypeCut = ARCHETYPE_IDS.map((id, c) => {
    const main = MAIN_OF[id];
    let bestCut = 0.5;
    let bestF = -1;
    for (let cut = 0.1; cut <= 0.901; cut += 0.05) {
      let tp = 0, fp = 0, fn = 0;
      for (const r of rs) {
        if (r.m.gold.main !== main) continue;
        const y = r.m.gold.fine.includes(id);
        const p = r.arch[c]! >= cut;
        if (p && y) tp++; else if (p) fp++; else if (y) fn++;
      }
      const f = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
      if (f > bestF + 1e-9) { bestF = f; bestCut = Math.round(cut * 100) / 100; }
    }
    return bestCut;
  });
  return { temperature, actorWeight, unframedCut, archetypeCut };
}

/** Every figure of a set of readings under a calibration. */
export function scoreReadings(rs: readonly Reading[], cal: Calibration, trainPrior: readonly number[]) {
  const probs = calibrated(rs, cal.temperature, cal.actorWeight);
  const report = fourWay(rs, probs, cal.unframedCut);
  const given = givenScores(rs, probs, cal.archetypeCut, priorShift(trainPrior, null));
  const givenNews = givenScores(rs, probs, cal.archetypeCut, priorShift(trainPrior, NEWS_PRIOR));
  // How the source casts a mention that stands in reported words, against the `src=` label.
  let srcN = 0;
  let srcRight = 0;
  for (const r of rs) {
    if (!r.m.src || !r.srcLogp) continue;
    const p = softmax(r.srcLogp, cal.temperature);
    const y: FramingRole = 1 - p[3]! < cal.unframedCut ? 'unframed' : mainOnly(p, [0, 0, 0]);
    srcN++;
    if (y === r.m.src.main) srcRight++;
  }
  const constant = rs.filter((r) => r.m.gold.main !== 'unframed');
  const majority = MAIN_ROLES.map((role) => constant.filter((r) => r.m.gold.main === role).length / Math.max(1, constant.length));
  return { mentions: rs.length, report, given, givenNews, source: { mentions: srcN, accuracy: srcN ? srcRight / srcN : 0 }, constantAntagonist: majority[1]! };
}
