import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ARCHETYPE_IDS, MAIN_OF, MAIN_ROLES, type ArchetypeId, type FramingRole, type MainRole } from '../../core/framing.js';
import { UserError } from '../../core/errors.js';
import { frozenStems, type StemIndex } from './features.js';
import { NO_VALENCE, valenceFromTable, type Valence } from './valence.js';

/**
 * The framing classifier: a multinomial logistic regression over mention features for the main role
 * (protagonist, antagonist, innocent, unframed), and one logistic regression per archetype for the
 * fine roles, trained in TypeScript (src/training/framing.ts) on the annotated set in `data/`.
 * Scores are calibrated by a temperature fitted on cross-validated predictions.
 */

/** Classes of the main model, in weight order. */
export const MAIN_CLASSES = [...MAIN_ROLES, 'unframed'] as const;
export const K_MAIN = MAIN_CLASSES.length;
export const K_ARCH = ARCHETYPE_IDS.length;

/** A sparse linear model: per feature key, `classes` weights. */
export interface SparseLinear {
  classes: number;
  keys: number[];
  /** keys.length * classes weights, row-major. */
  w: number[];
}

/** The artefact as stored (src/layers/framing/model.json). */
export interface FramingArtefact {
  version: string;
  stems: string[];
  main: SparseLinear;
  archetypes: SparseLinear;
  /** Divides the main logits (fitted on cross-validated predictions). */
  temperature: number;
  /** Share of each main role among framed mentions of the training set (protagonist, antagonist, innocent). */
  trainPrior: number[];
  /** Below this probability of being framed at all, a mention is `unframed` (the calibrated cut). */
  unframedCut: number;
  /** Per archetype: the score above which it is listed beside the best one. */
  archetypeCut: number[];
  /** Weight of the actor's other mentions when a mention's role is decided (0: none). */
  actorWeight: number;
  /** Word valence (see valence.ts): hashes of words and their valence in tenths. */
  valence?: { hashes: number[]; tenths: number[] };
  /** What it was trained on and how it scored (model card). */
  card: Record<string, unknown>;
}

/** A model ready for inference. */
export class FramingModel {
  readonly stems: StemIndex;
  readonly valence: Valence;
  private readonly mainRow = new Map<number, number>();
  private readonly mainW: Float64Array;
  private readonly archRow = new Map<number, number>();
  private readonly archW: Float64Array;
  /** Log prior ratio per main role added in the given-mention setting (target prior / training prior). */
  private priorShift = new Float64Array(3);

  constructor(readonly artefact: FramingArtefact) {
    this.stems = frozenStems(artefact.stems);
    this.valence = artefact.valence ? valenceFromTable(artefact.valence.hashes, artefact.valence.tenths) : NO_VALENCE;
    artefact.main.keys.forEach((k, r) => this.mainRow.set(k, r));
    this.mainW = Float64Array.from(artefact.main.w);
    artefact.archetypes.keys.forEach((k, r) => this.archRow.set(k, r));
    this.archW = Float64Array.from(artefact.archetypes.w);
  }

  /** Main-role probabilities (MAIN_CLASSES order), calibrated. */
  main(keys: readonly number[], out = new Float64Array(K_MAIN)): Float64Array {
    out.fill(0);
    for (const k of keys) {
      const r = this.mainRow.get(k);
      if (r === undefined) continue;
      const b = r * K_MAIN;
      for (let c = 0; c < K_MAIN; c++) out[c]! += this.mainW[b + c]!;
    }
    return softmaxInPlace(out, this.artefact.temperature);
  }

  /** Per archetype, the probability that it fits given that the mention is framed in its main role. */
  archetypes(keys: readonly number[], out = new Float64Array(K_ARCH)): Float64Array {
    out.fill(0);
    for (const k of keys) {
      const r = this.archRow.get(k);
      if (r === undefined) continue;
      const b = r * K_ARCH;
      for (let c = 0; c < K_ARCH; c++) out[c]! += this.archW[b + c]!;
    }
    for (let c = 0; c < K_ARCH; c++) out[c] = 1 / (1 + Math.exp(-out[c]!));
    return out;
  }

  /** The contribution of one feature to each main class (for evidence). */
  weightOf(k: number, c: number): number {
    const r = this.mainRow.get(k);
    return r === undefined ? 0 : this.mainW[r * K_MAIN + c]!;
  }

  /** Sets the main-role prior of the text the model will read (for the given-mention setting). */
  setTargetPrior(prior: Readonly<Record<MainRole, number>> | null): void {
    this.priorShift = new Float64Array(3);
    if (!prior) return;
    MAIN_ROLES.forEach((r, c) => {
      const train = this.artefact.trainPrior[c] ?? 1 / 3;
      this.priorShift[c] = Math.log(Math.max(1e-6, prior[r]) / Math.max(1e-6, train));
    });
  }

  /** The three main roles' scores among themselves (framed mentions only; sums to 1), with the target prior. */
  mainOnly(p: Float64Array): Record<MainRole, number> {
    let z = 0;
    const v = [0, 0, 0];
    for (let c = 0; c < 3; c++) { v[c] = Math.log(Math.max(1e-12, p[c]!)) + this.priorShift[c]!; }
    const mx = Math.max(...v);
    for (let c = 0; c < 3; c++) { v[c] = Math.exp(v[c]! - mx); z += v[c]!; }
    return { protagonist: v[0]! / z, antagonist: v[1]! / z, innocent: v[2]! / z };
  }

  /** The chosen role: the best main role, or `unframed` when the mention is framed with probability under the cut. */
  decide(p: Float64Array): FramingRole {
    if (1 - p[3]! < this.artefact.unframedCut) return 'unframed';
    const s = this.mainOnly(p);
    return bestRole(s);
  }

  /** Archetypes of a main role above their cut, the best one always (strongest first). */
  chooseArchetypes(role: FramingRole, a: Float64Array): Array<{ id: ArchetypeId; score: number }> {
    if (role === 'unframed') return [];
    const out: Array<{ id: ArchetypeId; score: number }> = [];
    let best = -1;
    for (let c = 0; c < K_ARCH; c++) {
      if (ARCH_MAIN[c] !== role) continue;
      if (best === -1 || a[c]! > a[best]!) best = c;
    }
    for (let c = 0; c < K_ARCH; c++) {
      if (ARCH_MAIN[c] !== role) continue;
      if (c === best || a[c]! >= (this.artefact.archetypeCut[c] ?? 0.5)) out.push({ id: ARCHETYPE_IDS[c]!, score: round3(a[c]!) });
    }
    return out.sort((x, y) => y.score - x.score);
  }
}

const ARCH_MAIN: MainRole[] = ARCHETYPE_IDS.map((id) => MAIN_OF[id]);

export const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function bestRole(s: Record<MainRole, number>): MainRole {
  let best: MainRole = 'antagonist';
  for (const r of MAIN_ROLES) if (s[r] > s[best]) best = r;
  return best;
}

export function softmaxInPlace(v: Float64Array, temperature = 1): Float64Array {
  let mx = -Infinity;
  for (let c = 0; c < v.length; c++) { v[c] = v[c]! / temperature; if (v[c]! > mx) mx = v[c]!; }
  let z = 0;
  for (let c = 0; c < v.length; c++) { v[c] = Math.exp(v[c]! - mx); z += v[c]!; }
  for (let c = 0; c < v.length; c++) v[c] = v[c]! / z;
  return v;
}

export const MODEL_FILE = fileURLToPath(new URL('./model.json', import.meta.url));

let shipped: FramingModel | null | undefined;

/** The shipped model (null when no artefact has been trained yet). */
export function shippedFramingModel(): FramingModel | null {
  if (shipped === undefined) shipped = existsSync(MODEL_FILE) ? loadFramingModel(MODEL_FILE) : null;
  return shipped;
}

export function loadFramingModel(file: string): FramingModel {
  if (!existsSync(file)) throw new UserError(`${file}: framing model not found`, { file });
  let data: FramingArtefact;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as FramingArtefact;
  } catch (e) {
    throw new UserError(`${file}: not a framing model (${(e as Error).message})`, { file });
  }
  if (!data || typeof data.version !== 'string' || !data.main || !data.archetypes || data.main.classes !== K_MAIN || data.archetypes.classes !== K_ARCH) {
    throw new UserError(`${file}: not a framing model of this version (expected ${K_MAIN} main classes and ${K_ARCH} archetypes)`, { file });
  }
  return new FramingModel(data);
}
